// Saves the current queue query under a name for the signed-in officer (audit row in the same
// transaction). A name already in use is refused by field; at most MAX_SAVED_VIEWS views each.
import 'server-only';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { appendAudit } from '@/lib/data/audit';
import { requireOfficer } from '@/lib/data/cases/shared';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import type { TSaveViewInput } from '@/lib/validation/saved-views';
import { MAX_SAVED_VIEWS } from './list';

export async function saveView({ actor, input }: { actor: TActor; input: TSaveViewInput }) {
  requireOfficer(actor);
  try {
    return await db.$transaction(async (tx) => {
      const count = await tx.savedView.count({ where: { userId: actor.id } });
      if (count >= MAX_SAVED_VIEWS) throw new AppError('INVALID', `You can keep up to ${MAX_SAVED_VIEWS} saved views; delete one first.`);
      const last = await tx.savedView.findFirst({ where: { userId: actor.id }, orderBy: { position: 'desc' }, select: { position: true } });
      const view = await tx.savedView.create({ data: { userId: actor.id, name: input.name, query: input.query, position: (last?.position ?? -1) + 1 }, select: { id: true, name: true, query: true } });
      await appendAudit(tx, { actor, action: 'SAVED_VIEW_CREATED', entityType: 'SavedView', entityId: view.id, data: { name: view.name, query: view.query } });
      return view;
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      throw new AppError('CONFLICT', `You already have a view called “${input.name}”.`, { field: 'name' });
    }
    throw err;
  }
}
