// The decision record (officers and admins: any decided case; exporters: their organisation's).
import 'server-only';
import { findingsOf } from '@/lib/data/json';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { DECIDED_STATUSES } from '@/lib/codes';

export async function getDecisionRecord(actor: TActor, id: string) {
  const scope: Prisma.ApplicationWhereInput =
    actor.role === 'EXPORTER' ? { organizationId: actor.organizationId ?? '-', status: { in: DECIDED_STATUSES } } : { status: { not: 'DRAFT' } };
  const app = await db.application.findFirst({
    where: { id, ...scope },
    select: {
      id: true, reference: true, status: true, outcome: true, data: true, submittedAt: true, decidedAt: true,
      organization: { select: { name: true } },
      submittedBy: { select: { name: true, email: true } },
      screeningRuns: { orderBy: { createdAt: 'desc' }, take: 1, select: { outcome: true, findings: true, createdAt: true, ruleSetVersion: { select: { label: true, datasets: true } } } },
      decisions: {
        where: { type: { in: ['APPROVE', 'DENY'] } },
        orderBy: { createdAt: 'desc' },
        take: 1,
        select: {
          type: true, note: true, conditions: true, reason: true, licenseReference: true, licenseExpiresAt: true, createdAt: true,
          requiresCountersignature: true, countersignedAt: true,
          officer: { select: { name: true, email: true } }, countersignedBy: { select: { name: true, email: true } },
        },
      },
    },
  });
  if (!app) throw new AppError('NOT_FOUND', actor.role === 'EXPORTER' ? 'No decision record for this application yet.' : 'Case not found.');
  const run = app.screeningRuns[0];
  return {
    ...app,
    latestRun: run ? { ...run, findings: findingsOf(run.findings) } : null,
    decision: app.decisions[0] ?? null,
    // Exporters see the decision; officers' internal decision notes stay internal.
    forExporter: actor.role === 'EXPORTER',
  };
}

export type TDecisionRecord = Awaited<ReturnType<typeof getDecisionRecord>>;
