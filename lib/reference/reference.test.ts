import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDplTxt } from './dpl';
import { parseEntityListJson } from './entity-list';
import { ReferenceParseError } from './errors';
import { extractAliases, parseSdnCsv } from './sdn';
import { parseAppliesTo, parseDestinations } from './ccl';
import { loadSeedRuleSetData } from './load-seed';

const dir = path.resolve(process.cwd(), 'data', 'reference');
const read = (...p: string[]) => readFileSync(path.join(dir, ...p), 'utf8');

function parseError(fn: () => unknown): ReferenceParseError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ReferenceParseError) return err;
    throw err;
  }
  throw new Error('expected a ReferenceParseError');
}

describe('OFAC SDN CSV', () => {
  const may = parseSdnCsv(read('parties', 'ofac-sdn-2024-05-03.csv'), { asOf: '2024-05-03' });
  const apr = parseSdnCsv(read('parties', 'ofac-sdn-2024-04-02.csv'), { asOf: '2024-04-02' });

  it('reads every row of both vintages (trailing Ctrl-Z stripped)', () => {
    expect(may.entries).toHaveLength(14965);
    expect(apr.entries).toHaveLength(14560);
  });

  it('turns -0- into empty, splits programs and reads aliases from Remarks', () => {
    const bnc = may.entries.find((e) => e.id === '306')!;
    expect(bnc).toMatchObject({ name: 'BANCO NACIONAL DE CUBA', aliases: ['BNC'], type: 'entity', programs: ['CUBA'] });
    const marzook = may.entries.find((e) => e.id === '3754')!;
    expect(marzook.aliases).toEqual(["ABU-'UMAR"]);
    expect(marzook.type).toBe('individual');
    expect(may.entries.some((e) => e.programs.length > 1)).toBe(true);
    expect(may.entries.every((e) => e.remarks !== '-0-')).toBe(true);
  });

  it('extracts several aliases, including f.k.a.', () => {
    expect(extractAliases("a.k.a. 'ALPHA'; a.k.a. 'BETA CO.'; f.k.a. 'GAMMA'.")).toEqual(['ALPHA', 'BETA CO.', 'GAMMA']);
  });

  it('content hashes change exactly for the entries the diff lists as changed', () => {
    const diff = JSON.parse(read('parties', 'ofac-sdn-diff-2024-04-02_to_2024-05-03.json')) as {
      changed: { ent_num: string }[];
      added: unknown[];
      removed: unknown[];
    };
    const before = new Map(apr.entries.map((e) => [e.id, e.contentHash]));
    const changed = may.entries
      .filter((e) => before.has(e.id) && before.get(e.id) !== e.contentHash)
      .map((e) => e.id)
      .sort();
    expect(changed).toEqual(diff.changed.map((c) => String(c.ent_num)).sort());
    expect(may.entries.filter((e) => !before.has(e.id))).toHaveLength(diff.added.length);
  });

  it('reports malformed input with its line number', () => {
    const good = '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n';
    expect(parseError(() => parseSdnCsv(`${good}${good.replace('36,', '37,')}38,"X","CUBA"\r\n`, { asOf: 'x' })).line).toBe(3);
    expect(parseError(() => parseSdnCsv(`${good}${good}`, { asOf: 'x' })).message).toMatch(/line 2: duplicate ent_num 36/);
    expect(parseError(() => parseSdnCsv(`${good}abc,"X",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\r\n`, { asOf: 'x' })).line).toBe(2);
    expect(parseError(() => parseSdnCsv(`${good}40,"unterminated,-0-\r\n`, { asOf: 'x' }))).toBeInstanceOf(ReferenceParseError);
  });
});

describe('BIS Denied Persons List', () => {
  const dpl = parseDplTxt(read('parties', 'bis-dpl-2022.txt'), { asOf: '2022-09-07' });
  it('reads 581 entries with ISO dates', () => {
    expect(dpl.entries).toHaveLength(581);
    const dahua = dpl.entries.find((e) => e.name === 'DAHUA ELECTRONICS CORPORATION')!;
    expect(dahua.expiresOn).toBe('2025-11-19');
    expect(new Set(dpl.entries.map((e) => e.id)).size).toBe(581);
  });
  it('reports a bad header and bad dates with line numbers', () => {
    expect(parseError(() => parseDplTxt('"Name"\t"City"\n', { asOf: 'x' })).line).toBe(1);
    const text = read('parties', 'bis-dpl-2022.txt').split('\n');
    text[3] = text[3]!.replace(/"\d\d\/\d\d\/\d{4}"/, '"2022-13-45"');
    expect(parseError(() => parseDplTxt(text.join('\n'), { asOf: 'x' })).line).toBe(4);
  });
});

