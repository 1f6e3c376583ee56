// Logical backup of the whole database from Node, so it works against any server version (the
// embedded PostgreSQL 18 ships no pg_dump, and the machine's pg_dump 15 refuses a newer server).
// One connection, one REPEATABLE READ READ ONLY transaction: every table is copied from the same
// snapshot, so a submission committed during the backup is either wholly in it or wholly after it.
// Each table is streamed with COPY (text format, version-independent) into a zip entry; the last
// entry is manifest.json (schema version, columns, row counts, SHA-256 per table, sequences).
// See docs/decisions/017-backup-and-restore.md.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import yazl from 'yazl';
import { appliedMigrations, quoteIdent, Tally } from './archive';

export const BACKUP_FORMAT = 'clearance-backup';
export const BACKUP_FORMAT_VERSION = 1;

export type TBackupTable = { name: string; columns: string[]; rows: number; bytes: number; sha256: string; entry: string };
export type TBackupSequence = { name: string; lastValue: string; isCalled: boolean };
export type TBackupManifest = {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  startedAt: string;
  snapshotAt: string;
  serverVersion: string;
  schema: string;
  schemaVersion: string;
  migrations: string[];
  tables: TBackupTable[];
  sequences: TBackupSequence[];
};

export type TBackupResult = { file: string; bytes: number; sha256: string; manifest: TBackupManifest; ms: number };

/** Tables of the current schema (including _prisma_migrations), in a stable order. */
export async function listTables(client: pg.ClientBase): Promise<{ name: string; columns: string[] }[]> {
  const { rows } = await client.query<{ table_name: string; columns: string[] }>(`
    SELECT c.table_name, array_agg(c.column_name::text ORDER BY c.ordinal_position) AS columns
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.is_generated = 'NEVER'
    GROUP BY c.table_name ORDER BY c.table_name`);
  return rows.map((r) => ({ name: r.table_name, columns: r.columns }));
}

export function defaultBackupFile(schemaVersion: string, now = new Date(), dir = 'backups'): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return path.join(dir, `${stamp}-${schemaVersion}.clearance-backup.zip`);
}

/**
 * Writes a backup of the database at `url` to `file` (default backups/<time>-<schema version>…).
 * The file appears under its name only when complete (written to <file>.partial, then renamed).
 */
export async function backupDatabase(url: string, options: { file?: string; log?: (line: string) => void } = {}): Promise<TBackupResult> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const log = options.log ?? (() => undefined);
  const client = new pg.Client({ connectionString: url, application_name: 'clearance-backup' });
  await client.connect();
  let partial: string | null = null;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await listTables(client);
    if (tables.length === 0) throw new Error('The database has no tables: nothing to back up (run npm run db:migrate first?).');
    // Keep DDL (a migration) from changing a table while we copy it, as pg_dump does.
    await client.query(`LOCK TABLE ${tables.map((t) => quoteIdent(t.name)).join(', ')} IN ACCESS SHARE MODE`);
    const meta = await client.query<{ now: Date; version: string; schema: string }>(
      "SELECT now() AS now, current_setting('server_version') AS version, current_schema() AS schema",
    );
    const migrations = await appliedMigrations(client);
    const schemaVersion = migrations.at(-1) ?? 'unmigrated';
    const file = path.resolve(options.file ?? defaultBackupFile(schemaVersion));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    partial = `${file}.partial`;

    const zip = new yazl.ZipFile();
    const out = fs.createWriteStream(partial);
    const fileHash = createHash('sha256');
    let fileBytes = 0;
    const written = pipeline(
      zip.outputStream,
      new PassThrough({
        transform(chunk: Buffer, _enc, done) {
          fileHash.update(chunk);
          fileBytes += chunk.length;
          done(null, chunk);
        },
      }),
      out,
    );
    const mtime = new Date(started);
    const done: TBackupTable[] = [];
    for (const table of tables) {
      const entry = `tables/${table.name}.copy`;
      const tally = new Tally();
      const body = new PassThrough();
      zip.addReadStream(body, entry, { mtime, compress: true });
      const columns = table.columns.map(quoteIdent).join(', ');
      const source = client.query(copyTo(`COPY ${quoteIdent(table.name)} (${columns}) TO STDOUT`));
      await pipeline(source, tally, body);
      done.push({ name: table.name, columns: table.columns, rows: tally.lines, bytes: tally.bytes, sha256: tally.digest(), entry });
      log(`  ${table.name}: ${tally.lines} row(s)`);
    }
    const sequences = await client.query<{ name: string }>(
      `SELECT sequence_name AS name FROM information_schema.sequences WHERE sequence_schema = current_schema() ORDER BY sequence_name`,
    );
    const seqValues: TBackupSequence[] = [];
    for (const { name } of sequences.rows) {
      const { rows } = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text, is_called FROM ${quoteIdent(name)}`);
      seqValues.push({ name, lastValue: rows[0]!.last_value, isCalled: rows[0]!.is_called });
    }
    await client.query('COMMIT');
    const manifest: TBackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      startedAt,
      snapshotAt: meta.rows[0]!.now.toISOString(),
      serverVersion: meta.rows[0]!.version,
      schema: meta.rows[0]!.schema,
      schemaVersion,
      migrations,
      tables: done,
      sequences: seqValues,
    };
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), 'manifest.json', { mtime });
    zip.end();
    await written;
    await fs.promises.rename(partial, file);
    partial = null;
    return { file, bytes: fileBytes, sha256: fileHash.digest('hex'), manifest, ms: Date.now() - started };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (partial) fs.rmSync(partial, { force: true });
    throw err;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Records a finished backup (admin records page) with its audit row, in one transaction. */
export async function recordBackup(url: string, result: TBackupResult): Promise<void> {
  const { createDb } = await import('@/lib/db');
  const { appendAudit } = await import('@/lib/data/audit');
  const db = createDb(url, 1);
  try {
    const rows = result.manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    await db.$transaction(async (tx) => {
      const row = await tx.backupRecord.create({
        data: {
          startedAt: new Date(result.manifest.startedAt),
          file: result.file,
          bytes: BigInt(result.bytes),
          sha256: result.sha256,
          schemaVersion: result.manifest.schemaVersion,
          tables: result.manifest.tables.length,
          rows: BigInt(rows),
          host: os.hostname(),
        },
      });
      await appendAudit(tx, {
        actor: null,
        action: 'BACKUP_CREATED',
        entityType: 'BackupRecord',
        entityId: row.id,
        data: { file: result.file, bytes: result.bytes, sha256: result.sha256, schemaVersion: result.manifest.schemaVersion, rows },
      });
    });
  } finally {
    await db.$disconnect();
  }
}
