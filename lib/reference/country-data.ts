// Builds the rule set's country data (Commerce Country Chart, Country Groups, Freedom House status,
// names) from the raw reference files. Where the two EAR sources disagree we follow the eCFR text as
// described in research/regdata.md:
// - ear-country-chart.json gives CU, IR, KP and SY x:["CB1"]; that is a parse artifact. In the eCFR
//   these rows carry no X at all and point to Part 746, so we drop the marks and keep the pointer.
// - Hong Kong has no row (treated as China since 85 FR 83788); Liechtenstein's row is governed by
//   Switzerland's (chart footnote 5). Both are recorded as "inherits", for the chart and the groups.

import type { TChartFootnote, TChartRow, TCountriesData, TFreedomStatus } from '../screening/types';
import { ReferenceParseError } from './errors';

export const CHART_COLUMNS = ['CB1', 'CB2', 'CB3', 'NP1', 'NP2', 'NS1', 'NS2', 'MT1', 'RS1', 'RS2', 'FC1', 'CC1', 'CC2', 'CC3', 'AT1', 'AT2'];

const POINTER_ROWS: Record<string, string> = {
  CU: 'See part 746 of the EAR to determine whether a license is required in order to export or reexport to this destination.',
  IR: 'See part 746 of the EAR to determine whether a license is required in order to export or reexport to this destination.',
  KP: 'See Sections 742.19 and 746.4 of the EAR to determine whether a license is required in order to export or reexport to this destination.',
  SY: 'See § 746.9 of the EAR to determine whether a license is required in order to export or reexport to this destination.',
};

const INHERITS: Record<string, string> = { HK: 'CN', LI: 'CH' };

/** What each chart footnote means for screening (the text is kept verbatim next to it). */
const FOOTNOTE_EFFECTS: Record<string, TChartFootnote['effect']> = {
  '1': { kind: 'CCL_ITEMS_REVIEW' },
  '2': { kind: 'ITEMS_REVIEW', items: [{ eccn: '6A003' }] },
  '3': { kind: 'ITEMS_REVIEW', items: [{ eccn: '0A919' }] },
  '4': { kind: 'ITEMS_REVIEW', items: [{ eccn: '6A003' }] },
  '5': { kind: 'HANDLED_BY_RULE', ruleId: 'licence.country-chart' },
  '6': { kind: 'HANDLED_BY_RULE', ruleId: 'embargo.russia-belarus' },
  '7': {
    kind: 'ITEMS_LICENSE_REQUIRED',
    items: [
      { eccn: '6A003', paragraphs: ['b.4.b'] },
      { eccn: '9A515', paragraphs: ['e'] },
    ],
  },
  '8': { kind: 'HANDLED_BY_RULE', ruleId: 'embargo.region' },
  '9': { kind: 'HANDLED_BY_RULE', ruleId: 'embargo.region' },
  // Footnote 10 (AU, GB): firearms ECCNs. Where the text narrows an ECCN by barrel length or use we
  // keep the whole ECCN (strictest reading).
  '10': {
    kind: 'ITEMS_LICENSE_REQUIRED',
    items: [
      { eccn: '0A501', exceptParagraphs: ['y'] },
      { eccn: '0A502' },
      { eccn: '0A504', paragraphs: ['i'] },
      { eccn: '0A505', paragraphs: ['a', 'x'] },
      { eccn: '0A506' },
      { eccn: '0A507' },
      { eccn: '0A508' },
      { eccn: '0A509' },
      { eccn: '0D501' },
      { eccn: '0D505' },
      { eccn: '0E501' },
      { eccn: '0E504' },
      { eccn: '0E505' },
    ],
  },
};

type TChartJson = {
  stamp?: { asOf?: string; source?: string; url?: string };
  rows?: { iso2?: unknown; earName?: unknown; footnotes?: unknown; x?: unknown }[];
  footnotes?: Record<string, string>;
};
type TGroupsJson = {
  stamp?: { asOf?: string; source?: string };
  labels?: Record<string, string>;
  membership?: Record<string, string[]>;
};
type TCountryNameJson = { iso2: string; en: string; earName?: string }[];
type TRegdataJson = { freedomStatus?: { status?: Record<string, string> } };

