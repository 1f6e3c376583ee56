// Batch party screening of a customer master file (issue 10): an officer or admin uploads a CSV of
// parties (name, country, optional id; up to MAX_BATCH_ROWS rows). The file is parsed as a stream
// (csv-parse) and every row stored as a BatchScreenRow of one BATCH_SCREEN job, in the same
// transaction as the job: the job exists with all its rows or not at all. A row that cannot be read
// or validated is stored with its line number and the reason, and shows up in the result; nothing
// else is lost. The job runner screens the rows in line order (lib/jobs/batch-screen.ts) against the
// rule-set version active at upload, so a resumed job gives the same answers.
// Authorization lives here: officers see their own batches, admins every batch.
import 'server-only';
import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { appendAudit } from '@/lib/data/audit';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Outcome } from '@/lib/generated/prisma/enums';
import { toJobView, type TJobView } from '@/lib/jobs/queue';
import { getActiveRuleSet } from '@/lib/data/rulesets';
import { screenParty, type TPartyHit } from '@/lib/screening/party-screen';
import { MAX_BATCH_ROWS, ZPartyInput, partyErrorText, type TPartyInput } from '@/lib/validation/parties';

export const MAX_BATCH_BYTES = 25 * 1024 * 1024;
const INSERT_CHUNK = 2_000;

function requireScreener(actor: TActor) {
  if (actor.role !== 'OFFICER' && actor.role !== 'ADMIN') throw new AppError('FORBIDDEN', 'Only compliance officers and administrators screen party files.');
}

// Header words → our fields. Case, spaces, dashes and underscores do not matter.
const HEADER_FIELDS: Record<string, 'id' | 'name' | 'country'> = {
  id: 'id', ref: 'id', reference: 'id', customerid: 'id', partyid: 'id', customer: 'id', number: 'id', accountnumber: 'id',
  name: 'name', partyname: 'name', customername: 'name', company: 'name', companyname: 'name', fullname: 'name',
  country: 'country', countrycode: 'country', countryiso: 'country', iso: 'country',
};
const headerKey = (h: string) => h.replace(/^\uFEFF/, '').toLowerCase().replace(/[\s_\-.]/g, '');

export type TBatchParams = { fileName: string; bytes: number; rows: number; invalid: number };
export type TBatchResult = { screened: number; invalid: number; byOutcome: Record<Outcome, number> };

type TRowInsert = Prisma.BatchScreenRowCreateManyInput;

