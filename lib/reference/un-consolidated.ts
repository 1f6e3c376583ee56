// Parser for the UN Security Council consolidated sanctions list in its official XML schema
// (https://www.un.org/sc/resources/sc-sanctions.xsd): CONSOLIDATED_LIST[dateGenerated] with
// INDIVIDUALS/INDIVIDUAL and ENTITIES/ENTITY, each with DATAID, FIRST_NAME…FOURTH_NAME (an entity's
// name is its FIRST_NAME), UN_LIST_TYPE (the sanctions regime), REFERENCE_NUMBER (e.g. "CDi.001"),
// LISTED_ON, *_ALIAS (QUALITY "Good" / "Low" / "a.k.a." / "f.k.a.", ALIAS_NAME), NAME_ORIGINAL_SCRIPT,
// NATIONALITY and *_ADDRESS/COUNTRY. Read with fast-xml-parser; pure: text in, TPartyList out.
//
// Entry id = REFERENCE_NUMBER (the number the UN and every member state cite); programmes = the
// UN_LIST_TYPE. Aliases of "Low" quality are, by the UN's own description, too weak to identify a
// person: they are kept in the remarks, not matched. Names in the original script are matched.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { countryCodeFrom } from '../countries';
import type { TPartyEntry, TPartyList } from '../screening/types';
import { ReferenceParseError } from './errors';
import { makePartyEntry } from './party-entry';

const SOURCE = 'UN Security Council Consolidated List (XML)';
export const UN_LIST_CODE = 'UN';
export const UN_LIST_NAME = 'UN Security Council Consolidated List';

/** The Security Council resolution that set up each UN_LIST_TYPE's sanctions regime. */
export const UN_REGIMES: Record<string, string> = {
  'Al-Qaida': 'ISIL (Da’esh) and Al-Qaida sanctions, resolutions 1267 (1999), 1989 (2011) and 2253 (2015)',
  Taliban: 'Taliban sanctions, resolution 1988 (2011)',
  DPRK: 'DPRK sanctions, resolution 1718 (2006)',
  Iran: 'Iran sanctions, resolution 1737 (2006)',
  Iraq: 'Iraq sanctions, resolution 1518 (2003)',
  Libya: 'Libya sanctions, resolution 1970 (2011)',
  Somalia: 'Al-Shabaab / Somalia sanctions, resolution 751 (1992)',
  CAR: 'Central African Republic sanctions, resolution 2127 (2013)',
  DRC: 'Democratic Republic of the Congo sanctions, resolution 1533 (2004)',
  GB: 'Guinea-Bissau sanctions, resolution 2048 (2012)',
  Haiti: 'Haiti sanctions, resolution 2653 (2022)',
  SouthSudan: 'South Sudan sanctions, resolution 2206 (2015)',
  Sudan: 'Sudan sanctions, resolution 1591 (2005)',
  Yemen: 'Yemen sanctions, resolution 2140 (2014)',
};

const ARRAYS = new Set(['INDIVIDUAL', 'ENTITY', 'INDIVIDUAL_ALIAS', 'ENTITY_ALIAS', 'INDIVIDUAL_ADDRESS', 'ENTITY_ADDRESS', 'VALUE', 'NATIONALITY']);

type TNode = Record<string, unknown>;
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '').replace(/\s+/g, ' ').trim();
const list = (v: unknown): TNode[] =>
  (Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v]).filter((x): x is TNode => !!x && typeof x === 'object');
const values = (v: unknown): string[] =>
  list(v)
    .flatMap((n) => (Array.isArray(n.VALUE) ? n.VALUE : [n.VALUE]).map(text))
    .filter(Boolean);

export type TUnParseOptions = { asOf?: string; defaultAsOf?: string; source?: string };

export function parseUnConsolidatedXml(xml: string, options: TUnParseOptions = {}): TPartyList {
  const source = options.source ?? SOURCE;
  const body = xml.replace(/^\uFEFF/, '');
  const valid = XMLValidator.validate(body);
  if (valid !== true) throw new ReferenceParseError(source, valid.err.line ?? null, `not well-formed XML: ${valid.err.msg}`);
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => ARRAYS.has(name),
  }).parse(body) as TNode;
  const root = doc.CONSOLIDATED_LIST as TNode | undefined;
  if (!root || typeof root !== 'object') throw new ReferenceParseError(source, null, 'no CONSOLIDATED_LIST element: this is not the UN consolidated list');
  const generated = /^(\d{4}-\d{2}-\d{2})/.exec(text(root['@dateGenerated']))?.[1];
  const asOf = options.asOf ?? generated ?? options.defaultAsOf;
  if (!asOf) throw new ReferenceParseError(source, null, 'the list has no dateGenerated; give its date');

  const entries: TPartyEntry[] = [];
  const seen = new Set<string>();
  const read = (node: TNode, kind: 'Individual' | 'Entity') => {
    const ref = text(node.REFERENCE_NUMBER) || `DATAID ${text(node.DATAID)}`;
    const name = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME']
      .map((k) => text(node[k]))
      .filter(Boolean)
      .join(' ');
    if (!name) throw new ReferenceParseError(source, null, `${kind.toLowerCase()} ${ref} has no name`);
    if (seen.has(ref)) throw new ReferenceParseError(source, null, `reference number ${ref} appears twice`);
    seen.add(ref);
    const aliasNodes = list(node[kind === 'Individual' ? 'INDIVIDUAL_ALIAS' : 'ENTITY_ALIAS']);
    const aliases: string[] = [];
    const weak: string[] = [];
    for (const a of aliasNodes) {
      const alias = text(a.ALIAS_NAME);
      if (!alias) continue;
      const target = text(a.QUALITY).toLowerCase() === 'low' ? weak : aliases;
      if (!target.includes(alias) && alias !== name) target.push(alias);
    }
    const original = text(node.NAME_ORIGINAL_SCRIPT);
    if (original && !aliases.includes(original) && original !== name) aliases.push(original);
    const countries = new Set<string>();
    for (const c of values(node.NATIONALITY)) {
      const code = countryCodeFrom(c);
      if (code) countries.add(code);
    }
    for (const addr of list(node[kind === 'Individual' ? 'INDIVIDUAL_ADDRESS' : 'ENTITY_ADDRESS'])) {
      const code = countryCodeFrom(text(addr.COUNTRY));
      if (code) countries.add(code);
    }
    const regime = text(node.UN_LIST_TYPE);
    const listedOn = text(node.LISTED_ON);
    const remarks = [
      `UN reference ${ref}`,
      regime ? `${regime}: ${UN_REGIMES[regime] ?? 'UN sanctions regime'}` : null,
      listedOn ? `listed on ${listedOn}` : null,
      weak.length ? `low-quality aliases (not matched): ${weak.join('; ')}` : null,
      text(node.COMMENTS1) || null,
    ]
      .filter(Boolean)
      .join('. ');
    entries.push(
      makePartyEntry({
        id: ref,
        name,
        aliases,
        type: kind,
        countries: [...countries].sort(),
        programs: regime ? [regime] : [],
        licensePolicy: null,
        remarks: remarks.slice(0, 4000),
      }),
    );
  };
  for (const n of list((root.INDIVIDUALS as TNode | undefined)?.INDIVIDUAL)) read(n, 'Individual');
  for (const n of list((root.ENTITIES as TNode | undefined)?.ENTITY)) read(n, 'Entity');
  return { code: UN_LIST_CODE, name: UN_LIST_NAME, source, asOf, entries };
}
