// The one mapping of Consolidated Screening List records to party lists. Every CSL shape (the
// official JSON and CSV downloads an administrator uploads, the compact snapshot the seed ships)
// is first read into TCslRecord and then mapped here, so the same facts give the same lists, entry
// ids and content hashes whichever file they came from: an upload of the official file diffs
// cleanly against the seed, and cleared matches (keyed by content hash) keep applying.
// Pure: records in, lists out.

import type { TPartyEntry, TPartyList } from '../screening/types';
import { ReferenceParseError } from './errors';
import { slugify } from './hash';
import { makePartyEntry } from './party-entry';

/** Our list code and display name for each CSL source list (the CSL's own source names, matched by their start). */
export const CSL_LISTS: { match: RegExp; code: string; name: string }[] = [
  { match: /^Specially Designated Nationals/i, code: 'SDN', name: 'OFAC Specially Designated Nationals (SDN) List' },
  { match: /^Entity List/i, code: 'ENTITY_LIST', name: 'BIS Entity List (Supp. No. 4 to 15 CFR Part 744)' },
  { match: /^Denied Persons List/i, code: 'DPL', name: 'BIS Denied Persons List' },
  { match: /^Unverified List/i, code: 'UVL', name: 'BIS Unverified List (Supp. No. 6 to 15 CFR Part 744)' },
  { match: /^Military End User/i, code: 'MEU', name: 'BIS Military End-User List (Supp. No. 7 to 15 CFR Part 744)' },
  { match: /^ITAR Debarred/i, code: 'DTC', name: 'State Department ITAR Debarred List (DDTC)' },
  { match: /^Sectoral Sanctions Identifications/i, code: 'SSI', name: 'OFAC Sectoral Sanctions Identifications (SSI) List' },
  { match: /^Non-SDN Chinese Military-Industrial Complex/i, code: 'CMIC', name: 'OFAC Non-SDN Chinese Military-Industrial Complex Companies (NS-CMIC) List' },
  { match: /^Non-SDN Menu-Based Sanctions/i, code: 'NS_MBS', name: 'OFAC Non-SDN Menu-Based Sanctions (NS-MBS) List' },
  { match: /^Nonproliferation Sanctions/i, code: 'ISN', name: 'State Department Nonproliferation Sanctions (ISN)' },
  { match: /^Palestinian Legislative Council/i, code: 'PLC', name: 'OFAC Non-SDN Palestinian Legislative Council (NS-PLC) List' },
  { match: /^Capta List/i, code: 'CAP', name: 'OFAC Correspondent Account or Payable-Through Account Sanctions (CAPTA) List' },
];

export function listForSource(sourceName: string): { code: string; name: string } | null {
  return CSL_LISTS.find((l) => l.match.test(sourceName.trim())) ?? null;
}

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

const text = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
const trimmedOrNull = (s: string | null | undefined): string | null => (s ?? '').trim() || null;

/**
 * The lists in these records, in the CSL's list order. Entry ids: OFAC's entity number where the
 * list has one, else a slug of the name (BIS and State lists carry no number), numbered "-2", "-3"…
 * when repeated within a list. `listSource` names each list's source (default "<source>: <CSL list>").
 */
export function cslListsFromRecords(
  records: readonly TCslRecord[],
  options: { asOf: string; source: string; listSource?: (sourceName: string) => string },
): TPartyList[] {
  const byCode = new Map<string, { name: string; source: string; entries: TPartyEntry[]; ids: Map<string, number> }>();
  records.forEach((r, i) => {
    const known = listForSource(r.source ?? '');
    if (!known) throw new ReferenceParseError(options.source, null, `${r.at}: unknown source list "${text(r.source).slice(0, 120)}"`);
    const name = text(r.name);
    if (!name) throw new ReferenceParseError(options.source, null, `${r.at}: the party has no name`);
    let list = byCode.get(known.code);
    if (!list) {
      list = {
        name: known.name,
        source: options.listSource ? options.listSource(r.source) : `${options.source}: ${text(r.source)}`,
        entries: [],
        ids: new Map(),
      };
      byCode.set(known.code, list);
    }
    const base = text(r.entityNumber) || slugify(name) || `row-${i}`;
    const n = (list.ids.get(base) ?? 0) + 1;
    list.ids.set(base, n);
    const entry: Omit<TPartyEntry, 'contentHash'> = {
      id: n === 1 ? base : `${base}-${n}`,
      name,
      aliases: [...new Set(r.altNames.map(text).filter((a) => a.length > 0))].filter((a) => a !== name),
      type: trimmedOrNull(r.type)?.toLowerCase() ?? null,
      countries: [...new Set(r.countries.map((c) => text(c).toUpperCase()).filter((c) => c.length > 0))],
      programs: r.programs.map((p) => p.trim()).filter((p) => p.length > 0),
      licensePolicy: trimmedOrNull(r.licensePolicy),
      remarks: null,
      licenseRequirement: trimmedOrNull(r.licenseRequirement),
      federalRegister: trimmedOrNull(r.federalRegisterNotice),
      sourceListUrl: trimmedOrNull(r.sourceListUrl),
    };
    // a denial order's end date (compared with the list's own date when screening)
    if (r.endDate) entry.expiresOn = r.endDate;
    list.entries.push(makePartyEntry(entry));
  });
  const lists: TPartyList[] = [];
  for (const l of CSL_LISTS) {
    const built = byCode.get(l.code);
    if (built && built.entries.length > 0) lists.push({ code: l.code, name: built.name, source: built.source, asOf: options.asOf, entries: built.entries });
  }
  return lists;
}