describe('Entity List extract', () => {
  it("keeps each row's own licence policy and aliases", () => {
    const el = parseEntityListJson(read('parties', 'entity-list-surveillance.json'));
    expect(el.entries).toHaveLength(32);
    const hik = el.entries.find((e) => e.name.startsWith('Hangzhou Hikvision'))!;
    expect(hik.aliases).toContain('Hikvision');
    expect(el.entries.find((e) => e.name === 'Dahua Technology')!.licensePolicy).toBe('Presumption of denial');
    expect(el.asOf).toBe('2026-07-31');
  });
  it('rejects malformed JSON with a line number', () => {
    expect(parseError(() => parseEntityListJson('{\n"entityListRows": [\n,]}')).line).toBe(3);
  });
});

describe('CCL paragraph and destination parsing', () => {
  it.each([
    [
      '5A001',
      '5A001.b (except .b.5), .c, .d, .f (except f.3), .g, and .j',
      { kind: 'PARAGRAPHS', paragraphs: ['b', 'c', 'd', 'f', 'g', 'j'], except: ['b.5', 'f.3'], qualified: false },
    ],
    ['0A504', 'paragraph .i', { kind: 'PARAGRAPHS', paragraphs: ['i'], except: [], qualified: false }],
    ['3A981', 'entire entry', { kind: 'ENTIRE', except: [], qualified: false }],
    ['0A501', 'entire entry except 0A501.y', { kind: 'ENTIRE', except: ['y'], qualified: false }],
    ['0A502', 'shotguns with a barrel length less than 18 inches (45.72 cm)', { kind: 'UNRESOLVED' }],
  ])('%s: %s', (eccn, text, expected) => {
    expect(parseAppliesTo(eccn, text)).toEqual(expected);
  });
  it('reads chart-less destination texts', () => {
    expect(parseDestinations(null, 'A license is required for ALL destinations, except Canada, regardless of end use.')).toEqual({
      kind: 'ALL',
      exceptCountries: ['CA'],
    });
    expect(
      parseDestinations(
        null,
        'To or within destinations specified in Country Groups D:1, D:4, and D:5 of supplement no. 1 to part 740 of the EAR, excluding any destination also specified in Country Groups A:5 or A:6.',
      ),
    ).toMatchObject({ kind: 'GROUPS', excludeIfIn: ['A:5', 'A:6'] });
    expect(parseDestinations(null, 'China, Russia, or Venezuela (see § 742.6(a)(7)).')).toEqual({ kind: 'COUNTRIES', countries: ['CN', 'RU', 'VE'] });
    expect(parseDestinations('NS2', 'NS Column 2')).toEqual({ kind: 'CHART', column: 'NS2' });
  });
});

describe('seed rule set', () => {
  const data = loadSeedRuleSetData();
  it('has the expected sizes and provenance', () => {
    expect(Object.keys(data.ccl.entries)).toHaveLength(633); // the 2026 CCL (eCFR 2026-07-23)
    expect(Object.keys(data.countries.chart.rows)).toHaveLength(200);
    // the whole Consolidated Screening List (csl-2026-07-31.json), one list per CSL source list
    expect(data.lists.map((l) => [l.code, l.entries.length])).toEqual([
      ['SDN', 19181],
      ['ENTITY_LIST', 3420],
      ['DPL', 1596],
      ['UVL', 222],
      ['MEU', 70],
      ['DTC', 787],
      ['SSI', 286],
      ['CMIC', 68],
      ['NS_MBS', 51],
      ['ISN', 161],
      ['PLC', 78],
      ['CAP', 1],
      ['UN', 1003],
    ]);
    expect(data.lists.filter((l) => l.code !== 'UN').every((l) => l.asOf === '2026-07-31')).toBe(true);
    expect(
      data.datasets
        .filter((d) => d.kind.startsWith('PARTY_LIST_') && d.kind !== 'PARTY_LIST_UN')
        .every((d) => d.sha256 === '4cb2be849d976ae3d72f69c03681d7284663ba7ffd9dbe4c2274c89760bd7c8e'),
    ).toBe(true);
    expect(data.datasets.every((d) => d.asOf && d.source && d.sha256)).toBe(true);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
  it('agrees with the independent chart parse in regdata.json for every non-embargoed row', () => {
    const regdata = JSON.parse(read('research', 'regdata.json')) as { countryChart: Record<string, string[]> };
    for (const [iso, cols] of Object.entries(regdata.countryChart)) {
      const row = data.countries.chart.rows[iso];
      if (!row || row.pointer) continue;
      expect([...row.x].sort(), iso).toEqual(cols.filter((c) => c !== 'AT1' && c !== 'AT2').sort());
    }
  });
});
