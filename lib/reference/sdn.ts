// Parser for OFAC's legacy SDN CSV (sdn.csv): no header, 12 columns
// (ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag,
// Vess_owner, Remarks); "-0-" means empty; the file ends with a Ctrl-Z byte; aliases live in Remarks
// as "a.k.a. '…'" (also f.k.a./n.k.a.). Pure: text in, TPartyList out.

import { parse } from 'csv-parse/sync';
import type { TPartyEntry, TPartyList } from '../screening/types';
import { ReferenceParseError, csvErrorLine } from './errors';
import { makePartyEntry } from './party-entry';

const SOURCE = 'OFAC SDN CSV';
const COLUMNS = 12;

export type TSdnParseOptions = {
  asOf: string;
  source?: string;
  /** lower-case country name → ISO alpha-2, used to read countries out of Remarks */
  countryNames?: Record<string, string>;
};

function clean(value: string | undefined): string {
  const v = (value ?? '').trim();
  return v === '-0-' ? '' : v;
}

/** Aliases written in Remarks as a.k.a. 'X'; f.k.a. 'Y'; n.k.a. 'Z'. */
export function extractAliases(remarks: string): string[] {
  const out: string[] = [];
  // an alias ends at a quote followed by ; . , or the end (names may contain apostrophes: 'ABU-'UMAR')
  const re = /\b[afn]\.k\.a\.,?\s*'(.+?)'(?=\s*[;.,)]|\s*$)/g;
  for (const m of remarks.matchAll(re)) {
    const alias = m[1]!.trim();
    if (alias.length > 0 && !out.includes(alias)) out.push(alias);
  }
  return out;
}

/** Countries named in Remarks: "nationality X", "citizen X", "(X)" after registration numbers, addresses. */
export function extractCountries(remarks: string, countryNames: Record<string, string>): string[] {
  const found = new Set<string>();
  const lookup = (raw: string) => {
    const iso = countryNames[raw.trim().toLowerCase().replace(/\s+/g, ' ')];
    if (iso) found.add(iso);
  };
  for (const m of remarks.matchAll(/\b(?:nationality|citizen|Nationality of Registration)\s+([A-Za-z][A-Za-z .'-]*?)(?=[;.,]|$)/g)) lookup(m[1]!);
  for (const m of remarks.matchAll(/\(([A-Za-z][A-Za-z .'-]{2,40})\)/g)) lookup(m[1]!);
  return [...found].sort();
}

function splitPrograms(program: string): string[] {
  return program
    .split(/\]\s*\[/)
    .map((p) => p.replace(/[[\]]/g, '').trim())
    .filter((p) => p.length > 0);
}

export function parseSdnCsv(text: string, options: TSdnParseOptions): TPartyList {
  const body = text.replace(/\x1a+\s*$/, '').replace(/^\uFEFF/, '');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, {
      info: true,
      relax_column_count: true, // checked below, with the line number
      skip_empty_lines: true,
      trim: false,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    throw new ReferenceParseError(SOURCE, csvErrorLine(err), err instanceof Error ? err.message : String(err));
  }
  const seen = new Set<string>();
  const entries: TPartyEntry[] = [];
  for (const { record, info } of records) {
    const line = info.lines;
    if (record.length !== COLUMNS) {
      throw new ReferenceParseError(SOURCE, line, `expected ${COLUMNS} columns, found ${record.length}`);
    }
    const id = clean(record[0]);
    if (!/^\d+$/.test(id)) throw new ReferenceParseError(SOURCE, line, `ent_num must be a number, got "${record[0]}"`);
    if (seen.has(id)) throw new ReferenceParseError(SOURCE, line, `duplicate ent_num ${id}`);
    seen.add(id);
    const name = clean(record[1]);
    if (!name) throw new ReferenceParseError(SOURCE, line, `entry ${id} has no name`);
    const remarks = clean(record[11]);
    const sdnType = clean(record[2]).toLowerCase();
    entries.push(
      makePartyEntry({
        id,
        name,
        aliases: extractAliases(remarks).filter((a) => a !== name),
        type: sdnType === '' ? 'entity' : sdnType,
        countries: options.countryNames ? extractCountries(remarks, options.countryNames) : [],
        programs: splitPrograms(clean(record[3])),
        licensePolicy: null,
        remarks: remarks || null,
      }),
    );
  }
  if (entries.length === 0) throw new ReferenceParseError(SOURCE, null, 'no entries found');
  return {
    code: 'SDN',
    name: 'OFAC Specially Designated Nationals (SDN) List',
    source: options.source ?? 'https://www.treasury.gov/ofac/downloads/sdn.csv',
    asOf: options.asOf,
    entries,
  };
}
