// OFAC's legacy SDN files given together: sdn.csv (primary records, see sdn.ts) with alt.csv
// (ent_num, alt_num, alt_type, alt_name, alt_remarks: the aliases) and add.csv (ent_num, add_num,
// address, city/state/postal code, country, add_remarks: the addresses). No header rows, "-0-" means
// empty, a trailing Ctrl-Z. The aliases of alt.csv join those read from Remarks; the countries of
// add.csv join those read from Remarks. A row pointing at an ent_num that sdn.csv lacks is refused
// with its file and line. Pure: texts in, one TPartyList out.

import { parse } from 'csv-parse/sync';
import type { TPartyList } from '../screening/types';
import { ReferenceParseError, csvErrorLine } from './errors';
import { makePartyEntry } from './party-entry';
import { parseSdnCsv, type TSdnParseOptions } from './sdn';

const clean = (v: string | undefined) => {
  const s = (v ?? '').trim();
  return s === '-0-' ? '' : s;
};

function rows(text: string, file: string, columns: number): { record: string[]; line: number }[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/\x1a+\s*$/, '').replace(/^\uFEFF/, ''), {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (err) {
    throw new ReferenceParseError(file, csvErrorLine(err), err instanceof Error ? err.message : String(err));
  }
  return records.map(({ record, info }) => {
    if (record.length !== columns) throw new ReferenceParseError(file, info.lines, `expected ${columns} columns, found ${record.length}`);
    return { record, line: info.lines };
  });
}

export type TOfacFiles = { sdn: string; alt?: string; add?: string };

export function parseOfacSet(files: TOfacFiles, options: TSdnParseOptions): TPartyList {
  const list = parseSdnCsv(files.sdn, options);
  const byId = new Map(list.entries.map((e, i) => [e.id, i]));
  const aliases = new Map<string, string[]>();
  const countries = new Map<string, Set<string>>();
  const entryOf = (id: string, file: string, line: number) => {
    if (!byId.has(id)) throw new ReferenceParseError(file, line, `ent_num ${id} is not in sdn.csv (are the files from the same day?)`);
    return id;
  };
  if (files.alt) {
    for (const { record, line } of rows(files.alt, 'OFAC alt.csv', 5)) {
      const id = entryOf(clean(record[0]), 'OFAC alt.csv', line);
      const name = clean(record[3]);
      if (name) aliases.set(id, [...(aliases.get(id) ?? []), name]);
    }
  }
  if (files.add) {
    for (const { record, line } of rows(files.add, 'OFAC add.csv', 6)) {
      const id = entryOf(clean(record[0]), 'OFAC add.csv', line);
      const country = clean(record[4]).toLowerCase();
      const iso = options.countryNames?.[country];
      if (iso) countries.set(id, (countries.get(id) ?? new Set()).add(iso));
    }
  }
  const entries = list.entries.map((e) => {
    const more = aliases.get(e.id) ?? [];
    const where = countries.get(e.id);
    if (!more.length && !where) return e;
    return makePartyEntry({
      id: e.id,
      name: e.name,
      aliases: [...new Set([...e.aliases, ...more])].filter((a) => a !== e.name),
      type: e.type,
      countries: [...new Set([...e.countries, ...(where ?? [])])].sort(),
      programs: e.programs,
      licensePolicy: e.licensePolicy,
      remarks: e.remarks,
    });
  });
  const parts = ['sdn.csv', files.alt ? 'alt.csv' : null, files.add ? 'add.csv' : null].filter(Boolean).join(' + ');
  return { ...list, source: `${list.source} (${parts})`, entries };
}
