// Versioned rule sets end to end on a real database: read-only ACTIVE, draft edits, list uploads and
// their diff on the real OFAC files, impact preview, publish + background re-screen, reproducibility.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { createUser } from '@/test/factories';
import { PARTIES, applicationInput, fileStream, freshDraft, publishAndRun, streamOf, upload } from '@/test/admin-helpers';
import { createDraft, draftCacheKey, publishDraft, startImpactPreview, updateDraftCountry, updateDraftRule } from '@/lib/data/admin-rulesets';
import { MAX_UPLOAD_BYTES, applyListUpload, diffEntries } from '@/lib/data/party-lists';
import { submitAndScreen } from '@/lib/data/applications';
import { screenInput } from '@/lib/data/screening';
import { runOneJob } from '@/lib/jobs/runner';
import type { TImpactResult } from '@/lib/jobs/rescreen';
import type { TRuleConfig } from '@/lib/screening/types';
import type { TListFormat } from '@/lib/validation/rules';

let admin: TActor;
let seedActiveId: string;

beforeAll(async () => {
  admin = await createUser('ADMIN');
  seedActiveId = (await db.ruleSetVersion.findFirstOrThrow({ where: { status: 'ACTIVE' }, select: { id: true } })).id;
});

// The integration files share one database: put the seed's version back in force, so that the
// versions published here (a stricter threshold, a 2024 SDN list that is stale against the rule
// set's date) do not decide other files' screenings.
afterAll(async () => {
  await db.$transaction([
    db.ruleSetVersion.updateMany({ where: { status: 'ACTIVE' }, data: { status: 'ARCHIVED' } }),
    db.ruleSetVersion.update({ where: { id: seedActiveId }, data: { status: 'ACTIVE' } }),
  ]);
});

const activeVersion = () => db.ruleSetVersion.findFirstOrThrow({ where: { status: 'ACTIVE' }, select: { id: true, label: true, rules: true } });

