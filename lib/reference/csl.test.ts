// The CSL importers on real entries (test/fixtures/csl, made by scripts/make-csl-fixtures.ts from the
// ITA list generated 2026-07-31): the official JSON, the official CSV and the compact snapshot give
// the same lists, ids and content hashes; errors name their line or record.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedData } from '@/test/screening-fixture';
import { parseCslCsv, parseCslJson } from './csl';

const fixture = (f: string) => readFileSync(`test/fixtures/csl/${f}`, 'utf8');

describe('CSL importers', () => {
  const fromJson = parseCslJson(fixture('consolidated-2026-07-31.json'));
  const fromCsv = parseCslCsv(fixture('consolidated-2026-07-31.csv'), { asOf: '2026-07-31' });
  const fromCompact = parseCslJson(fixture('csl-compact-2026-07-31.json'));

  it('reads every list of the official JSON, dated by its generation date', () => {
    expect(fromJson.map((l) => l.code).sort()).toEqual(['CAP', 'CMIC', 'DPL', 'DTC', 'ENTITY_LIST', 'ISN', 'MEU', 'NS_MBS', 'PLC', 'SDN', 'SSI', 'UVL']);
    expect(new Set(fromJson.map((l) => l.asOf))).toEqual(new Set(['2026-07-31']));
    const el = fromJson.find((l) => l.code === 'ENTITY_LIST')!;
    const huawei = el.entries.find((e) => /Huawei Technologies Deutschland/i.test(e.name))!;
    expect(huawei.countries).toEqual(['DE']);
    expect(huawei.licensePolicy).toMatch(/denial/i);
    expect(huawei.licenseRequirement).toMatch(/all items subject to the EAR/i);
    expect(huawei.federalRegister).toMatch(/FR/);
    expect(huawei.sourceListUrl).toMatch(/^https:\/\//);
    const rostec = fromJson.find((l) => l.code === 'SDN')!.entries.find((e) => /ROSTEC/.test(e.name))!;
    expect(rostec.id).toMatch(/^\d+$/); // OFAC's entity number
    expect(rostec.programs.length).toBeGreaterThan(0);
  });

  it('gives the same entries from the JSON, the CSV and the compact snapshot', () => {
    const key = (lists: typeof fromJson) => lists.flatMap((l) => l.entries.map((e) => `${l.code}|${e.id}|${e.contentHash}`)).sort();
    expect(key(fromCsv)).toEqual(key(fromJson));
    expect(key(fromCompact)).toEqual(key(fromJson));
    expect(key(fromJson)).toHaveLength(50);
  });

  it("gives the seed's own entries (same ids and content hashes): one mapping for upload and seed", () => {
    const seed = new Map<string, string>(seedData().lists.flatMap((l) => l.entries.map((e) => [`${l.code}|${e.id}`, e.contentHash] as const)));
    const entries = fromJson.flatMap((l) => l.entries.map((e) => ({ key: `${l.code}|${e.id}`, hash: e.contentHash })));
    expect(entries.filter((e) => seed.get(e.key) !== e.hash)).toEqual([]);
    expect(fromJson.map((l) => l.name)).toEqual(fromJson.map((l) => seedData().lists.find((s) => s.code === l.code)!.name));
  });

  it('refuses an unknown list or a nameless party, naming the line or record', () => {
    const csv = fixture('consolidated-2026-07-31.csv').split('\n');
    csv[3] = csv[3]!.replace(/^(\d+),[^,]+,/, '$1,Some Other List,');
    expect(() => parseCslCsv(csv.join('\n'), { asOf: '2026-07-31' })).toThrow(/line 4: unknown source list "Some Other List"/);
    const json = JSON.parse(fixture('consolidated-2026-07-31.json')) as { results: { name: string }[] };
    json.results[7]!.name = '';
    expect(() => parseCslJson(JSON.stringify(json))).toThrow(/results\[7\]: the party has no name/);
    expect(() => parseCslJson('{"results": [')).toThrow(/CSL JSON, line 1: invalid JSON/);
    expect(() => parseCslJson('{"data": []}')).toThrow(/no "results" array/);
  });
});
