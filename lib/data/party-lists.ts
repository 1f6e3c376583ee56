// Restricted-party list uploads (PRODUCT.md §3, §6): a file is received as a stream (size cap, and
// noise refused from its first bytes), parsed by the importers in lib/reference, stored as new
// immutable PartyList snapshots, and compared with the ACTIVE version's list of the same code
// (added / removed / changed by entry id and content hash). Nothing reaches the draft until the
// admin applies the upload, which swaps that code's list link in the draft. A malformed file stores
// nothing and changes nothing. Progress of an upload is kept on its LIST_IMPORT job row.
import 'server-only';
import { datasetsOf, toJson } from '@/lib/data/json';
import { readFileSync } from 'node:fs';
import { parse as parseCsvSync } from 'csv-parse/sync';
import path from 'node:path';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { appendAudit } from '@/lib/data/audit';
import { lockDraft, requireAdmin } from '@/lib/data/admin-rulesets';
import { storePartyList } from '@/lib/data/rulesets';
import { AppError } from '@/lib/errors';
import { finishJob, saveProgress } from '@/lib/jobs/queue';
import { buildCountryNameLookup } from '@/lib/reference/country-data';
import { parseCslCsv, parseCslJson } from '@/lib/reference/csl';
import { parseDplTxt } from '@/lib/reference/dpl';
import { parseEntityListJson } from '@/lib/reference/entity-list';
import { ReferenceParseError } from '@/lib/reference/errors';
import { looksLikeSimpleCsvHeader, parseSimpleCsv } from '@/lib/reference/simple-csv';
import { parseOfacSet } from '@/lib/reference/ofac-set';
import { parseSdnCsv } from '@/lib/reference/sdn';
import { parseUnConsolidatedXml } from '@/lib/reference/un-consolidated';
import type { TDataset, TPartyList } from '@/lib/screening/types';
import { LIST_FORMAT_WORDS, ZListUpload, type TListFormat, type TListUpload } from '@/lib/validation/rules';

// trade.gov's consolidated.json is 10–30 MB; the body streams in, the parse is in memory.
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
const SNIFF_BYTES = 64 * 1024;
const UPLOAD_WORKER = 'upload';

export type TConcreteFormat = Exclude<TListFormat, 'AUTO'>;

// ---------- format detection (pure) ----------

/** Refuses binary noise from the first bytes: NUL bytes, invalid UTF-8 or control characters. */
export function sniffText(head: Uint8Array): string {
  if (head.includes(0)) throw new AppError('INVALID', 'This is not a text file (it contains binary data). Upload a CSV, TSV or JSON list.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    throw new AppError('INVALID', 'This file is not UTF-8 text. Upload a CSV, TSV or JSON list saved as UTF-8.');
  }
  const controls = text.match(/[\x01-\x08\x0b\x0c\x0e-\x19\x1b-\x1f\x7f]/g)?.length ?? 0;
  if (controls > Math.max(8, text.length / 1000)) throw new AppError('INVALID', 'This file contains control characters, not a list. Upload a CSV, TSV or JSON list.');
  return text.replace(/^\uFEFF/, '');
}

