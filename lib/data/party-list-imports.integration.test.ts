// Official-format list uploads through the real upload path (stream → importer → snapshots → diff):
// the UN consolidated list (XML) with its diff, identical and older files, trade.gov's CSL JSON and
// CSV updating every list they contain, a 30 MB CSL JSON, and a UN match in screening.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { createUser } from '@/test/factories';
import { PARTIES, applicationInput, freshDraft, streamOf, upload } from '@/test/admin-helpers';
import { applyListUpload, diffCounts, diffEntries, receiveListUpload, startListImport, uploadWarning } from '@/lib/data/party-lists';
import { screenInput } from '@/lib/data/screening';

let admin: TActor;
beforeAll(async () => {
  admin = await createUser('ADMIN');
});

const UN_XML = readFileSync(`${PARTIES}/un-consolidated-2026-02-27.xml`, 'utf8');
const CSL_JSON = readFileSync('test/fixtures/csl/consolidated-2026-07-31.json', 'utf8');
const CSL_CSV = readFileSync('test/fixtures/csl/consolidated-2026-07-31.csv', 'utf8');

/** The UN file one day later: CDi.001 delisted, one alias added to CDe.001, one new entity. */
function unNextDay(): string {
  const start = UN_XML.indexOf('<INDIVIDUAL>');
  const end = UN_XML.indexOf('</INDIVIDUAL>', start) + '</INDIVIDUAL>'.length;
  expect(UN_XML.slice(start, end)).toContain('<REFERENCE_NUMBER>CDi.001</REFERENCE_NUMBER>');
  return (UN_XML.slice(0, start) + UN_XML.slice(end))
    .replace('dateGenerated="2026-02-27', 'dateGenerated="2026-02-28')
    .replace('<ALIAS_NAME>Allied Democratic Forces</ALIAS_NAME>', '<ALIAS_NAME>Allied Democratic Forces</ALIAS_NAME></ENTITY_ALIAS><ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>Madina at Tauheed Wau Mujahedeen</ALIAS_NAME>')
    .replace('<ENTITIES>', '<ENTITIES><ENTITY><DATAID>1</DATAID><FIRST_NAME>TEST SHIPPING COMPANY LIMITED</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPe.999</REFERENCE_NUMBER><LISTED_ON>2026-02-28</LISTED_ON><ENTITY_ADDRESS><COUNTRY>Democratic People\'s Republic of Korea</COUNTRY></ENTITY_ADDRESS></ENTITY>');
}

