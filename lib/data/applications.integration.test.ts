// The exporter's data layer against a real database: one-transaction submit (with injected
// failures), optimistic locking of drafts, organisation scoping, answers and resubmission.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import {
  answerQuestion, getApplicationForEdit, getApplicationForExporter, listApplicationsForExporter, saveDraft, submitAndScreen,
} from '@/lib/data/applications';
import { AppError } from '@/lib/errors';
import { verifyAuditChain } from '@/lib/data/audit';
import { ZApplicationInput, type TApplicationInput } from '@/lib/validation/application';
import { createUser } from '@/test/factories';
import type { TActor } from '@/lib/authz';

const input = (overrides: { name?: string; eccn?: string | null; country?: string } = {}): TApplicationInput =>
  ZApplicationInput.parse({
    product: { name: overrides.name ?? `Door controller ${randomUUID().slice(0, 6)}`, description: 'Badge reader', eccn: overrides.eccn === undefined ? 'EAR99' : overrides.eccn, kind: 'HARDWARE', quantity: 10, unitValueUsd: 150, biometric: null },
    destination: { country: overrides.country ?? 'DE', region: null },
    endUser: { name: 'Muster Logistik', country: overrides.country ?? 'DE', address: 'Hauptstr. 1, Berlin', type: 'COMMERCIAL' },
    consignees: [],
    endUse: { category: 'ACCESS_CONTROL', description: 'Office doors' },
    redFlags: [],
  });

async function expectAppError(promise: Promise<unknown>, code: AppError['code']) {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err, `expected AppError ${code}`).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

const maxSeq = async () => (await db.auditEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0n;

/** A BEFORE INSERT trigger that raises for rows matching `condition`, removed afterwards. */
async function withFailingTrigger(table: string, condition: string, run: () => Promise<void>) {
  const name = `fail_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await db.$executeRawUnsafe(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF ${condition} THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`);
  await db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION ${name}()`);
  try {
    await run();
  } finally {
    await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "${table}"`);
    await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
  }
}

async function nothingLeftBehind(actor: TActor, productName: string, seqBefore: bigint) {
  expect(await db.application.count({ where: { productName } })).toBe(0);
  expect(await db.application.count({ where: { organizationId: actor.organizationId! } })).toBe(0);
  expect(await db.screeningRun.count({ where: { application: { organizationId: actor.organizationId! } } })).toBe(0);
  expect(await db.auditEvent.count({ where: { seq: { gt: seqBefore }, actorId: actor.id } })).toBe(0);
}