/** Which importer fits the start of the file, or null. */
export function detectFormat(head: string): TConcreteFormat | null {
  const trimmed = head.trimStart();
  if (trimmed.startsWith('<')) return /<CONSOLIDATED_LIST[\s>]/.test(trimmed) ? 'UN_XML' : null;
  if (trimmed.startsWith('{')) return /"results"\s*:|"entries"\s*:\s*\[\s*\{\s*"n"/.test(trimmed) ? 'CSL_JSON' : 'ENTITY_LIST';
  const firstLine = trimmed.split(/\r?\n/, 1)[0] ?? '';
  const header = firstLine.split(',').map((h) => h.trim().replace(/^"|"$/g, '').toLowerCase());
  if (header.includes('source') && header.includes('name') && (header.includes('alt_names') || header.includes('entity_number'))) return 'CSL_CSV';
  if (firstLine.includes('\t') && /^"?Name"?\t/.test(firstLine)) return 'DPL';
  if (looksLikeSimpleCsvHeader(firstLine)) return 'SIMPLE_CSV';
  if (/^\d+,"[^"]*",/.test(firstLine) || /^\d+,[^,]+,/.test(firstLine)) return 'SDN';
  return null;
}

function asOfFrom(upload: Pick<TListUpload, 'asOf' | 'fileName'>): string | undefined {
  return upload.asOf ?? /(\d{4}-\d{2}-\d{2})/.exec(upload.fileName)?.[1];
}

let sdnCountryNames: Record<string, string> | null = null;
function countryNamesForSdn(): Record<string, string> {
  // The same lookup the seed used, so the same file gives the same entries (and content hashes).
  sdnCountryNames ??= buildCountryNameLookup(JSON.parse(readFileSync(path.resolve(process.cwd(), 'data', 'reference', 'ear', 'countries.json'), 'utf8')));
  return sdnCountryNames;
}

/** Parses a whole file with the importer for its format. Errors become INVALID with the line number. */
export function parseListFile(text: string, format: TConcreteFormat, upload: Pick<TListUpload, 'asOf' | 'fileName'>): TPartyList[] {
  const asOf = asOfFrom(upload);
  const needAsOf = () => {
    if (!asOf) throw new AppError('INVALID', 'Give the date of this list (as of), e.g. 2024-05-03.', { field: 'asOf' });
    return asOf;
  };
  let lists: TPartyList[];
  try {
    switch (format) {
      case 'SDN':
        lists = [parseSdnCsv(text, { asOf: needAsOf(), countryNames: countryNamesForSdn() })];
        break;
      case 'ENTITY_LIST': {
        const list = parseEntityListJson(text, asOf ? { asOf } : {});
        if (!list.asOf) list.asOf = needAsOf();
        lists = [list];
        break;
      }
      case 'DPL':
        lists = [parseDplTxt(text, { asOf: needAsOf() })];
        break;
      case 'CSL_JSON':
        lists = parseCslJson(text, { asOf: upload.asOf, defaultAsOf: asOf });
        break;
      case 'CSL_CSV':
        lists = parseCslCsv(text, { asOf: needAsOf() });
        break;
      case 'UN_XML':
        lists = [parseUnConsolidatedXml(text, { asOf: upload.asOf, defaultAsOf: asOf })];
        break;
      case 'SIMPLE_CSV':
        lists = parseSimpleCsv(text, { asOf: needAsOf(), source: upload.fileName ? `Simple CSV upload (${upload.fileName})` : undefined });
        break;
    }
  } catch (err) {
    if (err instanceof ReferenceParseError) {
      throw new AppError('INVALID', `The file was not accepted — ${err.message}. Nothing was changed.`, { line: err.line });
    }
    throw err;
  }
  const empty = lists.find((l) => l.entries.length === 0);
  if (lists.length === 0 || empty) throw new AppError('INVALID', 'The file has no entries (0 rows). Nothing was changed.');
  return lists;
}

// ---------- uploads ----------

export type TImportedList = {
  code: string;
  name: string;
  source: string;
  asOf: string;
  partyListId: string;
  entryCount: number;
  activeListId: string | null;
  counts: TDiffCounts;
  /** the as-of date of the active version's list of this code, if there is one */
  activeAsOf?: string | null;
  /** this file is older than the active list (by its generation / as-of date): warn before Apply */
  older?: boolean;
  /** same entries as the active list: nothing would change */
  identical?: boolean;
};

/** The warning an upload deserves before Apply, or null: files older than the active lists, identical files. */
export function uploadWarning(lists: TImportedList[]): { kind: 'OLDER' | 'IDENTICAL'; message: string } | null {
  const older = lists.filter((l) => l.older);
  if (older.length) {
    return {
      kind: 'OLDER',
      message: `This file is older than the active list${older.length > 1 ? 's' : ''}: ${older.map((l) => `${l.code} as of ${l.asOf} (active: ${l.activeAsOf})`).join('; ')}. Applying it would replace newer data with older data.`,
    };
  }
  if (lists.length && lists.every((l) => l.identical)) return { kind: 'IDENTICAL', message: 'No changes: every list in this file is identical to the active version.' };
  return null;
}
export type TImportResult = { phase: string; format?: TConcreteFormat; bytes?: number; lists?: TImportedList[]; appliedAt?: string };

/** Step 1 of an upload: a LIST_IMPORT job row that the page polls while the file streams in. */
export async function startListImport(actor: TActor, draftId: string, upload: TListUpload): Promise<{ jobId: string }> {
  requireAdmin(actor);
  if (upload.size > MAX_UPLOAD_BYTES) {
    throw new AppError('INVALID', `The file is ${(upload.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`, { field: 'file' });
  }
  return db.$transaction(async (tx) => {
    await lockDraft(tx, draftId);
    const job = await tx.job.create({
      data: {
        type: 'LIST_IMPORT',
        status: 'RUNNING',
        ruleSetVersionId: draftId,
        createdById: actor.id,
        lockedBy: UPLOAD_WORKER,
        heartbeatAt: new Date(),
        startedAt: new Date(),
        total: upload.size,
        params: toJson(upload),
        result: { phase: 'Receiving the file' },
      },
      select: { id: true },
    });
    return { jobId: job.id };
  });
}

async function readCapped(body: ReadableStream<Uint8Array>, onChunk: (received: number, head: Uint8Array | null) => Promise<void>): Promise<Buffer> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  let sniffed = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > MAX_UPLOAD_BYTES) {
        throw new AppError('INVALID', `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Nothing was changed.`);
      }
      chunks.push(value);
      let head: Uint8Array | null = null;
      if (!sniffed && received >= SNIFF_BYTES) {
        head = Buffer.concat(chunks).subarray(0, SNIFF_BYTES);
        sniffed = true;
      }
      await onChunk(received, head);
    }
  } catch (err) {
    await reader.cancel().catch(() => undefined);
    throw err;
  }
  const all = Buffer.concat(chunks);
  if (!sniffed && received > 0) await onChunk(received, all);
  return all;
}