describe('UN consolidated list', () => {
  it('is seeded as list UN; a strong match is PROHIBITED and cites the regime and the reference number', async () => {
    const active = await db.ruleSetVersion.findFirstOrThrow({ where: { status: 'ACTIVE' }, select: { datasets: true } });
    expect((active.datasets as { kind: string; asOf: string }[]).find((d) => d.kind === 'PARTY_LIST_UN')?.asOf).toBe('2026-02-27');
    const { result } = await screenInput(applicationInput({ endUser: 'Allied Democratic Forces', country: 'DE' }));
    const un = result.findings.find((f) => f.evidence.list === 'UN');
    expect(un).toMatchObject({ outcome: 'PROHIBITED', evidence: { entryId: 'CDe.001', entryName: 'ADF', matchedAlias: true } });
    expect(un!.citation).toMatch(/UN Security Council Consolidated List; DRC CDe\.001$/);
    expect(result.outcome).toBe('PROHIBITED');
  });

  it('uploads the XML: identical says no changes, the next day diffs 1 added / 1 removed / 1 changed, an older one warns', async () => {
    let draftId = await freshDraft(admin);
    const same = await (await upload(admin, draftId, streamOf(UN_XML), { fileName: 'un-consolidated-2026-02-27.xml' })).result;
    expect(same.format).toBe('UN_XML');
    expect(same.lists![0]).toMatchObject({ code: 'UN', asOf: '2026-02-27', entryCount: 1003, counts: { added: 0, removed: 0, changed: 0 }, identical: true, older: false });
    expect(uploadWarning(same.lists!)).toMatchObject({ kind: 'IDENTICAL', message: expect.stringMatching(/^No changes/) });

    draftId = await freshDraft(admin);
    const next = await upload(admin, draftId, streamOf(unNextDay()), { fileName: 'un.xml' });
    const nextResult = await next.result;
    const un = nextResult.lists![0]!;
    expect(un).toMatchObject({ asOf: '2026-02-28', counts: { added: 1, removed: 1, changed: 1 }, older: false, identical: false });
    expect(uploadWarning(nextResult.lists!)).toBeNull();
    const diff = await diffEntries(admin, un.partyListId, un.activeListId, { pageSize: 10 });
    expect(diff.rows.map((r) => [r.change, r.externalId])).toEqual([['ADDED', 'KPe.999'], ['CHANGED', 'CDe.001'], ['REMOVED', 'CDi.001']]);
    await applyListUpload(admin, draftId, next.jobId);
    const datasets = (await db.ruleSetVersion.findUniqueOrThrow({ where: { id: draftId }, select: { datasets: true } })).datasets as { kind: string; asOf: string }[];
    expect(datasets.find((d) => d.kind === 'PARTY_LIST_UN')?.asOf).toBe('2026-02-28');

    draftId = await freshDraft(admin);
    const old = await (await upload(admin, draftId, streamOf(UN_XML.replace('dateGenerated="2026-02-27', 'dateGenerated="2025-06-01')), { fileName: 'un.xml' })).result;
    expect(old.lists![0]).toMatchObject({ asOf: '2025-06-01', older: true, activeAsOf: '2026-02-27' });
    expect(uploadWarning(old.lists!)).toMatchObject({ kind: 'OLDER', message: expect.stringContaining('UN as of 2025-06-01 (active: 2026-02-27)') });
  });

  it('refuses malformed XML with its line number, changing nothing', async () => {
    const draftId = await freshDraft(admin);
    const broken = UN_XML.replace('<REFERENCE_NUMBER>CDi.002</REFERENCE_NUMBER>', '<REFERENCE_NUMBER>CDi.002</REFERENCE>');
    const line = UN_XML.slice(0, UN_XML.indexOf('CDi.002')).split('\n').length;
    const { result } = await upload(admin, draftId, streamOf(broken), { fileName: 'un.xml' });
    await expect(result).rejects.toMatchObject({ code: 'INVALID', details: { line } });
  });
});

describe('OFAC sdn.csv with alt.csv and add.csv in one upload', () => {
  it('joins the aliases and countries; only those entries change against the same day alone', async () => {
    const sdn = readFileSync(`${PARTIES}/ofac-sdn-2024-05-03.csv`);
    const alt = Buffer.from('36,12,"aka","AERO-CARIBBEAN",-0-\r\n');
    const add = Buffer.from('36,25,-0-,"Havana","Cuba",-0-\r\n173,129,"Ibex House, The Minories","London EC3N 1DY","United Kingdom",-0-\r\n');
    const draftId = await freshDraft(admin);
    const { jobId } = await startListImport(admin, draftId, { format: 'AUTO', fileName: 'sdn.csv + alt.csv + add.csv', asOf: '2024-05-03', size: sdn.length + alt.length + add.length });
    const r = await receiveListUpload(admin, jobId, { files: [{ name: 'add.csv', bytes: add }, { name: 'sdn.csv', bytes: sdn }, { name: 'alt.csv', bytes: alt }] });
    const list = r.lists![0]!;
    expect(list).toMatchObject({ code: 'SDN', asOf: '2024-05-03', entryCount: 14965 });
    expect(list.source).toMatch(/sdn\.csv \+ alt\.csv \+ add\.csv/);
    // The same day's sdn.csv alone (the seed's SDN is the 2026 CSL now): the two enriched entries are the only change.
    const aloneDraft = await freshDraft(admin);
    const aloneJob = await startListImport(admin, aloneDraft, { format: 'AUTO', fileName: 'sdn.csv', asOf: '2024-05-03', size: sdn.length });
    const alone = (await receiveListUpload(admin, aloneJob.jobId, { files: [{ name: 'sdn.csv', bytes: sdn }] })).lists![0]!;
    expect(alone).toMatchObject({ code: 'SDN', entryCount: 14965 });
    expect(await diffCounts(list.partyListId, alone.partyListId)).toEqual({ added: 0, removed: 0, changed: 2 });
    const changed = await diffEntries(admin, list.partyListId, alone.partyListId, { change: 'CHANGED' });
    expect(changed.rows.map((x) => x.externalId).sort()).toEqual(['173', '36']);
    expect(changed.rows.find((x) => x.externalId === '36')!.aliases).toContain('AERO-CARIBBEAN');

    const lonely = await startListImport(admin, aloneDraft, { format: 'AUTO', fileName: 'alt.csv', asOf: '2024-05-03', size: alt.length });
    await expect(receiveListUpload(admin, lonely.jobId, { files: [{ name: 'alt.csv', bytes: alt }, { name: 'add.csv', bytes: add }] })).rejects.toThrow(/need the sdn\.csv of the same day/);
  });
});

