// Parser for the "simple CSV" party-list format an admin can write by hand or export from a
// spreadsheet: a header row with the columns name, aliases, country, list, licence policy (in any
// order; "license"/"licence", spaces or underscores, any case) and an optional id column. Aliases
// are separated by ";", countries may be several ISO codes separated by ";". Rows may name
// different lists: each distinct "list" value becomes one TPartyList (code = the value in
// upper case, non-alphanumerics as "_"). Pure: text in, lists out; errors carry the line number.

import { parse } from 'csv-parse/sync';
import type { TPartyEntry, TPartyList } from '../screening/types';
import { ReferenceParseError, csvErrorLine } from './errors';
import { slugify } from './hash';
import { makePartyEntry } from './party-entry';

const SOURCE = 'Simple CSV';
export const SIMPLE_CSV_COLUMNS = ['name', 'aliases', 'country', 'list', 'licence policy'] as const;
type TColumn = (typeof SIMPLE_CSV_COLUMNS)[number] | 'id';

const KNOWN_LIST_NAMES: Record<string, string> = {
  SDN: 'OFAC Specially Designated Nationals (SDN) List',
  ENTITY_LIST: 'BIS Entity List (Supp. No. 4 to 15 CFR Part 744)',
  DPL: 'BIS Denied Persons List',
};

function columnOf(header: string): TColumn | null {
  const h = header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
  if (h === 'license policy' || h === 'licence policy') return 'licence policy';
  if (h === 'name' || h === 'aliases' || h === 'country' || h === 'list' || h === 'id') return h;
  return null;
}

export function listCodeOf(value: string): string {
  return value
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
}

/** True when the first line looks like a simple-CSV header (used by format auto-detection). */
export function looksLikeSimpleCsvHeader(firstLine: string): boolean {
  let cells: string[];
  try {
    cells = (parse(firstLine, { relax_column_count: true }) as string[][])[0] ?? [];
  } catch {
    return false;
  }
  const cols = new Set(cells.map(columnOf));
  return cols.has('name') && cols.has('list');
}

export type TSimpleCsvOptions = { asOf: string; source?: string };

export function parseSimpleCsv(text: string, options: TSimpleCsvOptions): TPartyList[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      info: true,
      relax_column_count: true, // checked below, with the line number
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    throw new ReferenceParseError(SOURCE, csvErrorLine(err), err instanceof Error ? err.message : String(err));
  }
  const [head, ...rows] = records;
  if (!head) throw new ReferenceParseError(SOURCE, null, 'the file is empty');
  const columns = head.record.map(columnOf);
  const unknown = head.record.filter((_, i) => columns[i] === null);
  const missing = SIMPLE_CSV_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0 || unknown.length > 0) {
    const parts = [
      missing.length > 0 && `missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}`,
      unknown.length > 0 && `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => `"${c.trim()}"`).join(', ')}`,
    ].filter(Boolean);
    throw new ReferenceParseError(SOURCE, 1, `${parts.join('; ')}. The header must be: ${SIMPLE_CSV_COLUMNS.join(', ')} (and optionally id)`);
  }
  const duplicated = columns.find((c, i) => c !== null && columns.indexOf(c) !== i);
  if (duplicated) throw new ReferenceParseError(SOURCE, 1, `the column "${duplicated}" appears twice`);
  if (rows.length === 0) throw new ReferenceParseError(SOURCE, null, 'no entries found (the file has a header but no rows)');

  const index = (c: TColumn) => columns.indexOf(c);
  const byCode = new Map<string, { name: string; entries: TPartyEntry[]; ids: Map<string, number> }>();
  for (const { record, info } of rows) {
    const line = info.lines;
    if (record.length !== columns.length) {
      throw new ReferenceParseError(SOURCE, line, `expected ${columns.length} fields, found ${record.length}`);
    }
    const cell = (c: TColumn) => (index(c) >= 0 ? (record[index(c)] ?? '').trim() : '');
    const name = cell('name');
    if (!name) throw new ReferenceParseError(SOURCE, line, 'name is empty');
    const listValue = cell('list');
    const code = listCodeOf(listValue);
    if (!code) throw new ReferenceParseError(SOURCE, line, 'list is empty (give the list this entry belongs to, e.g. SDN)');
    const countries = cell('country')
      .split(/[;,]/)
      .map((c) => c.trim().toUpperCase())
      .filter((c) => c.length > 0);
    const badCountry = countries.find((c) => !/^[A-Z]{2}$/.test(c));
    if (badCountry) throw new ReferenceParseError(SOURCE, line, `country must be a two-letter ISO code, got "${badCountry}"`);
    const aliases = [
      ...new Set(
        cell('aliases')
          .split(';')
          .map((a) => a.trim())
          .filter((a) => a.length > 0 && a !== name),
      ),
    ];
    let group = byCode.get(code);
    if (!group) {
      group = { name: KNOWN_LIST_NAMES[code] ?? listValue, entries: [], ids: new Map() };
      byCode.set(code, group);
    }
    let id = cell('id');
    if (id) {
      if (group.ids.has(id)) throw new ReferenceParseError(SOURCE, line, `duplicate id "${id}" in list ${code}`);
      group.ids.set(id, 1);
    } else {
      // Stable without an id column: the same name and country give the same id in the next upload.
      const base = `${slugify(name) || 'entry'}${countries.length ? `-${countries.join('-').toLowerCase()}` : ''}`;
      const n = (group.ids.get(base) ?? 0) + 1;
      group.ids.set(base, n);
      id = n === 1 ? base : `${base}-${n}`;
    }
    const policy = cell('licence policy');
    group.entries.push(makePartyEntry({ id, name, aliases, type: null, countries, programs: [], licensePolicy: policy || null, remarks: null }));
  }
  return [...byCode.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, group]) => ({
      code,
      name: group.name,
      source: options.source ?? 'Simple CSV upload',
      asOf: options.asOf,
      entries: group.entries,
    }));
}
