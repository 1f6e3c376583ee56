// Helpers shared by the checks: building a finding from its rule, the places an application names,
// the class of an item (EAR99, on the CCL, or not known).
import { parseEccn } from './eccn';
import type { TFinding, TFindingKind, TOutcome, TRuleConfig, TScreeningApplication, TScreeningProduct } from './types';

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

export type TItemClass = 'EAR99' | 'CCL' | 'UNKNOWN';

export function itemClass(product: TScreeningProduct): TItemClass {
  const parsed = parseEccn(product?.eccn);
  if (parsed.kind === 'EAR99') return 'EAR99';
  if (parsed.kind === 'ECCN') return 'CCL';
  return 'UNKNOWN';
}
