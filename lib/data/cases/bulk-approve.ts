// Bulk approval of CLEAR cases from the queue, each case on its own.
import 'server-only';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { AppError } from '@/lib/errors';
import { requireOfficer } from './shared';
import { decideCase } from './decide';

/** Approves each selected CLEAR case on its own (one conflict does not undo the others). */
export async function bulkApproveClear({ actor, cases, note }: { actor: TActor; cases: { caseId: string; expectedVersion: number }[]; note?: string }) {
  requireOfficer(actor);
  const approved: string[] = [];
  const skipped: { caseId: string; reason: string }[] = [];
  for (const { caseId, expectedVersion } of cases) {
    try {
      const outcome = (await db.application.findUnique({ where: { id: caseId }, select: { outcome: true } }))?.outcome;
      if (outcome !== 'CLEAR') {
        skipped.push({ caseId, reason: 'Not a clear case' });
        continue;
      }
      await decideCase({ actor, decision: { type: 'APPROVE', caseId, expectedVersion, note: note ?? 'Bulk approval of clear cases' } });
      approved.push(caseId);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      skipped.push({ caseId, reason: err.message });
    }
  }
  return { approved, skipped };
}
