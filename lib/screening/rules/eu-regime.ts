// The EU Dual-Use Regulation (EU) 2021/821 as rule-set data: which countries are EU member states
// (an organisation established in one is an EU exporter: the EU regime applies to every line item),
// and Annex I — every entry's code, heading and provision codes — so the checks can tell a listed
// item, validate a code and compare codes with the Annex II exclusions and the GEAs' item lists.
// Helpers shared by the EU rules live here too.
import { z } from 'zod';
import { placesOf, type TPlace } from '../finding';
import type { TRuleSet } from '../rule-set';
import type { TScreeningApplication } from '../types';
import { defineDataRule, p } from './define';

export const EU_REGIME_RULE = 'eu.regime';
export const EU_CITATION_URL = 'https://eur-lex.europa.eu/eli/reg/2021/821/oj';

export const ZEuRegimeParams = z.object({
  memberStates: p.countries('EU member states', 'An organisation established in one of these is an EU exporter: the EU regime applies to every line item'),
  annexIVersion: p.text('Annex I consolidation (EUR-Lex)', 200, 'e.g. 02021R0821-20251115'),
  annexIValidFrom: p.text('Annex I valid from (ISO date)', 10),
  annexISource: p.text('Annex I source', 1000),
  annexI: p.lines(
    'Annex I entries',
    { code: z.string().regex(/^\d[A-E]\d{3}$/, 'code: an Annex I entry such as 2B001'), heading: z.string().max(300), provisions: z.string().max(20_000) },
    'One entry per line: code | heading | its provision codes separated by spaces (a a.1 a.2 b …)',
  ),
});
export type TEuRegimeParams = z.output<typeof ZEuRegimeParams>;

export const euRegimeRule = defineDataRule({ id: EU_REGIME_RULE, params: ZEuRegimeParams, regime: 'EU_2021_821' });

export type TAnnexIEntry = { code: string; heading: string; provisions: ReadonlySet<string> };
export type TAnnexI = { version: string; validFrom: string; entries: ReadonlyMap<string, TAnnexIEntry> };

const annexCache = new WeakMap<object, TAnnexI>();

/** The EU regime's data, or null when the rule is disabled (then no EU rule runs). */
export function euRegimeOf(rs: TRuleSet): { params: TEuRegimeParams; annexI: TAnnexI } | null {
  const rule = rs.rules.get(EU_REGIME_RULE);
  if (!rule) return null;
  const params = rule.params as TEuRegimeParams;
  let annexI = annexCache.get(params);
  if (!annexI) {
    annexI = {
      version: params.annexIVersion,
      validFrom: params.annexIValidFrom,
      entries: new Map(params.annexI.map((e) => [e.code, { code: e.code, heading: e.heading, provisions: new Set(e.provisions.split(/\s+/).filter((t) => t !== '' && t !== '-')) }])),
    };
    annexCache.set(params, annexI);
  }
  return { params, annexI };
}

/** The exporting organisation's country (absent = US, as everywhere in the engine). */
export const exporterCountryOf = (app: TScreeningApplication): string =>
  typeof app.exporter?.country === 'string' && /^[A-Z]{2}$/.test(app.exporter.country) ? app.exporter.country : 'US';

/** The EU member state the exporter is established in, or null (not an EU exporter, or the EU regime is off). */
export function euExporterOf(app: TScreeningApplication, rs: TRuleSet): string | null {
  const eu = euRegimeOf(rs);
  if (!eu) return null;
  const country = exporterCountryOf(app);
  return eu.params.memberStates.includes(country) ? country : null;
}

export type TEuCode = { kind: 'NOT_LISTED' } | { kind: 'UNCLASSIFIED' } | { kind: 'UNKNOWN_CODE'; code: string } | { kind: 'LISTED'; code: string; entry: TAnnexIEntry };

/** Reads an item's EU control code against Annex I ("2B001.a" → its entry; a code Annex I lacks → UNKNOWN_CODE). */
export function readEuCode(raw: unknown, annexI: TAnnexI): TEuCode {
  if (raw === 'NOT_LISTED') return { kind: 'NOT_LISTED' };
  if (typeof raw !== 'string' || raw.trim() === '') return { kind: 'UNCLASSIFIED' };
  const code = raw.trim().replace(/\.$/, '');
  const [head = '', ...rest] = code.split('.');
  const entry = annexI.entries.get(head);
  if (!entry) return { kind: 'UNKNOWN_CODE', code };
  const paragraph = rest.join('.');
  if (paragraph && !entry.provisions.has(paragraph)) return { kind: 'UNKNOWN_CODE', code };
  return { kind: 'LISTED', code, entry };
}

/**
 * How an item's code relates to a code on a list (an exclusion, a GEA's items): IN when the item is
 * the listed code or a sub-paragraph of it; MAYBE when the listed code is a sub-paragraph of the
 * item (the item may or may not fall under it); OUT otherwise.
 */
export function codeRelation(item: string, listed: string): 'IN' | 'MAYBE' | 'OUT' {
  const l = listed.replace(/\.$/, '');
  if (item === l || item.startsWith(`${l}.`)) return 'IN';
  if (l.startsWith(`${item}.`)) return 'MAYBE';
  return 'OUT';
}

/** The strongest relation of an item's code to any code of a list. */
export function relationToAny(item: string, listed: readonly string[]): 'IN' | 'MAYBE' | 'OUT' {
  let out: 'IN' | 'MAYBE' | 'OUT' = 'OUT';
  for (const l of listed) {
    const r = codeRelation(item, l);
    if (r === 'IN') return 'IN';
    if (r === 'MAYBE') out = 'MAYBE';
  }
  return out;
}

/** Every country the item goes to or a party sits in, outside the EU (the country of ultimate destination first). */
export function placesOutsideEu(app: TScreeningApplication, memberStates: readonly string[]): TPlace[] {
  return placesOf(app).filter((pl) => /^[A-Z]{2}$/.test(pl.country) && !memberStates.includes(pl.country));
}

/** Every country in the EU, other than the exporter's own, the item goes to or a party sits in. */
export function placesInOtherMemberStates(app: TScreeningApplication, memberStates: readonly string[], exporter: string): TPlace[] {
  return placesOf(app).filter((pl) => memberStates.includes(pl.country) && pl.country !== exporter);
}

export const nameOfCountries = (rs: TRuleSet, countries: readonly string[]) => [...new Set(countries)].map((c) => rs.countryName(c)).join(', ');
