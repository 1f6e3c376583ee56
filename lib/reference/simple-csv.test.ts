import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ReferenceParseError } from './errors';
import { listCodeOf, looksLikeSimpleCsvHeader, parseSimpleCsv } from './simple-csv';

const opts = { asOf: '2026-11-01' };

describe('parseSimpleCsv', () => {
  it('reads entries, aliases and countries, one list per "list" value', () => {
    const lists = parseSimpleCsv(
      [
        'name,aliases,country,list,licence policy',
        '"Acme Surveillance Co., Ltd.",Acme Surv; ACME SV ,CN,Internal watchlist,Presumption of denial',
        'Globex Trading,,AE;IR,SDN,',
        'Initech,Initech Ltd,US,internal watchlist,Case-by-case',
      ].join('\n'),
      opts,
    );
    expect(lists.map((l) => [l.code, l.name, l.entries.length])).toEqual([
      ['INTERNAL_WATCHLIST', 'Internal watchlist', 2],
      ['SDN', 'OFAC Specially Designated Nationals (SDN) List', 1],
    ]);
    const acme = lists[0]!.entries[0]!;
    expect(acme).toMatchObject({
      id: 'acme-surveillance-co-ltd-cn',
      name: 'Acme Surveillance Co., Ltd.',
      aliases: ['Acme Surv', 'ACME SV'],
      countries: ['CN'],
      licensePolicy: 'Presumption of denial',
    });
    expect(lists[1]!.entries[0]).toMatchObject({ countries: ['AE', 'IR'], licensePolicy: null, aliases: [] });
    expect(lists[0]!.asOf).toBe('2026-11-01');
  });

  it('accepts the header in any order and spelling, with an id column', () => {
    const [list] = parseSimpleCsv('List,Country,License_Policy,ID,Aliases,Name\nDPL,RU,,x-1,,Ivan Petrov\n', opts);
    expect(list!.entries[0]).toMatchObject({ id: 'x-1', name: 'Ivan Petrov', countries: ['RU'] });
  });

  it('gives the same ids and hashes for the same content (so a re-upload diffs as unchanged)', () => {
    const text = 'name,aliases,country,list,licence policy\nA Co,,CN,X,\nA Co,,CN,X,\n';
    const a = parseSimpleCsv(text, opts)[0]!.entries;
    const b = parseSimpleCsv(text, opts)[0]!.entries;
    expect(a.map((e) => e.id)).toEqual(['a-co-cn', 'a-co-cn-2']);
    expect(a.map((e) => e.contentHash)).toEqual(b.map((e) => e.contentHash));
  });

  it.each([
    ['wrong columns', 'name,alias,country,list\nA,,CN,X\n', /line 1: missing columns "aliases", "licence policy"; unknown column "alias"/],
    ['broken quoting', 'name,aliases,country,list,licence policy\nA,,CN,X,\n"B,,CN,X,\nC,,CN,X,\n', /line \d+/],
    ['no rows', 'name,aliases,country,list,licence policy\n', /no entries found/],
    ['empty file', '', /empty/],
    ['a row with too few fields', 'name,aliases,country,list,licence policy\nA,,CN,X,\nB,,CN\n', /line 3: expected 5 fields, found 3/],
    ['an empty name', 'name,aliases,country,list,licence policy\n,,CN,X,\n', /line 2: name is empty/],
    ['a bad country', 'name,aliases,country,list,licence policy\nA,,China,X,\n', /line 2: country must be a two-letter ISO code/],
    ['a duplicate id', 'id,name,aliases,country,list,licence policy\n1,A,,CN,X,\n1,B,,CN,X,\n', /line 3: duplicate id "1"/],
  ])('refuses %s with a clear message', (_what, text, message) => {
    expect(() => parseSimpleCsv(text, opts)).toThrow(ReferenceParseError);
    expect(() => parseSimpleCsv(text, opts)).toThrow(message);
  });

  it('never crashes on arbitrary text: it parses or throws ReferenceParseError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (body) => {
        try {
          parseSimpleCsv(`name,aliases,country,list,licence policy\n${body}`, opts);
        } catch (err) {
          expect(err).toBeInstanceOf(ReferenceParseError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('helpers', () => {
  it('derives list codes', () => {
    expect(listCodeOf(' Entity list ')).toBe('ENTITY_LIST');
    expect(listCodeOf('sdn')).toBe('SDN');
  });
  it('recognises the header', () => {
    expect(looksLikeSimpleCsvHeader('Name,Aliases,Country,List,Licence policy')).toBe(true);
    expect(looksLikeSimpleCsvHeader('36,"AEROCARIBBEAN AIRLINES",-0-,"CUBA"')).toBe(false);
  });
});
