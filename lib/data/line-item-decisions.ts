// Per-item decisions (issue 12): the officer approves or refuses each line item (a reason for each
// refusal; conditions, and a licence reference and expiry for an approved licence-required item),
// and the case's decision follows: Approved, Approved in part or Denied. Like every case change it
// is one conditional UPDATE (expected version, decidable status, unchanged outcome, not the
// submitter) with the case decision, the item decisions and the audit row in the same transaction,
// so of 20 officers deciding one case at once exactly one succeeds.
import { findingsOf } from '@/lib/data/json';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { appendAudit } from '@/lib/data/audit';
import {
  CHANGED_MESSAGE, COUNTERSIGN_OUTCOMES, DECIDABLE_STATUSES, explainRefusal, loadCaseAtVersion, requireOfficer,
} from '@/lib/data/cases';
import { AppError } from '@/lib/errors';
import type { ApplicationStatus, DecisionType, Outcome } from '@/lib/generated/prisma/enums';
import { lineItemResults } from '@/lib/screening/line-items';
import type { TFinding } from '@/lib/screening/types';
import type { TLineItemDecisionInput } from '@/lib/validation/decision';

/** The case's decision from its items' decisions. */
export function caseDecisionOf(choices: readonly ('APPROVE' | 'DENY')[]): 'APPROVE' | 'APPROVE_IN_PART' | 'DENY' {
  const approved = choices.filter((c) => c === 'APPROVE').length;
  return approved === 0 ? 'DENY' : approved === choices.length ? 'APPROVE' : 'APPROVE_IN_PART';
}

const STATUS_OF: Record<'APPROVE' | 'APPROVE_IN_PART' | 'DENY', ApplicationStatus> = { APPROVE: 'APPROVED', APPROVE_IN_PART: 'APPROVED_IN_PART', DENY: 'DENIED' };

export type TDecideLineItemsOptions = { actor: TActor; input: TLineItemDecisionInput; now?: Date };

export async function decideLineItems({ actor, input, now = new Date() }: TDecideLineItemsOptions) {
  requireOfficer(actor);
  const { caseId, expectedVersion } = input;
  return db.$transaction(async (tx) => {
    const current = await loadCaseAtVersion(tx, actor, caseId, expectedVersion);
    const items = await tx.lineItem.findMany({ where: { applicationId: caseId }, orderBy: { position: 'asc' }, select: { id: true, position: true, productName: true } });
    const run = await tx.screeningRun.findFirst({ where: { applicationId: caseId }, orderBy: { createdAt: 'desc' }, select: { id: true, findings: true } });
    const outcomes = lineItemResults(findingsOf(run?.findings ?? []), items.length).map((r) => r.outcome as Outcome);

    // Every item decided exactly once; licence-required approvals carry the licence.
    const errors: Record<string, string[]> = {};
    const byPosition = new Map(input.items.map((c) => [c.position, c]));
    if (byPosition.size !== input.items.length) throw new AppError('INVALID', 'Each line item can be decided once.');
    const licenseExpiry = new Map<number, Date | null>();
    items.forEach((item, i) => {
      const choice = byPosition.get(item.position);
      if (!choice) {
        errors[`items.${i}.decision`] = ['Approve or refuse this item'];
        return;
      }
      let expires: Date | null = null;
      if (choice.decision === 'APPROVE') {
        if (outcomes[i] === 'LICENSE_REQUIRED') {
          if (!choice.licenseReference) errors[`items.${i}.licenseReference`] = ['A licence-required item needs the licence reference'];
          if (!choice.licenseExpiresAt) errors[`items.${i}.licenseExpiresAt`] = ['A licence-required item needs the licence’s expiry date'];
        }
        if (choice.licenseExpiresAt) {
          expires = new Date(`${choice.licenseExpiresAt}T23:59:59.999Z`);
          if (expires.getTime() <= now.getTime()) errors[`items.${i}.licenseExpiresAt`] = ['The expiry date must be in the future'];
        }
      }
      licenseExpiry.set(item.position, expires);
    });
    if (input.items.some((c) => !items.some((item) => item.position === c.position))) throw new AppError('CONFLICT', CHANGED_MESSAGE);
    if (Object.keys(errors).length > 0) throw new AppError('INVALID', 'Some line items need attention.', { fieldErrors: errors });

    const choices = items.map((item) => byPosition.get(item.position)!);
    const type = caseDecisionOf(choices.map((c) => c.decision));
    // An approval covering a licence-required or prohibited item needs a second officer.
    const needsCountersignature = choices.some((c, i) => c.decision === 'APPROVE' && COUNTERSIGN_OUTCOMES.includes(outcomes[i] ?? 'REVIEW'));
    const status: ApplicationStatus = needsCountersignature ? 'AWAITING_COUNTERSIGNATURE' : STATUS_OF[type];
    const final = status !== 'AWAITING_COUNTERSIGNATURE';
    const updated = await tx.application.updateMany({
      where: { id: caseId, version: expectedVersion, status: { in: DECIDABLE_STATUSES }, outcome: current.outcome, NOT: { submittedById: actor.id } },
      data: { status, version: { increment: 1 }, assignedToId: actor.id, ...(final ? { decidedAt: now, slaDueOn: null } : {}) },
    });
    if (updated.count !== 1) await explainRefusal(tx, actor, caseId, expectedVersion, DECIDABLE_STATUSES, 'decided');

    const refusals = choices.filter((c) => c.decision === 'DENY');
    const caseDecision = await tx.decision.create({
      data: {
        applicationId: caseId,
        screeningRunId: run?.id ?? null,
        type: type as DecisionType,
        officerId: actor.id,
        note: input.note ?? null,
        // The exporter-facing words of the case decision summarise the items'.
        reason: type === 'DENY' ? refusals.map((c) => c.reason).join(' ') || null : null,
        requiresCountersignature: needsCountersignature,
        createdAt: now,
      },
      select: { id: true },
    });
    await tx.decision.createMany({
      data: items.map((item) => {
        const c = byPosition.get(item.position)!;
        return {
          applicationId: caseId,
          screeningRunId: run?.id ?? null,
          lineItemId: item.id,
          lineItemPosition: item.position,
          type: c.decision as DecisionType,
          officerId: actor.id,
          conditions: c.decision === 'APPROVE' ? (c.conditions ?? null) : null,
          licenseReference: c.decision === 'APPROVE' ? (c.licenseReference ?? null) : null,
          licenseExpiresAt: c.decision === 'APPROVE' ? (licenseExpiry.get(item.position) ?? null) : null,
          reason: c.decision === 'DENY' ? (c.reason ?? null) : null,
          requiresCountersignature: needsCountersignature && c.decision === 'APPROVE',
          createdAt: now,
        };
      }),
    });
    await appendAudit(tx, {
      actor,
      action: needsCountersignature ? 'CASE_APPROVAL_PENDING_COUNTERSIGNATURE' : `CASE_${STATUS_OF[type]}`,
      entityType: 'Application',
      entityId: caseId,
      data: {
        decisionId: caseDecision.id,
        type,
        from: current.status,
        to: status,
        outcome: current.outcome,
        items: items.map((item, i) => {
          const c = byPosition.get(item.position)!;
          return {
            position: item.position,
            name: item.productName,
            outcome: outcomes[i] ?? null,
            decision: c.decision,
            conditions: c.conditions ?? null,
            reason: c.reason ?? null,
            licenseReference: c.licenseReference ?? null,
            licenseExpiresAt: c.licenseExpiresAt ?? null,
          };
        }),
        note: input.note ?? null,
      },
    });
    return { decisionId: caseDecision.id, type, status, version: expectedVersion + 1 };
  });
}

