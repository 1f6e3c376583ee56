// Deletes one of the signed-in officer's views (only their own: the owner is in the condition).
import 'server-only';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { appendAudit } from '@/lib/data/audit';
import { requireOfficer } from '@/lib/data/cases/shared';
import { AppError } from '@/lib/errors';

export async function deleteView({ actor, viewId }: { actor: TActor; viewId: string }) {
  requireOfficer(actor);
  return db.$transaction(async (tx) => {
    const view = await tx.savedView.findFirst({ where: { id: viewId, userId: actor.id }, select: { name: true, query: true } });
    const deleted = await tx.savedView.deleteMany({ where: { id: viewId, userId: actor.id } });
    if (deleted.count !== 1 || !view) throw new AppError('NOT_FOUND', 'That view no longer exists.');
    await appendAudit(tx, { actor, action: 'SAVED_VIEW_DELETED', entityType: 'SavedView', entityId: viewId, data: { name: view.name, query: view.query } });
    return { name: view.name };
  });
}
