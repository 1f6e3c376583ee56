// The bridge between stored applications and the pure engine: map validated input onto the
// engine's types, screen against a stored rule-set version (with cleared matches), store the run.
import 'server-only';
import { toJson } from '@/lib/data/json';
import { db, type TTx } from '@/lib/db';
import { screen } from '@/lib/screening';
import type { TRuleSet } from '@/lib/screening/rule-set';
import { OUTCOME_RANK } from '@/lib/screening/outcome';
import { euExporterOf } from '@/lib/screening/rules/eu-regime';
import type { TScreeningApplication, TScreeningProduct, TScreeningResult } from '@/lib/screening/types';
import type { TApplicationInput, TLineItemInput } from '@/lib/validation/application';
import type { Outcome, ScreeningTrigger } from '@/lib/generated/prisma/enums';
import { getActiveRuleSet, getBuiltRuleSet, loadClearedMatches, loadScreeningContext, type TScreeningContext } from '@/lib/data/rulesets';

const toScreeningProduct = (item: TLineItemInput): TScreeningProduct => ({
  name: item.name,
  description: item.description,
  eccn: item.eccn,
  kind: item.kind,
  quantity: item.quantity,
  unitValueUsd: item.unitValueUsd,
  biometric: item.biometric,
  licenseExceptionClaimed: item.licenseExceptionClaimed ?? null,
  ...(item.subjectToEar !== undefined ? { subjectToEar: item.subjectToEar } : {}),
  ...(item.euControlCode !== undefined ? { euControlCode: item.euControlCode } : {}),
});

/** The exporter's country of establishment, when known (absent = US, as the engine assumes). */
export type TExporter = { country: string } | null | undefined;

export function toScreeningApplication(input: TApplicationInput, exporter?: TExporter): TScreeningApplication {
  return {
    ...(exporter ? { exporter: { country: exporter.country } } : {}),
    lineItems: input.lineItems.map(toScreeningProduct),
    destination: { country: input.destination.country, region: input.destination.region },
    endUser: { ...input.endUser },
    consignees: input.consignees.map((c) => ({ ...c })),
    endUse: { ...input.endUse },
    redFlags: [...input.redFlags],
  };
}

export const severityOf = (outcome: Outcome): number => OUTCOME_RANK[outcome];

export type TScreened = { result: TScreeningResult; ruleSetVersionId: string };

/**
 * Screens against the active rule set (or `ruleSetVersionId`), with the cleared matches in force.
 * `context`: the active version and cleared matches when the caller read them already (an API
 * key's lookup brings them along).
 */
export async function screenInput(
  input: TApplicationInput,
  { ruleSetVersionId, exporter, context }: { ruleSetVersionId?: string; exporter?: TExporter; context?: TScreeningContext } = {},
): Promise<TScreened> {
  if (!ruleSetVersionId) {
    const current = context ?? (await loadScreeningContext());
    return screenInContext(input, current, await getBuiltRuleSet(current.active.id), exporter);
  }
  const [ruleSet, clearedMatches] = await Promise.all([getBuiltRuleSet(ruleSetVersionId), loadClearedMatches()]);
  return { result: screen(toScreeningApplication(input, exporter), ruleSet, { clearedMatches }), ruleSetVersionId };
}

/** Screens against the active version (built: `ruleSet`) and the cleared matches loaded with it (loadScreeningContext). */
export function screenInContext(input: TApplicationInput, context: TScreeningContext, ruleSet: TRuleSet, exporter?: TExporter): TScreened {
  return { result: screen(toScreeningApplication(input, exporter), ruleSet, { clearedMatches: context.clearedMatches }), ruleSetVersionId: context.active.id };
}

/** The organisation's country of establishment, as the engine's `exporter`. */
export async function exporterOf(organizationId: string | null | undefined, tx: TTx | typeof db = db): Promise<TExporter> {
  if (!organizationId) return undefined;
  const org = await tx.organization.findUnique({ where: { id: organizationId }, select: { country: true } });
  return org ? { country: org.country } : undefined;
}

export type TScreeningRunRecord = {
  applicationId: string;
  screened: TScreened;
  input: TApplicationInput;
  trigger: ScreeningTrigger;
  previousOutcome: Outcome | null;
  createdAt?: Date;
};

/** Stores screening runs (any number, one insert); answers each run's id with its application's. */
export async function storeScreeningRuns(tx: TTx, runs: TScreeningRunRecord[]): Promise<{ id: string; applicationId: string; outcome: Outcome }[]> {
  return tx.screeningRun.createManyAndReturn({
    data: runs.map((r) => ({
      applicationId: r.applicationId,
      ruleSetVersionId: r.screened.ruleSetVersionId,
      trigger: r.trigger,
      outcome: r.screened.result.outcome,
      previousOutcome: r.previousOutcome,
      findings: toJson(r.screened.result.findings),
      input: toJson(r.input),
      ...(r.createdAt ? { createdAt: r.createdAt } : {}),
    })),
    select: { id: true, applicationId: true, outcome: true },
  });
}

export async function storeScreeningRun(tx: TTx, run: TScreeningRunRecord): Promise<{ id: string; outcome: Outcome }> {
  const [stored] = await storeScreeningRuns(tx, [run]);
  return stored!;
}

/**
 * Which regimes the actor's organisation exports under (issue 16): its country of establishment and
 * whether the active rule set counts it as an EU member state. The form shows "Subject to the EAR"
 * outside the US and "EU control code" for EU organisations.
 */
export async function exporterRegimeOf(actor: { organizationId: string | null }): Promise<{ country: string; eu: boolean }> {
  const exporter = await exporterOf(actor.organizationId);
  const country = exporter?.country ?? 'US';
  if (country === 'US') return { country, eu: false };
  const { ruleSet } = await getActiveRuleSet();
  return { country, eu: euExporterOf({ exporter: { country } } as TScreeningApplication, ruleSet) !== null };
}