/**
 * Step 2: receives the file for a LIST_IMPORT job, parses it, stores the snapshots and their diff
 * counts on the job. On any refusal the job is FAILED with the message and nothing else is stored.
 */
export async function receiveListUpload(
  actor: TActor,
  jobId: string,
  body: ReadableStream<Uint8Array> | { files: { name: string; bytes: Uint8Array }[] },
  options: { declaredBytes?: number } = {},
): Promise<TImportResult> {
  requireAdmin(actor);
  const job = await db.job.findFirst({
    where: { id: jobId, type: 'LIST_IMPORT', status: 'RUNNING', lockedBy: UPLOAD_WORKER, createdById: actor.id },
    select: { id: true, params: true, ruleSetVersionId: true },
  });
  if (!job || !job.ruleSetVersionId) throw new AppError('NOT_FOUND', 'This upload was not started or has already finished. Start it again.');
  const handle = { id: job.id, lockedBy: UPLOAD_WORKER };
  const upload = ZListUpload.parse(job.params);
  const progress = (phase: string, extra: { done?: number; total?: number } = {}) => saveProgress(db, handle, { ...extra, result: { phase } satisfies TImportResult });
  try {
    let concrete: TConcreteFormat;
    let lists: TPartyList[];
    let bytes: { length: number };
    if ('files' in body) {
      // several files in one upload: OFAC's sdn.csv with alt.csv and/or add.csv
      ({ lists, bytes } = await readOfacFiles(body.files, upload, progress));
      concrete = 'SDN';
    } else {
      ({ concrete, lists, bytes } = await readOneFile(body, upload, options, progress));
    }
    const entries = lists.reduce((n, l) => n + l.entries.length, 0);
    await progress(`Storing ${entries.toLocaleString('en-US')} entries`, { done: 0, total: entries });
    const draftId = job.ruleSetVersionId;
    const imported: TImportedList[] = [];
    await db.$transaction(
      async (tx) => {
        await lockDraft(tx, draftId);
        let stored = 0;
        for (const list of lists) {
          const partyListId = await storePartyList(tx, list, actor.id);
          stored += list.entries.length;
          imported.push({ code: list.code, name: list.name, source: list.source, asOf: list.asOf, partyListId, entryCount: list.entries.length, activeListId: null, counts: { added: 0, removed: 0, changed: 0 } });
          await saveProgress(tx, handle, { done: stored });
        }
        await appendAudit(tx, {
          actor,
          action: 'PARTY_LIST_UPLOADED',
          entityType: 'RuleSetVersion',
          entityId: draftId,
          data: { jobId, fileName: upload.fileName, format: concrete, bytes: bytes.length, lists: imported.map((l) => ({ code: l.code, partyListId: l.partyListId, entries: l.entryCount, asOf: l.asOf })) },
        });
      },
      { timeout: 300_000, maxWait: 30_000 },
    );
    await progress('Comparing with the active version', { done: entries, total: entries });
    const activeLists = await activeListIdsByCode();
    for (const list of imported) {
      const active = activeLists.get(list.code) ?? null;
      list.activeListId = active?.id ?? null;
      list.activeAsOf = active?.asOf ?? null;
      list.older = !!active && list.asOf < active.asOf;
      list.counts = await diffCounts(list.partyListId, list.activeListId);
      list.identical = !!active && list.counts.added + list.counts.removed + list.counts.changed === 0;
    }
    const result: TImportResult = { phase: 'Ready to review', format: concrete, bytes: bytes.length, lists: imported };
    await finishJob(db, handle, { status: 'SUCCEEDED', result });
    return result;
  } catch (err) {
    const message = err instanceof AppError ? err.message : 'The upload failed unexpectedly. Nothing was changed.';
    await finishJob(db, handle, { status: 'FAILED', error: message, result: { phase: 'Refused' } }).catch(() => undefined);
    throw err;
  }
}