describe('submitAndScreen', () => {
  it('stores the application, its line item, parties, screening run and audit events together', async () => {
    const actor = await createUser('EXPORTER');
    const before = await maxSeq();
    const { id, outcome, reference } = await submitAndScreen({ actor, input: input() });
    expect(reference).toMatch(/^CLR-\d{4}-\d{6}$/);
    expect(outcome).toBe('CLEAR');
    const app = await db.application.findUniqueOrThrow({ where: { id }, include: { screeningRuns: true, lineItems: true, parties: true } });
    expect(app).toMatchObject({ status: 'SUBMITTED', outcome: 'CLEAR', severity: 0, organizationId: actor.organizationId, submittedById: actor.id });
    expect(app.screeningRuns).toHaveLength(1);
    expect(app.screeningRuns[0]).toMatchObject({ trigger: 'SUBMIT', outcome: 'CLEAR' });
    expect(app.lineItems).toHaveLength(1);
    expect(app.parties.map((p) => p.role)).toEqual(['END_USER']);
    const audit = await db.auditEvent.findMany({ where: { seq: { gt: before }, entityId: id }, orderBy: { seq: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['APPLICATION_SUBMITTED', 'SCREENING_COMPLETED']);
  });

  it('leaves nothing behind when storing the screening run fails', async () => {
    const actor = await createUser('EXPORTER');
    const productName = `Fail-on-run ${randomUUID()}`;
    const before = await maxSeq();
    await withFailingTrigger('ScreeningRun', `NEW.input->'lineItems'->0->>'name' = '${productName}'`, async () => {
      await expect(submitAndScreen({ actor, input: input({ name: productName }) })).rejects.toThrow(/injected failure/);
    });
    await nothingLeftBehind(actor, productName, before);
  });

  it('leaves nothing behind when the last audit event fails (after application and run were written)', async () => {
    const actor = await createUser('EXPORTER');
    const productName = `Fail-on-audit ${randomUUID()}`;
    const before = await maxSeq();
    await withFailingTrigger('AuditEvent', `NEW.action = 'SCREENING_COMPLETED' AND NEW."actorId" = '${actor.id}'`, async () => {
      await expect(submitAndScreen({ actor, input: input({ name: productName }) })).rejects.toThrow(/injected failure/);
    });
    await nothingLeftBehind(actor, productName, before);
    // The same submission goes through once the fault is gone.
    await expect(submitAndScreen({ actor, input: input({ name: productName }) })).resolves.toMatchObject({ outcome: 'CLEAR' });
  });

  it('refuses an ECCN that is not on the Commerce Control List, at the ECCN field, storing nothing', async () => {
    const actor = await createUser('EXPORTER');
    const before = await maxSeq();
    const err = await expectAppError(submitAndScreen({ actor, input: input({ eccn: '5A999', name: 'Unknown ECCN' }) }), 'INVALID');
    expect(err.message).toBe('5A999 is not on the Commerce Control List');
    // The stored input carries line items (the product shorthand becomes item 0), so the error is at that item.
    expect(err.details?.fieldErrors).toEqual({ 'lineItems.0.eccn': ['5A999 is not on the Commerce Control List'] });
    await nothingLeftBehind(actor, 'Unknown ECCN', before);
    await expect(submitAndScreen({ actor, input: input({ eccn: '3A981' }) })).resolves.toBeTruthy();
    await expect(submitAndScreen({ actor, input: input({ eccn: null }) })).resolves.toBeTruthy();
  });
});

describe('concurrent first submissions (group commit)', () => {
  it('share transactions, and each is stored once with its own reference, items, parties, run and audit pair', async () => {
    const actor = await createUser('EXPORTER');
    const before = await maxSeq();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => submitAndScreen({ actor, input: input({ name: `Batch ${i} ${randomUUID()}` }) })));
    expect(new Set(results.map((r) => r.id)).size).toBe(12);
    expect(new Set(results.map((r) => r.reference)).size).toBe(12);
    const apps = await db.application.findMany({ where: { organizationId: actor.organizationId! }, include: { screeningRuns: true, lineItems: true, parties: true } });
    expect(apps).toHaveLength(12);
    for (const app of apps) {
      const result = results.find((r) => r.id === app.id)!;
      expect(app.reference).toBe(result.reference);
      expect(app.screeningRuns.map((r) => [r.trigger, r.createdAt.getTime()])).toEqual([['SUBMIT', app.submittedAt!.getTime()]]);
      expect(app.lineItems).toHaveLength(1);
      expect(app.parties).toHaveLength(1);
      expect(app.slaDueOn).not.toBeNull();
      const audit = await db.auditEvent.findMany({ where: { seq: { gt: before }, entityId: app.id }, orderBy: { seq: 'asc' } });
      expect(audit.map((a) => a.action)).toEqual(['APPLICATION_SUBMITTED', 'SCREENING_COMPLETED']);
      expect(audit[1]!.data).toMatchObject({ screeningRunId: app.screeningRuns[0]!.id });
    }
    // Batched: some applications were stored by one transaction (same submission instant).
    expect(new Set(apps.map((a) => a.submittedAt!.getTime())).size).toBeLessThan(12);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('a submission that fails inside a shared batch fails alone; the others are stored', async () => {
    const actor = await createUser('EXPORTER');
    const failing = `Fail-in-batch ${randomUUID()}`;
    const names = Array.from({ length: 10 }, (_, i) => (i === 6 ? failing : `Batch ok ${i} ${randomUUID()}`));
    let settled: PromiseSettledResult<{ id: string }>[] = [];
    await withFailingTrigger('ScreeningRun', `NEW.input->'lineItems'->0->>'name' = '${failing}'`, async () => {
      settled = await Promise.allSettled(names.map((name) => submitAndScreen({ actor, input: input({ name }) })));
    });
    expect(settled.map((s) => s.status)).toEqual(names.map((n) => (n === failing ? 'rejected' : 'fulfilled')));
    expect(String((settled[6] as PromiseRejectedResult).reason)).toMatch(/injected failure/);
    expect(await db.application.count({ where: { organizationId: actor.organizationId! } })).toBe(9);
    expect(await db.application.count({ where: { productName: failing } })).toBe(0);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('two submissions with one submission token at the same time make one application', async () => {
    const actor = await createUser('EXPORTER');
    const submissionToken = randomUUID();
    const same = input();
    const others = Array.from({ length: 4 }, () => submitAndScreen({ actor, input: input() }));
    const [a, b] = await Promise.all([submitAndScreen({ actor, input: same, submissionToken }), submitAndScreen({ actor, input: same, submissionToken }), ...others]);
    expect(a!.id).toBe(b!.id);
    expect(await db.application.count({ where: { organizationId: actor.organizationId!, submissionToken } })).toBe(1);
    expect(await db.application.count({ where: { organizationId: actor.organizationId! } })).toBe(5);
  });
});

describe('drafts', () => {
  it('list a destination only when it is a country: "Narnia" is no country (not Namibia), "Germany" is DE', async () => {
    const actor = await createUser('EXPORTER');
    const narnia = await saveDraft({ actor, data: { product: { name: 'Wardrobe' }, destination: { country: 'Narnia' } } });
    const germany = await saveDraft({ actor, data: { product: { name: 'Lamp post' }, destination: { country: 'Germany' } } });
    const rows = await db.application.findMany({ where: { id: { in: [narnia.id, germany.id] } }, select: { id: true, destinationCountry: true } });
    expect(rows.find((r) => r.id === narnia.id)!.destinationCountry).toBeNull();
    expect(rows.find((r) => r.id === germany.id)!.destinationCountry).toBe('DE');
  });

  it('bump the version on every save and refuse a stale version without overwriting', async () => {
    const actor = await createUser('EXPORTER');
    const first = await saveDraft({ actor, data: { product: { name: 'Tab A' } } });
    expect(first.version).toBe(1);
    const second = await saveDraft({ actor, id: first.id, expectedVersion: 1, data: { product: { name: 'Tab A, edited' } } });
    expect(second.version).toBe(2);
    const err = await expectAppError(saveDraft({ actor, id: first.id, expectedVersion: 1, data: { product: { name: 'Tab B, stale' } } }), 'CONFLICT');
    expect(err.message).toMatch(/changed elsewhere/);
    const stored = await db.application.findUniqueOrThrow({ where: { id: first.id } });
    expect(stored).toMatchObject({ version: 2, productName: 'Tab A, edited' });
    // Submitting from the stale tab is refused too.
    await expectAppError(submitAndScreen({ actor, id: first.id, expectedVersion: 1, input: input() }), 'CONFLICT');
    expect(await db.screeningRun.count({ where: { applicationId: first.id } })).toBe(0);
  });
});

describe('organisation scoping', () => {
  it('makes another organisation’s application "not found" for every read and write', async () => {
    const owner = await createUser('EXPORTER');
    const other = await createUser('EXPORTER');
    const { id } = await submitAndScreen({ actor: owner, input: input({ name: 'Owner product' }) });
    const draft = await saveDraft({ actor: owner, data: { product: { name: 'Owner draft' } } });
    await expectAppError(getApplicationForExporter(other, id), 'NOT_FOUND');
    await expectAppError(getApplicationForEdit(other, draft.id), 'NOT_FOUND');
    await expectAppError(saveDraft({ actor: other, id: draft.id, expectedVersion: draft.version, data: { product: { name: 'hijack' } } }), 'NOT_FOUND');
    await expectAppError(submitAndScreen({ actor: other, id: draft.id, expectedVersion: draft.version, input: input() }), 'NOT_FOUND');
    await db.application.update({ where: { id }, data: { status: 'INFO_REQUESTED' } });
    await expectAppError(answerQuestion({ actor: other, id, body: 'hijack' }), 'NOT_FOUND');
    const list = await listApplicationsForExporter(other);
    expect(list.total).toBe(0);
    expect((await db.application.findUniqueOrThrow({ where: { id: draft.id } })).productName).toBe('Owner draft');
    const officer = await createUser('OFFICER');
    await expectAppError(getApplicationForExporter(officer, id), 'FORBIDDEN');
  });

  it('never gives the exporter internal notes or match evidence', async () => {
    const actor = await createUser('EXPORTER');
    const officer = await createUser('OFFICER');
    const { id } = await submitAndScreen({ actor, input: input({ eccn: '3A981', country: 'CN' }) });
    await db.caseNote.create({ data: { applicationId: id, authorId: officer.id, body: 'INTERNAL-NOTE-do-not-show' } });
    const view = await getApplicationForExporter(actor, id);
    const json = JSON.stringify(view);
    expect(json).not.toContain('INTERNAL-NOTE-do-not-show');
    expect(view.latestRun?.findings.length).toBeGreaterThan(0);
    for (const f of view.latestRun!.findings) expect(f).not.toHaveProperty('evidence');
  });
});

describe('information requests', () => {
  it('the exporter answers the question, edits and resubmits; both screenings are kept', async () => {
    const actor = await createUser('EXPORTER');
    const officer = await createUser('OFFICER');
    const { id } = await submitAndScreen({ actor, input: input({ eccn: 'EAR99' }) });
    await expectAppError(answerQuestion({ actor, id, body: 'too early' }), 'CONFLICT');

    // What the officer's "request information" does (built by the officer workflow).
    await db.application.update({ where: { id }, data: { status: 'INFO_REQUESTED', version: { increment: 1 } } });
    await db.caseMessage.create({ data: { applicationId: id, authorId: officer.id, kind: 'QUESTION', body: 'Is it really EAR99?' } });
    let view = await getApplicationForExporter(actor, id);
    expect(view.openQuestion?.body).toBe('Is it really EAR99?');

    await expectAppError(answerQuestion({ actor, id, body: '   ' }), 'INVALID');
    await answerQuestion({ actor, id, body: 'No: it is 3A981.' });
    view = await getApplicationForExporter(actor, id);
    expect(view.openQuestion).toBeNull();
    expect(view.messages.map((m) => m.kind)).toEqual(['QUESTION', 'ANSWER']);

    const { version } = await getApplicationForEdit(actor, id);
    const result = await submitAndScreen({ actor, id, expectedVersion: version, input: input({ eccn: '3A981', country: 'BR' }) });
    expect(result.id).toBe(id);
    const runs = await db.screeningRun.findMany({ where: { applicationId: id }, orderBy: { createdAt: 'asc' } });
    expect(runs.map((r) => r.trigger)).toEqual(['SUBMIT', 'RESUBMIT']);
    expect(runs[1]!.previousOutcome).toBe(runs[0]!.outcome);
    expect((runs[1]!.input as { lineItems: { eccn: string }[] }).lineItems[0]!.eccn).toBe('3A981');
    const app = await db.application.findUniqueOrThrow({ where: { id } });
    expect(app).toMatchObject({ status: 'SUBMITTED', eccn: '3A981', outcome: runs[1]!.outcome });
    expect((await getApplicationForExporter(actor, id)).runs).toHaveLength(2);
    expect(await db.auditEvent.count({ where: { entityId: id, action: { in: ['APPLICATION_RESUBMITTED', 'QUESTION_ANSWERED'] } } })).toBe(2);
  });
});