describe('Consolidated Screening List uploads', () => {
  it.each([
    ['JSON', CSL_JSON, 'CSL_JSON', 'consolidated.json'],
    ['CSV', CSL_CSV, 'CSL_CSV', 'consolidated-2026-07-31.csv'],
  ] as const)('the official %s updates every list it contains', async (_what, text, format, fileName) => {
    const draftId = await freshDraft(admin);
    const { jobId, result } = await upload(admin, draftId, streamOf(text), { fileName });
    const r = await result;
    expect(r.format).toBe(format);
    expect(r.lists!.map((l) => l.code).sort()).toEqual(['CAP', 'CMIC', 'DPL', 'DTC', 'ENTITY_LIST', 'ISN', 'MEU', 'NS_MBS', 'PLC', 'SDN', 'SSI', 'UVL']);
    expect(new Set(r.lists!.map((l) => l.asOf))).toEqual(new Set(['2026-07-31']));
    const uvl = r.lists!.find((l) => l.code === 'UVL')!;
    // the seed carries the whole CSL (222 UVL parties); this fixture has 3 of them
    expect(uvl.activeListId).toEqual(expect.any(String));
    expect(uvl.counts.removed).toBeGreaterThanOrEqual(219);
    const sdn = r.lists!.find((l) => l.code === 'SDN')!;
    expect(sdn.counts.removed).toBeGreaterThan(14_000); // a 50-entry fixture against the full 2024 SDN file
    await applyListUpload(admin, draftId, jobId);
    const codes = (await db.ruleSetPartyList.findMany({ where: { ruleSetVersionId: draftId }, select: { partyList: { select: { code: true, asOf: true } } } })).map((l) => `${l.partyList.code}@${l.partyList.asOf}`);
    expect(codes).toEqual(expect.arrayContaining(['UVL@2026-07-31', 'SDN@2026-07-31', 'ENTITY_LIST@2026-07-31', 'DPL@2026-07-31', 'UN@2026-02-27']));
  });

  it('streams a 30 MB official JSON', async () => {
    const doc = JSON.parse(CSL_JSON) as { results: Record<string, unknown>[] };
    const pad = 'x'.repeat(15_000);
    const results = Array.from({ length: 2_000 }, (_, i) => ({ ...doc.results[i % doc.results.length]!, entity_number: `9${i}`, name: `Test Party ${i}`, remarks: pad }));
    const big = JSON.stringify({ ...doc, results });
    expect(big.length).toBeGreaterThan(30_000_000);
    const draftId = await freshDraft(admin);
    const chunks = function* () {
      for (let i = 0; i < big.length; i += 1024 * 1024) yield Buffer.from(big.slice(i, i + 1024 * 1024));
    };
    const r = await (await upload(admin, draftId, streamOf(chunks()), { fileName: 'consolidated.json' })).result;
    expect(r.bytes).toBe(Buffer.byteLength(big));
    expect(r.lists!.reduce((n, l) => n + l.entryCount, 0)).toBe(2_000);
  });
});
