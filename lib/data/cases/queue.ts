// The review queue: filters, keyset pagination, counts per status, filter options, CSV iteration.
import 'server-only';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ApplicationStatus } from '@/lib/generated/prisma/enums';
import { CASE_STATUSES, OPEN_STATUSES } from '@/lib/codes';
import type { TQueueFilter } from '@/lib/validation/decision';
import { searchWhere } from '../search';
import { requireOfficer } from './shared';

export const QUEUE_PAGE_SIZE = 25;

type TCursor = { s: number; t: string; id: string };

export function encodeCursor(c: TCursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function decodeCursor(raw: string | undefined): TCursor | null {
  if (!raw) return null;
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<TCursor>;
    if (typeof c.s !== 'number' || typeof c.t !== 'string' || typeof c.id !== 'string' || Number.isNaN(Date.parse(c.t))) return null;
    return { s: c.s, t: c.t, id: c.id };
  } catch {
    return null;
  }
}

function queueWhere(actor: TActor, filter: Omit<TQueueFilter, 'cursor'>, now: Date): Prisma.ApplicationWhereInput {
  const statuses = filter.status?.length ? filter.status : OPEN_STATUSES;
  return {
    status: { in: statuses.filter((s) => s !== 'DRAFT') },
    submittedAt: { not: null, ...(filter.age ? { lte: new Date(now.getTime() - filter.age * 86_400_000) } : {}) },
    ...(filter.outcome ? { outcome: filter.outcome } : {}),
    ...(filter.destination ? { destinationCountry: filter.destination } : {}),
    ...(filter.organization ? { organizationId: filter.organization } : {}),
    ...(filter.mine ? { assignedToId: actor.id } : {}),
    ...searchWhere(filter.q),
  };
}

function keysetAfter(sort: TQueueFilter['sort'], c: TCursor): Prisma.ApplicationWhereInput {
  const t = new Date(c.t);
  // Days left: the due day ascending, cases whose clock is stopped (no due day) last; s = 1 when the row had a due day.
  if (sort === 'due') return c.s === 1 ? { OR: [{ slaDueOn: { gt: t } }, { slaDueOn: t, id: { gt: c.id } }, { slaDueOn: null }] } : { slaDueOn: null, id: { gt: c.id } };
  const byAge: Prisma.ApplicationWhereInput[] = [{ submittedAt: { gt: t } }, { submittedAt: t, id: { gt: c.id } }];
  if (sort === 'age') return { OR: byAge };
  return { OR: [{ severity: { lt: c.s } }, ...byAge.map((w) => ({ severity: c.s, ...w }))] };
}

const queueOrder = (sort: TQueueFilter['sort']): Prisma.ApplicationOrderByWithRelationInput[] =>
  sort === 'age'
    ? [{ submittedAt: 'asc' }, { id: 'asc' }]
    : sort === 'due'
      ? [{ slaDueOn: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }]
      : [{ severity: 'desc' }, { submittedAt: 'asc' }, { id: 'asc' }];

const QUEUE_SELECT = {
  id: true,
  reference: true,
  productName: true,
  eccn: true,
  destinationCountry: true,
  destinationRegion: true,
  endUserName: true,
  endUserType: true,
  status: true,
  outcome: true,
  severity: true,
  outcomeChanged: true,
  version: true,
  lineItemCount: true,
  submittedAt: true,
  decidedAt: true,
  slaDueOn: true,
  submittedById: true,
  organization: { select: { id: true, name: true } },
  assignedTo: { select: { id: true, name: true } },
} satisfies Prisma.ApplicationSelect;

export type TQueueRow = Prisma.ApplicationGetPayload<{ select: typeof QUEUE_SELECT }>;

/** One page of the review queue (keyset pagination: the cost of a page does not grow with its depth). */
export async function findCasesForQueue(actor: TActor, filter: TQueueFilter, options: { pageSize?: number; now?: Date } = {}) {
  requireOfficer(actor);
  const pageSize = Math.min(Math.max(options.pageSize ?? QUEUE_PAGE_SIZE, 1), 1000);
  const cursor = decodeCursor(filter.cursor);
  const base = queueWhere(actor, filter, options.now ?? new Date());
  const rows = await db.application.findMany({
    where: cursor ? { AND: [base, keysetAfter(filter.sort, cursor)] } : base,
    orderBy: queueOrder(filter.sort),
    take: pageSize + 1,
    select: QUEUE_SELECT,
  });
  const hasMore = rows.length > pageSize;
  const page = hasMore ? rows.slice(0, pageSize) : rows;
  const last = page[page.length - 1];
  const nextCursor = !hasMore || !last ? null
    : filter.sort === 'due'
      ? encodeCursor({ s: last.slaDueOn ? 1 : 0, t: (last.slaDueOn ?? new Date(0)).toISOString(), id: last.id })
      : encodeCursor({ s: last.severity ?? 0, t: last.submittedAt!.toISOString(), id: last.id });
  return { rows: page, nextCursor };
}

/** How many cases the filter (search included) matches, for "page 2 of 40 · 1,000 cases". */
export async function countCasesForQueue(actor: TActor, filter: TQueueFilter, options: { now?: Date } = {}): Promise<number> {
  requireOfficer(actor);
  return db.application.count({ where: queueWhere(actor, filter, options.now ?? new Date()) });
}

/** Every row of the filtered queue, page by page (for the CSV export). */
export async function* iterateQueue(actor: TActor, filter: TQueueFilter, maxRows = 100_000): AsyncGenerator<TQueueRow> {
  requireOfficer(actor);
  let cursor: string | undefined;
  let seen = 0;
  for (;;) {
    const { rows, nextCursor } = await findCasesForQueue(actor, { ...filter, cursor }, { pageSize: 1000 });
    for (const row of rows) {
      if (seen++ >= maxRows) return;
      yield row;
    }
    if (!nextCursor) return;
    cursor = nextCursor;
  }
}

/** Counts of cases per status (drafts are not cases), for the top of the queue. */
export async function countCasesByStatus(actor: TActor): Promise<Record<ApplicationStatus, number>> {
  requireOfficer(actor);
  const groups = await db.application.groupBy({ by: ['status'], where: { status: { not: 'DRAFT' } }, _count: { _all: true } });
  const counts = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
  for (const g of groups) counts[g.status] = g._count._all;
  return counts;
}

/** Organisations and destinations that have cases (for the filter drop-downs). */
export async function queueFilterOptions(actor: TActor) {
  requireOfficer(actor);
  const [organizations, destinations] = await Promise.all([
    db.organization.findMany({ where: { applications: { some: { status: { not: 'DRAFT' } } } }, select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    db.application.findMany({ where: { status: { not: 'DRAFT' }, destinationCountry: { not: null } }, distinct: ['destinationCountry'], select: { destinationCountry: true }, orderBy: { destinationCountry: 'asc' } }),
  ]);
  return { organizations, destinations: destinations.map((d) => d.destinationCountry!) };
}
