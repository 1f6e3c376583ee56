// Restores a backup made by lib/records/backup.ts into an empty database:
//   1. check the target is empty (no rows in any table) — or, when forced, drop its schema;
//   2. build the schema the backup was taken at by applying this repository's migrations up to the
//      recorded one (a backup from a newer version than this checkout is refused);
//   3. in ONE transaction: drop foreign keys, COPY every table back (each checked against its row
//      count and SHA-256), re-create the foreign keys (which re-validates every reference), set the
//      sequences; the audit log's append-only triggers stay on (COPY only inserts);
//   4. `prisma migrate deploy` for migrations newer than the backup;
//   5. verify the audit hash chain and the row counts.
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { bin, run } from '@/scripts/lib/run';
import { appliedMigrations, openZipFile, quoteIdent, Tally } from './archive';
import { BACKUP_FORMAT, listTables, type TBackupManifest } from './backup';

export type TRestoreResult = { tables: number; rows: number; pendingMigrations: number; auditRows: number; ms: number };

const MIGRATIONS_DIR = path.resolve('prisma/migrations');

// The table Prisma keeps its migration history in (its layout has been stable since Prisma 2).
const PRISMA_MIGRATIONS_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export class RestoreRefused extends Error {}

/** Tables of the current schema holding at least one row (other than Prisma's migration history). */
export async function nonEmptyTables(client: pg.ClientBase): Promise<string[]> {
  const found: string[] = [];
  for (const table of await listTables(client)) {
    if (table.name === '_prisma_migrations') continue;
    const { rowCount } = await client.query(`SELECT 1 FROM ${quoteIdent(table.name)} LIMIT 1`);
    if (rowCount) found.push(table.name);
  }
  return found;
}

export async function readBackupManifest(file: string): Promise<TBackupManifest> {
  const zip = await openZipFile(file);
  try {
    const manifest = JSON.parse((await zip.read('manifest.json')).toString('utf8')) as TBackupManifest;
    if (manifest.format !== BACKUP_FORMAT) throw new Error(`${file} is not a Clearance backup.`);
    return manifest;
  } finally {
    zip.close();
  }
}

export async function restoreDatabase(
  url: string,
  file: string,
  options: { force?: boolean; log?: (line: string) => void } = {},
): Promise<TRestoreResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const zip = await openZipFile(file);
  const client = new pg.Client({ connectionString: url, application_name: 'clearance-restore' });
  await client.connect();
  try {
    const manifest = JSON.parse((await zip.read('manifest.json')).toString('utf8')) as TBackupManifest;
    if (manifest.format !== BACKUP_FORMAT || manifest.formatVersion !== 1) throw new Error(`${file} is not a Clearance backup this version can read.`);
    const missing = manifest.migrations.filter((m) => !fs.existsSync(path.join(MIGRATIONS_DIR, m, 'migration.sql')));
    if (missing.length) {
      throw new RestoreRefused(`The backup was taken at a newer schema than this checkout knows (${missing.join(', ')}): restore it with the Clearance version that made it, or a newer one.`);
    }

    // 1. An empty target (or a forced one, emptied).
    const filled = await nonEmptyTables(client);
    if (filled.length && !options.force) {
      throw new RestoreRefused(`The target database is not empty (${filled.length} table(s) hold rows: ${filled.slice(0, 5).join(', ')}${filled.length > 5 ? ', …' : ''}). Restore into an empty database, or pass --force to replace its contents.`);
    }
    const schema = (await client.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s;
    if ((await listTables(client)).length || (await appliedMigrations(client)).length) {
      log(filled.length ? `Replacing the contents of schema "${schema}" (--force).` : `Dropping the empty schema "${schema}" to rebuild it.`);
      await client.query(`DROP SCHEMA ${quoteIdent(schema)} CASCADE; CREATE SCHEMA ${quoteIdent(schema)}`);
    }

    // 2. The schema as it was at backup time.
    await client.query(PRISMA_MIGRATIONS_DDL);
    for (const migration of manifest.migrations) {
      await client.query(fs.readFileSync(path.join(MIGRATIONS_DIR, migration, 'migration.sql'), 'utf8'));
    }
    log(`Schema built at ${manifest.schemaVersion} (${manifest.migrations.length} migration(s)).`);

    // 3. The data, in one transaction.
    await client.query('BEGIN');
    const fks = await client.query<{ table_name: string; name: string; def: string }>(`
      SELECT conrelid::regclass::text AS table_name, conname AS name, pg_get_constraintdef(oid) AS def
      FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace`);
    for (const fk of fks.rows) await client.query(`ALTER TABLE ${fk.table_name} DROP CONSTRAINT ${quoteIdent(fk.name)}`);
    let rows = 0;
    for (const table of manifest.tables) {
      const tally = new Tally();
      const sink = client.query(copyFrom(`COPY ${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(', ')}) FROM STDIN`));
      await pipeline(await zip.open(table.entry), tally, sink);
      if (tally.lines !== table.rows || tally.digest() !== table.sha256) {
        throw new Error(`${table.entry} does not match the manifest (${tally.lines} row(s) read, ${table.rows} recorded): the backup file is damaged.`);
      }
      rows += table.rows;
      if (table.rows) log(`  ${table.name}: ${table.rows} row(s)`);
    }
    for (const fk of fks.rows) await client.query(`ALTER TABLE ${fk.table_name} ADD CONSTRAINT ${quoteIdent(fk.name)} ${fk.def}`);
    for (const seq of manifest.sequences) {
      await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [quoteIdent(seq.name), seq.lastValue, seq.isCalled]);
    }
    await client.query('COMMIT');

    // 4. Migrations newer than the backup.
    const before = (await appliedMigrations(client)).length;
    await run(bin('prisma'), ['migrate', 'deploy'], { env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'ignore', 'inherit'] });
    const pendingMigrations = (await appliedMigrations(client)).length - before;

    // 5. Row counts and the audit chain.
    for (const table of manifest.tables) {
      const { rows: counted } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quoteIdent(table.name)}`);
      const n = Number(counted[0]!.n);
      if (table.name !== '_prisma_migrations' && n !== table.rows) throw new Error(`${table.name}: ${n} row(s) after restore, ${table.rows} in the backup.`);
    }
    const { createDb } = await import('@/lib/db');
    const { verifyAuditChain } = await import('@/lib/data/audit');
    const db = createDb(url, 2);
    try {
      const verified = await verifyAuditChain(db);
      if (!verified.ok) throw new Error(`Audit chain BROKEN after restore at seq=${verified.brokenAt}: ${verified.reason}.`);
      return { tables: manifest.tables.length, rows, pendingMigrations, auditRows: verified.rows, ms: Date.now() - started };
    } finally {
      await db.$disconnect();
    }
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    zip.close();
    await client.end().catch(() => undefined);
  }
}
