// Builds the immutable, indexed rule set from its plain-JSON data: rule lookup by id, country
// helpers (chart row with inheritance, group membership), the CCL by ECCN, and the party-name index
// over every name and alias of every list. Every rule's params are parsed once here, by the schema
// its registry entry declares (lib/screening/rules): checks receive typed, validated params.
// Callers cache the result per rule-set version.

import { z } from 'zod';
import { NameIndex } from './names/name-index';
import { derivedNameForms } from './names/normalise';
import { COUNTRY_EQUIVALENCES_RULE, type TCountryEquivalence } from './rules/country-equivalences';
import type { TPartyParams } from './rules/party-restricted-lists';
import { ruleDefFor } from './rules';
import type { TChartRow, TCclEntry, TFreedomStatus, TMatchThresholds, TPartyEntry, TPartyList, TRuleConfig, TRuleSetData } from './types';

export type TPartyRef = { listIndex: number; entryIndex: number; isAlias: boolean };

export type TRuleSet = {
  readonly version: string;
  readonly asOf: string;
  readonly data: TRuleSetData;
  /** enabled rules by id; `params` are the output of the rule's schema (lib/screening/rules) */
  readonly rules: ReadonlyMap<string, TRuleConfig>;
  readonly ccl: ReadonlyMap<string, TCclEntry>;
  readonly lists: readonly TPartyList[];
  readonly partyIndex: NameIndex<TPartyRef>;
  readonly thresholds: TMatchThresholds;
  chartRow(country: string): { row: TChartRow; rowCountry: string; inheritedFrom: string | null } | null;
  groupsOf(country: string): readonly string[];
  inGroup(country: string, group: string): boolean;
  freedom(country: string): TFreedomStatus | null;
  countryName(country: string): string;
  isKnownCountry(country: string): boolean;
  /** the country and every country it is treated as everywhere (HK → [HK, CN]); rule 'country.equivalences' */
  equivalentsOf(country: string): readonly string[];
  /** the member of `list` the country is, or is treated as (HK in [CN] → 'CN'); null if none */
  countryIn(country: string, list: readonly string[]): string | null;
  /** whether two countries are the same for the EAR (HK and CN); for party matching's country comparison */
  sameCountry(a: string, b: string): boolean;
  /** the equivalence that makes `country` count as `as` (country or group), for the finding's citation */
  equivalence(country: string, as: string): TCountryEquivalence | null;
  /** in the group, or named with it where the EAR says "<country> or <group>" (Macau or D:5) */
  inGroupOrNamed(country: string, group: string): boolean;
  entry(ref: TPartyRef): { list: TPartyList; entry: TPartyEntry };
};

export class RuleSetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleSetError';
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

