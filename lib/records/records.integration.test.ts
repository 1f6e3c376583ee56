// Records that outlive the machine: db:backup while submissions keep coming, db:restore into a fresh
// database (every acknowledged application present and whole, row counts equal, audit chain intact),
// refusal of a non-empty target, the auditor's bundle verified offline (and failing after any one
// changed byte), the organisation export job, and the retention guard.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, db } from '@/lib/db';
import { verifyAuditChain } from '@/lib/data/audit';
import { submitAndScreen } from '@/lib/data/applications';
import { decideCase } from '@/lib/data/cases';
import { buildCaseBundle, listOrgExports, recordsOverview, startOrgExport, exportDir } from '@/lib/data/records';
import { AppError } from '@/lib/errors';
import { runOneJob } from '@/lib/jobs/runner';
import type { TBackupManifest } from '@/lib/records/backup';
import { verifyBundle } from '@/lib/records/bundle-verify';
import { ZApplicationInput } from '@/lib/validation/application';
import { createOrganization, createUser } from '@/test/factories';
import { recreateDatabase } from '@/test/database';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clearance-records-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function application() {
  return ZApplicationInput.parse({
    product: {
      name: `Door controller ${randomUUID().slice(0, 6)}`,
      description: 'Badge reader for office doors',
      eccn: 'EAR99',
      kind: 'HARDWARE',
      quantity: 4,
      unitValueUsd: 250,
      biometric: null,
    },
    destination: { country: 'DE', region: null },
    endUser: { name: 'Acme Buildings GmbH', country: 'DE', address: 'Hauptstrasse 1', type: 'COMMERCIAL' },
    consignees: [],
    endUse: { category: 'ACCESS_CONTROL', description: 'Office doors' },
    redFlags: [],
  });
}

function cli(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node_modules/.bin/tsx', ['--conditions=react-server', script, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

function otherDatabase(suffix: string): string {
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = `${u.pathname}_${suffix}`;
  return u.toString();
}

async function counts(url: string, tables: string[]): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, number> = {};
    for (const t of tables) out[t] = Number((await client.query(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0].n);
    return out;
  } finally {
    await client.end();
  }
}