/** An upload whose file never arrives stays RUNNING at most this long without progress. */
export const UPLOAD_IDLE_MS = 5 * 60_000;

/**
 * The route refused the upload before reading it (too large, no body): the job ends FAILED with the
 * reason, so the admin's progress bar stops and a new upload can start.
 */
export async function refuseListUpload(actor: TActor, jobId: string, message: string): Promise<void> {
  requireAdmin(actor);
  await db.job.updateMany({
    where: { id: jobId, type: 'LIST_IMPORT', status: 'RUNNING', lockedBy: UPLOAD_WORKER, createdById: actor.id },
    data: { status: 'FAILED', error: message, result: { phase: 'Refused' }, finishedAt: new Date(), lockedBy: null },
  });
}

/** Uploads started but with no file (or no progress) for UPLOAD_IDLE_MS end FAILED. Run by every instance's job runner. */
export async function reapAbandonedUploads(now = new Date(), idleMs = UPLOAD_IDLE_MS): Promise<number> {
  const { count } = await db.job.updateMany({
    where: { type: 'LIST_IMPORT', status: 'RUNNING', lockedBy: UPLOAD_WORKER, OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: new Date(now.getTime() - idleMs) } }] },
    data: { status: 'FAILED', error: 'No file arrived for this upload (or it stopped). Nothing was changed; start it again.', result: { phase: 'Refused' }, finishedAt: now, lockedBy: null },
  });
  return count;
}

type TProgressFn = (phase: string, extra?: { done?: number; total?: number }) => Promise<boolean>;

