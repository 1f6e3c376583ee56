// The JSON API through its real route handlers: API keys, validation, screening without storing,
// submitting, reading status, organisation scoping and the per-key rate limit.
import { describe, expect, it } from 'vitest';
import { POST as screenRoute } from '@/app/api/v1/screen/route';
import { POST as submitRoute } from '@/app/api/v1/applications/route';
import { GET as statusRoute } from '@/app/api/v1/applications/[id]/route';
import { db } from '@/lib/db';
import { authenticateApiKey, revokeApiKey } from '@/lib/data/api-keys';
import { loadScreeningContext } from '@/lib/data/rulesets';
import { createExporterApiKey } from '@/test/factories';
import { until } from '@/test/until';

const application = {
  product: { name: 'Door controller', description: 'Badge reader', eccn: 'EAR99', kind: 'HARDWARE', quantity: 10, unitValueUsd: 250, biometric: null },
  destination: { country: 'DE', region: null },
  endUser: { name: 'Muster Logistik GmbH', country: 'DE', address: 'Hamburg', type: 'COMMERCIAL' },
  consignees: [],
  endUse: { category: 'ACCESS_CONTROL', description: 'Warehouse doors' },
  redFlags: [],
};

const post = (key: string | null, body: unknown) =>
  new Request('http://test/api', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const get = (key: string) => new Request('http://test/api', { headers: { authorization: `Bearer ${key}` } });

describe('JSON API', () => {
  it('refuses requests without a valid key', async () => {
    expect((await screenRoute(post(null, application))).status).toBe(401);
    expect((await screenRoute(post('clr_000000000000_notarealkeynotarealkey', application))).status).toBe(401);
  });

  it('takes the exporter country from the organisation and accepts subjectToEar / euControlCode (issue 16)', async () => {
    const { exporter, key } = await createExporterApiKey();
    await db.organization.update({ where: { id: exporter.organizationId! }, data: { country: 'DE' } });
    const item = { ...application.product, name: 'Milling machine', eccn: '2B001.a', subjectToEar: 'NO', euControlCode: '2B001.a' };
    const toChina = {
      ...application,
      product: undefined,
      lineItems: [item],
      destination: { country: 'CN', region: null },
      endUser: { ...application.endUser, name: 'Shenzhen Parts Co', country: 'CN' },
    };
    const res = await screenRoute(post(key, toChina));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { outcome: string; findings: { ruleId: string; outcome: string; regime: string }[] };
    expect(body.findings.find((f) => f.ruleId === 'eu.authorisation-art3')).toMatchObject({ outcome: 'LICENSE_REQUIRED', regime: 'EU_2021_821' });
    expect(body.findings.some((f) => f.ruleId === 'licence.country-chart')).toBe(false);
    const bad = await screenRoute(post(key, { ...toChina, lineItems: [{ ...item, euControlCode: '2B999' }] }));
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toMatch(/lineItems\.0\.euControlCode/);
  });

  it('screens without storing, and lists every field error for bad input', async () => {
    const { key } = await createExporterApiKey();
    const before = await db.application.count();
    const ok = await screenRoute(post(key, application));
    expect(ok.status).toBe(200);
    const result = (await ok.json()) as { outcome: string; ruleSetVersion: string; findings: unknown[] };
    expect(result.outcome).toBe('CLEAR');
    expect(result.ruleSetVersion).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
    expect(await db.application.count()).toBe(before);

    const bad = await screenRoute(post(key, { ...application, product: { ...application.product, quantity: -1, name: '' } }));
    expect(bad.status).toBe(422);
    const errors = ((await bad.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(['product.quantity', 'product.name']));
    expect((await screenRoute(post(key, '{not json'))).status).toBe(400);
  });

  it('submits as the key’s exporter and reads the status; other organisations get 404', async () => {
    const { key, exporter, admin } = await createExporterApiKey();
    const created = await submitRoute(post(key, application));
    expect(created.status).toBe(201);
    const { id, reference, outcome } = (await created.json()) as { id: string; reference: string; outcome: string };
    expect(reference).toMatch(/^CLR-\d{4}-\d{6}$/);
    expect(outcome).toBe('CLEAR');
    const stored = await db.application.findUniqueOrThrow({ where: { id } });
    expect(stored.organizationId).toBe(exporter.organizationId);
    expect(stored.submittedById).toBe(exporter.id);

    const status = await statusRoute(get(key), { params: Promise.resolve({ id }) });
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({ id, reference, status: 'SUBMITTED', outcome: 'CLEAR' });

    const { key: otherKey, id: otherKeyId } = await createExporterApiKey({ admin, name: 'Other' });
    expect((await statusRoute(get(otherKey), { params: Promise.resolve({ id }) })).status).toBe(404);

    await revokeApiKey(admin, otherKeyId);
    expect((await statusRoute(get(otherKey), { params: Promise.resolve({ id }) })).status).toBe(401);
  });

  it('reads key, acting user, organisation and (for screening routes) the screening context in one lookup', async () => {
    const { admin, exporter, id, key } = await createExporterApiKey();
    const auth = await authenticateApiKey(key, { screeningContext: true });
    expect(auth).toMatchObject({
      keyId: id,
      actor: { id: exporter.id, email: exporter.email, name: exporter.name, role: 'EXPORTER', organizationId: exporter.organizationId },
      exporter: { country: 'US' },
    });
    expect(auth!.screeningContext).toEqual(await loadScreeningContext());
    expect((await authenticateApiKey(key))!.screeningContext).toBeUndefined();
    // a wrong secret with a real prefix, a deactivated user and a revoked key: no access
    // (the secret is base64url, so it may hold or end with "_": cut after the prefix, not at the last "_")
    const wrongSecret = `${key.slice(0, 'clr_'.length + 12 + 1)}wrongsecretwrongsecretwrong`;
    expect(wrongSecret).not.toBe(key);
    expect(await authenticateApiKey(wrongSecret)).toBeNull();
    // (written past the data layer, as another instance would: seen once its notification arrives,
    // lib/data/api-key-cache.integration.test.ts)
    await db.user.update({ where: { id: exporter.id }, data: { active: false } });
    expect(
      await until(
        () => authenticateApiKey(key, { screeningContext: true }),
        (a) => a === null,
        2_000,
      ),
    ).toBeNull();
    await db.user.update({ where: { id: exporter.id }, data: { active: true } });
    await revokeApiKey(admin, id);
    expect(await authenticateApiKey(key, { screeningContext: true })).toBeNull();
  });

  it('limits each key to its requests per minute', async () => {
    const { key, id } = await createExporterApiKey();
    // 120 requests already counted in this minute's window (counters, lib/rate-limit.ts).
    const windowStart = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    await db.rateLimitCounter.create({ data: { key: `api:${id}`, windowStart, count: 120 } });
    const limited = await screenRoute(post(key, application));
    expect(limited.status).toBe(429);
    // Until this window ends (the counter is per fixed minute, the previous one weighted).
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  });
});
