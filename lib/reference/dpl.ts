// Parser for the BIS Denied Persons List, tab-separated with a header row and quoted fields:
// Name, Street_Address, City, State, Country, Postal_Code, Effective_Date, Expiration_Date,
// Standard_Order, Last_Update, Action, FR_Citation. Dates are MM/DD/YYYY.

import { parse } from 'csv-parse/sync';
import type { TPartyEntry, TPartyList } from '../screening/types';
import { ReferenceParseError, csvErrorLine } from './errors';
import { slugify } from './hash';
import { makePartyEntry } from './party-entry';

const SOURCE = 'BIS DPL';
const HEADER = [
  'Name',
  'Street_Address',
  'City',
  'State',
  'Country',
  'Postal_Code',
  'Effective_Date',
  'Expiration_Date',
  'Standard_Order',
  'Last_Update',
  'Action',
  'FR_Citation',
];

function usDate(value: string, line: number, field: string): string | null {
  const v = value.trim();
  if (v === '') return null;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (!m) throw new ReferenceParseError(SOURCE, line, `${field} must be MM/DD/YYYY, got "${v}"`);
  const [, mm, dd, yyyy] = m;
  if (Number(mm) < 1 || Number(mm) > 12 || Number(dd) < 1 || Number(dd) > 31) {
    throw new ReferenceParseError(SOURCE, line, `${field} is not a valid date: "${v}"`);
  }
  return `${yyyy}-${mm!.padStart(2, '0')}-${dd!.padStart(2, '0')}`;
}

export function parseDplTxt(text: string, options: { asOf: string; source?: string }): TPartyList {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      delimiter: '\t',
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      relax_quotes: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    throw new ReferenceParseError(SOURCE, csvErrorLine(err), err instanceof Error ? err.message : String(err));
  }
  const [head, ...rows] = records;
  if (!head || head.record.map((h) => h.trim()).join('|') !== HEADER.join('|')) {
    throw new ReferenceParseError(SOURCE, 1, `header must be ${HEADER.join(', ')}`);
  }
  const ids = new Map<string, number>();
  const entries: TPartyEntry[] = rows.map(({ record, info }) => {
    const line = info.lines;
    if (record.length !== HEADER.length) {
      throw new ReferenceParseError(SOURCE, line, `expected ${HEADER.length} fields, found ${record.length}`);
    }
    const [name, street, city, state, country, postal, effective, expiration, , , action, fr] = record.map((f) => f.trim());
    if (!name) throw new ReferenceParseError(SOURCE, line, 'Name is empty');
    const effectiveOn = usDate(effective!, line, 'Effective_Date');
    const expiresOn = usDate(expiration!, line, 'Expiration_Date');
    const base = `${slugify(name)}-${effectiveOn ?? 'undated'}`;
    const n = (ids.get(base) ?? 0) + 1;
    ids.set(base, n);
    const address = [street, city, state, postal, country].filter((p) => p && p.length > 0).join(', ');
    const remarks = [
      address && `Address: ${address}`,
      effectiveOn && `Effective ${effectiveOn}`,
      expiresOn && `expires ${expiresOn}`,
      action && `Action: ${action}`,
      fr && `FR: ${fr}`,
    ]
      .filter(Boolean)
      .join('; ');
    return makePartyEntry({
      id: n === 1 ? base : `${base}-${n}`,
      name,
      aliases: [],
      type: null,
      countries: country ? [country.toUpperCase()] : [],
      programs: ['EAR 764 denial order'],
      licensePolicy: null,
      remarks: remarks || null,
      expiresOn,
    });
  });
  return {
    code: 'DPL',
    name: 'BIS Denied Persons List',
    source: options.source ?? 'https://www.bis.gov/dpl',
    asOf: options.asOf,
    entries,
  };
}
