// Makes the small official-format CSL fixtures used by the importer tests from real entries of the
// compact CSL snapshot (ITA consolidated list generated 2026-07-31):
//   npx tsx scripts/make-csl-fixtures.ts [path/to/csl-2026-07-31.json]
// writes test/fixtures/csl/consolidated-2026-07-31.json (trade.gov JSON shape: results[] with the
// long field names, sources_used[] with the generation date), consolidated-2026-07-31.csv (trade.gov
// CSV shape: one column per field, multi-valued fields joined with "; ", addresses as
// "…, COUNTRY"), and the same entries in the compact shape (csl-compact-2026-07-31.json).
// Only facts the compact file has are written: no street addresses, listing or end dates (those
// fields are present and empty). The selection: named parties from issue 10 plus the first entries
// of every list, so each of the 12 lists appears.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';

const input = process.argv[2] ?? '/work/shared/data/parties/csl-2026-07-31.json';
const out = path.resolve('test/fixtures/csl');
type TCompactEntry = {
  n: string;
  a?: string[];
  s: number;
  t?: string;
  c?: string[];
  e?: string;
  lr?: number;
  lp?: number;
  pg?: number;
  fr?: string;
  u?: number;
};
const doc = JSON.parse(readFileSync(input, 'utf8')) as {
  sourceGeneratedAt: string;
  tables: { sources: string[]; licenceRequirements: string[]; licencePolicies: string[]; programmes: string[]; urls: string[] };
  entries: TCompactEntry[];
} & Record<string, unknown>;
const t = doc.tables;

const NAMED = [
  'HUAWEI TECHNOLOGIES DEUTSCHLAND',
  'STATE CORPORATION ROSTEC',
  'PJSC AEROFLOT',
  'NSO GROUP',
  'WAGNER',
  'ALMAZ-ANTEY',
  'PETROLEOS DE VENEZUELA',
  'HIKVISION',
];
const picked = new Set<number>();
doc.entries.forEach((e, i) => {
  if (NAMED.some((n) => e.n.toUpperCase().includes(n))) picked.add(i);
});
t.sources.forEach((_, s) => {
  doc.entries
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.s === s)
    .slice(0, 3)
    .forEach(({ i }) => picked.add(i));
});
const entries = [...picked].sort((a, b) => a - b).map((i) => doc.entries[i]!);

const programs = (e: TCompactEntry) => (e.pg === undefined ? [] : (t.programmes[e.pg] ?? '').split(/;\s*/).filter(Boolean));
const results = entries.map((e) => ({
  id: null,
  source: t.sources[e.s],
  entity_number: e.e ?? null,
  type: e.t ?? null,
  programs: programs(e),
  name: e.n,
  title: null,
  addresses: (e.c ?? []).map((country) => ({ address: null, city: null, state: null, postal_code: null, country })),
  federal_register_notice: e.fr ?? null,
  start_date: null,
  end_date: null,
  standard_order: null,
  license_requirement: e.lr === undefined ? null : t.licenceRequirements[e.lr],
  license_policy: e.lp === undefined ? null : t.licencePolicies[e.lp],
  alt_names: e.a ?? [],
  source_list_url: e.u === undefined ? null : t.urls[e.u],
  remarks: null,
}));
const generated = doc.sourceGeneratedAt;
mkdirSync(out, { recursive: true });
writeFileSync(
  path.join(out, 'consolidated-2026-07-31.json'),
  `${JSON.stringify({ total: results.length, sources_used: t.sources.map((source) => ({ source, source_last_updated: generated, last_imported: generated })), results }, null, 2)}\n`,
);
const columns = [
  '_id',
  'source',
  'entity_number',
  'type',
  'programs',
  'name',
  'title',
  'addresses',
  'federal_register_notice',
  'start_date',
  'end_date',
  'standard_order',
  'license_requirement',
  'license_policy',
  'call_sign',
  'vessel_type',
  'gross_tonnage',
  'gross_registered_tonnage',
  'vessel_flag',
  'vessel_owner',
  'remarks',
  'source_list_url',
  'alt_names',
  'citizenships',
  'dates_of_birth',
  'nationalities',
  'places_of_birth',
  'source_information_url',
  'ids',
];
const rows = results.map((r, i) => {
  const row: Record<string, string> = Object.fromEntries(columns.map((c) => [c, '']));
  row._id = String(i + 1);
  row.source = r.source ?? '';
  row.entity_number = r.entity_number ?? '';
  row.type = r.type ?? '';
  row.programs = r.programs.join('; ');
  row.name = r.name;
  row.addresses = r.addresses.map((a) => `, , , , ${a.country}`).join('; ');
  row.federal_register_notice = r.federal_register_notice ?? '';
  row.license_requirement = r.license_requirement ?? '';
  row.license_policy = r.license_policy ?? '';
  row.source_list_url = r.source_list_url ?? '';
  row.alt_names = r.alt_names.join('; ');
  return row;
});
writeFileSync(path.join(out, 'consolidated-2026-07-31.csv'), stringify(rows, { header: true, columns }));
writeFileSync(
  path.join(out, 'csl-compact-2026-07-31.json'),
  `${JSON.stringify({ sourceGeneratedAt: generated, fieldKey: doc.fieldKey, tables: t, entries })}\n`,
);
console.log(`${entries.length} entries from ${t.sources.length} lists → ${out}`);
