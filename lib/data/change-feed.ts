// Invalidation for in-memory caches of database rows, across app instances. Triggers on the cached
// tables (migration 20261202070000_change_feed) NOTIFY "clearance_changed" at commit; each process
// LISTENs on one dedicated connection and moves a generation counter on every notification. A cache
// entry remembers the generation it was read at and is served only while the generation has not
// moved, so one notification drops every entry at once.
//
// Fails closed: until the listener is connected (and whenever it drops), changeFeedReady() is false
// and caches must read the database. The data layer also calls noteLocalChange() after committing a
// change to those tables, so this process never serves its own write stale, not even for the
// millisecond the notification takes to arrive. `DB_CHANGE_FEED=0` turns caching off (a pooler in
// transaction mode, e.g. PgBouncer, does not deliver notifications to a LISTEN it forwarded).
import 'server-only';
import pg from 'pg';
import { databaseUrl } from '@/lib/db';
import { processSingleton } from '@/lib/process-singleton';

export const CHANGE_CHANNEL = 'clearance_changed';
/** After the listener fails, wait this long before connecting again (caches read the database meanwhile). */
const RETRY_MS = 5_000;

type TFeed = { generation: number; ready: boolean; client: pg.Client | null; retryAt: number };
const feed = processSingleton<TFeed>('change-feed', () => ({ generation: 0, ready: false, client: null, retryAt: 0 }));

/** The current generation: moves on every notification, every local change, and when the listener connects or drops. */
export const changeGeneration = (): number => feed.generation;

/** This process committed a change to a cached table: entries read before it are stale now. */
export function noteLocalChange(): void {
  feed.generation += 1;
}

function lost(client: pg.Client) {
  if (feed.client !== client) return;
  feed.ready = false;
  feed.client = null;
  feed.generation += 1;
  feed.retryAt = Date.now() + RETRY_MS;
  client.end().catch(() => undefined);
}

async function connect(): Promise<void> {
  // TCP keepalives from 10 s idle: a server that vanished without closing the connection is noticed
  // by the kernel's probes, not never (and each cached entry is served for 30 s at most, api-keys.ts).
  const client = new pg.Client({ connectionString: databaseUrl(), keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
  feed.client = client;
  client.on('error', () => lost(client));
  client.on('end', () => lost(client));
  client.on('notification', (msg) => {
    if (msg.channel === CHANGE_CHANNEL) feed.generation += 1;
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    // A connection that only waits for notifications must not keep a script or test process alive.
    (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
    if (feed.client !== client) return;
    // Anything read before LISTEN took effect may have missed its notification.
    feed.generation += 1;
    feed.ready = true;
  } catch {
    lost(client);
  }
}

/**
 * Whether caches may serve entries now: true once the listener is connected. The first call (and
 * the first after a failure, RETRY_MS later) starts connecting and answers false meanwhile.
 */
export function changeFeedReady(): boolean {
  if (feed.ready) return true;
  if (process.env.DB_CHANGE_FEED === '0') return false;
  if (!feed.client && Date.now() >= feed.retryAt) void connect();
  return false;
}

/** The listening connection, or null (tests: holding it in a transaction delays its notifications). */
export const changeFeedClient = (): pg.Client | null => (feed.ready ? feed.client : null);

/** Closes the listener (tests; a process that is shutting down). Caches read the database afterwards until it reconnects. */
export async function closeChangeFeed(): Promise<void> {
  const client = feed.client;
  if (!client) return;
  lost(client);
  feed.retryAt = 0;
  await client.end().catch(() => undefined);
}
