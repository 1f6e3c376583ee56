// Importer for the compact Consolidated Screening List snapshot (data/reference/parties/csl-*.json,
// ITA's consolidated.json in the republisher's compact form): one TPartyList per CSL source list.
// The file's own `fieldKey` says what the short keys mean: n name, a alternate names, s source
// (index into tables.sources), t type, c address countries (ISO-2), e entity number, lr/lp licence
// requirement/policy (indexes into tables.licenceRequirements / tables.licencePolicies), pg
// programmes (index into tables.programmes, several joined with "; "), fr Federal Register notice,
// u source-list URL (index into tables.urls). Pure: text in, lists out.

import type { TPartyList } from '../screening/types';
import { cslListsFromRecords, listForSource, type TCslRecord } from './csl-records';
import { ReferenceParseError, jsonErrorLine } from './errors';

const SOURCE = 'CSL compact JSON';

export { CSL_LISTS, listForSource } from './csl-records';

export type TCslAuthority = { code: string; citation: string; effect: string };

export type TCslSnapshot = {
  /** ISO date the upstream file was generated (sourceGeneratedAt) */
  asOf: string;
  source: string;
  lists: TPartyList[];
  /** the file's own statement of each list's citation and effect, by our list code */
  authority: Record<string, TCslAuthority>;
};

type TRawEntry = {
  n?: unknown;
  a?: unknown;
  s?: unknown;
  t?: unknown;
  c?: unknown;
  e?: unknown;
  lr?: unknown;
  lp?: unknown;
  pg?: unknown;
  fr?: unknown;
  u?: unknown;
};

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
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw new ReferenceParseError(SOURCE, null, `entries[${i}].${what} must be an array of strings`);
  return (value as string[]).map((v) => v.replace(/\s+/g, ' ').trim()).filter((v) => v.length > 0);
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

  for (const name of sources) if (!listForSource(name)) throw new ReferenceParseError(SOURCE, null, `unknown CSL source list "${name}"`);
  const records = (doc.entries as TRawEntry[]).map((raw, i): TCslRecord => {
    if (!raw || typeof raw !== 'object' || typeof raw.n !== 'string' || raw.n.trim() === '') {
      throw new ReferenceParseError(SOURCE, null, `entries[${i}] has no name`);
    }
    const sourceName = lookup(sources, raw.s, 's', i);
    if (!sourceName) throw new ReferenceParseError(SOURCE, null, `entries[${i}] has no source list`);
    const programme = lookup(programmes, raw.pg, 'pg', i);
    return {
      source: sources[raw.s as number]!,
      name: raw.n,
      altNames: strings(raw.a, 'a', i),
      type: typeof raw.t === 'string' ? raw.t : null,
      countries: strings(raw.c, 'c', i),
      // the entity number where the source has one (OFAC lists); otherwise the mapping uses the name
      entityNumber: typeof raw.e === 'string' ? raw.e : null,
      licenseRequirement: lookup(requirements, raw.lr, 'lr', i),
      licensePolicy: lookup(policies, raw.lp, 'lp', i),
      programs: programme ? programme.split(/\s*;\s*/).filter(Boolean) : [],
      federalRegisterNotice: typeof raw.fr === 'string' ? raw.fr : null,
      startDate: null,
      endDate: null,
      sourceListUrl: lookup(urls, raw.u, 'u', i),
      at: `entries[${i}]`,
    };
  });
  const lists: TPartyList[] = cslListsFromRecords(records, { asOf: generated, source: SOURCE, listSource: () => source });

  const authority: Record<string, TCslAuthority> = {};
  const rawAuthority = doc.listAuthority && typeof doc.listAuthority === 'object' ? (doc.listAuthority as Record<string, unknown>) : {};
  for (const [sourceName, a] of Object.entries(rawAuthority)) {
    const l = listForSource(sourceName);
    const v = a as { citation?: unknown; effect?: unknown };
    if (l && typeof v?.citation === 'string' && typeof v.effect === 'string') authority[l.code] = { code: l.code, citation: v.citation, effect: v.effect };
  }

  if (lists.length === 0) throw new ReferenceParseError(SOURCE, null, 'no entries found');
  return { asOf: generated, source, lists, authority };
}
