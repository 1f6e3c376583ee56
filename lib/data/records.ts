// Records kept for the five years 15 CFR Part 762 asks: the auditor's case bundle (a sealed zip with
// the application as submitted at each run, every screening result with its rule-set version and
// data dates, decisions with countersignatures, messages and notes, the decision record PDF, and the
// case's audit rows with the chain anchors to verify them offline), the whole-organisation export
// job, and the admin records overview (oldest record, last backup). Officers and admins only.
import 'server-only';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { appendAudit } from '@/lib/data/audit';
import { getDecisionRecord, requireOfficer } from '@/lib/data/cases';
import { AppError } from '@/lib/errors';
import { enqueueJob, toJobView, type TJobView } from '@/lib/jobs/queue';
import { renderDecisionRecord } from '@/lib/pdf/decision-record';
import { CASE_BUNDLE_FORMAT, type TBundleAnchors, type TBundleAuditRow, type TBundleFile, type TBundleManifest, type TChainLink } from '@/lib/records/bundle-verify';
import { SEAL_PLACEHOLDER, sealZip } from '@/lib/records/seal';
import type { TOrgExportInput } from '@/lib/validation/records';

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Builds a sealed zip from named buffers plus a manifest listing each with its SHA-256. */
export function sealedZip(files: [string, Buffer][], manifest: Omit<TBundleManifest, 'files'>, mtime: Date): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const listed: TBundleFile[] = [];
  for (const [name, data] of files) {
    zip.addBuffer(data, name, { mtime, compress: !name.endsWith('.zip') && !name.endsWith('.pdf') });
    listed.push({ path: name, bytes: data.length, sha256: sha256(data) });
  }
  zip.addBuffer(json({ ...manifest, files: listed }), 'manifest.json', { mtime });
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.once('error', reject);
    zip.outputStream.once('end', () => resolve(sealZip(Buffer.concat(chunks))));
    zip.end({ comment: SEAL_PLACEHOLDER, forceZip64Format: false });
  });
}

const README = `Clearance case bundle
=====================
application.json        the application as it stands now (status, organisation, line items, parties)
runs/NN-<trigger>.json  each screening run: the application exactly as screened ("input"), the outcome,
                        the findings, and the rule-set version with its data sets and their dates
decisions.json          every decision (officer, reason, conditions, licence) with its countersignature
messages.json           questions to and answers from the exporter
notes.json              officers' internal notes
decision-record.pdf     the decision record as issued (decided cases)
audit/events.json       the case's rows of the hash-chained audit log, with their hashes
audit/anchors.json      for each row, the link (seq, prevHash, hash) of the row that follows it in the
                        full log, and the head of the log at export time
manifest.json           every file's size and SHA-256

Verify without the database:  npm run audit:verify -- --bundle <this file>
The zip comment seals the file (SHA-256 of every byte before it). To tie the bundle to the live log,
compare chainHead in manifest.json, or any anchor, with the database (npm run audit:verify there).
`;

