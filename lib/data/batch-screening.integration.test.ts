// Batch party screening end to end through the data layer and the job runner: a CSV with good,
// invalid and unreadable rows is stored whole (line-numbered errors, nothing lost), screened in the
// background with progress, resumed after a simulated crash without repeating or skipping rows, and
// downloaded as a formula-safe CSV. Also: who may see a batch, the row limit, and the parties API.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { POST as partiesRoute } from '@/app/api/v1/parties/screen/route';
import { db } from '@/lib/db';
import { claimJob } from '@/lib/jobs/queue';
import { runBatchScreen } from '@/lib/jobs/batch-screen';
import { runOneJob } from '@/lib/jobs/runner';
import { streamOf } from '@/test/admin-helpers';
import { createExporterApiKey, createUser } from '@/test/factories';
import { batchResultCsv, createBatchScreen, getBatch, listBatches, type TBatchResult } from './batch-screening';

async function drain() {
  while (await runOneJob('drain')) {
    /* run everything queued */
  }
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return Buffer.from(await new Response(stream).arrayBuffer()).toString('utf8'); // keeps the BOM
}

// Line numbers as the file has them (header = line 1).
const FILE = [
  'Customer ID,Name,Country', //                       1
  'C-1,"PETROLEOS DE VENEZUELA, S.A.",Venezuela', //   2  SDN: strong match
  'C-2,Muster Logistik GmbH,DE', //                    3  ordinary company
  'C-3,,DE', //                                        4  no name
  'C-4,Acme Widgets Ltd,Atlantis', //                  5  not a country
  `C-5,${'Very Long Name '.repeat(25)},FR`, //         6  name too long
  'C-6,=HYPERLINK("http://x"),GB', //                  7  formula-like name
  '', //                                               8  blank line (skipped)
  'C-8,MINSK WHEEL TRACTOR PLANT,BY', //               9  SDN: strong match
  'C-9,Bäckerei Schmidt KG,DE', //                     10
].join('\r\n');

