// Re-screening an open case now, inside the caller's transaction when it needs one.
import 'server-only';
import { db, type TTx } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { appendAudit } from '@/lib/data/audit';
import { getActiveRuleSet, getBuiltRuleSet, loadClearedMatches } from '@/lib/data/rulesets';
import { severityOf, storeScreeningRun, toScreeningApplication } from '@/lib/data/screening';
import type { ApplicationStatus } from '@/lib/generated/prisma/enums';
import { screen } from '@/lib/screening';
import { applicationOf } from '@/lib/data/json';
import { requireOfficer, loadCase, explainRefusal, guardNotSubmitter, type TCaseRef, CLEARABLE_STATUSES } from './shared';

/**
 * Screens the case's stored input again inside `tx` (so cleared matches written in `tx` count),
 * stores the run and moves the case's outcome. Bumps the version: a decision taken against the
 * old outcome must not go through.
 */
export async function rescreenInTx(tx: TTx, options: { actor: TActor; caseId: string; expectedVersion: number; ruleSetVersionId?: string; allowed: ApplicationStatus[] }) {
  const app = await tx.application.findUniqueOrThrow({ where: { id: options.caseId }, select: { data: true, outcome: true, organization: { select: { country: true } } } });
  const input = applicationOf(app.data);
  const version = options.ruleSetVersionId
    ? { id: options.ruleSetVersionId, ruleSet: await getBuiltRuleSet(options.ruleSetVersionId) }
    : await getActiveRuleSet(tx);
  const clearedMatches = await loadClearedMatches(tx);
  const result = screen(toScreeningApplication(input, app.organization), version.ruleSet, { clearedMatches });
  const updated = await tx.application.updateMany({
    where: { id: options.caseId, version: options.expectedVersion, status: { in: options.allowed } },
    data: { outcome: result.outcome, severity: severityOf(result.outcome), version: { increment: 1 } },
  });
  if (updated.count !== 1) await explainRefusal(tx, options.actor, options.caseId, options.expectedVersion, options.allowed, 're-screened');
  const run = await storeScreeningRun(tx, {
    applicationId: options.caseId,
    screened: { result, ruleSetVersionId: version.id },
    input,
    trigger: 'MANUAL',
    previousOutcome: app.outcome,
  });
  await appendAudit(tx, {
    actor: options.actor,
    action: 'SCREENING_COMPLETED',
    entityType: 'Application',
    entityId: options.caseId,
    data: { screeningRunId: run.id, trigger: 'MANUAL', outcome: result.outcome, previousOutcome: app.outcome, ruleSetVersion: result.ruleSetVersion, findings: result.findings.length },
  });
  return { runId: run.id, outcome: result.outcome, findings: result.findings, version: options.expectedVersion + 1 };
}

/** An officer re-screens an open case now (active rule set unless a version is given). */
export async function rescreenCase({ actor, caseId, expectedVersion, ruleSetVersionId }: TCaseRef & { ruleSetVersionId?: string }) {
  requireOfficer(actor);
  return db.$transaction(async (tx) => {
    guardNotSubmitter(actor, await loadCase(tx, caseId));
    return rescreenInTx(tx, { actor, caseId, expectedVersion, ruleSetVersionId, allowed: CLEARABLE_STATUSES });
  }, { timeout: 60_000 });
}