describe('db:backup and db:restore', () => {
  it('backs up while submissions keep coming, and restores every acknowledged application whole', async () => {
    const exporter = await createUser('EXPORTER');
    const acked: { id: string; at: number }[] = [];
    const failures: unknown[] = [];
    let stop = false;
    const submitter = async () => {
      while (!stop) {
        try {
          const { id } = await submitAndScreen({ actor: exporter, input: application() });
          acked.push({ id, at: Date.now() });
        } catch (err) {
          failures.push(err);
        }
      }
    };
    // Load before and during the backup: four concurrent submitters.
    const load = Promise.all(Array.from({ length: 4 }, submitter));
    while (acked.length < 20) await new Promise((r) => setTimeout(r, 50));
    const file = path.join(tmp, 'during-load.zip');
    const backupStarted = Date.now();
    const backup = await cli('scripts/db-backup.ts', [file], { ...process.env });
    const backupEnded = Date.now();
    stop = true;
    await load;
    expect(backup.stderr).not.toMatch(/FAILED/);
    expect(backup.code).toBe(0);
    expect(backup.stdout.trim().split('\n').at(-1)).toBe(file); // the path is the last line
    expect(failures).toEqual([]);
    const during = acked.filter((a) => a.at >= backupStarted && a.at <= backupEnded).length;
    expect(during).toBeGreaterThan(0); // the app kept serving while the backup ran

    // The backup is recorded (admin records page) with its audit row.
    const recorded = await db.backupRecord.findFirst({ where: { file }, orderBy: { finishedAt: 'desc' } });
    expect(recorded).not.toBeNull();
    expect(Number(recorded!.bytes)).toBe(fs.statSync(file).size);

    // Restore into a fresh database through the CLI; it ends with the audit chain verified.
    const target = otherDatabase('restore');
    await recreateDatabase(target);
    const restored = await cli('scripts/db-restore.ts', [file], { ...process.env, DATABASE_URL: target });
    expect(restored.stderr).not.toMatch(/FAILED|REFUSED/);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/Audit chain intact: \d+ row\(s\) verified/);

    const restoredDb = createDb(target, 2);
    try {
      // Every application acknowledged before the backup started is there.
      const present = new Set((await restoredDb.application.findMany({ select: { id: true } })).map((a) => a.id));
      const before = acked.filter((a) => a.at < backupStarted);
      expect(before.length).toBeGreaterThanOrEqual(20);
      expect(before.filter((a) => !present.has(a.id))).toEqual([]);
      // Every acknowledged application in the backup is whole: its run, its parties, its audit rows.
      const mine = acked.filter((a) => present.has(a.id)).map((a) => a.id);
      const runs = await restoredDb.screeningRun.groupBy({ by: ['applicationId'], where: { applicationId: { in: mine } }, _count: true });
      const audits = await restoredDb.auditEvent.groupBy({ by: ['entityId'], where: { entityType: 'Application', entityId: { in: mine } }, _count: true });
      const lines = await restoredDb.lineItem.groupBy({ by: ['applicationId'], where: { applicationId: { in: mine } }, _count: true });
      expect(runs.length).toBe(mine.length);
      expect(lines.length).toBe(mine.length);
      expect(audits.filter((a) => a._count === 2).length).toBe(mine.length); // APPLICATION_SUBMITTED + SCREENING_COMPLETED
      // No half submission: every run in the restored database has its application's audit rows.
      expect(await verifyAuditChain(restoredDb)).toMatchObject({ ok: true });
      // The sequences continue after the restored rows: a new audit row and a new reference work.
      const nextSeq = await restoredDb.$queryRawUnsafe<{ n: bigint }[]>(`SELECT nextval(pg_get_serial_sequence('"AuditEvent"', 'seq')) AS n`);
      const maxSeq = await restoredDb.auditEvent.aggregate({ _max: { seq: true } });
      expect(nextSeq[0]!.n > maxSeq._max.seq!).toBe(true);
    } finally {
      await restoredDb.$disconnect();
    }

    // Row counts equal the backup's, table by table.
    const { readBackupManifest } = await import('@/lib/records/restore');
    const manifest: TBackupManifest = await readBackupManifest(file);
    const tables = manifest.tables.filter((t) => t.name !== '_prisma_migrations');
    const after = await counts(
      target,
      tables.map((t) => t.name),
    );
    expect(after).toEqual(Object.fromEntries(tables.map((t) => [t.name, t.rows])));
    expect(manifest.tables.find((t) => t.name === 'Application')!.rows).toBeGreaterThanOrEqual(20);

    // A second restore into the now non-empty database is refused, and changes nothing.
    const again = await cli('scripts/db-restore.ts', [file], { ...process.env, DATABASE_URL: target });
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/REFUSED: The target database is not empty/);
    expect(await counts(target, ['Application'])).toEqual({ Application: after.Application });
  });

  it('refuses to restore a damaged backup (a table that does not match its checksum)', async () => {
    const { backupDatabase } = await import('@/lib/records/backup');
    const { restoreDatabase } = await import('@/lib/records/restore');
    const file = path.join(tmp, 'damaged-source.zip');
    await backupDatabase(process.env.DATABASE_URL!, { file });
    // Rewrite the archive with one changed row in Organization (yazl/yauzl round trip).
    const yazl = (await import('yazl')).default;
    const { openZipFile } = await import('@/lib/records/archive');
    const zip = await openZipFile(file);
    const out = new yazl.ZipFile();
    for (const name of zip.entries.keys()) {
      let data = await zip.read(name);
      if (name === 'tables/Organization.copy') data = Buffer.from(data.toString('utf8').replace(/Org /, 'Orh '));
      out.addBuffer(data, name);
    }
    zip.close();
    out.end();
    const damaged = path.join(tmp, 'damaged.zip');
    await new Promise<void>((resolve) => out.outputStream.pipe(fs.createWriteStream(damaged)).on('close', () => resolve()));
    const target = otherDatabase('damaged');
    await recreateDatabase(target);
    await expect(restoreDatabase(target, damaged)).rejects.toThrow(/tables\/Organization\.copy does not match the manifest/);
    // Nothing half-restored: the data transaction rolled back.
    expect(await counts(target, ['Organization', 'AuditEvent'])).toEqual({ Organization: 0, AuditEvent: 0 });
  });
});

