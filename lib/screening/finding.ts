// Helpers shared by the checks: building a finding from its rule, reading typed params.
import { isOutcome } from './outcome';
import type { TFinding, TFindingKind, TOutcome, TRuleConfig, TScreeningApplication } from './types';

export function makeFinding(
  rule: TRuleConfig,
  f: { outcome: TOutcome; message: string; evidence: Record<string, unknown>; kind?: TFindingKind; citation?: string; licensePolicy?: string | null; ruleId?: string },
): TFinding {
  return {
    ruleId: f.ruleId ?? rule.id,
    kind: f.kind ?? rule.kind,
    outcome: f.outcome,
    basis: rule.basis,
    citation: f.citation ?? rule.citation,
    licensePolicy: f.licensePolicy === undefined ? (f.outcome === 'CLEAR' ? null : rule.licensePolicy) : f.licensePolicy,
    message: f.message,
    evidence: f.evidence,
  };
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function outcomeParam(value: unknown, fallback: TOutcome): TOutcome {
  return isOutcome(value) ? value : fallback;
}

export function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export type TLocation = { role: 'destination' | 'end user' | 'consignee'; name: string | null; country: string; index?: number };

/** Every place the item goes or a party sits: destination, end user, consignees. */
export function locationsOf(app: TScreeningApplication): TLocation[] {
  const out: TLocation[] = [{ role: 'destination', name: null, country: app.destination?.country ?? '' }];
  if (app.endUser) out.push({ role: 'end user', name: app.endUser.name ?? null, country: app.endUser.country ?? '' });
  (app.consignees ?? []).forEach((c, index) => out.push({ role: 'consignee', name: c?.name ?? null, country: c?.country ?? '', index }));
  return out;
}

export function describeLocation(loc: TLocation, countryName: string): string {
  if (loc.role === 'destination') return `The destination, ${countryName},`;
  return `The ${loc.role} "${loc.name ?? ''}" (${countryName})`;
}
