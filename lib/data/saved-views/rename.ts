// Renames one of the signed-in officer's views: the owner is part of the update's condition, so
// another officer's view id changes nothing and reads as not found.
import 'server-only';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { appendAudit } from '@/lib/data/audit';
import { requireOfficer } from '@/lib/data/cases/shared';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import type { TRenameViewInput } from '@/lib/validation/saved-views';

export async function renameView({ actor, input }: { actor: TActor; input: TRenameViewInput }) {
  requireOfficer(actor);
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.savedView.findFirst({ where: { id: input.viewId, userId: actor.id }, select: { name: true } });
      const updated = await tx.savedView.updateMany({ where: { id: input.viewId, userId: actor.id }, data: { name: input.name } });
      if (updated.count !== 1 || !before) throw new AppError('NOT_FOUND', 'That view no longer exists.');
      await appendAudit(tx, { actor, action: 'SAVED_VIEW_RENAMED', entityType: 'SavedView', entityId: input.viewId, data: { from: before.name, to: input.name } });
      return { id: input.viewId, name: input.name };
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      throw new AppError('CONFLICT', `You already have a view called “${input.name}”.`, { field: 'name' });
    }
    throw err;
  }
}
