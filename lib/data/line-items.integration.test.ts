// Line items against a real database (issue 12): submit stores one LineItem row per item and a run
// whose findings carry the items' positions; per-item decisions are one transaction with their
// audit row; 20 concurrent per-item decisions on one case give exactly one; Approved in part needs a
// countersignature when an approved item is licence-required; withdraw, delete draft, copy.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { verifyAuditChain } from '@/lib/data/audit';
import { getApplicationForExporter, listApplicationsForExporter, saveDraft, submitAndScreen } from '@/lib/data/applications';
import { copyApplication, deleteDraft, withdrawApplication } from '@/lib/data/application-lifecycle';
import { countersignCase, findCasesForQueue, getCaseForOfficer, getDecisionRecord } from '@/lib/data/cases';
import { decideLineItems, itemSummariesFor } from '@/lib/data/line-item-decisions';
import { AppError } from '@/lib/errors';
import { ZApplicationInput } from '@/lib/validation/application';
import { ZLineItemDecisionForm, ZQueueFilter } from '@/lib/validation/decision';
import { createOrganization, createUser } from '@/test/factories';

const item = (name: string, eccn: string | null, biometric: object | null = null) => ({ name, description: `${name} for the police`, eccn, kind: 'HARDWARE', quantity: 2, unitValueUsd: 1500, biometric });

/** The three items, to a police end user in Brazil. */
function threeItems() {
  return ZApplicationInput.parse({
    lineItems: [
      item(`Spare parts ${randomUUID().slice(0, 6)}`, 'EAR99'),
      item('Fingerprint reader', '3A981', { modality: 'FINGERPRINT', matchingMode: 'ONE_TO_ONE', maxGallerySize: 1, liveVideo: false, remoteGalleryAccess: false, trainingDataConsent: 'CONSENTED' }),
      item('Face identification server', '3A981', { modality: 'FACE', matchingMode: 'ONE_TO_MANY', maxGallerySize: 1_000_000, liveVideo: true, remoteGalleryAccess: false, trainingDataConsent: 'CONSENTED' }),
    ],
    destination: { country: 'BR', region: null },
    endUser: { name: 'Policia Civil Sao Paulo', country: 'BR', address: 'Rua 1', type: 'LAW_ENFORCEMENT' },
    endUse: { category: 'LAW_ENFORCEMENT_INVESTIGATION', description: 'Investigations' },
  });
}

async function team() {
  const org = await createOrganization();
  const exporter = await createUser('EXPORTER', { organizationId: org.id });
  return { org, exporter, officer: await createUser('OFFICER'), officer2: await createUser('OFFICER') };
}

async function submitThree(exporter: Awaited<ReturnType<typeof team>>['exporter']) {
  const { id } = await submitAndScreen({ actor: exporter, input: threeItems() });
  const { version } = await db.application.findUniqueOrThrow({ where: { id }, select: { version: true } });
  return { id, version };
}

const partial = (caseId: string, expectedVersion: number) => ({
  caseId,
  expectedVersion,
  items: [
    { position: 0, decision: 'APPROVE' as const },
    { position: 1, decision: 'APPROVE' as const, licenseReference: 'D-123', licenseExpiresAt: '2031-12-01', conditions: 'No re-export' },
    { position: 2, decision: 'DENY' as const, reason: '1:N face identification for police is refused.' },
  ],
});

describe('line items: submit, screen, read', () => {
  it('stores one row per item and per-item outcomes on both sides', async () => {
    const { exporter, officer } = await team();
    const { id } = await submitThree(exporter);
    const rows = await db.lineItem.findMany({ where: { applicationId: id }, orderBy: { position: 'asc' } });
    expect(rows.map((r) => [r.position, r.eccn])).toEqual([[0, 'EAR99'], [1, '3A981'], [2, '3A981']]);
    const app = await db.application.findUniqueOrThrow({ where: { id } });
    expect(app.lineItemCount).toBe(3);
    expect(app.productName).toMatch(/^Spare parts .* and 2 more items$/);
    expect(app.eccn).toBe('EAR99, 3A981');
    const mine = await getApplicationForExporter(exporter, id);
    expect(mine.lineItems.map((i) => i.outcome)).toEqual(['CLEAR', 'LICENSE_REQUIRED', 'LICENSE_REQUIRED']);
    expect(mine.lineItems[1]!.findings.some((f) => f.ruleId === 'licence.country-chart')).toBe(true);
    const file = await getCaseForOfficer(officer, id);
    expect(file.lineItems.map((i) => [i.position, i.outcome])).toEqual([[0, 'CLEAR'], [1, 'LICENSE_REQUIRED'], [2, 'LICENSE_REQUIRED']]);
  });
});

