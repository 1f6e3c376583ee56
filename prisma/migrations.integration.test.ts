// The committed migrations apply cleanly to an empty database on the server under test (embedded
// PostgreSQL 18 by default, PostgreSQL 15 in CI's second pass) and match schema.prisma exactly.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

const base = new URL(process.env.DATABASE_URL!);
const name = `clearance_migrations_${randomUUID().slice(0, 8)}`;
const url = Object.assign(new URL(base.toString()), { pathname: `/${name}` }).toString();

function prisma(...args: string[]) {
  return spawnSync('node_modules/.bin/prisma', args, { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });
}

afterAll(async () => {
  const admin = new pg.Client({ connectionString: Object.assign(new URL(base.toString()), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

describe('migrations', () => {
  it('apply to a database that does not exist yet, report up to date, and leave no drift', () => {
    const deploy = prisma('migrate', 'deploy');
    expect(deploy.status, deploy.stderr + deploy.stdout).toBe(0);
    expect(deploy.stdout).toMatch(/successfully applied/);
    const status = prisma('migrate', 'status');
    expect(status.status, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/Database schema is up to date/);
    const diff = prisma('migrate', 'diff', '--from-config-datasource', '--to-schema', 'prisma/schema.prisma', '--exit-code');
    expect(diff.status, diff.stdout + diff.stderr).toBe(0);
  });
});
