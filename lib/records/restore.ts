// Restores a backup made by lib/records/backup.ts into an empty database:
//   1. check the target is empty (no rows in any table) — or, when forced, drop its schema;
//   2. build the schema the backup was taken at by applying this repository's migrations up to the
//      recorded one (a backup from a newer version than this checkout is refused);
//   3. in ONE transaction: drop foreign keys, COPY every table back (each checked against its row
//      count and SHA-256), re-create the foreign keys (which re-validates every reference), set the
//      sequences; each table's own triggers are off while it loads (no derived rows are added; COPY only inserts);
//   4. `prisma migrate deploy` for migrations newer than the backup;
//   5. verify the audit hash chain and the row counts.
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { MIGRATIONS_TABLE, MIGRATIONS_TABLE_DDL } from '@/prisma/engine/migrations-table.mjs';
import { bin, run } from '@/scripts/lib/run';
import { appliedMigrations, openZipFile, quoteIdent, Tally } from './archive';
import { BACKUP_FORMAT, listTables, type TBackupManifest } from './backup';

export type TRestoreResult = { tables: number; rows: number; pendingMigrations: number; auditRows: number; ms: number };

const MIGRATIONS_DIR = path.resolve('prisma/migrations');

export class RestoreRefused extends Error {}

const seconds = (from: number, to: number) => `${((to - from) / 1000).toFixed(1)} s`;

/** Tables of the current schema holding at least one row (other than Prisma's migration history). */
export async function nonEmptyTables(client: pg.ClientBase): Promise<string[]> {
  const found: string[] = [];
  for (const table of await listTables(client)) {
    if (table.name === MIGRATIONS_TABLE) continue;
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

export async function restoreDatabase(url: string, file: string, options: { force?: boolean; log?: (line: string) => void } = {}): Promise<TRestoreResult> {
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
      throw new RestoreRefused(
        `The backup was taken at a newer schema than this checkout knows (${missing.join(', ')}): restore it with the Clearance version that made it, or a newer one.`,
      );
    }

    // 1. An empty target (or a forced one, emptied).
    const filled = await nonEmptyTables(client);
    if (filled.length && !options.force) {
      throw new RestoreRefused(
        `The target database is not empty (${filled.length} table(s) hold rows: ${filled.slice(0, 5).join(', ')}${filled.length > 5 ? ', …' : ''}). Restore into an empty database, or pass --force to replace its contents.`,
      );
    }
    const schema = (await client.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s;
    if ((await listTables(client)).length || (await appliedMigrations(client)).length) {
      log(filled.length ? `Replacing the contents of schema "${schema}" (--force).` : `Dropping the empty schema "${schema}" to rebuild it.`);
      await client.query(`DROP SCHEMA ${quoteIdent(schema)} CASCADE; CREATE SCHEMA ${quoteIdent(schema)}`);
    }

    // 2. The schema as it was at backup time.
    await client.query(MIGRATIONS_TABLE_DDL); // its rows come back with the data, as backup copied them
    for (const migration of manifest.migrations) {
      await client.query(fs.readFileSync(path.join(MIGRATIONS_DIR, migration, 'migration.sql'), 'utf8'));
    }
    log(`Schema built at ${manifest.schemaVersion} (${manifest.migrations.length} migration(s)).`);
    const schemaBuilt = Date.now();

    // 3. The data, in one transaction.
    await client.query('BEGIN');
    const fks = await client.query<{ table_name: string; name: string; def: string }>(`
      SELECT conrelid::regclass::text AS table_name, conname AS name, pg_get_constraintdef(oid) AS def
      FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace`);
    for (const fk of fks.rows) await client.query(`ALTER TABLE ${fk.table_name} DROP CONSTRAINT ${quoteIdent(fk.name)}`);
    // Like pg_restore: load into bare tables, build the indexes once afterwards (primary keys stay).
    const indexes = await client.query<{ name: string; def: string }>(`
      SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
      FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
      WHERE c.relnamespace = current_schema()::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`);
    for (const index of indexes.rows) await client.query(`DROP INDEX ${index.name}`);
    await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    let rows = 0;
    for (const table of manifest.tables) {
      const tally = new Tally();
      // The rows come back exactly as they were backed up: triggers that derive data on insert (the
      // membership history kept from User, the search text) must not add to them. COPY only inserts,
      // so the append-only guards (UPDATE/DELETE) lose nothing by being off for the load.
      await client.query(`ALTER TABLE ${quoteIdent(table.name)} DISABLE TRIGGER USER`);
      const sink = client.query(copyFrom(`COPY ${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(', ')}) FROM STDIN`));
      await pipeline(await zip.open(table.entry), tally, sink);
      await client.query(`ALTER TABLE ${quoteIdent(table.name)} ENABLE TRIGGER USER`);
      if (tally.lines !== table.rows || tally.digest() !== table.sha256) {
        throw new Error(`${table.entry} does not match the manifest (${tally.lines} row(s) read, ${table.rows} recorded): the backup file is damaged.`);
      }
      rows += table.rows;
      if (table.rows) log(`  ${table.name}: ${table.rows} row(s)`);
    }
    const loaded = Date.now();
    for (const index of indexes.rows) await client.query(index.def);
    const indexed = Date.now();
    for (const fk of fks.rows) await client.query(`ALTER TABLE ${fk.table_name} ADD CONSTRAINT ${quoteIdent(fk.name)} ${fk.def}`);
    log(
      `Data loaded in ${seconds(schemaBuilt, loaded)}; ${indexes.rows.length} index(es) built in ${seconds(loaded, indexed)}; ${fks.rows.length} foreign key(s) checked in ${seconds(indexed, Date.now())}.`,
    );
    for (const seq of manifest.sequences) {
      await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [quoteIdent(seq.name), seq.lastValue, seq.isCalled]);
    }
    await client.query('COMMIT');
    const committed = Date.now();

    // 4. Migrations newer than the backup.
    const before = (await appliedMigrations(client)).length;
    const local = fs.readdirSync(MIGRATIONS_DIR).filter((m) => fs.existsSync(path.join(MIGRATIONS_DIR, m, 'migration.sql')));
    if (local.some((m) => !manifest.migrations.includes(m))) {
      await run(bin('prisma'), ['migrate', 'deploy'], { env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'ignore', 'inherit'] });
    }
    const pendingMigrations = (await appliedMigrations(client)).length - before;
    const migrated = Date.now();

    // 5. Row counts and the audit chain.
    for (const table of manifest.tables) {
      const { rows: counted } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quoteIdent(table.name)}`);
      const n = Number(counted[0]!.n);
      // the history also holds the migrations deployed in step 4
      if (table.name !== MIGRATIONS_TABLE && n !== table.rows) throw new Error(`${table.name}: ${n} row(s) after restore, ${table.rows} in the backup.`);
    }
    const { createDb } = await import('@/lib/db');
    const { verifyAuditChain } = await import('@/lib/data/audit');
    const db = createDb(url, 2);
    try {
      const verifying = Date.now();
      const verified = await verifyAuditChain(db);
      if (!verified.ok) throw new Error(`Audit chain BROKEN after restore at seq=${verified.brokenAt}: ${verified.reason}.`);
      log(
        `Pending migrations in ${seconds(committed, migrated)}; row counts checked in ${seconds(migrated, verifying)}; audit chain verified in ${seconds(verifying, Date.now())}.`,
      );
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