/** Reads the CSV from `body`, stores the job and its rows, and queues the job. */
export async function createBatchScreen(
  actor: TActor,
  body: ReadableStream<Uint8Array> | NodeJS.ReadableStream,
  options: { fileName: string; declaredBytes?: number },
): Promise<{ jobId: string; rows: number; invalid: number }> {
  requireScreener(actor);
  if (options.declaredBytes && options.declaredBytes > MAX_BATCH_BYTES) {
    throw new AppError('INVALID', `The file is ${(options.declaredBytes / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_BATCH_BYTES / 1024 / 1024} MB.`);
  }
  const active = await db.ruleSetVersion.findFirst({ where: { status: 'ACTIVE' }, select: { id: true } });
  if (!active) throw new AppError('UNAVAILABLE', 'No active rule set: there is nothing to screen against.');
  const fileName = options.fileName.slice(0, 200) || 'parties.csv';
  const source = body instanceof ReadableStream ? Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>) : (body as Readable);

  let bytes = 0;
  let firstChunk = true;
  const guarded = source.map((chunk: Buffer | Uint8Array) => {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    bytes += buf.length;
    if (bytes > MAX_BATCH_BYTES) throw new AppError('INVALID', `The file is larger than ${MAX_BATCH_BYTES / 1024 / 1024} MB. Nothing was stored.`);
    if (firstChunk) {
      firstChunk = false;
      if (buf.subarray(0, 8192).includes(0)) throw new AppError('INVALID', 'This is not a text file (it contains binary data). Upload a CSV file.');
    }
    return buf;
  });

  const parser = guarded.pipe(
    // relax_quotes: a stray quote inside a field is kept as text; no trim option (it turns such a row
    // into an error that loses the rest of the file) — the schema trims.
    parse({ bom: true, info: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true, skip_records_with_error: true }),
  );
  const skipped: { line: number; message: string; code: string }[] = [];
  parser.on('skip', (err: CsvError) => skipped.push({ line: Number(err.lines) || 0, message: err.message, code: err.code }));
  guarded.on('error', (err) => parser.destroy(err));

  return db.$transaction(
    async (tx) => {
      const job = await tx.job.create({
        data: { type: 'BATCH_SCREEN', status: 'QUEUED', ruleSetVersionId: active.id, createdById: actor.id, params: { fileName } },
        select: { id: true },
      });
      let columns: ('id' | 'name' | 'country' | null)[] | null = null;
      let rows = 0;
      let invalid = 0;
      let buffer: TRowInsert[] = [];
      let lastLine = 0;
      const flush = async () => {
        if (buffer.length) {
          // one statement per chunk (much faster than createMany's bound parameters for 100,000 rows)
          await tx.$executeRaw`
            INSERT INTO "BatchScreenRow" ("jobId", line, ref, name, country, error)
            SELECT ${job.id}, * FROM unnest(${buffer.map((r) => r.line)}::int[], ${buffer.map((r) => r.ref ?? null)}::text[],
              ${buffer.map((r) => r.name)}::text[], ${buffer.map((r) => r.country ?? null)}::text[], ${buffer.map((r) => r.error ?? null)}::text[])`;
        }
        buffer = [];
      };
      const push = async (row: TRowInsert) => {
        row.line = Math.max(row.line, lastLine + 1); // strictly increasing, whatever the parser reports
        lastLine = row.line;
        rows += 1;
        if (rows > MAX_BATCH_ROWS) {
          throw new AppError('INVALID', `The file has more than ${MAX_BATCH_ROWS.toLocaleString('en-US')} parties; split it into several files. Nothing was stored.`);
        }
        if (row.error) invalid += 1;
        buffer.push(row);
        if (buffer.length >= INSERT_CHUNK) await flush();
      };
      const pushSkipped = async (beforeLine: number) => {
        while (skipped.length && skipped[0]!.line <= beforeLine) {
          const s = skipped.shift()!;
          const start = s.code !== 'CSV_QUOTE_NOT_CLOSED' && s.line > lastLine ? s.line : lastLine + 1;
          if (s.code === 'CSV_QUOTE_NOT_CLOSED') {
            // everything after the opening quote became one field: refuse rather than lose those rows
            throw new AppError('INVALID', `Line ${start}: a quote (") opened on this line or after it is never closed, so the rest of the file cannot be read. Fix the quote and upload again. Nothing was stored.`, { line: start });
          }
          await push({ jobId: job.id, line: start, name: '', error: `Line ${start}: the row could not be read (${s.message.replace(/ at line \d+/, '')})` });
        }
      };
      for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        const { record, info } = item;
        const line = info.lines;
        await pushSkipped(line);
        if (!columns) {
          columns = record.map((h) => HEADER_FIELDS[headerKey(h)] ?? null);
          if (!columns.includes('name')) {
            throw new AppError('INVALID', `Line ${line}: the first row must be a header with a "name" column (and optionally "country" and "id"); it was: ${record.slice(0, 6).join(', ')}. Nothing was stored.`, { line });
          }
          continue;
        }
        const raw: Record<string, string> = {};
        columns.forEach((field, i) => {
          if (field && raw[field] === undefined) raw[field] = record[i] ?? '';
        });
        const parsed = ZPartyInput.safeParse(raw);
        if (parsed.success) {
          await push({ jobId: job.id, line, ref: parsed.data.id ?? null, name: parsed.data.name, country: parsed.data.country ?? null });
        } else {
          await push({
            jobId: job.id,
            line,
            ref: (raw.id ?? '').slice(0, 100) || null,
            name: (raw.name ?? '').slice(0, 300),
            country: (raw.country ?? '').slice(0, 60) || null,
            error: `Line ${line}: ${partyErrorText(parsed.error)}`,
          });
        }
      }
      await pushSkipped(Number.MAX_SAFE_INTEGER);
      await flush();
      if (!columns) throw new AppError('INVALID', 'The file is empty. Upload a CSV with a header row (name, country, id) and one party per row.');
      if (rows === 0) throw new AppError('INVALID', 'The file has a header but no parties. Nothing was stored.');
      if (options.declaredBytes && bytes !== options.declaredBytes) {
        throw new AppError('INVALID', `Only ${bytes} of ${options.declaredBytes} bytes arrived; the upload was cut short. Nothing was stored.`);
      }
      const params: TBatchParams = { fileName, bytes, rows, invalid };
      await tx.job.update({ where: { id: job.id }, data: { total: rows, params } });
      await appendAudit(tx, { actor, action: 'BATCH_SCREEN_UPLOADED', entityType: 'Job', entityId: job.id, data: params });
      return { jobId: job.id, rows, invalid };
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
}

