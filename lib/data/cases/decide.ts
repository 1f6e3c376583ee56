// Decisions (approve, deny, request information, escalate): one checked transition each, with the
// Decision row, the exporter's question and the audit row in the same transaction.
import 'server-only';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { appendAudit } from '@/lib/data/audit';
import { AppError } from '@/lib/errors';
import type { ApplicationStatus, DecisionType } from '@/lib/generated/prisma/enums';
import type { TDecisionInput } from '@/lib/validation/decision';
import { fromStatuses, nextStatus, WORKFLOW } from '@/lib/workflow';
import { requireOfficer, loadCase, explainRefusal, guardNotSubmitter, guardNoFormerMembership } from './shared';

/** Where each decision leads when it is final (lib/workflow.ts's table). */
const TARGET = {
  APPROVE: WORKFLOW.APPROVE.to,
  APPROVE_IN_PART: 'APPROVED_IN_PART',
  DENY: WORKFLOW.DENY.to,
  REQUEST_INFO: WORKFLOW.REQUEST_INFO.to,
  ESCALATE: WORKFLOW.ESCALATE.to,
} satisfies Record<DecisionType, ApplicationStatus>;

export type TDecideOptions = { actor: TActor; decision: TDecisionInput; now?: Date };

/**
 * Records a decision as one checked transition. Approving a licence-required or prohibited case
 * does not approve it yet: it waits for a second officer's countersignature.
 */
export async function decideCase({ actor, decision, now = new Date() }: TDecideOptions) {
  requireOfficer(actor);
  const { caseId, expectedVersion } = decision;
  return db.$transaction(async (tx) => {
    const current = await loadCase(tx, caseId);
    guardNotSubmitter(actor, current);
    if (decision.type !== 'ESCALATE') await guardNoFormerMembership(tx, actor, caseId);
    const allowed = fromStatuses(decision.type);
    const status = nextStatus(decision.type, current.status, current.outcome);
    const needsCountersignature = status === 'AWAITING_COUNTERSIGNATURE';
    let licenseExpiresAt: Date | null = null;
    if (decision.type === 'APPROVE') {
      const errors: Record<string, string[]> = {};
      if (current.outcome === 'LICENSE_REQUIRED') {
        if (!decision.licenseReference) errors.licenseReference = ['A licence-required approval needs the licence reference'];
        if (!decision.licenseExpiresAt) errors.licenseExpiresAt = ['A licence-required approval needs the licence’s expiry date'];
      }
      if (decision.licenseExpiresAt) {
        licenseExpiresAt = new Date(`${decision.licenseExpiresAt}T23:59:59.999Z`);
        if (licenseExpiresAt.getTime() <= now.getTime()) errors.licenseExpiresAt = ['The expiry date must be in the future'];
      }
      if (Object.keys(errors).length > 0) throw new AppError('INVALID', 'Some fields need attention.', { fieldErrors: errors });
    }
    const final = status === 'APPROVED' || status === 'DENIED';
    const updated = await tx.application.updateMany({
      where: {
        id: caseId,
        version: expectedVersion,
        status: { in: allowed },
        // The outcome the decision was checked against must still be the outcome (a re-screen bumps the version too).
        outcome: current.outcome,
        NOT: { submittedById: actor.id },
      },
      data: {
        status,
        version: { increment: 1 },
        ...(final ? { decidedAt: now } : {}),
        // The service-level clock stops at a decision and pauses while information is requested.
        ...(final || status === 'INFO_REQUESTED' ? { slaDueOn: null } : {}),
        ...(decision.type === 'ESCALATE' ? {} : { assignedToId: actor.id }),
      },
    });
    if (updated.count !== 1) await explainRefusal(tx, actor, caseId, expectedVersion, allowed, WORKFLOW[decision.type].verb);
    const latestRun = await tx.screeningRun.findFirst({ where: { applicationId: caseId }, orderBy: { createdAt: 'desc' }, select: { id: true } });
    const row = await tx.decision.create({
      data: {
        applicationId: caseId,
        screeningRunId: latestRun?.id ?? null,
        type: decision.type,
        officerId: actor.id,
        note: decision.note ?? null,
        conditions: decision.type === 'APPROVE' ? (decision.conditions ?? null) : null,
        licenseReference: decision.type === 'APPROVE' ? (decision.licenseReference ?? null) : null,
        licenseExpiresAt,
        reason: decision.type === 'DENY' ? decision.reason : null,
        message: decision.type === 'REQUEST_INFO' ? decision.message : null,
        requiresCountersignature: needsCountersignature,
        createdAt: now,
      },
      select: { id: true },
    });
    if (decision.type === 'APPROVE' || decision.type === 'DENY') {
      // A whole-case approval or denial decides every line item the same way.
      const items = await tx.lineItem.findMany({ where: { applicationId: caseId }, orderBy: { position: 'asc' }, select: { id: true, position: true } });
      await tx.decision.createMany({
        data: items.map((item) => ({
          applicationId: caseId,
          screeningRunId: latestRun?.id ?? null,
          lineItemId: item.id,
          lineItemPosition: item.position,
          type: decision.type,
          officerId: actor.id,
          conditions: decision.type === 'APPROVE' ? (decision.conditions ?? null) : null,
          licenseReference: decision.type === 'APPROVE' ? (decision.licenseReference ?? null) : null,
          licenseExpiresAt,
          reason: decision.type === 'DENY' ? decision.reason : null,
          requiresCountersignature: needsCountersignature,
          createdAt: now,
        })),
      });
    }
    if (decision.type === 'REQUEST_INFO') {
      await tx.caseMessage.create({ data: { applicationId: caseId, authorId: actor.id, kind: 'QUESTION', body: decision.message, createdAt: now } });
    }
    await appendAudit(tx, {
      actor,
      action: needsCountersignature ? 'CASE_APPROVAL_PENDING_COUNTERSIGNATURE' : `CASE_${decision.type === 'REQUEST_INFO' ? 'INFO_REQUESTED' : TARGET[decision.type]}`,
      entityType: 'Application',
      entityId: caseId,
      data: {
        decisionId: row.id,
        type: decision.type,
        from: current.status,
        to: status,
        outcome: current.outcome,
        ...(decision.type === 'APPROVE' ? { conditions: decision.conditions ?? null, licenseReference: decision.licenseReference ?? null, licenseExpiresAt: decision.licenseExpiresAt ?? null } : {}),
        ...(decision.type === 'DENY' ? { reason: decision.reason } : {}),
        ...(decision.type === 'REQUEST_INFO' ? { message: decision.message } : {}),
        note: decision.note ?? null,
      },
    });
    return { decisionId: row.id, status, version: expectedVersion + 1 };
  });
}
