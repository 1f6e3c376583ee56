// Internal case notes (officers and admins only).
import 'server-only';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { appendAudit } from '@/lib/data/audit';
import { requireOfficer, loadCase } from './shared';

/** Internal note: never shown to the exporter. */
export async function addCaseNote({ actor, caseId, body }: { actor: TActor; caseId: string; body: string }) {
  requireOfficer(actor);
  return db.$transaction(async (tx) => {
    await loadCase(tx, caseId);
    const note = await tx.caseNote.create({ data: { applicationId: caseId, authorId: actor.id, body }, select: { id: true } });
    await appendAudit(tx, { actor, action: 'CASE_NOTE_ADDED', entityType: 'Application', entityId: caseId, data: { noteId: note.id, body } });
    return note;
  });
}
