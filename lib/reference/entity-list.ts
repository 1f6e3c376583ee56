// Parser for the Entity List extract (entity-list-surveillance.json: rows of the ITA Consolidated
// Screening List). Each row becomes a TPartyEntry with its own licence policy text.

import type { TPartyEntry, TPartyList } from '../screening/types';
import { ReferenceParseError, jsonErrorLine } from './errors';
import { slugify } from './hash';
import { makePartyEntry } from './party-entry';

const SOURCE = 'Entity List JSON';

type TRawRow = {
  name?: unknown;
  altNames?: unknown;
  addressCountries?: unknown;
  licenseRequirement?: unknown;
  licensePolicy?: unknown;
  federalRegisterNotice?: unknown;
};

function stringArray(value: unknown, what: string, index: number): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new ReferenceParseError(SOURCE, null, `entityListRows[${index}].${what} must be an array of strings`);
  }
  return value.map((v: string) => v.trim()).filter((v) => v.length > 0);
}

export function parseEntityListJson(text: string, options: { asOf?: string } = {}): TPartyList {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new ReferenceParseError(SOURCE, jsonErrorLine(text), `invalid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const rows = (doc as { entityListRows?: unknown })?.entityListRows;
  if (!Array.isArray(rows)) throw new ReferenceParseError(SOURCE, null, 'missing "entityListRows" array');
  const source = (doc as { source?: { upstream?: { url?: string }; upstreamGeneratedAt?: string } }).source;
  const asOf = options.asOf ?? (source?.upstreamGeneratedAt ? source.upstreamGeneratedAt.slice(0, 10) : '');
  const ids = new Map<string, number>();
  const entries: TPartyEntry[] = rows.map((raw: TRawRow, index: number) => {
    if (!raw || typeof raw !== 'object' || typeof raw.name !== 'string' || raw.name.trim() === '') {
      throw new ReferenceParseError(SOURCE, null, `entityListRows[${index}] has no name`);
    }
    const name = raw.name.trim();
    const base = slugify(name) || `row-${index}`;
    const n = (ids.get(base) ?? 0) + 1;
    ids.set(base, n);
    const requirement = typeof raw.licenseRequirement === 'string' ? raw.licenseRequirement.trim() : '';
    const fr = typeof raw.federalRegisterNotice === 'string' ? raw.federalRegisterNotice.trim() : '';
    const remarks = [requirement && `Licence requirement: ${requirement}`, fr && `Federal Register: ${fr}`].filter(Boolean).join(' ');
    return makePartyEntry({
      id: n === 1 ? base : `${base}-${n}`,
      name,
      aliases: stringArray(raw.altNames, 'altNames', index).filter((a) => a !== name),
      type: 'entity',
      countries: stringArray(raw.addressCountries, 'addressCountries', index).map((c) => c.toUpperCase()),
      programs: ['EAR 744.11'],
      licensePolicy: typeof raw.licensePolicy === 'string' ? raw.licensePolicy.trim() : null,
      remarks: remarks || null,
    });
  });
  return {
    code: 'ENTITY_LIST',
    name: 'BIS Entity List (Supp. No. 4 to 15 CFR Part 744)',
    source: source?.upstream?.url ?? 'ITA Consolidated Screening List',
    asOf,
    entries,
  };
}