export type TCountrySources = {
  chart: TChartJson;
  groups: TGroupsJson;
  countries: TCountryNameJson;
  regdata: TRegdataJson;
};

export function buildCountriesData(src: TCountrySources): TCountriesData {
  const rows: Record<string, TChartRow> = {};
  if (!Array.isArray(src.chart.rows)) throw new ReferenceParseError('Country Chart', null, 'missing "rows"');
  src.chart.rows.forEach((row, i) => {
    if (typeof row.iso2 !== 'string' || !/^[A-Z]{2}$/.test(row.iso2)) {
      throw new ReferenceParseError('Country Chart', null, `rows[${i}].iso2 must be a two-letter code`);
    }
    const x = Array.isArray(row.x) ? row.x.filter((c): c is string => typeof c === 'string') : [];
    const unknown = x.filter((c) => !CHART_COLUMNS.includes(c));
    if (unknown.length > 0) throw new ReferenceParseError('Country Chart', null, `rows[${i}] has unknown columns ${unknown.join(', ')}`);
    const pointer = POINTER_ROWS[row.iso2] ?? null;
    rows[row.iso2] = {
      earName: typeof row.earName === 'string' ? row.earName : row.iso2,
      x: pointer ? [] : x, // CB1 on the four embargo rows is a parse artifact (see header)
      footnotes: Array.isArray(row.footnotes) ? row.footnotes.filter((f): f is number => typeof f === 'number') : [],
      pointer,
    };
  });
  const footnotes: Record<string, TChartFootnote> = {};
  for (const [n, text] of Object.entries(src.chart.footnotes ?? {})) {
    footnotes[n] = { text, effect: FOOTNOTE_EFFECTS[n] ?? { kind: 'CCL_ITEMS_REVIEW' } };
  }
  const freedom: Record<string, TFreedomStatus> = {};
  for (const [iso, s] of Object.entries(src.regdata.freedomStatus?.status ?? {})) {
    if (s === 'F' || s === 'PF' || s === 'NF') freedom[iso] = s;
  }
  const names: Record<string, string> = {};
  for (const c of src.countries) names[c.iso2] = c.en;
  return {
    chart: {
      source: src.chart.stamp?.url ?? src.chart.stamp?.source ?? 'eCFR 15 CFR 738 Supp. No. 1',
      asOf: src.chart.stamp?.asOf ?? '',
      columns: CHART_COLUMNS,
      rows,
      inherits: { ...INHERITS },
      footnotes,
    },
    groups: {
      source: src.groups.stamp?.source ?? 'eCFR 15 CFR 740 Supp. No. 1',
      asOf: src.groups.stamp?.asOf ?? '',
      labels: { ...(src.groups.labels ?? {}) },
      membership: Object.fromEntries(Object.entries(src.groups.membership ?? {}).map(([k, v]) => [k, [...v]])),
      inherits: { ...INHERITS },
    },
    freedom,
    names,
  };
}

/** lower-case country name → ISO code, for reading countries out of list remarks. */
export function buildCountryNameLookup(countries: TCountryNameJson): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of countries) {
    out[c.en.toLowerCase()] = c.iso2;
    if (c.earName) out[c.earName.toLowerCase()] = c.iso2;
  }
  const extra: Record<string, string> = {
    russia: 'RU',
    'russian federation': 'RU',
    iran: 'IR',
    syria: 'SY',
    'north korea': 'KP',
    'korea, north': 'KP',
    'south korea': 'KR',
    'korea, south': 'KR',
    burma: 'MM',
    turkey: 'TR',
    'united kingdom': 'GB',
    uk: 'GB',
    'united states': 'US',
    usa: 'US',
    'united arab emirates': 'AE',
    uae: 'AE',
    'west bank': 'PS',
    gaza: 'PS',
    'hong kong': 'HK',
    macau: 'MO',
    taiwan: 'TW',
    venezuela: 'VE',
    'congo, democratic republic of the': 'CD',
    'democratic republic of the congo': 'CD',
    "cote d'ivoire": 'CI',
    'czech republic': 'CZ',
    kosovo: 'XK',
    bolivia: 'BO',
    moldova: 'MD',
    tanzania: 'TZ',
    vietnam: 'VN',
    laos: 'LA',
    palestinian: 'PS',
  };
  return { ...out, ...extra };
}
