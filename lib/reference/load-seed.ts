// Reads the reference files shipped in data/reference and assembles the seed rule set.
// The only module in lib/reference that touches the file system.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TRuleSetData } from '../screening/types';
import { assembleSeedRuleSetData } from './assemble-seed';

export type TSdnFile = 'ofac-sdn-2024-05-03.csv' | 'ofac-sdn-2024-04-02.csv';

export function referenceDir(): string {
  return path.resolve(process.cwd(), 'data', 'reference');
}

export const CSL_FILE = 'csl-2026-07-31.json';

/**
 * The seed rule set: every party list from the Consolidated Screening List snapshot. `sdnFile`
 * (tests only) swaps in a legacy OFAC sdn.csv fixture for the SDN list.
 */
export function loadSeedRuleSetData(opts: { sdnFile?: TSdnFile; dir?: string } = {}): TRuleSetData {
  const dir = opts.dir ?? referenceDir();
  const read = (...p: string[]) => readFileSync(path.join(dir, ...p), 'utf8');
  const sdnFile = opts.sdnFile;
  const sdnAsOf = sdnFile ? (/(\d{4}-\d{2}-\d{2})/.exec(sdnFile)?.[1] ?? '') : undefined;
  const data = assembleSeedRuleSetData({
    chartJson: read('ear', 'ear-country-chart.json'),
    groupsJson: read('ear', 'ear-country-groups.json'),
    countriesJson: read('ear', 'countries.json'),
    ccl2026Json: read('ear', 'ccl-2026-07-23.json'),
    cclJson: read('ear', 'ccl.json'),
    licenceExceptionsJson: read('ear', 'license-exceptions-2026-07-23.json'),
    regdataJson: read('research', 'regdata.json'),
    cslJson: read('parties', CSL_FILE),
    ...(sdnFile ? { sdnCsv: read('parties', sdnFile), sdnAsOf } : {}),
    unXml: read('parties', 'un-consolidated-2026-02-27.xml'),
  });
  // A different SDN vintage is a different rule-set version.
  if (sdnFile) data.version = `${data.version}+sdn-${sdnAsOf}`;
  return data;
}
