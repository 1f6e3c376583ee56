// Builds the immutable, indexed rule set from its plain-JSON data: rule lookup by id, country
// helpers (chart row with inheritance, group membership), the CCL by ECCN, and the party-name index
// over every name and alias of every list. Every rule's params are parsed once here, by the schema
// its registry entry declares (lib/screening/rules): checks receive typed, validated params.
// Callers cache the result per rule-set version.

import { z } from 'zod';
import { NameIndex } from './names/name-index';
import type { TPartyParams } from './rules/party-restricted-lists';
import { ruleDefFor } from './rules';
import type {
  TChartRow,
  TCclEntry,
  TFreedomStatus,
  TMatchThresholds,
  TPartyEntry,
  TPartyList,
  TRuleConfig,
  TRuleSetData,
} from './types';

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
  const asOf =
    data.asOf ??
    data.datasets.reduce((max, d) => (d.asOf > max ? d.asOf : max), '');

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
      for (const alias of entry.aliases) names.push({ ref: { listIndex, entryIndex, isAlias: true }, text: alias });
    });
  });
  const partyIndex = new NameIndex<TPartyRef>(names);

  const { chart, groups, freedom, names: countryNames } = data.countries;
  const resolveChart = (country: string) => chart.inherits[country] ?? country;
  const resolveGroups = (country: string) => groups.inherits[country] ?? country;

  const ruleSet: TRuleSet = {
    version: data.version,
    asOf,
    data,
    rules,
    ccl,
    lists: data.lists,
    partyIndex,
    thresholds,
    chartRow(country) {
      const rowCountry = resolveChart(country);
      const row = chart.rows[rowCountry];
      if (!row) return null;
      return { row, rowCountry, inheritedFrom: rowCountry !== country ? rowCountry : null };
    },
    groupsOf(country) {
      return groups.membership[resolveGroups(country)] ?? [];
    },
    inGroup(country, group) {
      return (groups.membership[resolveGroups(country)] ?? []).includes(group);
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
    entry(ref) {
      const list = data.lists[ref.listIndex]!;
      return { list, entry: list.entries[ref.entryIndex]! };
    },
  };
  return Object.freeze(ruleSet);
}
