// Assembles the seed TRuleSetData from the raw reference files' contents (pure: strings in, data out).
// load-seed.ts reads the files from data/reference and calls this.

import type { TDataset, TRuleSetData } from '../screening/types';
import { compileCcl } from './ccl';
import { buildCountriesData, buildCountryNameLookup } from './country-data';
import { parseDplTxt } from './dpl';
import { parseEntityListJson } from './entity-list';
import { ReferenceParseError, jsonErrorLine } from './errors';
import { sha256Hex } from './hash';
import { parseSdnCsv } from './sdn';
import { buildSeedRules } from './seed-rules';
import { parseUnConsolidatedXml } from './un-consolidated';

export type TSeedFiles = {
  chartJson: string;
  groupsJson: string;
  countriesJson: string;
  cclJson: string;
  regdataJson: string;
  sdnCsv: string;
  sdnAsOf: string;
  entityListJson: string;
  dplTxt: string;
  /** the UN Security Council consolidated list (official XML); absent = not seeded */
  unXml?: string;
};

export const SEED_VERSION = '2026-11-27.1';
export const SEED_AS_OF = '2026-11-27';
const DPL_AS_OF = '2022-09-07';
const CCL_AS_OF = '2025-07-11';

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
  const ccl = compileCcl(parseJson('ccl.json', files.cclJson), {
    source: 'eCFR 15 CFR 774 Supp. No. 1, via waynehacking8/eccn-agent @ 0bd163a8',
    asOf: CCL_AS_OF,
  });
  const sdn = parseSdnCsv(files.sdnCsv, { asOf: files.sdnAsOf, countryNames: buildCountryNameLookup(countriesList) });
  const entityList = parseEntityListJson(files.entityListJson);
  const dpl = parseDplTxt(files.dplTxt, { asOf: DPL_AS_OF });
  const un = files.unXml ? parseUnConsolidatedXml(files.unXml) : null;
  const datasets: TDataset[] = [
    { kind: 'COUNTRY_CHART', source: countries.chart.source, asOf: countries.chart.asOf, sha256: sha256Hex(files.chartJson) },
    { kind: 'COUNTRY_GROUPS', source: countries.groups.source, asOf: countries.groups.asOf, sha256: sha256Hex(files.groupsJson) },
    { kind: 'CCL', source: ccl.source, asOf: CCL_AS_OF, sha256: sha256Hex(files.cclJson) },
    { kind: 'FREEDOM_STATUS', source: 'Freedom House, Freedom in the World 2023 (via research/regdata.json)', asOf: '2023-03-09', sha256: sha256Hex(files.regdataJson) },
    { kind: 'COUNTRY_NAMES', source: 'i18n-iso-countries (MIT, (c) 2016 widdix GmbH) via OSUGIYAMA/EyeWarnYou', asOf: '2026-11-27', sha256: sha256Hex(files.countriesJson) },
    { kind: 'PARTY_LIST_SDN', source: sdn.source, asOf: sdn.asOf, sha256: sha256Hex(files.sdnCsv) },
    { kind: 'PARTY_LIST_ENTITY_LIST', source: entityList.source, asOf: entityList.asOf, sha256: sha256Hex(files.entityListJson) },
    { kind: 'PARTY_LIST_DPL', source: dpl.source, asOf: dpl.asOf, sha256: sha256Hex(files.dplTxt) },
  ];
  if (un) datasets.push({ kind: 'PARTY_LIST_UN', source: un.source, asOf: un.asOf, sha256: sha256Hex(files.unXml!) });
  return {
    version: opts.version ?? SEED_VERSION,
    asOf: opts.asOf ?? SEED_AS_OF,
    rules: buildSeedRules(),
    countries,
    ccl,
    lists: un ? [sdn, entityList, dpl, un] : [sdn, entityList, dpl],
    datasets,
  };
}