describe("auditor's bundle", () => {
  async function decidedCase() {
    const exporter = await createUser('EXPORTER');
    const officer = await createUser('OFFICER');
    const { id } = await submitAndScreen({ actor: exporter, input: application() });
    const { version } = await db.application.findUniqueOrThrow({ where: { id }, select: { version: true } });
    await decideCase({ actor: officer, decision: { type: 'APPROVE', caseId: id, expectedVersion: version, note: 'Commercial end user, EAR99' } });
    return { id, exporter, officer };
  }

  it('holds the case with its proof, verifies offline, and fails after any one changed byte', async () => {
    const { id, exporter, officer } = await decidedCase();
    const bundle = await buildCaseBundle(officer, id);
    const verified = await verifyBundle(bundle.bytes);
    expect(verified).toMatchObject({ ok: true, format: 'clearance-case-bundle', cases: 1 });
    if (!verified.ok) return;
    // submitted + screened + approved + the export itself
    expect(verified.auditRows).toBe(4);

    const { openZipBuffer } = await import('@/lib/records/archive');
    const zip = await openZipBuffer(bundle.bytes);
    const names = [...zip.entries.keys()];
    expect(names).toEqual(
      expect.arrayContaining([
        'application.json',
        'runs/01-submit.json',
        'decisions.json',
        'messages.json',
        'decision-record.pdf',
        'audit/events.json',
        'audit/anchors.json',
        'manifest.json',
      ]),
    );
    const run = JSON.parse((await zip.read('runs/01-submit.json')).toString('utf8'));
    expect(run.ruleSetVersion.label).toMatch(/\S/);
    expect(run.ruleSetVersion.datasets.length).toBeGreaterThan(0);
    expect(run.input.lineItems[0].eccn).toBe('EAR99');
    const decisions = JSON.parse((await zip.read('decisions.json')).toString('utf8'));
    // The case decision and the line item's own decision (a single-item approval records both).
    expect(decisions).toHaveLength(2);
    expect(decisions).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'APPROVE', officer: expect.objectContaining({ id: officer.id }) })]));
    expect(decisions.every((d: { type: string }) => d.type === 'APPROVE')).toBe(true);
    expect((await zip.read('decision-record.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    zip.close();

    // Any one byte changed — first, in the middle of the data, in the central directory, the seal — fails.
    for (const at of [0, 100, Math.floor(bundle.bytes.length / 2), bundle.bytes.length - 200, bundle.bytes.length - 30, bundle.bytes.length - 1]) {
      const changed = Buffer.from(bundle.bytes);
      changed[at] = changed[at]! ^ 0x01;
      const result = await verifyBundle(changed);
      expect(result.ok, `byte ${at} of ${bundle.bytes.length}`).toBe(false);
    }

    // The CLI verifies without any database (no DATABASE_URL, embedded server port closed).
    const file = path.join(tmp, bundle.fileName);
    fs.writeFileSync(file, bundle.bytes);
    const { DATABASE_URL: _url, ...rest } = process.env;
    const noDb = { ...rest, EMBEDDED_PG_PORT: '1' };
    const ok = await cli('scripts/audit-verify.ts', ['--bundle', file], noDb);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Bundle verified: CLR-\d{4}-\d+ — 1 case\(s\), \d+ file\(s\), 4 audit row\(s\)/);
    const bytes = fs.readFileSync(file);
    const third = Math.floor(bytes.length / 3);
    bytes[third] = bytes[third]! ^ 0x20;
    fs.writeFileSync(file, bytes);
    const bad = await cli('scripts/audit-verify.ts', ['--bundle', file], noDb);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Bundle NOT verified/);

    // Exporters cannot take a bundle, even of their own case.
    await expect(buildCaseBundle(exporter, id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('detects an audit row edited inside the bundle even when the manifest and seal are recomputed', async () => {
    const { id, officer } = await decidedCase();
    const bundle = await buildCaseBundle(officer, id);
    const { openZipBuffer } = await import('@/lib/records/archive');
    const { sealedZip } = await import('@/lib/data/records');
    const zip = await openZipBuffer(bundle.bytes);
    const files: [string, Buffer][] = [];
    for (const name of zip.entries.keys()) {
      if (name === 'manifest.json') continue;
      let data = await zip.read(name);
      if (name === 'audit/events.json') data = Buffer.from(data.toString('utf8').replace('"APPLICATION_SUBMITTED"', '"APPLICATION_WITHDRAWN"'));
      files.push([name, data]);
    }
    const { files: _old, ...manifest } = JSON.parse((await zip.read('manifest.json')).toString('utf8'));
    zip.close();
    const forged = await sealedZip(files, manifest, new Date());
    const result = await verifyBundle(forged);
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/does not match its hash: it was edited/) });
  });

  it('exports a whole organisation for a date range as a background job with progress', async () => {
    const org = await createOrganization();
    const exporter = await createUser('EXPORTER', { organizationId: org.id });
    const admin = await createUser('ADMIN');
    const officer = await createUser('OFFICER');
    for (let i = 0; i < 3; i++) await submitAndScreen({ actor: exporter, input: application() });
    const today = new Date().toISOString().slice(0, 10);
    await expect(startOrgExport(officer, { organizationId: org.id, from: today, to: today })).rejects.toBeInstanceOf(AppError);
    const { jobId } = await startOrgExport(admin, { organizationId: org.id, from: today, to: today });
    // Run queued jobs in this process until ours has finished.
    for (let i = 0; i < 10; i++) {
      const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
      if (job.status === 'SUCCEEDED' || job.status === 'FAILED') break;
      await runOneJob('records-test');
    }
    const [view] = (await listOrgExports(admin)).filter((j) => j.id === jobId);
    expect(view).toMatchObject({ status: 'SUCCEEDED', done: 3, total: 3, cases: 3 });
    const file = path.join(exportDir(), view!.file!);
    const verified = await verifyBundle(fs.readFileSync(file));
    expect(verified).toMatchObject({ ok: true, format: 'clearance-org-export', cases: 3 });
    fs.rmSync(file, { force: true });
  });
});

