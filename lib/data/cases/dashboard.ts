// The officers' dashboard figures.
import 'server-only';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import type { Prisma } from '@/lib/generated/prisma/client';
import { requireOfficer } from './shared';

export async function dashboardStats(actor: TActor) {
  requireOfficer(actor);
  const notDraft: Prisma.ApplicationWhereInput = { status: { not: 'DRAFT' } };
  const [byOutcome, byStatus, byDestination, timing] = await Promise.all([
    db.application.groupBy({ by: ['outcome'], where: notDraft, _count: { _all: true } }),
    db.application.groupBy({ by: ['status'], where: notDraft, _count: { _all: true } }),
    db.application.groupBy({ by: ['destinationCountry'], where: notDraft, _count: { _all: true }, orderBy: { _count: { destinationCountry: 'desc' } }, take: 12 }),
    db.$queryRaw<{ median: number | null; p90: number | null; decided: bigint }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM ("decidedAt" - "submittedAt"))) AS median,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM ("decidedAt" - "submittedAt"))) AS p90,
             COUNT(*) AS decided
      FROM "Application" WHERE "decidedAt" IS NOT NULL AND "submittedAt" IS NOT NULL`,
  ]);
  const t = timing[0];
  return {
    byOutcome: byOutcome.map((g) => ({ outcome: g.outcome, count: g._count._all })),
    byStatus: byStatus.map((g) => ({ status: g.status, count: g._count._all })),
    byDestination: byDestination.map((g) => ({ country: g.destinationCountry, count: g._count._all })),
    medianSecondsToDecision: t?.median == null ? null : Number(t.median),
    p90SecondsToDecision: t?.p90 == null ? null : Number(t.p90),
    decided: Number(t?.decided ?? 0),
  };
}
