// OFAC sdn.csv with alt.csv and add.csv: aliases and address countries join the primary records.
// The alt/add rows are in OFAC's legacy format (no header, "-0-" empty) for real SDN entries.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCountryNameLookup } from './country-data';
import { parseOfacSet } from './ofac-set';
import { parseSdnCsv } from './sdn';

const sdn = readFileSync('data/reference/parties/ofac-sdn-2024-05-03.csv', 'utf8');
const countryNames = buildCountryNameLookup(JSON.parse(readFileSync('data/reference/ear/countries.json', 'utf8')));
const ALT = '36,12,"aka","AERO-CARIBBEAN",-0-\r\n173,13,"aka","ANGLO-CARIBBEAN TRADING",-0-\r\n\x1a';
const ADD = '36,25,-0-,"Havana","Cuba",-0-\r\n173,129,"Ibex House, The Minories","London EC3N 1DY","United Kingdom",-0-\r\n';

describe('OFAC sdn.csv + alt.csv + add.csv', () => {
  const alone = parseSdnCsv(sdn, { asOf: '2024-05-03', countryNames });
  const set = parseOfacSet({ sdn, alt: ALT, add: ADD }, { asOf: '2024-05-03', countryNames });

  it('adds the aliases and countries to their entries and changes only those entries', () => {
    const aero = set.entries.find((e) => e.id === '36')!;
    expect(aero.aliases).toContain('AERO-CARIBBEAN');
    expect(aero.countries).toContain('CU');
    expect(set.entries.find((e) => e.id === '173')!.countries).toContain('GB');
    const changed = set.entries.filter((e, i) => e.contentHash !== alone.entries[i]!.contentHash).map((e) => e.id);
    expect(changed.sort()).toEqual(['173', '36']);
    expect(set.source).toMatch(/sdn\.csv \+ alt\.csv \+ add\.csv/);
  });

  it('refuses a row for an entry sdn.csv does not have, or with the wrong columns, naming file and line', () => {
    expect(() => parseOfacSet({ sdn, alt: `${ALT.replace('\x1a', '')}99999999,1,"aka","NOBODY",-0-\r\n` }, { asOf: '2024-05-03' })).toThrow(
      /OFAC alt\.csv, line 3: ent_num 99999999 is not in sdn\.csv/,
    );
    expect(() => parseOfacSet({ sdn, add: '36,25,"Havana"\r\n' }, { asOf: '2024-05-03' })).toThrow(/OFAC add\.csv, line 1: expected 6 columns, found 3/);
  });
});
