// Importer for the compact Consolidated Screening List snapshot (data/reference/parties/csl-*.json,
// ITA's consolidated.json in the republisher's compact form): one TPartyList per CSL source list.
// The file's own `fieldKey` says what the short keys mean: n name, a alternate names, s source
// (index into tables.sources), t type, c address countries (ISO-2), e entity number, lr/lp licence
// requirement/policy (indexes into tables.licenceRequirements / tables.licencePolicies), pg
// programmes (index into tables.programmes, several joined with "; "), fr Federal Register notice,
// u source-list URL (index into tables.urls). Pure: text in, lists out.

import type { TPartyEntry, TPartyList } from '../screening/types';
import { ReferenceParseError, jsonErrorLine } from './errors';
import { slugify } from './hash';
import { makePartyEntry } from './party-entry';

const SOURCE = 'CSL compact JSON';

/** Our list code and display name for each CSL source list (the CSL's own source names as keys). */
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

export type TCslAuthority = { code: string; citation: string; effect: string };

export type TCslSnapshot = {
  /** ISO date the upstream file was generated (sourceGeneratedAt) */
  asOf: string;
  source: string;
  lists: TPartyList[];
  /** the file's own statement of each list's citation and effect, by our list code */
  authority: Record<string, TCslAuthority>;
};

type TRawEntry = { n?: unknown; a?: unknown; s?: unknown; t?: unknown; c?: unknown; e?: unknown; lr?: unknown; lp?: unknown; pg?: unknown; fr?: unknown; u?: unknown };

function tableOf(tables: Record<string, unknown>, key: string): string[] {
  const t = tables[key];
  if (!Array.isArray(t) || t.some((v) => typeof v !== 'string')) throw new ReferenceParseError(SOURCE, null, `tables.${key} must be an array of strings`);
  return t as string[];
}

function lookup(table: string[], index: unknown, what: string, i: number): string | null {
  if (index === undefined || index === null) return null;
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= table.length) {
    throw new ReferenceParseError(SOURCE, null, `entries[${i}].${what} is not an index into its table`);
  }
  return table[index]!.trim() || null;
}

function strings(value: unknown, what: string, i: number): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new ReferenceParseError(SOURCE, null, `entries[${i}].${what} must be an array of strings`);
  return (value as string[]).map((v) => v.replace(/\s+/g, ' ').trim()).filter((v) => v.length > 0);
}

export function listForSource(sourceName: string): { code: string; name: string } | null {
  return CSL_LISTS.find((l) => l.match.test(sourceName.trim())) ?? null;
}

export function parseCslCompactJson(text: string): TCslSnapshot {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch (err) {
    throw new ReferenceParseError(SOURCE, jsonErrorLine(text), `invalid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.entries) || !doc.tables || typeof doc.tables !== 'object') {
    throw new ReferenceParseError(SOURCE, null, 'expected an object with "tables" and "entries" (the compact CSL form)');
  }
  const generated = typeof doc.sourceGeneratedAt === 'string' ? /^\d{4}-\d{2}-\d{2}/.exec(doc.sourceGeneratedAt)?.[0] : undefined;
  if (!generated) throw new ReferenceParseError(SOURCE, null, 'missing "sourceGeneratedAt" (the list date every staleness check needs)');
  const tables = doc.tables as Record<string, unknown>;
  const sources = tableOf(tables, 'sources');
  const requirements = tableOf(tables, 'licenceRequirements');
  const policies = tableOf(tables, 'licencePolicies');
  const programmes = tableOf(tables, 'programmes');
  const urls = tableOf(tables, 'urls');
  const upstream = (doc.source as { url?: unknown } | undefined)?.url;
  const source = typeof upstream === 'string' && upstream ? upstream : 'ITA Consolidated Screening List';

  const listOfSource = sources.map((name) => {
    const l = listForSource(name);
    if (!l) throw new ReferenceParseError(SOURCE, null, `unknown CSL source list "${name}"`);
    return l;
  });
  const byCode = new Map<string, { name: string; entries: TPartyEntry[]; ids: Map<string, number> }>();
  for (const l of listOfSource) byCode.set(l.code, { name: l.name, entries: [], ids: new Map() });

  (doc.entries as TRawEntry[]).forEach((raw, i) => {
    if (!raw || typeof raw !== 'object' || typeof raw.n !== 'string' || raw.n.trim() === '') {
      throw new ReferenceParseError(SOURCE, null, `entries[${i}] has no name`);
    }
    const sourceName = lookup(sources, raw.s, 's', i);
    if (!sourceName) throw new ReferenceParseError(SOURCE, null, `entries[${i}] has no source list`);
    const list = byCode.get(listOfSource[raw.s as number]!.code)!;
    const name = raw.n.replace(/\s+/g, ' ').trim();
    // The entity number where the source has one (OFAC lists); otherwise the name, numbered when repeated.
    const base = typeof raw.e === 'string' && raw.e.trim() ? raw.e.trim() : slugify(name) || `row-${i}`;
    const n = (list.ids.get(base) ?? 0) + 1;
    list.ids.set(base, n);
    const aliases = [...new Set(strings(raw.a, 'a', i))].filter((a) => a !== name);
    const programme = lookup(programmes, raw.pg, 'pg', i);
    list.entries.push(
      makePartyEntry({
        id: n === 1 ? base : `${base}-${n}`,
        name,
        aliases,
        type: typeof raw.t === 'string' && raw.t.trim() ? raw.t.trim().toLowerCase() : null,
        countries: [...new Set(strings(raw.c, 'c', i).map((c) => c.toUpperCase()))],
        programs: programme ? programme.split(/\s*;\s*/).filter(Boolean) : [],
        licensePolicy: lookup(policies, raw.lp, 'lp', i),
        remarks: null,
        licenseRequirement: lookup(requirements, raw.lr, 'lr', i),
        federalRegister: typeof raw.fr === 'string' && raw.fr.trim() ? raw.fr.trim() : null,
        sourceListUrl: lookup(urls, raw.u, 'u', i),
      }),
    );
  });

  const authority: Record<string, TCslAuthority> = {};
  const rawAuthority = doc.listAuthority && typeof doc.listAuthority === 'object' ? (doc.listAuthority as Record<string, unknown>) : {};
  for (const [sourceName, a] of Object.entries(rawAuthority)) {
    const l = listForSource(sourceName);
    const v = a as { citation?: unknown; effect?: unknown };
    if (l && typeof v?.citation === 'string' && typeof v.effect === 'string') authority[l.code] = { code: l.code, citation: v.citation, effect: v.effect };
  }

  const lists: TPartyList[] = [];
  for (const l of CSL_LISTS) {
    const built = byCode.get(l.code);
    if (!built || built.entries.length === 0) continue;
    lists.push({ code: l.code, name: built.name, source, asOf: generated, entries: built.entries });
  }
  if (lists.length === 0) throw new ReferenceParseError(SOURCE, null, 'no entries found');
  return { asOf: generated, source, lists, authority };
}
