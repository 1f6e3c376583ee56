// The probe's findings (issue 13), each as the test that would have caught it, through the real
// route handlers and data layer on a real database.
import { describe, expect, it } from 'vitest';
import { POST as screenRoute } from '@/app/api/v1/screen/route';
import { POST as submitRoute } from '@/app/api/v1/applications/route';
import { GET as statusRoute } from '@/app/api/v1/applications/[id]/route';
import { db } from '@/lib/db';
import { saveDraft, submitAndScreen } from '@/lib/data/applications';
import { setUserActive, updateUserRole } from '@/lib/data/users';
import { applicationInput } from '@/test/admin-helpers';
import { createExporterApiKey, createOrganization, createUser } from '@/test/factories';

const application = {
  product: { name: 'Door controller', description: 'Badge reader', eccn: 'EAR99', kind: 'HARDWARE', quantity: 10, unitValueUsd: 250, biometric: null },
  destination: { country: 'DE', region: null },
  endUser: { name: 'Muster Logistik GmbH', country: 'DE', address: 'Hamburg', type: 'COMMERCIAL' },
  consignees: [],
  endUse: { category: 'ACCESS_CONTROL', description: 'Warehouse doors' },
  redFlags: [],
};
type TApp = typeof application;
const withProduct = (p: Partial<TApp['product']>): TApp => ({ ...application, product: { ...application.product, ...p } });

const post = (key: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request('http://test/api', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const get = (key: string) => new Request('http://test/api', { headers: { authorization: `Bearer ${key}` } });

describe('API key bound to its organisation (finding 4)', () => {
  it('moving the key’s user to another organisation revokes the key (audited); it never reads the new organisation', async () => {
    const { admin, exporter, id, key } = await createExporterApiKey();
    const created = await submitRoute(post(key, application));
    expect(created.status).toBe(201);
    const newOrg = await createOrganization();
    const colleague = await createUser('EXPORTER', { organizationId: newOrg.id });
    const theirs = await submitAndScreen({ actor: colleague, input: applicationInput() });
    await updateUserRole(admin, { userId: exporter.id, role: 'EXPORTER', organizationId: newOrg.id });
    expect((await statusRoute(get(key), { params: Promise.resolve({ id: theirs.id }) })).status).toBe(401);
    expect((await submitRoute(post(key, application))).status).toBe(401);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).revokedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: 'API_KEY_REVOKED', entityId: id } })).toBe(1);
  });

  it('a key whose user was moved behind the data layer’s back still acts for nobody', async () => {
    const { exporter, key } = await createExporterApiKey();
    const other = await createOrganization();
    await db.user.update({ where: { id: exporter.id }, data: { organizationId: other.id } });
    expect((await screenRoute(post(key, application))).status).toBe(401);
  });

  it('deactivating the user revokes the key', async () => {
    const { admin, exporter, id, key } = await createExporterApiKey();
    await setUserActive(admin, exporter.id, false);
    expect((await screenRoute(post(key, application))).status).toBe(401);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).revokedAt).not.toBeNull();
  });
});

