// Helpers shared by the checks: building a finding from its rule, the places an application names,
// the class of an item (EAR99, on the CCL, or not known).
import { parseEccn } from './eccn';
import type { TFinding, TFindingKind, TOutcome, TRuleConfig, TScreeningApplication, TScreeningProduct } from './types';

export function makeFinding(
  rule: TRuleConfig,
  f: {
    outcome: TOutcome;
    message: string;
    evidence: Record<string, unknown>;
    kind?: TFindingKind;
    citation?: string;
    citationUrl?: string;
    licensePolicy?: string | null;
    ruleId?: string;
  },
): TFinding {
  // a finding with its own citation carries its own link (or none); otherwise the rule's
  const citationUrl = f.citation !== undefined ? f.citationUrl : (f.citationUrl ?? rule.citationUrl);
  return {
    ruleId: f.ruleId ?? rule.id,
    kind: f.kind ?? rule.kind,
    outcome: f.outcome,
    basis: rule.basis,
    citation: f.citation ?? rule.citation,
    licensePolicy: f.licensePolicy === undefined ? (f.outcome === 'CLEAR' ? null : rule.licensePolicy) : f.licensePolicy,
    message: f.message,
    evidence: f.evidence,
    ...(citationUrl ? { citationUrl } : {}),
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

export type TPlace = {
  country: string;
  role: 'ultimate consignee' | 'end user' | 'destination' | 'consignee';
  name: string | null;
  index?: number;
  /** set when the place is looked at as an equivalent country: the party's own country (HK for CN) */
  via?: string;
};

const validCountry = (c: unknown): c is string => typeof c === 'string' && /^[A-Z]{2}$/.test(c);

/**
 * The country of ultimate destination: the ultimate consignee's country, else the end user's, else
 * the destination's.
 */
export function ultimateDestination(app: TScreeningApplication): TPlace {
  const consignees = Array.isArray(app.consignees) ? app.consignees : [];
  const index = consignees.findIndex((c) => c?.role === 'ULTIMATE' && validCountry(c.country));
  if (index >= 0) return { country: consignees[index]!.country, role: 'ultimate consignee', name: consignees[index]!.name ?? null, index };
  if (validCountry(app.endUser?.country)) return { country: app.endUser.country, role: 'end user', name: app.endUser.name ?? null };
  return { country: app.destination?.country ?? '', role: 'destination', name: null };
}

/**
 * Every country a check that reads "the destination" must look at: the country of ultimate
 * destination first, then every other party's country and the destination (one place per country).
 */
export function placesOf(app: TScreeningApplication): TPlace[] {
  const out: TPlace[] = [ultimateDestination(app)];
  (Array.isArray(app.consignees) ? app.consignees : []).forEach((c, index) => {
    if (c && typeof c.country === 'string')
      addPlace(out, { country: c.country, role: c.role === 'ULTIMATE' ? 'ultimate consignee' : 'consignee', name: c.name ?? null, index });
  });
  if (app.endUser && typeof app.endUser.country === 'string') addPlace(out, { country: app.endUser.country, role: 'end user', name: app.endUser.name ?? null });
  addPlace(out, { country: app.destination?.country ?? '', role: 'destination', name: null });
  return out;
}

/** Adds a place unless its country is already there (module-level: placesOf runs for every item rule). */
function addPlace(out: TPlace[], p: TPlace): void {
  if (!out.some((o) => o.country === p.country)) out.push(p);
}

/** "the ultimate consignee "X" (China)" / "the destination, Hong Kong (treated as China)" */
export function describePlace(place: TPlace, nameOf: (c: string) => string): string {
  const country = place.via ? `${nameOf(place.via)}, treated as ${nameOf(place.country)}` : nameOf(place.country);
  if (place.role === 'destination') return `the destination, ${country}`;
  const who = place.role === 'consignee' && place.index !== undefined ? `consignee ${place.index + 1}` : place.role;
  return `the ${who}${place.name ? ` "${place.name}"` : ''} (${country})`;
}

/** placesOf, plus each place again as every country it is treated as (HK → CN). */
export function placesWithEquivalents(app: TScreeningApplication, equivalentsOf: (c: string) => readonly string[]): TPlace[] {
  const out: TPlace[] = [];
  for (const place of placesOf(app)) {
    for (const c of equivalentsOf(place.country)) {
      if (!out.some((o) => o.country === c)) out.push(c === place.country ? place : { ...place, country: c, via: place.country });
    }
  }
  return out;
}

const RANK: Record<TOutcome, number> = { CLEAR: 0, REVIEW: 1, LICENSE_REQUIRED: 2, PROHIBITED: 3 };
const worst = (findings: readonly TFinding[]) => Math.max(-1, ...findings.map((f) => RANK[f.outcome]));

/**
 * Runs a destination-based check for every place and keeps the worst place's findings (ties: the
 * country of ultimate destination). When the place that drove the result is not simply the declared
 * destination, each finding says which country drove it, and why, in its message and evidence.
 */
export function worstPlace(
  app: TScreeningApplication,
  places: readonly TPlace[],
  countryName: (c: string) => string,
  run: (place: TPlace) => TFinding[],
): TFinding[] {
  let best: { place: TPlace; findings: TFinding[] } | null = null;
  for (const place of places) {
    const findings = run(place);
    if (!best || worst(findings) > worst(best.findings)) best = { place, findings };
  }
  if (!best) return [];
  const { place, findings } = best;
  const ultimate = ultimateDestination(app);
  if (!place.via && place.country === (app.destination?.country ?? '') && place.country === ultimate.country) return findings;
  const why =
    place.country === ultimate.country && !place.via
      ? `the country of ultimate destination is ${countryName(place.country)}, from ${describePlace(ultimate, countryName)}`
      : `${describePlace(place, countryName)} drives this result (country of ultimate destination: ${countryName(ultimate.country)})`;
  return findings.map((f) => ({
    ...f,
    message: `${f.message} Country used: ${why}.`,
    evidence: {
      ...f.evidence,
      countryUsed: { country: place.country, treatedAsFrom: place.via ?? null, role: place.role, partyName: place.name, ultimateDestination: ultimate.country },
    },
  }));
}

/** The eCFR page of the first CFR section or part a citation names ("15 CFR 736.2(b)(4)" → section-736.2), or null. */
export function ecfrUrlOf(citation: string): string | null {
  const section = /\b(15|22|31) CFR (\d{2,3}\.\d+)/.exec(citation);
  if (section) return `https://www.ecfr.gov/current/title-${section[1]}/section-${section[2]}`;
  const part = /\b(15|22|31) CFR Part (\d{2,3})\b/.exec(citation);
  if (part) return `https://www.ecfr.gov/current/title-${part[1]}/part-${part[2]}`;
  return null;
}
