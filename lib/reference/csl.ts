// The ITA Consolidated Screening List (CSL) in the three shapes an administrator meets, read into
// CSL records and mapped in ONE place (cslListsFromRecords, csl-records.ts, which the seed uses too)
// to one TPartyList per source list:
// - the official JSON download (data.trade.gov consolidated.json): { results: [{ name, alt_names[],
//   source, type, addresses[{ country }], entity_number, license_requirement, license_policy,
//   programs[], federal_register_notice, start_date, end_date, source_list_url, remarks, … }],
//   sources_used?: [{ source, source_last_updated, last_imported }] };
// - the official CSV download: one column per field, multi-valued fields joined with "; ", each
//   address "street, city, state, postal code, COUNTRY";
// - the compact snapshot shipped as seed data (data/reference/parties/csl-*.json, its fieldKey:
//   n/a/s/t/c/e/lr/lp/pg/fr/u with lookup tables).
// A CSL file updates every list it contains. Every shape, the seed included, gives the same ids and
// content hashes for the same facts. Pure: text in, lists out.

import { parse } from 'csv-parse/sync';
import type { TPartyList } from '../screening/types';
import { parseCslCompactJson } from './csl-compact';
import { cslListsFromRecords, type TCslRecord } from './csl-records';
import { ReferenceParseError, csvErrorLine, jsonErrorLine } from './errors';

export { cslListsFromRecords, type TCslRecord } from './csl-records';

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const orNull = (s: string) => (s === '' ? null : s);
const isoDate = (v: unknown) => /^(\d{4}-\d{2}-\d{2})/.exec(str(v))?.[1] ?? null;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter(Boolean) : str(v) ? [str(v)] : []);

// ---------- official JSON ----------

export function cslRecordsFromJson(json: unknown, source = 'CSL JSON'): { records: TCslRecord[]; generatedOn: string | null } {
  const doc = json as { results?: unknown; sources_used?: unknown; sourceGeneratedAt?: unknown };
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.results)) {
    throw new ReferenceParseError(source, null, 'no "results" array: this is not the Consolidated Screening List JSON');
  }
  const records = (doc.results as unknown[]).map((raw, i): TCslRecord => {
    const r = (raw ?? {}) as Record<string, unknown>;
    const addresses = Array.isArray(r.addresses) ? (r.addresses as Record<string, unknown>[]) : [];
    return {
      source: str(r.source),
      name: str(r.name),
      altNames: strings(r.alt_names),
      type: orNull(str(r.type)),
      countries: addresses.map((a) => str(a?.country)).filter(Boolean),
      entityNumber: orNull(str(r.entity_number)),
      licenseRequirement: orNull(str(r.license_requirement)),
      licensePolicy: orNull(str(r.license_policy)),
      programs: strings(r.programs),
      federalRegisterNotice: orNull(str(r.federal_register_notice)),
      startDate: isoDate(r.start_date),
      endDate: isoDate(r.end_date),
      sourceListUrl: orNull(str(r.source_list_url)),
      at: `results[${i}]`,
    };
  });
  // the generation date: the newest import date of the sources used, or the snapshot's own stamp
  const used = Array.isArray(doc.sources_used) ? (doc.sources_used as Record<string, unknown>[]) : [];
  const dates = used.flatMap((u) => [isoDate(u?.last_imported), isoDate(u?.source_last_updated)]).filter((d): d is string => !!d);
  const generatedOn = isoDate(doc.sourceGeneratedAt) ?? (dates.length ? dates.sort().at(-1)! : null);
  return { records, generatedOn };
}

/** asOf: given by the admin (wins); else the file's generation date; else defaultAsOf (e.g. from the file name). */
export function parseCslJson(text: string, options: { asOf?: string; defaultAsOf?: string; source?: string } = {}): TPartyList[] {
  const source = options.source ?? 'CSL JSON';
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ReferenceParseError(source, jsonErrorLine(text), `invalid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (json && typeof json === 'object' && 'entries' in json && 'tables' in json) {
    // the compact snapshot (the seed's own format): its own reader, the same mapping
    const snapshot = parseCslCompactJson(text);
    return options.asOf ? snapshot.lists.map((l) => ({ ...l, asOf: options.asOf! })) : snapshot.lists;
  }
  const { records, generatedOn } = cslRecordsFromJson(json, source);
  const asOf = options.asOf ?? generatedOn ?? options.defaultAsOf;
  if (!asOf) throw new ReferenceParseError(source, null, 'the file does not say when it was generated; give its date');
  return cslListsFromRecords(records, { asOf, source });
}

// ---------- official CSV ----------

const splitMulti = (v: string | undefined) =>
  (v ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

export function parseCslCsv(text: string, options: { asOf: string; source?: string }): TPartyList[] {
  const source = options.source ?? 'CSL CSV';
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { columns: true, info: true, skip_empty_lines: true, relax_column_count: true }) as typeof rows;
  } catch (err) {
    throw new ReferenceParseError(source, csvErrorLine(err), err instanceof Error ? err.message : String(err));
  }
  if (rows.length && !('name' in rows[0]!.record && 'source' in rows[0]!.record)) {
    throw new ReferenceParseError(source, 1, 'the header has no "name" and "source" columns: this is not the Consolidated Screening List CSV');
  }
  const records = rows.map(({ record: r, info }): TCslRecord => {
    // every address is "street, city, state, postal code, COUNTRY": the country is the last part
    const countries = splitMulti(r.addresses)
      .map((a) => a.split(',').at(-1)!.trim())
      .filter((c) => /^[A-Za-z]{2}$/.test(c));
    return {
      source: (r.source ?? '').trim(),
      name: (r.name ?? '').trim(),
      altNames: splitMulti(r.alt_names),
      type: orNull((r.type ?? '').trim()),
      countries,
      entityNumber: orNull((r.entity_number ?? '').trim()),
      licenseRequirement: orNull((r.license_requirement ?? '').trim()),
      licensePolicy: orNull((r.license_policy ?? '').trim()),
      programs: splitMulti(r.programs),
      federalRegisterNotice: orNull((r.federal_register_notice ?? '').trim()),
      startDate: isoDate(r.start_date),
      endDate: isoDate(r.end_date),
      sourceListUrl: orNull((r.source_list_url ?? '').trim()),
      at: `line ${info.lines}`,
    };
  });
  return cslListsFromRecords(records, { asOf: options.asOf, source });
}