describe('request body cap (finding 6)', () => {
  it('stops reading a body without Content-Length at 1 MB', async () => {
    const { key } = await createExporterApiKey();
    let produced = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        produced += chunk.byteLength;
        if (produced > 100 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const request = new Request('http://test/api', { method: 'POST', headers: { authorization: `Bearer ${key}` }, body, duplex: 'half' } as RequestInit);
    const started = Date.now();
    const res = await screenRoute(request);
    expect(res.status).toBe(413);
    expect(produced).toBeLessThan(2 * 1024 * 1024);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('bad values are field errors, never 500 (finding 7)', () => {
  it.each([
    ['quantity 1e14', withProduct({ quantity: 1e14 }), 'product.quantity'],
    ['unit value 1e16', withProduct({ unitValueUsd: 1e16 }), 'product.unitValueUsd'],
    ['quantity 0.00001 (would be stored as 0)', withProduct({ quantity: 0.00001 }), 'product.quantity'],
    ['unit value 0.001', withProduct({ unitValueUsd: 0.001 }), 'product.unitValueUsd'],
    ['NUL in the product name', withProduct({ name: 'Door\u0000controller' }), 'product.name'],
    ['a lone surrogate in the description', withProduct({ description: 'Badge \uD800 reader' }), 'product.description'],
    ['a lone low surrogate in the end user', { ...application, endUser: { ...application.endUser, name: '\uDC00Muster' } }, 'endUser.name'],
  ])('%s → 422 at the field, on screen and submit', async (_name, body, field) => {
    const { key } = await createExporterApiKey();
    for (const route of [screenRoute, submitRoute]) {
      const res = await route(post(key, body));
      expect(res.status).toBe(422);
      const errors = ((await res.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors;
      expect(Object.keys(errors)).toContain(field);
    }
  });

  it('a draft with NUL or a lone surrogate is a field error, not a database error', async () => {
    const exporter = await createUser('EXPORTER');
    await expect(saveDraft({ actor: exporter, data: { product: { name: 'a\u0000b' } } })).rejects.toMatchObject({
      code: 'INVALID',
      details: { fieldErrors: { 'product.name': [expect.any(String)] } },
    });
    await expect(saveDraft({ actor: exporter, data: { endUser: { address: '\uD83D' } } })).rejects.toMatchObject({ code: 'INVALID' });
  });

  it('the largest allowed values are stored exactly', async () => {
    const { key } = await createExporterApiKey();
    const res = await submitRoute(post(key, withProduct({ quantity: 99_999_999_999_999.9, unitValueUsd: 0.01 })));
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const item = await db.lineItem.findFirstOrThrow({ where: { applicationId: id } });
    expect(item.unitValueUsd.toString()).toBe('0.01');
  });

  it('a refused submission does not burn a reference number', async () => {
    const { key } = await createExporterApiKey();
    const first = (await (await submitRoute(post(key, application))).json()) as { reference: string };
    for (const bad of [withProduct({ quantity: 1e15 }), withProduct({ name: 'x\u0000' })]) expect((await submitRoute(post(key, bad))).status).toBe(422);
    const second = (await (await submitRoute(post(key, application))).json()) as { reference: string };
    const n = (r: string) => Number(r.split('-').at(-1));
    expect(n(second.reference)).toBe(n(first.reference) + 1);
  });
});

describe('idempotency (finding 10)', () => {
  it('the same Idempotency-Key and body give the same response, stored once; another body is a conflict', async () => {
    const { exporter, key } = await createExporterApiKey();
    const idem = { 'idempotency-key': crypto.randomUUID() };
    const responses = await Promise.all([submitRoute(post(key, application, idem)), submitRoute(post(key, application, idem))]);
    const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ id: string }>));
    expect(responses.map((r) => r.status)).toEqual([201, 201]);
    expect(bodies[0]!.id).toBe(bodies[1]!.id);
    const retry = await submitRoute(post(key, application, idem));
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(((await retry.json()) as { id: string }).id).toBe(bodies[0]!.id);
    expect(await db.application.count({ where: { organizationId: exporter.organizationId! } })).toBe(1);
    const conflict = await submitRoute(post(key, withProduct({ quantity: 11 }), idem));
    expect(conflict.status).toBe(409);
  });

  it('two parallel submissions of one form (same token) create one application', async () => {
    const exporter = await createUser('EXPORTER');
    const token = crypto.randomUUID();
    const results = await Promise.all([0, 1, 2].map(() => submitAndScreen({ actor: exporter, input: applicationInput(), submissionToken: token })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await db.application.count({ where: { organizationId: exporter.organizationId! } })).toBe(1);
    const drafts = await Promise.all([0, 1].map(() => saveDraft({ actor: exporter, data: { product: { name: 'x' } }, submissionToken: crypto.randomUUID() })));
    expect(new Set(drafts.map((d) => d.id)).size).toBe(2);
  });
});

describe('membership history and conflict of interest (finding 14)', () => {
  it('an exporter who became an officer cannot decide or countersign their old organisation’s case; may escalate; others may decide', async () => {
    const { decideCase } = await import('@/lib/data/cases');
    const admin = await createUser('ADMIN');
    const org = await createOrganization();
    const moved = await createUser('EXPORTER', { organizationId: org.id });
    const colleague = await createUser('EXPORTER', { organizationId: org.id });
    const { id } = await submitAndScreen({ actor: colleague, input: applicationInput() });
    await updateUserRole(admin, { userId: moved.id, role: 'OFFICER', organizationId: null });
    const history = await db.organizationMembership.findMany({ where: { userId: moved.id } });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ organizationId: org.id, endedAt: expect.any(Date) });

    const officer = { ...moved, role: 'OFFICER' as const, organizationId: null };
    const version = (await db.application.findUniqueOrThrow({ where: { id } })).version;
    await expect(decideCase({ actor: officer, decision: { type: 'APPROVE', caseId: id, expectedVersion: version } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining(org.name),
    });
    await expect(decideCase({ actor: officer, decision: { type: 'DENY', caseId: id, expectedVersion: version, reason: 'x' } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const escalated = await decideCase({ actor: officer, decision: { type: 'ESCALATE', caseId: id, expectedVersion: version } });
    const other = await createUser('OFFICER');
    await expect(decideCase({ actor: other, decision: { type: 'APPROVE', caseId: id, expectedVersion: escalated.version } })).resolves.toMatchObject({
      status: 'APPROVED',
    });
  });
});

describe('list uploads never stay RUNNING (finding 11)', () => {
  it('a refused upload and an upload whose file never arrives end FAILED', async () => {
    const { startListImport, refuseListUpload, reapAbandonedUploads, UPLOAD_IDLE_MS } = await import('@/lib/data/party-lists');
    const { freshDraft } = await import('@/test/admin-helpers');
    const admin = await createUser('ADMIN');
    const draftId = await freshDraft(admin);
    const refused = await startListImport(admin, draftId, { format: 'AUTO', fileName: 'big.csv', size: 0 });
    await refuseListUpload(admin, refused.jobId, 'The file is larger than 50 MB. Nothing was changed.');
    expect(await db.job.findUniqueOrThrow({ where: { id: refused.jobId } })).toMatchObject({ status: 'FAILED', error: expect.stringContaining('larger') });

    const abandoned = await startListImport(admin, draftId, { format: 'AUTO', fileName: 'never.csv', size: 0 });
    expect(await reapAbandonedUploads(new Date())).toBe(0);
    expect((await db.job.findUniqueOrThrow({ where: { id: abandoned.jobId } })).status).toBe('RUNNING');
    expect(await reapAbandonedUploads(new Date(Date.now() + UPLOAD_IDLE_MS + 1000))).toBeGreaterThanOrEqual(1);
    expect(await db.job.findUniqueOrThrow({ where: { id: abandoned.jobId } })).toMatchObject({
      status: 'FAILED',
      error: expect.stringContaining('No file arrived'),
    });
  });
});

describe('sign-out ends the session (finding 5)', () => {
  it('signing out bumps the session version, so a copied token no longer matches', async () => {
    const { authOptions } = await import('@/lib/auth');
    const user = await createUser('EXPORTER');
    const before = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;
    await authOptions.events!.signOut!({ token: { uid: user.id, sessionVersion: before }, session: null as never });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(before + 1);
  });
});