describe('batch party screening', () => {
  it('stores every row with line-numbered errors, resumes after a crash and downloads a formula-safe CSV', async () => {
    await drain();
    const officer = await createUser('OFFICER');
    const { jobId, rows, invalid } = await createBatchScreen(officer, streamOf(FILE), { fileName: 'customers.csv' });
    expect(rows).toBe(8);
    expect(invalid).toBe(3);
    const stored = await db.batchScreenRow.findMany({ where: { jobId }, orderBy: { line: 'asc' } });
    expect(stored.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 9, 10]);
    expect(stored.find((r) => r.line === 4)!.error).toMatch(/^Line 4: .*name is required/i);
    expect(stored.find((r) => r.line === 5)!.error).toMatch(/^Line 5: .*"Atlantis" is not a country/);
    expect(stored.find((r) => r.line === 6)!.error).toMatch(/^Line 6: .*at most 300 characters/);
    expect(stored.find((r) => r.line === 2)!.country).toBe('VE');

    // Worker 1 screens one batch of 3 rows, then its process "dies" (no finish, heartbeat goes stale).
    await db.job.update({ where: { id: jobId }, data: { params: { ...((await db.job.findUniqueOrThrow({ where: { id: jobId } })).params as object), batchRows: 3 } } });
    const claimed = (await claimJob('worker-1', ['BATCH_SCREEN']))!;
    expect(claimed.id).toBe(jobId);
    let checks = 0;
    const dies = { get aborted() { return ++checks > 1; } } as AbortSignal;
    await runBatchScreen(claimed, { signal: dies });
    const mid = (await getBatch(officer, jobId))!;
    expect(mid).toMatchObject({ status: 'RUNNING', done: 3, total: 8 });
    expect(await db.job.findUniqueOrThrow({ where: { id: jobId }, select: { cursor: true } })).toEqual({ cursor: '4' });
    expect(await db.batchScreenRow.count({ where: { jobId, screened: true } })).toBe(2); // lines 2, 3 (4 is an error row)

    // Another worker takes the stale job over and finishes from the cursor.
    await db.job.update({ where: { id: jobId }, data: { heartbeatAt: new Date(Date.now() - 120_000) } });
    expect(await runOneJob('worker-2')).toBe(true);
    const done = (await getBatch(officer, jobId))!;
    expect(done).toMatchObject({ status: 'SUCCEEDED', done: 8, total: 8 });
    const result = done.result as TBatchResult;
    // counts would be too high if a batch had been screened twice
    expect(result.screened).toBe(5);
    expect(result.invalid).toBe(3);
    expect(result.byOutcome.PROHIBITED).toBe(2);
    expect(result.byOutcome.CLEAR + result.byOutcome.REVIEW).toBe(3);

    const csv = await readAll(await batchResultCsv(officer, jobId));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const records = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.Line)).toEqual(['2', '3', '4', '5', '6', '7', '9', '10']);
    const byLine = new Map(records.map((r) => [r.Line, r]));
    expect(byLine.get('2')).toMatchObject({ Id: 'C-1', Country: 'VE', Outcome: 'PROHIBITED', 'Hit 1 list': 'SDN', 'Hit 1 entry': 'PETROLEOS DE VENEZUELA, S.A.' });
    expect(Number(byLine.get('2')!['Hit 1 score'])).toBeGreaterThanOrEqual(0.92);
    expect(byLine.get('2')!['Hit 1 matched tokens']).toMatch(/petroleos/i);
    expect(byLine.get('9')).toMatchObject({ Outcome: 'PROHIBITED', 'Hit 1 list': 'SDN', 'Hit 1 entry': 'MINSK WHEEL TRACTOR PLANT' });
    expect(byLine.get('4')).toMatchObject({ Outcome: 'NOT SCREENED', Error: expect.stringMatching(/^Line 4:/) });
    expect(byLine.get('6')).toMatchObject({ Outcome: 'NOT SCREENED', Error: expect.stringMatching(/^Line 6:/) });
    // the formula-like name is neutralised for spreadsheet apps
    expect(byLine.get("7")!.Name!.startsWith("'=")).toBe(true);
    expect(byLine.get('10')).toMatchObject({ Name: 'Bäckerei Schmidt KG', Country: 'DE' });
  });

  it('shows a batch only to its officer and to admins; exporters cannot screen files', async () => {
    const owner = await createUser('OFFICER');
    const other = await createUser('OFFICER');
    const admin = await createUser('ADMIN');
    const exporter = await createUser('EXPORTER');
    const { jobId } = await createBatchScreen(owner, streamOf('name\nAcme Widgets Ltd\n'), { fileName: 'one.csv' });
    expect(await getBatch(other, jobId)).toBeNull();
    expect((await listBatches(other)).some((b) => b.id === jobId)).toBe(false);
    expect(await getBatch(admin, jobId)).not.toBeNull();
    await expect(batchResultCsv(other, jobId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(createBatchScreen(exporter, streamOf('name\nX\n'), { fileName: 'x.csv' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await drain();
  });

  it('refuses a file without a name column, with a quote never closed, or with more than 100,000 rows, storing nothing', async () => {
    const officer = await createUser('OFFICER');
    const before = await db.job.count({ where: { type: 'BATCH_SCREEN' } });
    await expect(createBatchScreen(officer, streamOf('name,country\nAcme,DE\n"Open Quote Co,DE\nLater Co,FR\n'), { fileName: 'q.csv' })).rejects.toMatchObject({
      code: 'INVALID',
      message: expect.stringMatching(/^Line 3: a quote/),
    });
    await expect(createBatchScreen(officer, streamOf('company;land\nAcme;DE\n'), { fileName: 'semi.csv' })).rejects.toThrow(/header with a "name" column/);
    const big = ['name,country', ...Array.from({ length: 100_001 }, (_, i) => `Party ${i},DE`)].join('\n');
    await expect(createBatchScreen(officer, streamOf(big), { fileName: 'big.csv' })).rejects.toThrow(/more than 100,000 parties/);
    expect(await db.job.count({ where: { type: 'BATCH_SCREEN' } })).toBe(before);
  });
});

describe('POST /api/v1/parties/screen', () => {
  const post = (key: string, body: unknown) =>
    new Request('http://test/api', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(body) });

  it('screens up to 1,000 parties, and answers 422 with per-row errors', async () => {
    const { key } = await createExporterApiKey();
    const ok = await partiesRoute(post(key, { parties: [{ id: 'a', name: 'PETROLEOS DE VENEZUELA, S.A.', country: 'VE' }, { name: 'Muster Logistik GmbH', country: 'Germany' }] }));
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { ruleSetVersion: string; results: { id: string | null; country: string | null; outcome: string; hits: { list: string; score: number; tokens: string[] }[] }[] };
    expect(body.results[0]).toMatchObject({ id: 'a', outcome: 'PROHIBITED' });
    expect(body.results[0]!.hits[0]).toMatchObject({ list: 'SDN' });
    expect(body.results[1]).toMatchObject({ id: null, country: 'DE' });

    const bad = await partiesRoute(post(key, { parties: [{ name: 'Fine Co' }, { name: '' }, { name: 'X', country: 'Atlantis' }] }));
    expect(bad.status).toBe(422);
    const errors = ((await bad.json()) as { rowErrors: { index: number; fieldErrors: Record<string, string[]> }[] }).rowErrors;
    expect(errors.map((e) => e.index)).toEqual([1, 2]);
    expect(Object.keys(errors[0]!.fieldErrors)).toEqual(['name']);
    expect(Object.keys(errors[1]!.fieldErrors)).toEqual(['country']);

    const tooMany = await partiesRoute(post(key, { parties: Array.from({ length: 1001 }, (_, i) => ({ name: `P ${i}` })) }));
    expect(tooMany.status).toBe(422);
  });
});
