// Acknowledging that a re-screen changed a case's outcome.
import 'server-only';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { appendAudit } from '@/lib/data/audit';
import { requireOfficer } from './shared';

/** The officer has seen that a re-screen changed the outcome. */
export async function acknowledgeOutcomeChange({ actor, caseId }: { actor: TActor; caseId: string }) {
  requireOfficer(actor);
  return db.$transaction(async (tx) => {
    const updated = await tx.application.updateMany({ where: { id: caseId, outcomeChanged: true, status: { not: 'DRAFT' } }, data: { outcomeChanged: false } });
    if (updated.count === 1) await appendAudit(tx, { actor, action: 'CASE_OUTCOME_CHANGE_ACKNOWLEDGED', entityType: 'Application', entityId: caseId, data: {} });
    return { acknowledged: updated.count === 1 };
  });
}
