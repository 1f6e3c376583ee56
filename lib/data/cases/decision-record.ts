// The decision record (officers and admins: any decided case; exporters: their organisation's).
import 'server-only';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { AppError } from '@/lib/errors';
import { exporterFindingsAsFindings } from '@/lib/cases/exporter-view';
import { findingsOf } from '@/lib/data/json';
import type { Prisma } from '@/lib/generated/prisma/client';
import { DECIDED_STATUSES } from '@/lib/codes';
import { lineItemResults } from '@/lib/screening/line-items';

export async function getDecisionRecord(actor: TActor, id: string) {
  const scope: Prisma.ApplicationWhereInput =
    actor.role === 'EXPORTER' ? { organizationId: actor.organizationId ?? '-', status: { in: DECIDED_STATUSES } } : { status: { not: 'DRAFT' } };
  const app = await db.application.findFirst({
    where: { id, ...scope },
    select: {
      id: true, reference: true, status: true, outcome: true, data: true, submittedAt: true, decidedAt: true,
      organization: { select: { name: true, country: true } },
      submittedBy: { select: { name: true, email: true } },
      screeningRuns: { orderBy: { createdAt: 'desc' }, take: 1, select: { outcome: true, findings: true, createdAt: true, ruleSetVersion: { select: { label: true, datasets: true } } } },
      lineItems: { orderBy: { position: 'asc' }, select: { position: true, productName: true, eccn: true, kind: true, quantity: true, unitValueUsd: true } },
      decisions: {
        where: { type: { in: ['APPROVE', 'APPROVE_IN_PART', 'DENY'] }, lineItemPosition: null },
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
  const itemDecisions = await db.decision.findMany({
    where: { applicationId: app.id, lineItemPosition: { not: null }, type: { in: ['APPROVE', 'DENY'] } },
    orderBy: { createdAt: 'asc' },
    select: { lineItemPosition: true, type: true, conditions: true, reason: true, licenseReference: true, licenseExpiresAt: true },
  });
  const outcomes = run ? lineItemResults(findingsOf(run.findings), app.lineItems.length) : [];
  const lineItems = app.lineItems.map((i) => ({
    ...i,
    quantity: Number(i.quantity),
    unitValueUsd: Number(i.unitValueUsd),
    outcome: outcomes[i.position]?.outcome ?? null,
    decision: itemDecisions.filter((d) => d.lineItemPosition === i.position).at(-1) ?? null,
  }));
  return {
    ...app,
    lineItems,
    // Exporters get the one exporter-facing projection (no evidence, no cleared-by, no justification).
    latestRun: run ? { ...run, findings: actor.role === 'EXPORTER' ? exporterFindingsAsFindings(run.findings) : findingsOf(run.findings) } : null,
    decision: app.decisions[0] ?? null,
    // Exporters see the decision; officers' internal decision notes stay internal.
    forExporter: actor.role === 'EXPORTER',
  };
}

export type TDecisionRecord = Awaited<ReturnType<typeof getDecisionRecord>>;