async function readOneFile(body: ReadableStream<Uint8Array>, upload: TListUpload, options: { declaredBytes?: number }, progress: TProgressFn) {
  let format: TConcreteFormat | null = upload.format === 'AUTO' ? null : upload.format;
  let lastSaved = 0;
  const bytes = await readCapped(body, async (received, head) => {
    if (head) {
      const text = sniffText(head);
      const detected = detectFormat(text);
      if (format && detected !== format) {
        throw new AppError('INVALID', `This file does not look like ${LIST_FORMAT_WORDS[format]}${detected ? ` (it looks like ${LIST_FORMAT_WORDS[detected]})` : ''}. Check the format. Nothing was changed.`);
      }
      if (!format) {
        if (!detected) {
          throw new AppError('INVALID', 'The file format was not recognised. Choose one of: Consolidated Screening List (trade.gov JSON or CSV), UN consolidated list (XML), OFAC SDN CSV, Entity List JSON, Denied Persons List (tab-separated) or simple CSV (name, aliases, country, list, licence policy). Nothing was changed.');
        }
        format = detected;
      }
    }
    if (received - lastSaved > 1024 * 1024) {
      lastSaved = received;
      await progress('Receiving the file', { done: received });
    }
  });
  if (bytes.length === 0) throw new AppError('INVALID', 'The file is empty (0 rows). Nothing was changed.');
  if (options.declaredBytes && bytes.length !== options.declaredBytes) {
    throw new AppError('INVALID', `Only ${bytes.length} of ${options.declaredBytes} bytes arrived; the upload was cut short. Nothing was changed.`);
  }
  if (!format) throw new AppError('INVALID', 'The file format was not recognised. Nothing was changed.');
  const concrete: TConcreteFormat = format;
  await progress(`Reading ${LIST_FORMAT_WORDS[concrete]}`, { done: bytes.length, total: bytes.length });
  const text = new TextDecoder('utf-8').decode(bytes);
  const lists = parseListFile(text, concrete, upload);
  return { concrete, lists, bytes };
}

/** Which OFAC file a text is, by its first record's column count (sdn 12, add 6, alt 5). */
function ofacKind(text: string): 'sdn' | 'alt' | 'add' | null {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  try {
    const n = (parseCsvSync(first, { relax_quotes: true }) as string[][])[0]?.length ?? 0;
    return n === 12 ? 'sdn' : n === 6 ? 'add' : n === 5 ? 'alt' : null;
  } catch {
    return null;
  }
}

async function readOfacFiles(files: { name: string; bytes: Uint8Array }[], upload: TListUpload, progress: TProgressFn) {
  const total = files.reduce((n, f) => n + f.bytes.byteLength, 0);
  if (total > MAX_UPLOAD_BYTES) throw new AppError('INVALID', `The files are larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB together. Nothing was changed.`);
  const texts: Partial<Record<'sdn' | 'alt' | 'add', string>> = {};
  for (const f of files) {
    const text = sniffText(f.bytes);
    const kind = ofacKind(text);
    if (!kind) throw new AppError('INVALID', `${f.name} is not an OFAC sdn.csv, alt.csv or add.csv (several files are accepted only as OFAC's sdn.csv with alt.csv and add.csv). Nothing was changed.`);
    if (texts[kind]) throw new AppError('INVALID', `Two ${kind}.csv files were given (${f.name}). Nothing was changed.`);
    texts[kind] = text;
  }
  if (!texts.sdn) throw new AppError('INVALID', 'alt.csv and add.csv need the sdn.csv of the same day in the same upload. Nothing was changed.');
  await progress('Reading OFAC sdn.csv with alt.csv and add.csv', { done: total, total });
  const asOf = upload.asOf ?? /(\d{4}-\d{2}-\d{2})/.exec(upload.fileName)?.[1];
  if (!asOf) throw new AppError('INVALID', 'Give the date of this list (as of), e.g. 2024-05-03.', { field: 'asOf' });
  try {
    const list = parseOfacSet({ sdn: texts.sdn, alt: texts.alt, add: texts.add }, { asOf, countryNames: countryNamesForSdn() });
    return { lists: [list], bytes: { length: total } };
  } catch (err) {
    if (err instanceof ReferenceParseError) throw new AppError('INVALID', `The files were not accepted — ${err.message}. Nothing was changed.`, { line: err.line });
    throw err;
  }
}

async function activeListIdsByCode(): Promise<Map<string, { id: string; asOf: string }>> {
  const links = await db.ruleSetPartyList.findMany({
    where: { ruleSetVersion: { status: 'ACTIVE' } },
    select: { partyList: { select: { id: true, code: true, asOf: true } } },
  });
  return new Map(links.map((l) => [l.partyList.code, { id: l.partyList.id, asOf: l.partyList.asOf }]));
}