export type TItemSummary = { position: number; name: string; eccn: string | null; outcome: Outcome | null; decision: 'APPROVE' | 'DENY' | null; reason: string | null; licenseReference: string | null };

/**
 * Each case's line items with their outcome (from the latest screening) and their decision, for
 * exports that list many cases (CSV). One query per kind of row, not per case.
 */
export async function itemSummariesFor(actor: TActor, caseIds: string[]): Promise<Map<string, TItemSummary[]>> {
  requireOfficer(actor);
  const out = new Map<string, TItemSummary[]>();
  if (caseIds.length === 0) return out;
  const [items, decisions, runs] = await Promise.all([
    db.lineItem.findMany({ where: { applicationId: { in: caseIds } }, orderBy: [{ applicationId: 'asc' }, { position: 'asc' }], select: { applicationId: true, position: true, productName: true, eccn: true } }),
    db.decision.findMany({ where: { applicationId: { in: caseIds }, lineItemPosition: { not: null } }, orderBy: { createdAt: 'asc' }, select: { applicationId: true, lineItemPosition: true, type: true, reason: true, licenseReference: true, requiresCountersignature: true, countersignedAt: true } }),
    db.$queryRaw<{ applicationId: string; findings: unknown }[]>`
      SELECT DISTINCT ON ("applicationId") "applicationId", findings FROM "ScreeningRun"
      WHERE "applicationId" = ANY(${caseIds}::text[]) ORDER BY "applicationId", "createdAt" DESC, id DESC`,
  ]);
  const findingsOf = new Map(runs.map((r) => [r.applicationId, (Array.isArray(r.findings) ? r.findings : []) as TFinding[]]));
  const grouped = new Map<string, typeof items>();
  for (const item of items) grouped.set(item.applicationId, [...(grouped.get(item.applicationId) ?? []), item]);
  for (const [caseId, rows] of grouped) {
    const outcomes = findingsOf.has(caseId) ? lineItemResults(findingsOf.get(caseId)!, rows.length) : [];
    out.set(caseId, rows.map((item) => {
      const d = decisions.filter((x) => x.applicationId === caseId && x.lineItemPosition === item.position).at(-1);
      const effective = d && !(d.requiresCountersignature && !d.countersignedAt);
      return {
        position: item.position,
        name: item.productName,
        eccn: item.eccn,
        outcome: (outcomes[item.position]?.outcome as Outcome | undefined) ?? null,
        decision: effective ? (d.type as 'APPROVE' | 'DENY') : null,
        reason: effective ? d.reason : null,
        licenseReference: effective ? d.licenseReference : null,
      };
    }));
  }
  return out;
}
