// Where the embedded PostgreSQL server lives and how to reach it. No side effects: safe to import
// from prisma.config.ts, scripts and the app. The server itself is managed by lib/embedded-postgres.ts.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const EMBEDDED_USER = 'postgres';
export const EMBEDDED_PASSWORD = 'clearance-local';
export const EMBEDDED_DATABASE = 'clearance';

/**
 * The server's port: EMBEDDED_PG_PORT, else one derived from the project's path (54330–55329), so two
 * checkouts on one machine each get their own server instead of fighting over one port.
 */
export function embeddedPort(): number {
  const raw = process.env.EMBEDDED_PG_PORT;
  const port = raw ? Number(raw) : defaultPortFor(projectRoot());
  if (!Number.isInteger(port) || port < 1024 || port > 65535) {
    throw new Error(`EMBEDDED_PG_PORT must be a port number between 1024 and 65535, got "${raw}"`);
  }
  return port;
}

export function defaultPortFor(root: string): number {
  const n = createHash('sha256').update(path.resolve(/*turbopackIgnore: true*/ root)).digest().readUInt32BE(0);
  return 54330 + (n % 1000);
}

/** Where data and binaries go when the project folder is private to root (Linux: /var/lib/clearance). */
export function fallbackBase(): string {
  return os.platform() === 'linux' ? '/var/lib/clearance' : path.join(os.tmpdir(), 'clearance');
}

export function projectRoot(): string {
  return process.env.CLEARANCE_ROOT ?? process.cwd();
}

/** True when every parent directory of `dir` can be entered by other users (the server runs as `postgres` when we are root). */
export function traversableByOthers(dir: string): boolean {
  let current = path.resolve(dir);
  for (;;) {
    try {
      const st = fs.statSync(current);
      if ((st.mode & 0o001) === 0) return false;
    } catch {
      // not created yet: its parent decides
    }
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

export type TEmbeddedLocation = { dataDir: string; fallbackReason: string | null };

/**
 * The data directory: EMBEDDED_PG_DIR if set, else `<project>/.data/postgres`. When running as root the
 * server runs as the `postgres` user, which must be able to reach the directory; if the project sits
 * under a private folder (e.g. /root), fall back to /var/lib/clearance/<project hash>/postgres.
 */
export function embeddedLocation(): TEmbeddedLocation {
  if (process.env.EMBEDDED_PG_DIR) return { dataDir: path.resolve(process.env.EMBEDDED_PG_DIR), fallbackReason: null };
  const root = projectRoot();
  const inProject = path.join(/*turbopackIgnore: true*/ root, '.data', 'postgres');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || traversableByOthers(root)) return { dataDir: inProject, fallbackReason: null };
  const hash = createHash('sha256').update(path.resolve(/*turbopackIgnore: true*/ root)).digest('hex').slice(0, 12);
  const base = fallbackBase();
  return {
    dataDir: path.join(base, hash, 'postgres'),
    fallbackReason: `${root} is not reachable by the 'postgres' system user the server runs as (we are root), so the data lives in ${path.join(base, hash)}. Set EMBEDDED_PG_DIR to choose another place.`,
  };
}

export function embeddedDatabaseUrl(database = EMBEDDED_DATABASE): string {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${embeddedPort()}/${database}`;
}