export type TUploadView = {
  jobId: string;
  status: string;
  error: string | null;
  createdAt: Date;
  fileName: string;
  result: TImportResult | null;
};

/** Recent uploads for the draft (newest first). */
export async function listUploads(actor: TActor, draftId: string, take = 5): Promise<TUploadView[]> {
  requireAdmin(actor);
  const rows = await db.job.findMany({
    where: { type: 'LIST_IMPORT', ruleSetVersionId: draftId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: { id: true, status: true, error: true, createdAt: true, params: true, result: true },
  });
  return rows.map((r) => ({
    jobId: r.id,
    status: r.status,
    error: r.error,
    createdAt: r.createdAt,
    fileName: (r.params as { fileName?: string }).fileName ?? '',
    result: r.result as TImportResult | null,
  }));
}

export async function getUpload(actor: TActor, jobId: string): Promise<TUploadView | null> {
  requireAdmin(actor);
  const r = await db.job.findFirst({
    where: { id: jobId, type: 'LIST_IMPORT' },
    select: { id: true, status: true, error: true, createdAt: true, params: true, result: true },
  });
  if (!r) return null;
  return { jobId: r.id, status: r.status, error: r.error, createdAt: r.createdAt, fileName: (r.params as { fileName?: string }).fileName ?? '', result: r.result as TImportResult | null };
}

/** Puts an upload's lists into the draft: that code's list link is swapped and its dataset entry updated. */
export async function applyListUpload(actor: TActor, draftId: string, jobId: string): Promise<{ codes: string[] }> {
  requireAdmin(actor);
  return db.$transaction(async (tx) => {
    await lockDraft(tx, draftId);
    const rows = await tx.$queryRaw<{ id: string; result: TImportResult | null }[]>`
      SELECT id, result FROM "Job" WHERE id = ${jobId} AND type = 'LIST_IMPORT' AND status = 'SUCCEEDED' AND "ruleSetVersionId" = ${draftId} FOR UPDATE`;
    const job = rows[0];
    if (!job?.result?.lists) throw new AppError('NOT_FOUND', 'This upload is not ready to apply (it failed, or belongs to another draft).');
    if (job.result.appliedAt) throw new AppError('CONFLICT', 'This upload has already been applied to the draft.');
    const draft = await tx.ruleSetVersion.findUniqueOrThrow({ where: { id: draftId }, select: { datasets: true } });
    let datasets = [...datasetsOf(draft.datasets)];
    for (const list of job.result.lists) {
      const stored = await tx.partyList.findUniqueOrThrow({ where: { id: list.partyListId }, select: { sha256: true, source: true, asOf: true } });
      await tx.ruleSetPartyList.deleteMany({ where: { ruleSetVersionId: draftId, partyList: { code: list.code } } });
      await tx.ruleSetPartyList.create({ data: { ruleSetVersionId: draftId, partyListId: list.partyListId } });
      const kind = `PARTY_LIST_${list.code}`;
      const entry: TDataset = { kind, source: stored.source, asOf: stored.asOf, sha256: stored.sha256 };
      datasets = datasets.some((d) => d.kind === kind) ? datasets.map((d) => (d.kind === kind ? entry : d)) : [...datasets, entry];
    }
    await tx.ruleSetVersion.update({ where: { id: draftId }, data: { datasets: toJson(datasets) } });
    await tx.job.update({ where: { id: jobId }, data: { result: toJson({ ...job.result, appliedAt: new Date().toISOString() }) } });
    await appendAudit(tx, {
      actor,
      action: 'PARTY_LIST_APPLIED',
      entityType: 'RuleSetVersion',
      entityId: draftId,
      data: { jobId, lists: job.result.lists.map((l) => ({ code: l.code, partyListId: l.partyListId, asOf: l.asOf, counts: l.counts })) },
    });
    return { codes: job.result.lists.map((l) => l.code) };
  });
}

// ---------- diffs ----------

export type TDiffCounts = { added: number; removed: number; changed: number };
export type TDiffChange = 'ADDED' | 'REMOVED' | 'CHANGED';
export type TDiffRow = {
  externalId: string;
  change: TDiffChange;
  name: string;
  previousName: string | null;
  aliases: string[];
  countries: string[];
  programs: string[];
};

/** Added / removed / changed entry counts of list `newId` against `oldId` (null: everything is added). */
export async function diffCounts(newId: string, oldId: string | null): Promise<TDiffCounts> {
  const [row] = await db.$queryRaw<{ added: bigint; removed: bigint; changed: bigint }[]>`
    SELECT count(*) FILTER (WHERE o.id IS NULL) AS added,
           count(*) FILTER (WHERE n.id IS NULL) AS removed,
           count(*) FILTER (WHERE n.id IS NOT NULL AND o.id IS NOT NULL AND n."contentHash" <> o."contentHash") AS changed
    FROM (SELECT id, "externalId", "contentHash" FROM "PartyEntry" WHERE "listId" = ${newId}) n
    FULL OUTER JOIN (SELECT id, "externalId", "contentHash" FROM "PartyEntry" WHERE "listId" = ${oldId ?? ''}) o
      ON n."externalId" = o."externalId"`;
  return { added: Number(row?.added ?? 0), removed: Number(row?.removed ?? 0), changed: Number(row?.changed ?? 0) };
}

export type TDiffQuery = { q?: string; change?: TDiffChange | null; page?: number; pageSize?: number };

/** One page of the differences, searchable by name, alias or id. */
export async function diffEntries(actor: TActor, newId: string, oldId: string | null, query: TDiffQuery = {}) {
  requireAdmin(actor);
  const pageSize = Math.min(Math.max(query.pageSize ?? 25, 1), 200);
  const page = Math.max(query.page ?? 1, 1);
  const q = query.q?.trim() ? `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const change = query.change ?? null;
  const rows = await db.$queryRaw<(TDiffRow & { total: bigint })[]>`
    WITH d AS (
      SELECT COALESCE(n."externalId", o."externalId") AS "externalId",
             CASE WHEN o.id IS NULL THEN 'ADDED' WHEN n.id IS NULL THEN 'REMOVED' ELSE 'CHANGED' END AS change,
             COALESCE(n.name, o.name) AS name,
             CASE WHEN n.id IS NOT NULL AND o.id IS NOT NULL AND n.name <> o.name THEN o.name END AS "previousName",
             COALESCE(n.aliases, o.aliases) AS aliases,
             COALESCE(n.countries, o.countries) AS countries,
             COALESCE(n.programs, o.programs) AS programs
      FROM (SELECT * FROM "PartyEntry" WHERE "listId" = ${newId}) n
      FULL OUTER JOIN (SELECT * FROM "PartyEntry" WHERE "listId" = ${oldId ?? ''}) o ON n."externalId" = o."externalId"
      WHERE o.id IS NULL OR n.id IS NULL OR n."contentHash" <> o."contentHash"
    )
    SELECT *, count(*) OVER () AS total FROM d
    WHERE (${change}::text IS NULL OR change = ${change}::text)
      AND (${q}::text IS NULL OR name ILIKE ${q}::text OR "externalId" ILIKE ${q}::text
           OR EXISTS (SELECT 1 FROM unnest(aliases) a WHERE a ILIKE ${q}::text))
    ORDER BY CASE change WHEN 'ADDED' THEN 0 WHEN 'CHANGED' THEN 1 ELSE 2 END, name, "externalId"
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  const total = Number(rows[0]?.total ?? 0);
  return { total, page, pageSize, rows: rows.map(({ total: _t, ...r }) => r) };
}

/** The lists of a version with their provenance, for the lists page. */
export async function listsOfVersion(actor: TActor, versionId: string) {
  requireAdmin(actor);
  const links = await db.ruleSetPartyList.findMany({
    where: { ruleSetVersionId: versionId },
    select: { partyList: { select: { id: true, code: true, name: true, source: true, asOf: true, entryCount: true, createdAt: true } } },
  });
  return links.map((l) => l.partyList).sort((a, b) => a.code.localeCompare(b.code));
}
