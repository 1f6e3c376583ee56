// The second officer's countersignature on a licence-required or prohibited approval.
import 'server-only';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { appendAudit } from '@/lib/data/audit';
import { AppError } from '@/lib/errors';
import { STATUS_LABEL } from '@/lib/labels';
import type { ApplicationStatus } from '@/lib/generated/prisma/enums';
import type { TCountersignInput } from '@/lib/validation/decision';
import { allows, fromStatuses, WORKFLOW } from '@/lib/workflow';
import { requireOfficer, loadCase, explainRefusal, guardNotSubmitter, guardNoFormerMembership, CHANGED_MESSAGE } from './shared';

/** The second officer's signature on a pending approval: neither the approver nor the submitter. */
export async function countersignCase({ actor, input, now = new Date() }: { actor: TActor; input: TCountersignInput; now?: Date }) {
  requireOfficer(actor);
  const { caseId, expectedVersion } = input;
  return db.$transaction(async (tx) => {
    const current = await loadCase(tx, caseId);
    guardNotSubmitter(actor, current);
    await guardNoFormerMembership(tx, actor, caseId);
    const pending = await tx.decision.findFirst({
      where: { applicationId: caseId, type: { in: ['APPROVE', 'APPROVE_IN_PART'] }, lineItemPosition: null, requiresCountersignature: true, countersignedById: null },
      orderBy: { createdAt: 'desc' },
      select: { id: true, officerId: true, type: true, createdAt: true },
    });
    if (!allows('COUNTERSIGN', current.status) || !pending) {
      if (current.version !== expectedVersion) throw new AppError('CONFLICT', CHANGED_MESSAGE);
      throw new AppError('CONFLICT', `This case is ${STATUS_LABEL[current.status].toLowerCase()}; there is no approval waiting for a countersignature.`);
    }
    if (pending.officerId === actor.id) throw new AppError('FORBIDDEN', 'You approved this case, so a second officer must countersign it.');
    const finalStatus: ApplicationStatus = pending.type === 'APPROVE_IN_PART' ? 'APPROVED_IN_PART' : 'APPROVED';
    const updated = await tx.application.updateMany({
      where: { id: caseId, version: expectedVersion, status: { in: fromStatuses('COUNTERSIGN') }, NOT: { submittedById: actor.id } },
      data: { status: finalStatus, decidedAt: now, slaDueOn: null, version: { increment: 1 } },
    });
    if (updated.count !== 1) await explainRefusal(tx, actor, caseId, expectedVersion, fromStatuses('COUNTERSIGN'), WORKFLOW.COUNTERSIGN.verb);
    const signed = await tx.decision.updateMany({
      where: { id: pending.id, countersignedById: null, NOT: { officerId: actor.id } },
      data: { countersignedById: actor.id, countersignedAt: now, countersignNote: input.note ?? null },
    });
    if (signed.count !== 1) throw new AppError('CONFLICT', CHANGED_MESSAGE);
    // The item decisions taken with it take effect with it.
    await tx.decision.updateMany({
      where: { applicationId: caseId, lineItemPosition: { not: null }, requiresCountersignature: true, countersignedById: null, officerId: pending.officerId, createdAt: pending.createdAt },
      data: { countersignedById: actor.id, countersignedAt: now },
    });
    await appendAudit(tx, {
      actor,
      action: 'CASE_COUNTERSIGNED',
      entityType: 'Application',
      entityId: caseId,
      data: { decisionId: pending.id, approvedBy: pending.officerId, from: 'AWAITING_COUNTERSIGNATURE', to: finalStatus, note: input.note ?? null },
    });
    return { status: finalStatus, version: expectedVersion + 1 };
  });
}
