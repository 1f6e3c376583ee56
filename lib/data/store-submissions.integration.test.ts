// The submissions' raw INSERT (lib/data/store-submissions.ts) against a real database: every column
// of the application, line items, parties and screening run holds what the Prisma path stored
// (JSON findings and input intact, decimals, a biometric object and its absence, enum values, one
// instant), alone and in shared batches, for first submissions and resubmissions; the audit rows
// chain and verify; a reused submission token still meets the first application.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { saveDraft, submitAndScreen } from '@/lib/data/applications';
import { auditHash, verifyAuditChain } from '@/lib/data/audit';
import { screenInput } from '@/lib/data/screening';
import { ZApplicationInput, type TApplicationInput } from '@/lib/validation/application';
import { createUser } from '@/test/factories';

const CUID = /^c[a-z0-9]{24}$/;

const twoItems = (marker: string): TApplicationInput =>
  ZApplicationInput.parse({
    lineItems: [
      { name: `Door controller ${marker}`, description: 'Badge reader, "quoted" and \\ back-slashed', eccn: 'EAR99', kind: 'HARDWARE', quantity: 2.5, unitValueUsd: 1234.56, biometric: null },
      {
        name: `Fingerprint reader ${marker}`,
        description: 'Access control reader — ünïcode',
        eccn: '3A981',
        kind: 'HARDWARE',
        quantity: 12,
        unitValueUsd: 900,
        biometric: { modality: 'FINGERPRINT', matchingMode: 'ONE_TO_MANY', maxGallerySize: 5000, liveVideo: false, remoteGalleryAccess: true, trainingDataConsent: 'UNKNOWN' },
      },
    ],
    destination: { country: 'BR', region: null },
    endUser: { name: `Acme Seguranca ${marker}`, country: 'BR', address: 'Rua 1, Sao Paulo', type: 'COMMERCIAL' },
    consignees: [
      { name: 'Forwarder One', country: 'PT', role: 'INTERMEDIATE' },
      { name: 'Final Site Ltda', country: 'BR', role: 'ULTIMATE' },
    ],
    endUse: { category: 'ACCESS_CONTROL', description: `Office doors ${marker}` },
    redFlags: [],
  });

/** Everything one submission stored, as read back through Prisma. */
async function storedOf(id: string) {
  return db.application.findUniqueOrThrow({
    where: { id },
    include: { lineItems: { orderBy: { position: 'asc' } }, parties: { orderBy: [{ role: 'asc' }, { position: 'asc' }] }, screeningRuns: { orderBy: { createdAt: 'asc' } } },
  });
}