describe('retention', () => {
  it('refuses to delete applications, screening runs and decisions at the database', async () => {
    const exporter = await createUser('EXPORTER');
    const { id } = await submitAndScreen({ actor: exporter, input: application() });
    await expect(db.screeningRun.deleteMany({ where: { applicationId: id } })).rejects.toThrow(/kept for five years/);
    await expect(db.application.delete({ where: { id } })).rejects.toThrow(/kept for five years/);
    expect(await db.application.count({ where: { id } })).toBe(1);
  });

  it('shows admins the oldest record and the last backup, warning when it is older than the setting', async () => {
    const admin = await createUser('ADMIN');
    const officer = await createUser('OFFICER');
    await expect(recordsOverview(officer)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await db.backupRecord.create({
      data: { startedAt: new Date(), file: '/backups/test.zip', bytes: 1234n, sha256: '0'.repeat(64), schemaVersion: 'test', tables: 1, rows: 1n },
    });
    const now = await recordsOverview(admin);
    expect(now.oldestApplication).not.toBeNull();
    expect(now.lastBackup).not.toBeNull();
    expect(now.backupOverdue).toBe(false);
    const later = await recordsOverview(admin, new Date(Date.now() + 25 * 3600_000));
    expect(later.backupOverdue).toBe(true);
  });
});