/** The auditor's bundle for one case. Records the export itself in the audit log first. */
export async function buildCaseBundle(actor: TActor, caseId: string, options: { audit?: boolean } = {}): Promise<{ fileName: string; bytes: Buffer; reference: string }> {
  requireOfficer(actor);
  const exists = await db.application.findFirst({ where: { id: caseId, status: { not: 'DRAFT' } }, select: { id: true, reference: true } });
  if (!exists) throw new AppError('NOT_FOUND', 'Case not found.');
  if (options.audit !== false) {
    await db.$transaction((tx) => appendAudit(tx, { actor, action: 'CASE_BUNDLE_EXPORTED', entityType: 'Application', entityId: caseId, data: { reference: exists.reference } }));
  }
  // One snapshot for everything the bundle says about the case.
  const { app, rows, anchors } = await db.$transaction(
    async (tx) => {
      const app = await tx.application.findUniqueOrThrow({
        where: { id: caseId },
        select: {
          id: true, reference: true, status: true, outcome: true, data: true, createdAt: true, submittedAt: true, decidedAt: true, updatedAt: true, version: true,
          organization: { select: { id: true, name: true } },
          createdBy: { select: { id: true, name: true, email: true } },
          submittedBy: { select: { id: true, name: true, email: true } },
          lineItems: { orderBy: { position: 'asc' } },
          parties: { orderBy: [{ role: 'asc' }, { position: 'asc' }] },
          screeningRuns: {
            orderBy: { createdAt: 'asc' },
            select: {
              id: true, trigger: true, outcome: true, previousOutcome: true, createdAt: true, input: true, findings: true,
              ruleSetVersion: { select: { id: true, label: true, status: true, asOf: true, publishedAt: true, datasets: true, cclDataset: { select: { kind: true, source: true, asOf: true, sha256: true } } } },
            },
          },
          decisions: {
            orderBy: { createdAt: 'asc' },
            select: {
              id: true, type: true, screeningRunId: true, lineItemId: true, note: true, conditions: true, reason: true, message: true,
              licenseReference: true, licenseExpiresAt: true, createdAt: true,
              officer: { select: { id: true, name: true, email: true } },
              requiresCountersignature: true, countersignedAt: true, countersignNote: true,
              countersignedBy: { select: { id: true, name: true, email: true } },
            },
          },
          messages: { orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, body: true, createdAt: true, author: { select: { id: true, name: true, email: true, role: true } } } },
          notes: { orderBy: { createdAt: 'asc' }, select: { id: true, body: true, createdAt: true, author: { select: { id: true, name: true, email: true } } } },
        },
      });
      const events = await tx.auditEvent.findMany({ where: { entityType: 'Application', entityId: caseId }, orderBy: { seq: 'asc' } });
      const successors: Record<string, TChainLink> = {};
      for (const e of events) {
        const next = await tx.auditEvent.findFirst({ where: { seq: { gt: e.seq } }, orderBy: { seq: 'asc' }, select: { seq: true, prevHash: true, hash: true } });
        if (next) successors[e.seq.toString()] = { seq: next.seq.toString(), prevHash: next.prevHash, hash: next.hash };
      }
      const head = await tx.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true, hash: true } });
      const rows: TBundleAuditRow[] = events.map((e) => ({
        seq: e.seq.toString(), createdAt: e.createdAt.toISOString(), actorId: e.actorId, actorEmail: e.actorEmail, action: e.action,
        entityType: e.entityType, entityId: e.entityId, data: e.data, prevHash: e.prevHash, hash: e.hash,
      }));
      const anchors: TBundleAnchors = { head: head ? { seq: head.seq.toString(), hash: head.hash } : null, successors };
      return { app, rows, anchors };
    },
    { isolationLevel: 'RepeatableRead' },
  );
  const generatedAt = new Date();
  const { screeningRuns, decisions, messages, notes, ...application } = app;
  const files: [string, Buffer][] = [
    ['README.txt', Buffer.from(README)],
    ['application.json', json(application)],
    ...screeningRuns.map((run, i): [string, Buffer] => [`runs/${String(i + 1).padStart(2, '0')}-${run.trigger.toLowerCase()}.json`, json(run)]),
    ['decisions.json', json(decisions)],
    ['messages.json', json(messages)],
    ['notes.json', json(notes)],
  ];
  if (decisions.some((d) => d.type === 'APPROVE' || d.type === 'DENY')) {
    files.push(['decision-record.pdf', Buffer.from(await renderDecisionRecord(await getDecisionRecord(actor, caseId), generatedAt))]);
  }
  files.push(['audit/events.json', json(rows)], ['audit/anchors.json', json(anchors)]);
  const bytes = await sealedZip(
    files,
    {
      format: CASE_BUNDLE_FORMAT, formatVersion: 1, generatedAt: generatedAt.toISOString(), generatedBy: { email: actor.email, role: actor.role },
      reference: app.reference, applicationId: app.id, chainHead: anchors.head,
    },
    generatedAt,
  );
  return { fileName: `${app.reference}-bundle.zip`, bytes, reference: app.reference };
}

// ---------------------------------------------------------------------------------------------
// Whole-organisation export (background job: lib/jobs/org-export.ts)

export function exportDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.EXPORT_DIR ?? 'exports');
}

