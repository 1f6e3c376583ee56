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

export function loadSeedRuleSetData(opts: { sdnFile?: TSdnFile; dir?: string } = {}): TRuleSetData {
  const dir = opts.dir ?? referenceDir();
  const read = (...p: string[]) => readFileSync(path.join(dir, ...p), 'utf8');
  const sdnFile = opts.sdnFile ?? 'ofac-sdn-2024-05-03.csv';
  const sdnAsOf = /(\d{4}-\d{2}-\d{2})/.exec(sdnFile)?.[1] ?? '';
  const data = assembleSeedRuleSetData({
    chartJson: read('ear', 'ear-country-chart.json'),
    groupsJson: read('ear', 'ear-country-groups.json'),
    countriesJson: read('ear', 'countries.json'),
    cclJson: read('ear', 'ccl.json'),
    regdataJson: read('research', 'regdata.json'),
    sdnCsv: read('parties', sdnFile),
    sdnAsOf,
    entityListJson: read('parties', 'entity-list-surveillance.json'),
    dplTxt: read('parties', 'bis-dpl-2022.txt'),
    unXml: read('parties', 'un-consolidated-2026-02-27.xml'),
  });
  // A different SDN vintage is a different rule-set version.
  if (sdnFile !== 'ofac-sdn-2024-05-03.csv') data.version = `${data.version}+sdn-${sdnAsOf}`;
  return data;
}
