// The signed-in officer's saved queue views, in tab order. Only their own: the owner is in the query.
import 'server-only';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { requireOfficer } from '@/lib/data/cases/shared';

export const MAX_SAVED_VIEWS = 20;

export async function listSavedViews(actor: TActor) {
  requireOfficer(actor);
  return db.savedView.findMany({ where: { userId: actor.id }, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }], select: { id: true, name: true, query: true } });
}