export async function startOrgExport(actor: TActor, input: TOrgExportInput): Promise<{ jobId: string }> {
  if (actor.role !== 'ADMIN') throw new AppError('FORBIDDEN', 'Only administrators can export an organisation’s records.');
  const org = await db.organization.findUnique({ where: { id: input.organizationId }, select: { id: true, name: true } });
  if (!org) throw new AppError('NOT_FOUND', 'Organisation not found.');
  return db.$transaction(async (tx) => {
    const job = await enqueueJob(tx, { type: 'ORG_EXPORT', createdById: actor.id, params: { organizationId: org.id, organization: org.name, from: input.from, to: input.to } });
    await appendAudit(tx, { actor, action: 'ORG_EXPORT_STARTED', entityType: 'Organization', entityId: org.id, data: { jobId: job.id, from: input.from, to: input.to } });
    return { jobId: job.id };
  });
}

export type TOrgExportView = TJobView & { organization: string; from: string; to: string; file: string | null; bytes: number | null; cases: number | null };

export async function listOrgExports(actor: TActor, take = 10): Promise<TOrgExportView[]> {
  if (actor.role !== 'ADMIN') throw new AppError('FORBIDDEN', 'Only administrators can see organisation exports.');
  const jobs = await db.job.findMany({
    where: { type: 'ORG_EXPORT' },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: { id: true, type: true, status: true, done: true, total: true, error: true, heartbeatAt: true, createdAt: true, startedAt: true, finishedAt: true, ruleSetVersionId: true, params: true, result: true },
  });
  return jobs.map(({ params, result, ...row }) => {
    const p = params as { organization?: string; from?: string; to?: string };
    const r = (result ?? null) as { file?: string; bytes?: number; cases?: number } | null;
    return { ...toJobView(row), organization: p.organization ?? '?', from: p.from ?? '', to: p.to ?? '', file: r?.file ?? null, bytes: r?.bytes ?? null, cases: r?.cases ?? null };
  });
}

/** The finished export's file for download (admins). */
export async function getOrgExportFile(actor: TActor, jobId: string): Promise<{ path: string; fileName: string }> {
  if (actor.role !== 'ADMIN') throw new AppError('FORBIDDEN', 'Only administrators can download organisation exports.');
  const job = await db.job.findFirst({ where: { id: jobId, type: 'ORG_EXPORT', status: 'SUCCEEDED' }, select: { result: true } });
  const file = (job?.result as { file?: string } | null)?.file;
  const full = file ? path.join(exportDir(), path.basename(file)) : null;
  if (!full || !fs.existsSync(full)) throw new AppError('NOT_FOUND', 'Export not found (not finished, or its file was removed).');
  return { path: full, fileName: path.basename(full) };
}

// ---------------------------------------------------------------------------------------------
// Admin records overview

export type TRecordsOverview = {
  oldestApplication: { reference: string; createdAt: Date } | null;
  oldestAudit: Date | null;
  counts: { applications: number; screeningRuns: number; decisions: number; auditRows: number };
  lastBackup: { finishedAt: Date; bytes: number; file: string; schemaVersion: string; rows: number; host: string | null } | null;
  backupMaxAgeHours: number;
  backupOverdue: boolean;
};

export async function recordsOverview(actor: TActor, now = new Date()): Promise<TRecordsOverview> {
  if (actor.role !== 'ADMIN') throw new AppError('FORBIDDEN', 'Only administrators can see the records page.');
  const { env } = await import('@/lib/env');
  const maxAge = env().BACKUP_MAX_AGE_HOURS;
  const [oldestApplication, oldestAudit, applications, screeningRuns, decisions, auditRows, last] = await Promise.all([
    db.application.findFirst({ orderBy: { createdAt: 'asc' }, select: { reference: true, createdAt: true } }),
    db.auditEvent.findFirst({ orderBy: { seq: 'asc' }, select: { createdAt: true } }),
    db.application.count(),
    db.screeningRun.count(),
    db.decision.count(),
    db.auditEvent.count(),
    db.backupRecord.findFirst({ orderBy: { finishedAt: 'desc' } }),
  ]);
  const lastBackup = last
    ? { finishedAt: last.finishedAt, bytes: Number(last.bytes), file: last.file, schemaVersion: last.schemaVersion, rows: Number(last.rows), host: last.host }
    : null;
  return {
    oldestApplication,
    oldestAudit: oldestAudit?.createdAt ?? null,
    counts: { applications, screeningRuns, decisions, auditRows },
    lastBackup,
    backupMaxAgeHours: maxAge,
    backupOverdue: !lastBackup || now.getTime() - lastBackup.finishedAt.getTime() > maxAge * 3600_000,
  };
}
