// "Assign to me": one checked transition with its audit row.
import 'server-only';
import { db } from '@/lib/db';
import { appendAudit } from '@/lib/data/audit';
import { nextStatus } from '@/lib/workflow';
import { requireOfficer, loadCase, explainRefusal, guardNotSubmitter, type TCaseRef, ASSIGNABLE_STATUSES } from './shared';

/** "Assign to me": takes the case; a submitted case moves into review. */
export async function assignCaseToMe({ actor, caseId, expectedVersion }: TCaseRef) {
  requireOfficer(actor);
  return db.$transaction(async (tx) => {
    const current = await loadCase(tx, caseId);
    guardNotSubmitter(actor, current);
    const status = nextStatus('ASSIGN', current.status);
    const updated = await tx.application.updateMany({
      where: { id: caseId, version: expectedVersion, status: current.status, AND: [{ status: { in: ASSIGNABLE_STATUSES } }], NOT: { submittedById: actor.id } },
      data: { assignedToId: actor.id, status, version: { increment: 1 } },
    });
    if (updated.count !== 1) await explainRefusal(tx, actor, caseId, expectedVersion, ASSIGNABLE_STATUSES, 'assigned');
    await appendAudit(tx, { actor, action: 'CASE_ASSIGNED', entityType: 'Application', entityId: caseId, data: { assignedToId: actor.id, from: current.status, to: status } });
    return { status, version: expectedVersion + 1 };
  });
}