describe('per-item decisions', () => {
  it('Approved in part: one transaction with its audit row, countersigned by a second officer, then visible to the exporter', async () => {
    const { exporter, officer, officer2 } = await team();
    const c = await submitThree(exporter);
    // The form's flat fields go through the same schema the action uses.
    const missing = ZLineItemDecisionForm.safeParse({ caseId: c.id, expectedVersion: String(c.version), 'items.0.decision': 'APPROVE', 'items.1.decision': 'DENY', 'items.1.reason': '' });
    expect(missing.success).toBe(false);
    // A licence-required approval without its licence is refused, field by field, and nothing is written.
    const err = await decideLineItems({ actor: officer, input: { ...partial(c.id, c.version), items: [{ position: 0, decision: 'APPROVE' }, { position: 1, decision: 'APPROVE' }, { position: 2, decision: 'DENY', reason: 'no' }] } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).details?.fieldErrors).toMatchObject({ 'items.1.licenseReference': expect.any(Array), 'items.1.licenseExpiresAt': expect.any(Array) });
    expect(await db.decision.count({ where: { applicationId: c.id } })).toBe(0);

    const decided = await decideLineItems({ actor: officer, input: partial(c.id, c.version) });
    expect(decided).toMatchObject({ type: 'APPROVE_IN_PART', status: 'AWAITING_COUNTERSIGNATURE' });
    const decisions = await db.decision.findMany({ where: { applicationId: c.id }, orderBy: [{ lineItemPosition: 'asc' }] });
    expect(decisions.map((d) => [d.lineItemPosition, d.type])).toEqual([[0, 'APPROVE'], [1, 'APPROVE'], [2, 'DENY'], [null, 'APPROVE_IN_PART']]);
    const audit = await db.auditEvent.findMany({ where: { entityId: c.id, action: 'CASE_APPROVAL_PENDING_COUNTERSIGNATURE' } });
    expect(audit).toHaveLength(1);
    expect((audit[0]!.data as { items: { decision: string }[] }).items.map((i) => i.decision)).toEqual(['APPROVE', 'APPROVE', 'DENY']);
    // Not yet a decision the exporter can rely on.
    expect((await getApplicationForExporter(exporter, c.id)).lineItems.every((i) => i.decision === null)).toBe(true);

    const signed = await countersignCase({ actor: officer2, input: { caseId: c.id, expectedVersion: decided.version } });
    expect(signed.status).toBe('APPROVED_IN_PART');
    const mine = await getApplicationForExporter(exporter, c.id);
    expect(mine.status).toBe('APPROVED_IN_PART');
    expect(mine.lineItems.map((i) => i.decision?.type)).toEqual(['APPROVE', 'APPROVE', 'DENY']);
    expect(mine.lineItems[1]!.decision).toMatchObject({ licenseReference: 'D-123', conditions: 'No re-export' });
    expect(mine.lineItems[2]!.decision?.reason).toMatch(/refused/);
    const record = await getDecisionRecord(exporter, c.id);
    expect(record.decision?.type).toBe('APPROVE_IN_PART');
    expect(record.lineItems.map((i) => i.decision?.type)).toEqual(['APPROVE', 'APPROVE', 'DENY']);
    const summaries = await itemSummariesFor(officer, [c.id]);
    expect(summaries.get(c.id)?.map((s) => [s.outcome, s.decision])).toEqual([['CLEAR', 'APPROVE'], ['LICENSE_REQUIRED', 'APPROVE'], ['LICENSE_REQUIRED', 'DENY']]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('refusing every item denies the case without a countersignature; approving only clear items needs none', async () => {
    const { exporter, officer } = await team();
    const a = await submitThree(exporter);
    const denied = await decideLineItems({ actor: officer, input: { caseId: a.id, expectedVersion: a.version, items: [0, 1, 2].map((position) => ({ position, decision: 'DENY' as const, reason: 'Not now' })) } });
    expect(denied).toMatchObject({ type: 'DENY', status: 'DENIED' });
    const b = await submitThree(exporter);
    const part = await decideLineItems({ actor: officer, input: { caseId: b.id, expectedVersion: b.version, items: [{ position: 0, decision: 'APPROVE' }, { position: 1, decision: 'DENY', reason: 'x' }, { position: 2, decision: 'DENY', reason: 'y' }] } });
    expect(part).toMatchObject({ type: 'APPROVE_IN_PART', status: 'APPROVED_IN_PART' });
  });

  it('20 concurrent per-item decisions on one case: exactly one, with its rows and audit row', async () => {
    const { exporter } = await team();
    const officers = await Promise.all(Array.from({ length: 20 }, () => createUser('OFFICER')));
    const c = await submitThree(exporter);
    const results = await Promise.allSettled(officers.map((officer) => decideLineItems({ actor: officer, input: partial(c.id, c.version) })));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    for (const f of failed) expect((f.reason as AppError).code).toBe('CONFLICT');
    expect(await db.decision.count({ where: { applicationId: c.id, lineItemPosition: null } })).toBe(1);
    expect(await db.decision.count({ where: { applicationId: c.id, lineItemPosition: { not: null } } })).toBe(3);
    expect(await db.auditEvent.count({ where: { entityId: c.id, action: { in: ['CASE_APPROVAL_PENDING_COUNTERSIGNATURE', 'CASE_APPROVED_IN_PART'] } } })).toBe(1);
    expect((await db.application.findUniqueOrThrow({ where: { id: c.id } })).version).toBe(c.version + 1);
  });
});

describe('withdraw, delete draft, copy', () => {
  it('withdraw: before a decision, with a reason; leaves the queue, stays in the record and the audit log', async () => {
    const { exporter, officer } = await team();
    const c = await submitThree(exporter);
    await expect(withdrawApplication({ actor: exporter, id: c.id, expectedVersion: c.version, reason: '' })).rejects.toMatchObject({ code: 'INVALID' });
    const other = await createUser('EXPORTER');
    await expect(withdrawApplication({ actor: other, id: c.id, expectedVersion: c.version, reason: 'Not mine' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await withdrawApplication({ actor: exporter, id: c.id, expectedVersion: c.version, reason: 'Customer cancelled the order' });
    const app = await db.application.findUniqueOrThrow({ where: { id: c.id } });
    expect(app).toMatchObject({ status: 'WITHDRAWN', withdrawalReason: 'Customer cancelled the order' });
    const queue = await findCasesForQueue(officer, ZQueueFilter.parse({}));
    expect(queue.rows.some((r) => r.id === c.id)).toBe(false);
    expect((await getCaseForOfficer(officer, c.id)).status).toBe('WITHDRAWN');
    expect(await db.auditEvent.count({ where: { entityId: c.id, action: 'APPLICATION_WITHDRAWN' } })).toBe(1);
    // Decided cases cannot be withdrawn.
    const d = await submitThree(exporter);
    const decided = await decideLineItems({ actor: officer, input: { caseId: d.id, expectedVersion: d.version, items: [0, 1, 2].map((position) => ({ position, decision: 'DENY' as const, reason: 'No' })) } });
    await expect(withdrawApplication({ actor: exporter, id: d.id, expectedVersion: decided.version, reason: 'Too late' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('delete draft: only a never-submitted draft; hidden from the exporter, kept for the audit log', async () => {
    const { exporter } = await team();
    const draft = await saveDraft({ actor: exporter, data: { lineItems: [{ name: 'Half-written' }] } });
    await deleteDraft({ actor: exporter, id: draft.id, expectedVersion: draft.version });
    await expect(getApplicationForExporter(exporter, draft.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listApplicationsForExporter(exporter)).rows.some((r) => r.id === draft.id)).toBe(false);
    expect(await db.auditEvent.count({ where: { entityId: draft.id, action: { in: ['APPLICATION_CREATED', 'APPLICATION_DRAFT_DELETED'] } } })).toBe(2);
    const c = await submitThree(exporter);
    await expect(deleteDraft({ actor: exporter, id: c.id, expectedVersion: c.version })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('copy: a new draft with the same items that references the original', async () => {
    const { exporter } = await team();
    const c = await submitThree(exporter);
    const copy = await copyApplication({ actor: exporter, id: c.id });
    const app = await db.application.findUniqueOrThrow({ where: { id: copy.id } });
    expect(app).toMatchObject({ status: 'DRAFT', copiedFromId: c.id, lineItemCount: 3 });
    const data = app.data as { lineItems: { name: string; eccn: string }[] };
    expect(data.lineItems.map((i) => i.eccn)).toEqual(['EAR99', '3A981', '3A981']);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: copy.id, action: 'APPLICATION_CREATED' } });
    expect(audit.data).toMatchObject({ copiedFromId: c.id });
    expect((await getApplicationForExporter(exporter, c.id)).copies.map((x) => x.id)).toEqual([copy.id]);
  });
});