describe('rule-set versions', () => {
  it('refuses changes to the ACTIVE version, in the data layer', async () => {
    const active = await activeVersion();
    const rule = (active.rules as unknown as TRuleConfig[])[0]!;
    await expect(updateDraftRule(admin, { versionId: active.id, ruleId: rule.id, enabled: !rule.enabled, params: rule.params })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updateDraftCountry(admin, active.id, { code: 'BR', freedom: 'NF', groups: [] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(publishDraft(admin, active.id, 'publishing the active version again')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await activeVersion()).rules).toEqual(active.rules);
  });

  it('refuses every change from a non-admin', async () => {
    const officer = await createUser('OFFICER');
    await expect(createDraft(officer)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('copies the active version into one draft, edits it with audit rows, and archives on publish', async () => {
    const before = await activeVersion();
    const draftId = await freshDraft(admin);
    await expect(createDraft(admin)).rejects.toMatchObject({ code: 'CONFLICT' });
    const draft = await db.ruleSetVersion.findUniqueOrThrow({ where: { id: draftId }, include: { partyLists: true } });
    expect(draft.rules).toEqual(before.rules);
    const activeLinks = await db.ruleSetPartyList.count({ where: { ruleSetVersionId: before.id } });
    expect(draft.partyLists).toHaveLength(activeLinks);

    const keyBefore = await draftCacheKey(draftId);
    const party = (draft.rules as unknown as TRuleConfig[]).find((r) => r.id === 'party.restricted-lists')!;
    await updateDraftRule(admin, { versionId: draftId, ruleId: party.id, enabled: true, params: { ...party.params, strongThreshold: 0.95 } });
    await updateDraftCountry(admin, draftId, { code: 'BR', freedom: 'PF', groups: ['A:5', 'B'] });
    expect(await draftCacheKey(draftId)).not.toBe(keyBefore);
    const audits = await db.auditEvent.findMany({ where: { entityId: draftId }, select: { action: true } });
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['RULESET_DRAFT_CREATED', 'RULE_CHANGED', 'COUNTRY_DATA_CHANGED']));

    const published = await publishAndRun(admin, draftId, 'Stricter strong-match threshold; Brazil rated Partly Free');
    const now = await activeVersion();
    expect(now.id).toBe(draftId);
    expect(now.label).toBe(published.label);
    expect((await db.ruleSetVersion.findUniqueOrThrow({ where: { id: before.id } })).status).toBe('ARCHIVED');
    const row = await db.ruleSetVersion.findUniqueOrThrow({ where: { id: draftId }, select: { note: true, publishedById: true, countries: true } });
    expect(row).toMatchObject({ note: 'Stricter strong-match threshold; Brazil rated Partly Free', publishedById: admin.id });
    expect((row.countries as { freedom: Record<string, string> }).freedom.BR).toBe('PF');
    expect(await db.auditEvent.count({ where: { entityId: draftId, action: 'RULESET_PUBLISHED' } })).toBe(1);
    // published means read-only from now on
    await expect(updateDraftRule(admin, { versionId: draftId, ruleId: party.id, enabled: false, params: party.params })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('SDN update 2024-04-02 → 2024-05-03', () => {
  const ADDED = 'WUHAN GLOBAL SENSOR TECHNOLOGY CO., LTD.'; // ent_num 46633, added on 2024-05-03

  it('diffs 417 added, 12 removed, 11 changed; previews, publishes and re-screens; version N stays reproducible', async () => {
    // the stage: publish the 2024-04-02 snapshot
    let draftId = await freshDraft(admin);
    const first = await upload(admin, draftId, fileStream(`${PARTIES}/ofac-sdn-2024-04-02.csv`), { fileName: 'ofac-sdn-2024-04-02.csv' });
    const firstResult = await first.result;
    expect(firstResult.format).toBe('SDN');
    expect(firstResult.lists![0]).toMatchObject({ code: 'SDN', asOf: '2024-04-02', entryCount: 14560 });
    await applyListUpload(admin, draftId, first.jobId);
    const versionN = await publishAndRun(admin, draftId, 'OFAC SDN as of 2024-04-02');
    const versionNId = draftId;

    // an open case whose consignee is only on the later list
    const exporter = await createUser('EXPORTER');
    const input = applicationInput({ consignee: ADDED });
    const submitted = await submitAndScreen({ actor: exporter, input });
    // A 2024 SDN list in a rule set speaking for 2026-07-31 is stale: a DATA_GAP, never CLEAR.
    expect(submitted.outcome).toBe('REVIEW');
    const runN = await db.screeningRun.findFirstOrThrow({ where: { applicationId: submitted.id }, select: { findings: true, outcome: true, ruleSetVersionId: true } });
    expect(runN.ruleSetVersionId).toBe(versionNId);
    expect((runN.findings as { kind: string; evidence: { list?: string } }[]).some((f) => f.kind === 'DATA_GAP' && f.evidence.list === 'SDN')).toBe(true);

    // upload 2024-05-03: the diff against the active version
    draftId = await freshDraft(admin);
    const second = await upload(admin, draftId, fileStream(`${PARTIES}/ofac-sdn-2024-05-03.csv`), { fileName: 'ofac-sdn-2024-05-03.csv', format: 'SDN' });
    const secondResult = await second.result;
    const sdn = secondResult.lists![0]!;
    expect(sdn.counts).toEqual({ added: 417, removed: 12, changed: 11 });
    const page = await diffEntries(admin, sdn.partyListId, sdn.activeListId, { q: 'wuhan global', change: 'ADDED' });
    expect(page.rows.map((r) => [r.externalId, r.name])).toEqual([['46633', ADDED]]);
    const changedPage = await diffEntries(admin, sdn.partyListId, sdn.activeListId, { change: 'CHANGED', pageSize: 50 });
    expect(changedPage.total).toBe(11);
    expect(changedPage.rows.map((r) => r.externalId).sort()).toEqual(['13109', '15832', '25068', '27865', '32794', '32795', '34769', '39693', '46788', '47597', '47679']);

    // not in the draft until applied: the preview of the unapplied draft changes nothing
    await applyListUpload(admin, draftId, second.jobId);
    await expect(applyListUpload(admin, draftId, second.jobId)).rejects.toMatchObject({ code: 'CONFLICT' });
    const draftDatasets = (await db.ruleSetVersion.findUniqueOrThrow({ where: { id: draftId }, select: { datasets: true } })).datasets as { kind: string; asOf: string }[];
    expect(draftDatasets.find((d) => d.kind === 'PARTY_LIST_SDN')?.asOf).toBe('2024-05-03');

    // impact preview: lists the case, writes nothing
    const runsBefore = await db.screeningRun.count();
    const { jobId } = await startImpactPreview(admin, draftId);
    expect(await runOneJob('test-worker')).toBe(true);
    const preview = await db.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(preview.status).toBe('SUCCEEDED');
    expect(preview.done).toBe(preview.total);
    const change = (preview.result as TImpactResult).changes.find((c) => c.applicationId === submitted.id);
    expect(change).toMatchObject({ from: 'REVIEW', to: 'PROHIBITED' });
    expect(change!.appeared.some((f) => f.ruleId === 'party.restricted-lists' && f.message.includes(ADDED))).toBe(true);
    expect(await db.screeningRun.count()).toBe(runsBefore);
    expect((await db.application.findUniqueOrThrow({ where: { id: submitted.id } })).outcome).toBe('REVIEW');

    // publish: the case is re-screened in the background and flagged
    const versionN1 = await publishAndRun(admin, draftId, 'OFAC SDN as of 2024-05-03');
    const app = await db.application.findUniqueOrThrow({ where: { id: submitted.id }, select: { outcome: true, severity: true, outcomeChanged: true, status: true, version: true } });
    expect(app).toMatchObject({ outcome: 'PROHIBITED', severity: 3, outcomeChanged: true, status: 'SUBMITTED', version: 2 });
    const runs = await db.screeningRun.findMany({ where: { applicationId: submitted.id }, orderBy: { createdAt: 'asc' }, select: { trigger: true, outcome: true, previousOutcome: true, ruleSetVersion: { select: { label: true } } } });
    expect(runs).toEqual([
      { trigger: 'SUBMIT', outcome: 'REVIEW', previousOutcome: null, ruleSetVersion: { label: versionN.label } },
      { trigger: 'RESCREEN', outcome: 'PROHIBITED', previousOutcome: 'REVIEW', ruleSetVersion: { label: versionN1.label } },
    ]);
    expect(await db.auditEvent.count({ where: { entityId: submitted.id, action: 'CASE_RESCREENED' } })).toBe(1);

    // reproducibility: version N still gives exactly the stored result
    const again = await screenInput(input, { ruleSetVersionId: versionNId });
    expect(again.result.outcome).toBe(runN.outcome);
    expect(JSON.parse(JSON.stringify(again.result.findings))).toEqual(runN.findings);
    expect(again.result.ruleSetVersion).toBe(versionN.label);
  }, 300_000);
});

describe('bad uploads', () => {
  const snapshot = async (draftId: string) => ({
    links: (await db.ruleSetPartyList.findMany({ where: { ruleSetVersionId: draftId }, select: { partyListId: true }, orderBy: { partyListId: 'asc' } })).map((l) => l.partyListId),
    datasets: (await db.ruleSetVersion.findUniqueOrThrow({ where: { id: draftId }, select: { datasets: true } })).datasets,
    lists: await db.partyList.count(),
  });

  function* noise(bytes: number) {
    const chunk = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < chunk.length; i += 1) chunk[i] = (i * 7919 + 13) % 256;
    for (let sent = 0; sent < bytes; sent += chunk.length) yield chunk;
  }
  function* textNoise(bytes: number) {
    const chunk = Buffer.from('lorem ipsum dolor sit amet '.repeat(40_000));
    for (let sent = 0; sent < bytes; sent += chunk.length) yield chunk;
  }

  type TCase = readonly [string, () => string | Iterable<Buffer>, TListFormat, RegExp];
  it.each<TCase>([
    ['wrong columns', () => 'name,alias,country,list\nAcme,,CN,SDN\n', 'AUTO', /missing columns "aliases", "licence policy"/],
    ['broken quoting', () => '36,"AEROCARIBBEAN AIRLINES",-0-,"CUBA",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\n173,"ANGLO-CARIBBEAN CO., LTD.,-0-,"CUBA",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\n', 'SDN', /line \d+/],
    ['0 rows', () => 'name,aliases,country,list,licence policy\n', 'AUTO', /no entries found/],
    ['an empty file', () => '', 'AUTO', /empty/],
    ['an unknown format', () => 'hello,world\nthis is not a list\n', 'AUTO', /format was not recognised/],
    ['50 MB of binary noise', () => noise(50 * 1024 * 1024), 'AUTO', /not a text file|not UTF-8|control characters/],
    ['50 MB of text noise', () => textNoise(50 * 1024 * 1024), 'SIMPLE_CSV', /does not look like Simple CSV/],
  ])('refuses %s and leaves the draft untouched', async (_what, make, format, message) => {
    const draftId = await freshDraft(admin);
    const before = await snapshot(draftId);
    const data = make();
    const { jobId, result } = await upload(admin, draftId, streamOf(data), {
      format,
      fileName: 'bad-2024-01-01.csv',
    });
    await expect(result).rejects.toMatchObject({ code: 'INVALID', message });
    const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job.status).toBe('FAILED');
    expect(job.error).toMatch(message);
    expect(await snapshot(draftId)).toEqual(before);
    await expect(applyListUpload(admin, draftId, jobId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a declared size over the cap before receiving anything', async () => {
    const draftId = await freshDraft(admin);
    await expect(upload(admin, draftId, streamOf(''), { size: MAX_UPLOAD_BYTES + 1 })).rejects.toMatchObject({ code: 'INVALID' });
  });
});
