// Test databases: a fresh, migrated, seeded database per test run, on the embedded server by
// default or on the server named by TEST_DATABASE_URL (CI runs the integration suite on both).
import type { StdioOptions } from 'node:child_process';
import pg from 'pg';
import { ensureEmbeddedPostgres } from '@/lib/embedded-postgres';
import { run, bin } from '../scripts/lib/run';

export type TTestDatabase = { url: string; stop: () => Promise<void> };

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function recreateDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Refusing to recreate a database named "${name}"`);
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

/** A fresh database `name` (dropped first), migrated with `prisma migrate deploy` and seeded (or, with `reuse`, the one already there). */
export async function prepareDatabase(name: string, options: { demoUsers: boolean; quiet?: boolean; reuse?: boolean }): Promise<TTestDatabase> {
  let url: string;
  let stopServer = async () => undefined as void;
  if (process.env.TEST_DATABASE_URL) {
    url = withDatabase(process.env.TEST_DATABASE_URL, name);
  } else {
    const server = await ensureEmbeddedPostgres({ database: 'postgres' });
    url = withDatabase(server.url, name);
    stopServer = server.stop;
  }
  // `reuse`: a benchmark run again on the database its last run prepared (migrated and seeded already).
  if (options.reuse) return { url, stop: stopServer };
  await recreateDatabase(url);
  // Tests make their own applications: no demo cases.
  const env = { ...process.env, DATABASE_URL: url, SEED_DEMO_USERS: options.demoUsers ? '1' : '0', SEED_DEMO_APPLICATIONS: '0' };
  const stdio: StdioOptions = options.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit';
  await run(bin('prisma'), ['migrate', 'deploy'], { env, stdio });
  await run(bin('tsx'), ['--conditions=react-server', 'prisma/seed.ts'], { env, stdio });
  return { url, stop: stopServer };
}
