// Assembles the seed TRuleSetData from the raw reference files' contents (pure: strings in, data out).
// load-seed.ts reads the files from data/reference and calls this.

import type { TDataset, TRuleSetData } from '../screening/types';
import { compileCcl2026 } from './ccl';
import { buildCountriesData, buildCountryNameLookup } from './country-data';
import { parseCslCompactJson } from './csl-compact';
import { ReferenceParseError, jsonErrorLine } from './errors';
import { sha256Hex } from './hash';
import { parseSdnCsv } from './sdn';
import { EU_ANNEX_DATASET } from './eu-seed';
import { buildSeedRules } from './seed-rules';
import { parseUnConsolidatedXml } from './un-consolidated';

export type TSeedFiles = {
  chartJson: string;
  groupsJson: string;
  countriesJson: string;
  /** the 2026 CCL (eCFR 2026-07-23), the seeded CCL */
  ccl2026Json: string;
  /** the 2025 CCL file: paragraphs for categories 0, 2, 6–9 and rows the 2026 data lacks */
  cclJson: string;
  /** Part 740 licence exceptions (eCFR 2026-07-23) */
  licenceExceptionsJson: string;
  regdataJson: string;
  /** the compact Consolidated Screening List snapshot (every party list) */
  cslJson: string;
  /** test fixture: a legacy OFAC sdn.csv that replaces the CSL's SDN list (the SDN diff tests) */
  sdnCsv?: string;
  sdnAsOf?: string;
  /** the UN Security Council consolidated list (official XML); absent = not seeded */
  unXml?: string;
};

export const SEED_VERSION = '2026-11-27.1';
// The date the seed rule set speaks for: the generation date of its party data (the CSL snapshot,
// 2026-07-31T13:15Z). Its country chart (2026-09-24) is newer, its CCL older. A version published
// later with the same lists is judged against its own as-of date and gets a stale-list DATA_GAP.
export const SEED_AS_OF = '2026-07-31';

function parseJson(name: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ReferenceParseError(name, jsonErrorLine(text), `invalid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function assembleSeedRuleSetData(files: TSeedFiles, opts: { version?: string; asOf?: string } = {}): TRuleSetData {
  const chart = parseJson('ear-country-chart.json', files.chartJson) as Parameters<typeof buildCountriesData>[0]['chart'];
  const groups = parseJson('ear-country-groups.json', files.groupsJson) as Parameters<typeof buildCountriesData>[0]['groups'];
  const countriesList = parseJson('countries.json', files.countriesJson) as Parameters<typeof buildCountriesData>[0]['countries'];
  const regdata = parseJson('regdata.json', files.regdataJson) as Parameters<typeof buildCountriesData>[0]['regdata'];
  const countries = buildCountriesData({ chart, groups, countries: countriesList, regdata });
  const ccl = compileCcl2026(parseJson('ccl-2026-07-23.json', files.ccl2026Json), parseJson('ccl.json', files.cclJson), {
    source: 'eCFR 15 CFR 774 Supp. No. 1 (versioner, 2026-07-23), via seelpeed-debug/export-controls-agent-mcp @ 5847b092',
    oldSource: 'ccl.json, eCFR Part 774 of ~2025-07 via waynehacking8/eccn-agent @ 0bd163a8',
  });
  const part740 = parseJson('license-exceptions-2026-07-23.json', files.licenceExceptionsJson) as { ecfrIssueDate?: string };
  const csl = parseCslCompactJson(files.cslJson);
  const cslSha = sha256Hex(files.cslJson);
  let lists = csl.lists;
  const partyDatasets: TDataset[] = lists.map((l) => ({
    kind: `PARTY_LIST_${l.code}`,
    source: `${l.name}, in the ITA Consolidated Screening List (${csl.source})`,
    asOf: l.asOf,
    sha256: cslSha,
  }));
  if (files.sdnCsv) {
    const sdn = parseSdnCsv(files.sdnCsv, { asOf: files.sdnAsOf ?? '', countryNames: buildCountryNameLookup(countriesList) });
    lists = lists.map((l) => (l.code === 'SDN' ? sdn : l));
    const d = partyDatasets.find((x) => x.kind === 'PARTY_LIST_SDN')!;
    Object.assign(d, { source: sdn.source, asOf: sdn.asOf, sha256: sha256Hex(files.sdnCsv) });
  }
  const un = files.unXml ? parseUnConsolidatedXml(files.unXml) : null;
  const datasets: TDataset[] = [
    { kind: 'COUNTRY_CHART', source: countries.chart.source, asOf: countries.chart.asOf, sha256: sha256Hex(files.chartJson) },
    { kind: 'COUNTRY_GROUPS', source: countries.groups.source, asOf: countries.groups.asOf, sha256: sha256Hex(files.groupsJson) },
    { kind: 'CCL', source: `${ccl.source}. ${(ccl.notes ?? []).slice(1).join(' ')}`, asOf: ccl.asOf ?? '', sha256: sha256Hex(files.ccl2026Json) },
    {
      kind: 'CCL_2025_PARAGRAPHS',
      source:
        'Older CCL file (eCFR Part 774 of ~2025-07, waynehacking8/eccn-agent @ 0bd163a8): paragraph lists for categories 0, 2, 6–9 and licence-requirement rows where the 2026 data has no table',
      asOf: '2025-07-11',
      sha256: sha256Hex(files.cclJson),
    },
    {
      kind: 'LICENCE_EXCEPTIONS',
      source: '15 CFR Part 740 licence exceptions (eCFR versioner), via seelpeed-debug/export-controls-agent-mcp @ 5847b092',
      asOf: part740.ecfrIssueDate ?? '',
      sha256: sha256Hex(files.licenceExceptionsJson),
    },
    {
      kind: 'FREEDOM_STATUS',
      source: 'Freedom House, Freedom in the World 2023 (via research/regdata.json)',
      asOf: '2023-03-09',
      sha256: sha256Hex(files.regdataJson),
    },
    {
      kind: 'COUNTRY_NAMES',
      source: 'i18n-iso-countries (MIT, (c) 2016 widdix GmbH) via OSUGIYAMA/EyeWarnYou',
      asOf: '2026-11-27',
      sha256: sha256Hex(files.countriesJson),
    },
    ...partyDatasets,
  ];
  datasets.push(EU_ANNEX_DATASET);
  if (un) datasets.push({ kind: 'PARTY_LIST_UN', source: un.source, asOf: un.asOf, sha256: sha256Hex(files.unXml!) });
  return {
    version: opts.version ?? SEED_VERSION,
    asOf: opts.asOf ?? SEED_AS_OF,
    rules: buildSeedRules(),
    countries,
    ccl,
    lists: un ? [...lists, un] : lists,
    datasets,
  };
}
