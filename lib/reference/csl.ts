// The ITA Consolidated Screening List (CSL) in the three shapes an administrator meets, mapped in ONE
// place (cslListsFromRecords) to one TPartyList per source list:
// - the official JSON download (data.trade.gov consolidated.json): { results: [{ name, alt_names[],
//   source, type, addresses[{ country }], entity_number, license_requirement, license_policy,
//   programs[], federal_register_notice, start_date, end_date, source_list_url, remarks, … }],
//   sources_used?: [{ source, source_last_updated, last_imported }] };
// - the official CSV download: one column per field, multi-valued fields joined with "; ", each
//   address "street, city, state, postal code, COUNTRY";
// - the compact snapshot shipped as seed data (data/reference/parties/csl-*.json, its fieldKey:
//   n/a/s/t/c/e/lr/lp/pg/fr/u with lookup tables).
// A CSL file updates every list it contains. Entry ids: OFAC's entity_number where the list has one,
// else a slug of the name (BIS and State lists carry no number), so every shape gives the same ids
// and the same content hashes for the same facts. Pure: text in, lists out.

import { parse } from 'csv-parse/sync';
import type { TPartyEntry, TPartyList } from '../screening/types';
import { ReferenceParseError, csvErrorLine, jsonErrorLine } from './errors';
import { slugify } from './hash';
import { makePartyEntry } from './party-entry';

/** CSL `source` → our list code and name. Codes of lists that already had rules keep them (SDN, ENTITY_LIST, DPL). */
export const CSL_SOURCES: Record<string, { code: string; name: string }> = {
  'Specially Designated Nationals (SDN) - Treasury Department': { code: 'SDN', name: 'OFAC Specially Designated Nationals List' },
  'Entity List (EL) - Bureau of Industry and Security': { code: 'ENTITY_LIST', name: 'BIS Entity List' },
  'Denied Persons List (DPL) - Bureau of Industry and Security': { code: 'DPL', name: 'BIS Denied Persons List' },
  'Unverified List (UVL) - Bureau of Industry and Security': { code: 'UVL', name: 'BIS Unverified List' },
  'Military End User (MEU) List - Bureau of Industry and Security': { code: 'MEU', name: 'BIS Military End User List' },
  'ITAR Debarred (DTC) - State Department': { code: 'DTC', name: 'State Department ITAR Debarred List' },
  'Nonproliferation Sanctions (ISN) - State Department': { code: 'ISN', name: 'State Department Nonproliferation Sanctions' },
  'Sectoral Sanctions Identifications List (SSI) - Treasury Department': { code: 'SSI', name: 'OFAC Sectoral Sanctions Identifications List' },
  'Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department': { code: 'CMIC', name: 'OFAC Non-SDN Chinese Military-Industrial Complex Companies List' },
  'Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department': { code: 'NS-MBS', name: 'OFAC Non-SDN Menu-Based Sanctions List' },
  'Palestinian Legislative Council List (PLC) - Treasury Department': { code: 'PLC', name: 'OFAC Palestinian Legislative Council List' },
  'Capta List (CAP) - Treasury Department': { code: 'CAP', name: 'OFAC CAPTA List' },
};

/** One CSL party, whatever shape it came in. */
export type TCslRecord = {
  source: string;
  name: string;
  altNames: string[];
  type: string | null;
  countries: string[];
  entityNumber: string | null;
  licenseRequirement: string | null;
  licensePolicy: string | null;
  programs: string[];
  federalRegisterNotice: string | null;
  startDate: string | null;
  endDate: string | null;
  sourceListUrl: string | null;
  /** where the record was in the file (JSON: index in results; CSV: line), for error messages */
  at: string;
};

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const orNull = (s: string) => (s === '' ? null : s);
const isoDate = (v: unknown) => /^(\d{4}-\d{2}-\d{2})/.exec(str(v))?.[1] ?? null;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter(Boolean) : str(v) ? [str(v)] : []);