export type TBatchView = TJobView & { fileName: string; rows: number; invalid: number; result: TBatchResult | null; createdBy: string | null };

const BATCH_SELECT = {
  id: true, type: true, status: true, done: true, total: true, error: true, heartbeatAt: true,
  createdAt: true, startedAt: true, finishedAt: true, ruleSetVersionId: true, params: true, result: true,
  createdById: true,
} as const;

type TBatchRow = Prisma.JobGetPayload<{ select: typeof BATCH_SELECT }>;

const visibleTo = (actor: TActor): Prisma.JobWhereInput => ({ type: 'BATCH_SCREEN', ...(actor.role === 'ADMIN' ? {} : { createdById: actor.id }) });

function toBatchView(row: TBatchRow, names: Map<string, string>): TBatchView {
  const params = row.params as Partial<TBatchParams>;
  return {
    ...toJobView(row),
    fileName: params.fileName ?? '',
    rows: params.rows ?? row.total,
    invalid: params.invalid ?? 0,
    result: (row.result as TBatchResult | null) ?? null,
    createdBy: row.createdById ? (names.get(row.createdById) ?? null) : null,
  };
}

async function namesOf(ids: (string | null)[]) {
  const users = await db.user.findMany({ where: { id: { in: ids.filter((x): x is string => !!x) } }, select: { id: true, name: true, email: true } });
  return new Map(users.map((u) => [u.id, u.name || u.email]));
}

export async function listBatches(actor: TActor, take = 20): Promise<TBatchView[]> {
  requireScreener(actor);
  const rows = await db.job.findMany({ where: visibleTo(actor), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take, select: BATCH_SELECT });
  const names = await namesOf(rows.map((r) => r.createdById));
  return rows.map((r) => toBatchView(r, names));
}

export async function getBatch(actor: TActor, id: string): Promise<TBatchView | null> {
  requireScreener(actor);
  const row = await db.job.findFirst({ where: { id, ...visibleTo(actor) }, select: BATCH_SELECT });
  if (!row) return null;
  return toBatchView(row, await namesOf([row.createdById]));
}

export type TBatchResultRow = {
  line: number;
  ref: string | null;
  name: string;
  country: string | null;
  error: string | null;
  outcome: Outcome | null;
  screened: boolean;
  hits: TPartyHit[] | null;
  hidden: number;
  note: string | null;
};

