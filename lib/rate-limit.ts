// Rate limits stored in the database (RateLimitCounter), so every app instance shares them.
// Each check counts the attempt and reads the result in ONE atomic statement (an upsert that
// increments and returns the count): N parallel requests get N distinct counts, so exactly `limit`
// of them pass — never "all checked before any was counted".
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { processSingleton } from '@/lib/process-singleton';

export type TLoginKeys = { email: string; ip: string | null };

const emailKey = (email: string) => `email:${email.toLowerCase()}`;
const keysOf = ({ email, ip }: TLoginKeys) => [emailKey(email), ...(ip ? [`ip:${ip}`] : [])];

/**
 * The client address. `forwardedFor` is the X-Forwarded-For header as the app sees it: the server
 * (lib/client-address.ts) replaces whatever the client sent with the socket address, keeping only
 * the entries the `trustedHops` proxies in front of the app added. So the entry `trustedHops` places
 * from the end is the client; with no trusted proxy it is the socket address.
 */
export function clientIpFrom(forwardedFor: string | null | undefined, trustedHops = env().TRUST_PROXY_HOPS): string | null {
  const chain = (forwardedFor ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return chain[Math.max(0, chain.length - 1 - trustedHops)] ?? null;
}

export type TCount = { count: number; weighted: number; windowStart: Date };

/**
 * Counts `points` against `key` in the current window and returns the sliding count: this window's
 * count plus the previous window's, weighted by the part of it still inside the sliding window
 * (rounded up: just after a window turns, its predecessor's failures still all count — fail closed).
 * One statement: the upsert takes the row lock, so parallel callers see 1, 2, 3, … in turn.
 */
export async function hit(key: string, windowSeconds: number, now = new Date(), points = 1): Promise<TCount> {
  const windowMs = windowSeconds * 1000;
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  const windowStart = new Date(start);
  const previousStart = new Date(start - windowMs);
  const [row] = await db.$queryRaw<{ count: number; previous: number }[]>`
    WITH cur AS (
      INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, ${points})
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + EXCLUDED."count"
      RETURNING "count"
    )
    SELECT cur."count"::int AS count,
           COALESCE((SELECT p."count" FROM "RateLimitCounter" p WHERE p."key" = ${key} AND p."windowStart" = ${previousStart}), 0)::int AS previous
    FROM cur`;
  const overlap = 1 - (now.getTime() - start) / windowMs;
  const count = row!.count;
  return { count, weighted: count + Math.ceil(row!.previous * overlap), windowStart };
}

/** The sliding count without counting anything. */
async function peek(key: string, windowSeconds: number, now = new Date()): Promise<number> {
  const windowMs = windowSeconds * 1000;
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  const rows = await db.rateLimitCounter.findMany({
    where: { key, windowStart: { in: [new Date(start), new Date(start - windowMs)] } },
    select: { windowStart: true, count: true },
  });
  const current = rows.find((r) => r.windowStart.getTime() === start)?.count ?? 0;
  const previous = rows.find((r) => r.windowStart.getTime() !== start)?.count ?? 0;
  return current + Math.ceil(previous * (1 - (now.getTime() - start) / windowMs));
}

/** When a window of `windowSeconds` that started at `windowStart` has slid far enough: its end. */
const secondsUntilWindowEnds = (windowStart: Date, windowSeconds: number, now: Date) =>
  Math.max(1, Math.ceil((windowStart.getTime() + windowSeconds * 1000 - now.getTime()) / 1000));

/**
 * Sign-in attempt gate: counts this attempt against the account and the address BEFORE the password
 * is checked (so 40 parallel guesses are 40 counts, and only the first `limit` are checked at all).
 * Returns minutes to wait when over a limit, else 0. A refused attempt takes its counts back (it is
 * not a failure and does not extend the lock); a successful sign-in too (settleLoginSuccess), so
 * only failed password checks stay counted.
 */
export async function takeLoginAttempt(keys: TLoginKeys, now = new Date()): Promise<number> {
  const { LOGIN_MAX_FAILURES, LOGIN_MAX_FAILURES_PER_IP, LOGIN_WINDOW_MINUTES } = env();
  const windowSeconds = LOGIN_WINDOW_MINUTES * 60;
  const hits = [];
  for (const key of keysOf(keys)) {
    const limit = key.startsWith('ip:') ? LOGIN_MAX_FAILURES_PER_IP : LOGIN_MAX_FAILURES;
    hits.push({ key, limit, ...(await hit(key, windowSeconds, now)) });
  }
  const over = hits.filter((h) => h.weighted > h.limit);
  if (over.length === 0) return 0;
  for (const h of hits) {
    await db.rateLimitCounter.updateMany({ where: { key: h.key, windowStart: h.windowStart, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
  }
  const waitSeconds = Math.max(...over.map((h) => secondsUntilWindowEnds(h.windowStart, windowSeconds, now)));
  return Math.max(1, Math.ceil(waitSeconds / 60));
}

/** Minutes until the caller may try again (without counting an attempt), or 0. */
export async function loginRetryAfterMinutes(keys: TLoginKeys, now = new Date()): Promise<number> {
  const { LOGIN_MAX_FAILURES, LOGIN_MAX_FAILURES_PER_IP, LOGIN_WINDOW_MINUTES } = env();
  for (const key of keysOf(keys)) {
    const limit = key.startsWith('ip:') ? LOGIN_MAX_FAILURES_PER_IP : LOGIN_MAX_FAILURES;
    if ((await peek(key, LOGIN_WINDOW_MINUTES * 60, now)) >= limit) return LOGIN_WINDOW_MINUTES;
  }
  return 0;
}

/** A successful sign-in: the account's failures are forgiven; the address's count for this attempt is taken back. */
export async function settleLoginSuccess(keys: TLoginKeys, now = new Date()): Promise<void> {
  await db.rateLimitCounter.deleteMany({ where: { key: emailKey(keys.email) } });
  if (keys.ip) {
    const windowMs = env().LOGIN_WINDOW_MINUTES * 60_000;
    const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
    await db.rateLimitCounter.updateMany({ where: { key: `ip:${keys.ip}`, windowStart, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
  }
}

/** @deprecated kept for callers of the old API: the failure was already counted by takeLoginAttempt. */
export async function recordLoginFailure(_keys: TLoginKeys): Promise<void> {}

export async function clearAccountFailures(email: string): Promise<void> {
  await db.rateLimitCounter.deleteMany({ where: { key: emailKey(email) } });
}

/**
 * Requests counted in this process and not yet written to the shared counter, per key and window.
 * `known` is the sliding count the database last answered for the key (every instance's requests
 * up to then); `pending` the requests this process accepted since.
 */
type TLocalCount = { windowStart: number; known: number; pending: number; flush: NodeJS.Timeout | null };
const localCounts = processSingleton('rateLimitLocalCounts', () => new Map<string, TLocalCount>());
/** Below this share of the limit a request is counted in memory and written within FLUSH_MS; above it, at once. */
const LOCAL_SHARE = 0.5;
const FLUSH_MS = 1000;

async function flushLocal(key: string, windowSeconds: number): Promise<void> {
  const local = localCounts.get(key);
  if (!local || local.pending === 0) return;
  const points = local.pending;
  local.pending = 0;
  local.flush = null;
  const { weighted } = await hit(key, windowSeconds, new Date(local.windowStart), points).catch(() => ({ weighted: Infinity }));
  if (localCounts.get(key) === local) local.known = Math.max(local.known + points, weighted);
}

/**
 * Counts one request against `key` and says whether it is within `limit` per `windowSeconds`.
 * Far from the limit (under half of it, as the shared counter last said) a request is counted in
 * this process and the counts are written to the shared counter in one statement within a second,
 * so a busy API key costs no database write per request. Nearer the limit every request is counted
 * in the database at once (with this process's unwritten ones), so exactly `limit` pass however
 * many instances share the counter. The first request of a window always asks the database (another
 * instance may have spent the window already). Old counters are pruned now and then.
 */
export async function takeRequestToken(
  key: string,
  limit: number,
  windowSeconds: number,
  now = new Date(),
): Promise<{ ok: boolean; retryAfterSeconds: number }> {
  const windowMs = windowSeconds * 1000;
  const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
  let local = localCounts.get(key);
  if (local && local.windowStart !== windowStart) {
    if (local.flush) clearTimeout(local.flush);
    // The previous window's unwritten requests still count (weighted) in this one: write them first
    // (taken out of the map before the await, so a parallel request does not write them twice).
    const { pending, windowStart: previous } = local;
    local.pending = 0;
    localCounts.delete(key);
    local = undefined;
    if (pending > 0) await hit(key, windowSeconds, new Date(previous), pending);
  }
  if (local && local.known + local.pending + 1 <= limit * LOCAL_SHARE) {
    local.pending += 1;
    local.flush ??= setTimeout(() => void flushLocal(key, windowSeconds), FLUSH_MS).unref();
    return { ok: true, retryAfterSeconds: 0 };
  }
  // Exact: this request and the process's unwritten ones, counted in one atomic statement.
  const points = 1 + (local?.pending ?? 0);
  if (local) {
    local.pending = 0;
    if (local.flush) clearTimeout(local.flush);
    local.flush = null;
  }
  const { weighted, windowStart: start } = await hit(key, windowSeconds, now, points);
  const current = localCounts.get(key);
  if (current && current.windowStart === windowStart) current.known = Math.max(current.known, weighted);
  else if (!current) localCounts.set(key, { windowStart, known: weighted, pending: 0, flush: null });
  if (Math.random() < 0.01) await pruneRateLimitEvents(now);
  if (weighted > limit) return { ok: false, retryAfterSeconds: secondsUntilWindowEnds(start, windowSeconds, now) };
  return { ok: true, retryAfterSeconds: 0 };
}

/** Deletes counters and events older than the longest window in use (a day is plenty). */
export async function pruneRateLimitEvents(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - 24 * 3600_000);
  const [{ count: events }, { count: counters }] = await Promise.all([
    db.rateLimitEvent.deleteMany({ where: { createdAt: { lt: before } } }),
    db.rateLimitCounter.deleteMany({ where: { windowStart: { lt: before } } }),
  ]);
  return events + counters;
}
