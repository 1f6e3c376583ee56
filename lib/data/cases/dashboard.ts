// The officers' dashboard figures: cases by outcome, status and destination (service levels: lib/data/sla/dashboard.ts).
import 'server-only';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import type { Prisma } from '@/lib/generated/prisma/client';
import { requireOfficer } from './shared';

export async function dashboardStats(actor: TActor) {
  requireOfficer(actor);
  const notDraft: Prisma.ApplicationWhereInput = { status: { not: 'DRAFT' } };
  const [byOutcome, byStatus, byDestination, decided] = await Promise.all([
    db.application.groupBy({ by: ['outcome'], where: notDraft, _count: { _all: true } }),
    db.application.groupBy({ by: ['status'], where: notDraft, _count: { _all: true } }),
    db.application.groupBy({ by: ['destinationCountry'], where: notDraft, _count: { _all: true }, orderBy: { _count: { destinationCountry: 'desc' } }, take: 12 }),
    // Times to decision are in working days: lib/data/sla/dashboard.ts.
    db.application.count({ where: { decidedAt: { not: null }, submittedAt: { not: null } } }),
  ]);
  return {
    byOutcome: byOutcome.map((g) => ({ outcome: g.outcome, count: g._count._all })),
    byStatus: byStatus.map((g) => ({ status: g.status, count: g._count._all })),
    byDestination: byDestination.map((g) => ({ country: g.destinationCountry, count: g._count._all })),
    decided,
  };
}