/** The stored rows of `id` match `input` column by column (what the Prisma createMany path wrote). */
async function expectStoredAsSubmitted(id: string, input: TApplicationInput, actorId: string, organizationId: string, submissionToken: string | null, { fromDraft = false } = {}) {
  const app = await storedOf(id);
  const [first, second] = input.lineItems;
  expect(app).toMatchObject({
    id: expect.stringMatching(CUID),
    organizationId,
    createdById: actorId,
    submittedById: actorId,
    assignedToId: null,
    status: 'SUBMITTED',
    outcomeChanged: false,
    productName: `${first!.name} and 1 more item`,
    eccn: 'EAR99, 3A981',
    lineItemCount: 2,
    destinationCountry: 'BR',
    destinationRegion: null,
    endUserName: input.endUser.name,
    endUserType: 'COMMERCIAL',
    endUseCategory: 'ACCESS_CONTROL',
    submissionToken,
    version: fromDraft ? 2 : 1,
    decidedAt: null,
    withdrawnAt: null,
    copiedFromId: null,
    deletedAt: null,
  });
  // one instant: created (a first submission), submitted and the run's clock
  if (!fromDraft) {
    expect(app.createdAt.getTime()).toBe(app.submittedAt!.getTime());
    expect(app.updatedAt.getTime()).toBe(app.submittedAt!.getTime());
    expect(app.slaDueOn).toBeInstanceOf(Date);
  }
  expect(app.searchText).toContain(first!.name.toLowerCase());
  expect(app.searchText).toContain('3a981');
  expect(app.data).toEqual(JSON.parse(JSON.stringify(input)));

  expect(app.lineItems.map((i) => ({ ...i, quantity: i.quantity.toFixed(4), unitValueUsd: i.unitValueUsd.toFixed(2) }))).toEqual([
    { id: expect.stringMatching(CUID), applicationId: id, position: 0, productName: first!.name, description: first!.description, eccn: 'EAR99', kind: 'HARDWARE', quantity: '2.5000', unitValueUsd: '1234.56', biometric: null },
    { id: expect.stringMatching(CUID), applicationId: id, position: 1, productName: second!.name, description: second!.description, eccn: '3A981', kind: 'HARDWARE', quantity: '12.0000', unitValueUsd: '900.00', biometric: second!.biometric },
  ]);
  // SQL NULL, not a JSON null, for an item without biometric details (as Prisma stored `undefined`)
  const [nulls] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "LineItem" WHERE "applicationId" = ${id} AND "biometric" IS NULL`;
  expect(nulls!.n).toBe(1);

  expect(app.parties.map(({ id: partyId, ...p }) => ({ partyId, ...p }))).toEqual([
    { partyId: expect.stringMatching(CUID), applicationId: id, role: 'END_USER', position: 0, name: input.endUser.name, country: 'BR', address: 'Rua 1, Sao Paulo', type: 'COMMERCIAL' },
    { partyId: expect.stringMatching(CUID), applicationId: id, role: 'INTERMEDIATE_CONSIGNEE', position: 0, name: 'Forwarder One', country: 'PT', address: null, type: null },
    { partyId: expect.stringMatching(CUID), applicationId: id, role: 'ULTIMATE_CONSIGNEE', position: 1, name: 'Final Site Ltda', country: 'BR', address: null, type: null },
  ]);

  const run = app.screeningRuns.at(-1)!;
  const expected = await screenInput(input);
  expect(run).toMatchObject({ id: expect.stringMatching(CUID), applicationId: id, ruleSetVersionId: expected.ruleSetVersionId, outcome: expected.result.outcome });
  expect(run.outcome).toBe(app.outcome);
  expect(app.severity).toBe({ CLEAR: 0, REVIEW: 1, LICENSE_REQUIRED: 2, PROHIBITED: 3 }[app.outcome!]);
  expect(run.findings).toEqual(JSON.parse(JSON.stringify(expected.result.findings)));
  expect(run.input).toEqual(app.data);
  expect(run.createdAt.getTime()).toBe(app.submittedAt!.getTime());
  return { app, run };
}

describe('the submissions’ one INSERT statement', () => {
  it('stores a first submission column by column as submitted, with its audit pair chained', async () => {
    const actor = await createUser('EXPORTER');
    const input = twoItems(randomUUID().slice(0, 8));
    const token = randomUUID();
    const { id, reference, outcome } = await submitAndScreen({ actor, input, submissionToken: token });
    const { app, run } = await expectStoredAsSubmitted(id, input, actor.id, actor.organizationId!, token);
    expect(app).toMatchObject({ reference, outcome });
    expect(run).toMatchObject({ trigger: 'SUBMIT', previousOutcome: null });

    const audit = await db.auditEvent.findMany({ where: { entityId: id }, orderBy: { seq: 'asc' } });
    expect(audit.map((a) => [a.action, a.actorId, a.actorEmail, a.entityType])).toEqual([
      ['APPLICATION_SUBMITTED', actor.id, actor.email, 'Application'],
      ['SCREENING_COMPLETED', actor.id, actor.email, 'Application'],
    ]);
    expect(audit[0]!.data).toEqual({ reference });
    expect(audit[1]!.data).toEqual({ screeningRunId: run.id, outcome, ruleSetVersion: expect.any(String), findings: (run.findings as unknown[]).length });
    expect(audit[1]!.prevHash).toBe(audit[0]!.hash);
    for (const row of audit) expect(auditHash(row)).toBe(row.hash);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('stores every submission of a shared batch once, each with its own rows and consecutive audit pair', async () => {
    const actor = await createUser('EXPORTER');
    const inputs = Array.from({ length: 10 }, (_, i) => twoItems(`batch-${i}-${randomUUID().slice(0, 6)}`));
    const results = await Promise.all(inputs.map((input) => submitAndScreen({ actor, input })));
    expect(new Set(results.map((r) => r.id)).size).toBe(10);
    for (const [i, r] of results.entries()) await expectStoredAsSubmitted(r.id, inputs[i]!, actor.id, actor.organizationId!, null);
    const apps = await db.application.findMany({ where: { organizationId: actor.organizationId! }, select: { submittedAt: true } });
    expect(new Set(apps.map((a) => a.submittedAt!.getTime())).size).toBeLessThan(10);
    // Each application's two events are adjacent in the chain (one batch appends them in order).
    for (const r of results) {
      const [a, b] = await db.auditEvent.findMany({ where: { entityId: r.id }, orderBy: { seq: 'asc' } });
      expect(b!.seq - a!.seq).toBe(1n);
      expect(b!.prevHash).toBe(a!.hash);
    }
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('stores a resubmission’s new rows beside its application (no second application row)', async () => {
    const actor = await createUser('EXPORTER');
    const input = twoItems(randomUUID().slice(0, 8));
    const draft = await saveDraft({ actor, data: { product: { name: 'Draft first' } } });
    const submitted = await submitAndScreen({ actor, id: draft.id, expectedVersion: draft.version, input });
    expect(submitted.id).toBe(draft.id);
    const { app, run } = await expectStoredAsSubmitted(draft.id, input, actor.id, actor.organizationId!, null, { fromDraft: true });
    expect(app.reference).toBe(draft.reference);
    expect(app.screeningRuns).toHaveLength(1);
    expect(run).toMatchObject({ trigger: 'SUBMIT', previousOutcome: null });
    expect(await db.application.count({ where: { organizationId: actor.organizationId! } })).toBe(1);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('a reused submission token in a shared batch meets the first application (the raw statement’s unique violation)', async () => {
    const actor = await createUser('EXPORTER');
    const token = randomUUID();
    const input = twoItems(randomUUID().slice(0, 8));
    const results = await Promise.all([
      ...Array.from({ length: 3 }, () => submitAndScreen({ actor, input, submissionToken: token })),
      ...Array.from({ length: 5 }, () => submitAndScreen({ actor, input: twoItems(randomUUID().slice(0, 8)) })),
    ]);
    expect(new Set(results.slice(0, 3).map((r) => r.id)).size).toBe(1);
    expect(await db.application.count({ where: { organizationId: actor.organizationId!, submissionToken: token } })).toBe(1);
    expect(await db.application.count({ where: { organizationId: actor.organizationId! } })).toBe(6);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