/** The lists in these records, each entry built the same way from every shape. */
export function cslListsFromRecords(records: TCslRecord[], options: { asOf: string; source: string }): TPartyList[] {
  const lists = new Map<string, TPartyList>();
  const ids = new Map<string, Set<string>>();
  for (const r of records) {
    const known = CSL_SOURCES[r.source];
    if (!known) throw new ReferenceParseError(options.source, null, `${r.at}: unknown source list "${r.source.slice(0, 120)}"`);
    if (!r.name) throw new ReferenceParseError(options.source, null, `${r.at}: the party has no name`);
    let list = lists.get(known.code);
    if (!list) {
      list = { code: known.code, name: known.name, source: `${options.source}: ${r.source}`, asOf: options.asOf, entries: [] };
      lists.set(known.code, list);
      ids.set(known.code, new Set());
    }
    const used = ids.get(known.code)!;
    const base = r.entityNumber ?? (slugify(r.name) || 'party');
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}~${k}`;
    used.add(id);
    const remarks = [
      r.licenseRequirement ? `Licence requirement: ${r.licenseRequirement}` : null,
      r.federalRegisterNotice ? `Federal Register: ${r.federalRegisterNotice}` : null,
      r.startDate ? `Listed on ${r.startDate}` : null,
      r.sourceListUrl ? `List: ${r.sourceListUrl}` : null,
    ]
      .filter(Boolean)
      .join('. ');
    const entry: Omit<TPartyEntry, 'contentHash'> = {
      id,
      name: r.name,
      aliases: [...new Set(r.altNames.filter((a) => a && a !== r.name))],
      type: r.type,
      countries: [...new Set(r.countries.map((c) => c.toUpperCase()).filter((c) => /^[A-Z]{2}$/.test(c)))].sort(),
      programs: r.programs,
      licensePolicy: r.licensePolicy,
      remarks: remarks || null,
    };
    if (r.endDate) entry.expiresOn = r.endDate;
    list.entries.push(makePartyEntry(entry));
  }
  return [...lists.values()];
}

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
  if (json && typeof json === 'object' && 'entries' in json && 'tables' in json) return parseCslCompact(json, options);
  const { records, generatedOn } = cslRecordsFromJson(json, source);
  const asOf = options.asOf ?? generatedOn ?? options.defaultAsOf;
  if (!asOf) throw new ReferenceParseError(source, null, 'the file does not say when it was generated; give its date');
  return cslListsFromRecords(records, { asOf, source });
}

// ---------- official CSV ----------

const splitMulti = (v: string | undefined) => (v ?? '').split(';').map((s) => s.trim()).filter(Boolean);

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
    const countries = splitMulti(r.addresses).map((a) => a.split(',').at(-1)!.trim()).filter((c) => /^[A-Za-z]{2}$/.test(c));
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

// ---------- compact snapshot ----------

type TCompact = {
  sourceGeneratedAt?: string;
  tables: { sources: string[]; licenceRequirements?: string[]; licencePolicies?: string[]; programmes?: (string | string[])[]; urls?: string[] };
  entries: { n: string; a?: string[]; s: number; t?: string; c?: string[]; e?: string; lr?: number; lp?: number; pg?: number; fr?: string; u?: number }[];
};

export function cslRecordsFromCompact(json: unknown): { records: TCslRecord[]; generatedOn: string | null } {
  const doc = json as TCompact;
  const t = doc.tables;
  const programmes = (i: number | undefined) => {
    if (i === undefined) return [];
    const p = t.programmes?.[i];
    return Array.isArray(p) ? p : p ? p.split(/;\s*/).filter(Boolean) : [];
  };
  const records = doc.entries.map((e, i): TCslRecord => ({
    source: t.sources[e.s] ?? '',
    name: (e.n ?? '').trim(),
    altNames: (e.a ?? []).map((a) => a.trim()).filter(Boolean),
    type: e.t ?? null,
    countries: e.c ?? [],
    entityNumber: e.e ? String(e.e) : null,
    licenseRequirement: e.lr !== undefined ? (t.licenceRequirements?.[e.lr] ?? null) : null,
    licensePolicy: e.lp !== undefined ? (t.licencePolicies?.[e.lp] ?? null) : null,
    programs: programmes(e.pg),
    federalRegisterNotice: e.fr ?? null,
    startDate: null,
    endDate: null,
    sourceListUrl: e.u !== undefined ? (t.urls?.[e.u] ?? null) : null,
    at: `entries[${i}]`,
  }));
  return { records, generatedOn: isoDate(doc.sourceGeneratedAt) };
}

export function parseCslCompact(json: unknown, options: { asOf?: string; defaultAsOf?: string; source?: string } = {}): TPartyList[] {
  const source = options.source ?? 'CSL compact snapshot';
  const doc = json as Partial<TCompact>;
  if (!doc?.tables?.sources || !Array.isArray(doc.entries)) throw new ReferenceParseError(source, null, 'not a compact CSL snapshot (tables.sources and entries expected)');
  const { records, generatedOn } = cslRecordsFromCompact(json);
  const asOf = options.asOf ?? generatedOn ?? options.defaultAsOf;
  if (!asOf) throw new ReferenceParseError(source, null, 'the snapshot has no sourceGeneratedAt; give its date');
  return cslListsFromRecords(records, { asOf, source });
}