export function buildRuleSet(input: TRuleSetData): TRuleSet {
  if (!input || typeof input.version !== 'string' || input.version === '') throw new RuleSetError('rule set has no version');
  if (!Array.isArray(input.rules) || !input.countries || !input.ccl || !Array.isArray(input.lists)) {
    throw new RuleSetError(`rule set ${input.version} is incomplete (rules, countries, ccl and lists are required)`);
  }
  // Private deep copy: the built rule set never changes, whatever the caller does with its data.
  const data = deepFreeze(structuredClone(input));
  const rules = new Map<string, TRuleConfig>();
  const seen = new Set<string>();
  for (const rule of data.rules) {
    if (seen.has(rule.id)) throw new RuleSetError(`duplicate rule id ${rule.id}`);
    seen.add(rule.id);
    const def = ruleDefFor(rule.id);
    if (!def) throw new RuleSetError(`unknown rule id ${rule.id}: the engine has no check for it`);
    const parsed = def.params.safeParse(rule.params);
    if (!parsed.success) throw new RuleSetError(`rule ${rule.id} has invalid params: ${z.prettifyError(parsed.error)}`);
    if (rule.enabled) rules.set(rule.id, deepFreeze({ ...rule, params: parsed.data as Record<string, unknown> }));
  }
  const ccl = new Map<string, TCclEntry>(Object.entries(data.ccl.entries));
  const asOf = data.asOf ?? data.datasets.reduce((max, d) => (d.asOf > max ? d.asOf : max), '');

  const partyParams = rules.get('party.restricted-lists')?.params as TPartyParams | undefined;
  const thresholds: TMatchThresholds = {
    strong: partyParams?.strongThreshold ?? 0.92,
    possible: partyParams?.possibleThreshold ?? 0.8,
  };
  if (!(thresholds.possible > 0 && thresholds.possible <= thresholds.strong && thresholds.strong <= 1)) {
    throw new RuleSetError('party thresholds must satisfy 0 < possible ≤ strong ≤ 1');
  }

  const names: { ref: TPartyRef; text: string }[] = [];
  data.lists.forEach((list, listIndex) => {
    list.entries.forEach((entry, entryIndex) => {
      names.push({ ref: { listIndex, entryIndex, isAlias: false }, text: entry.name });
      for (const form of derivedNameForms(entry.name)) names.push({ ref: { listIndex, entryIndex, isAlias: false }, text: form });
      for (const alias of entry.aliases) {
        names.push({ ref: { listIndex, entryIndex, isAlias: true }, text: alias });
        for (const form of derivedNameForms(alias)) names.push({ ref: { listIndex, entryIndex, isAlias: true }, text: form });
      }
    });
  });
  const partyIndex = new NameIndex<TPartyRef>(names);

  const { chart, groups, freedom, names: countryNames } = data.countries;
  const resolveChart = (country: string) => chart.inherits[country] ?? country;
  const resolveGroups = (country: string) => groups.inherits[country] ?? country;

  const equivalences = (rules.get(COUNTRY_EQUIVALENCES_RULE)?.params.equivalences ?? []) as readonly TCountryEquivalence[];
  const countryEquivalent = (e: TCountryEquivalence) => /^[A-Z]{2}$/.test(e.treatedAs);
  const computeEquivalents = (country: string): string[] => {
    const out = [country];
    for (let i = 0; i < out.length; i += 1) {
      for (const e of equivalences) if (e.country === out[i] && countryEquivalent(e) && !out.includes(e.treatedAs)) out.push(e.treatedAs);
    }
    return out;
  };
  // Per-country answers, computed once: every item of every application asks them again. Frozen
  // (callers share them); bounded, since a country code is whatever an application says.
  const perCountry = <T>(compute: (country: string) => T) => {
    const cache = new Map<string, T>();
    return (country: string): T => {
      let v = cache.get(country);
      if (v === undefined && !cache.has(country)) {
        v = compute(country);
        if (v && typeof v === 'object') Object.freeze(v);
        if (cache.size < 1000) cache.set(country, v);
      }
      return v as T;
    };
  };
  const equivalentsOf = perCountry(computeEquivalents);
  const groupSet = perCountry((country: string) => new Set(equivalentsOf(country).flatMap((c) => groups.membership[resolveGroups(c)] ?? [])));
  const groupList = perCountry((country: string) => [...groupSet(country)]);
  const chartRowOf = perCountry((country: string) => {
    const own = resolveChart(country);
    const rowCountry = chart.rows[own]
      ? own
      : (equivalentsOf(country)
          .slice(1)
          .map(resolveChart)
          .find((c) => chart.rows[c]) ?? own);
    const row = chart.rows[rowCountry];
    if (!row) return null;
    return { row, rowCountry, inheritedFrom: rowCountry !== country ? rowCountry : null };
  });

  const ruleSet: TRuleSet = {
    version: data.version,
    asOf,
    data,
    rules,
    ccl,
    lists: data.lists,
    partyIndex,
    thresholds,
    chartRow: chartRowOf,
    groupsOf: groupList,
    inGroup(country, group) {
      return groupSet(country).has(group);
    },
    freedom(country) {
      return freedom[country] ?? null;
    },
    countryName(country) {
      return countryNames[country] ?? chart.rows[country]?.earName ?? country;
    },
    isKnownCountry(country) {
      return typeof country === 'string' && (country in countryNames || country in chart.rows);
    },
    equivalentsOf,
    countryIn(country, list) {
      if (typeof country !== 'string' || country === '') return null;
      return equivalentsOf(country).find((c) => list.includes(c)) ?? null;
    },
    sameCountry(a, b) {
      if (!a || !b) return false;
      const ea = equivalentsOf(a);
      return equivalentsOf(b).some((c) => ea.includes(c));
    },
    equivalence(country, as) {
      return equivalences.find((e) => e.country === country && e.treatedAs === as) ?? null;
    },
    inGroupOrNamed(country, group) {
      if (equivalentsOf(country).some((c) => (groups.membership[resolveGroups(c)] ?? []).includes(group))) return true;
      return equivalences.some((e) => e.country === country && e.treatedAs === group);
    },
    entry(ref) {
      const list = data.lists[ref.listIndex]!;
      return { list, entry: list.entries[ref.entryIndex]! };
    },
  };
  return Object.freeze(ruleSet);
}