/** Every row of a batch in line order, page by page (for the result CSV). */
export async function* iterateBatchRows(actor: TActor, id: string, pageSize = 2_000): AsyncGenerator<TBatchResultRow> {
  const batch = await getBatch(actor, id);
  if (!batch) throw new AppError('NOT_FOUND', 'Batch not found.');
  let after = 0;
  for (;;) {
    const rows = await db.batchScreenRow.findMany({ where: { jobId: id, line: { gt: after } }, orderBy: { line: 'asc' }, take: pageSize });
    if (rows.length === 0) return;
    for (const r of rows) {
      const stored = (r.hits as { hits?: TPartyHit[]; hidden?: number; note?: string | null } | null) ?? null;
      yield {
        line: r.line,
        ref: r.ref,
        name: r.name,
        country: r.country,
        error: r.error,
        outcome: r.outcome,
        screened: r.screened,
        hits: stored?.hits ?? null,
        hidden: stored?.hidden ?? 0,
        note: stored?.note ?? null,
      };
    }
    after = rows.at(-1)!.line;
  }
}

export type TPartyAnswer = {
  index: number;
  id: string | null;
  name: string;
  country: string | null;
  outcome: Outcome;
  hits: TPartyHit[];
  hiddenHits: number;
  note: string | null;
};

/** Screens up to MAX_API_PARTIES validated parties now (the parties API); nothing is stored. */
export async function screenPartiesNow(parties: TPartyInput[]): Promise<{ ruleSetVersion: string; results: TPartyAnswer[] }> {
  const { label, ruleSet } = await getActiveRuleSet();
  const results = parties.map((p, index) => {
    const s = screenParty({ name: p.name, country: p.country ?? null }, ruleSet);
    return { index, id: p.id ?? null, name: p.name, country: p.country ?? null, outcome: s.outcome, hits: s.hits, hiddenHits: s.hidden, note: s.note };
  });
  return { ruleSetVersion: label, results };
}

// ---------- the result file ----------

const HITS_IN_CSV = 3;
export const BATCH_RESULT_COLUMNS = [
  'Line', 'Id', 'Name', 'Country', 'Outcome', 'Error', 'Hits',
  ...Array.from({ length: HITS_IN_CSV }, (_, i) => [`Hit ${i + 1} list`, `Hit ${i + 1} entry`, `Hit ${i + 1} matched name`, `Hit ${i + 1} score`, `Hit ${i + 1} outcome`, `Hit ${i + 1} matched tokens`, `Hit ${i + 1} entry id`]).flat(),
];

export function batchResultRecord(r: TBatchResultRow): string[] {
  const hits = r.hits ?? [];
  const outcome = r.error ? 'NOT SCREENED' : r.screened ? (r.outcome ?? '') : 'PENDING';
  const cells = [String(r.line), r.ref ?? '', r.name, r.country ?? '', outcome, r.error ?? r.note ?? '', r.error ? '' : String(hits.length + r.hidden)];
  for (let i = 0; i < HITS_IN_CSV; i++) {
    const h = hits[i];
    cells.push(...(h ? [h.list, h.entryName, h.matchedName, h.score.toFixed(2), h.outcome, h.tokens.join(' '), h.entryId] : ['', '', '', '', '', '', '']));
  }
  return cells;
}

/** The result as a CSV stream (UTF-8 with BOM, Windows line ends; formulas escaped by csv-stringify). */
export async function batchResultCsv(actor: TActor, id: string): Promise<ReadableStream<Uint8Array>> {
  const batch = await getBatch(actor, id);
  if (!batch) throw new AppError('NOT_FOUND', 'Batch not found.');
  const rows = iterateBatchRows(actor, id);
  const encoder = new TextEncoder();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`\uFEFF${stringify([BATCH_RESULT_COLUMNS], CSV_OPTIONS)}`));
        return;
      }
      const page: string[][] = [];
      for (let i = 0; i < 1000; i++) {
        const next = await rows.next();
        if (next.done) break;
        page.push(batchResultRecord(next.value));
      }
      if (page.length) controller.enqueue(encoder.encode(stringify(page, CSV_OPTIONS)));
      if (page.length < 1000) controller.close();
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
}
const CSV_OPTIONS = { escape_formulas: true, record_delimiter: 'windows' } as const;
