// Sign-in rate limiting stored in the database (RateLimitEvent), so every app instance shares it.
import { db } from '@/lib/db';
import { env } from '@/lib/env';

export type TLoginKeys = { email: string; ip: string | null };

const keysOf = ({ email, ip }: TLoginKeys) => [`email:${email.toLowerCase()}`, ...(ip ? [`ip:${ip}`] : [])];

/** The client address from X-Forwarded-For (Next's server appends the socket address; each trusted proxy one more). */
export function clientIpFrom(forwardedFor: string | null | undefined, trustedHops = env().TRUST_PROXY_HOPS): string | null {
  const chain = (forwardedFor ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return chain[Math.max(0, chain.length - 1 - trustedHops)] ?? null;
}

/** Minutes until the caller may try again, or 0 when not limited. */
export async function loginRetryAfterMinutes(keys: TLoginKeys, now = new Date()): Promise<number> {
  const { LOGIN_MAX_FAILURES, LOGIN_MAX_FAILURES_PER_IP, LOGIN_WINDOW_MINUTES } = env();
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  let wait = 0;
  for (const key of keysOf(keys)) {
    const limit = key.startsWith('ip:') ? LOGIN_MAX_FAILURES_PER_IP : LOGIN_MAX_FAILURES;
    const recent = await db.rateLimitEvent.findMany({
      where: { key, createdAt: { gt: since } },
      orderBy: { createdAt: 'desc' },
      take: limit,
      select: { createdAt: true },
    });
    if (recent.length >= limit) {
      // The window frees up when the oldest of the last N failures ages out.
      const oldest = recent[recent.length - 1]!.createdAt.getTime();
      wait = Math.max(wait, Math.ceil((oldest + LOGIN_WINDOW_MINUTES * 60_000 - now.getTime()) / 60_000));
    }
  }
  return wait;
}

export async function recordLoginFailure(keys: TLoginKeys): Promise<void> {
  await db.rateLimitEvent.createMany({ data: keysOf(keys).map((key) => ({ key })) });
}

export async function clearAccountFailures(email: string): Promise<void> {
  await db.rateLimitEvent.deleteMany({ where: { key: `email:${email.toLowerCase()}` } });
}

/**
 * Counts one request against `key` and says whether it is within `limit` per `windowSeconds`.
 * Old rows are pruned now and then so the table stays small.
 */
export async function takeRequestToken(key: string, limit: number, windowSeconds: number, now = new Date()): Promise<{ ok: boolean; retryAfterSeconds: number }> {
  const since = new Date(now.getTime() - windowSeconds * 1000);
  const recent = await db.rateLimitEvent.count({ where: { key, createdAt: { gt: since } } });
  if (recent >= limit) return { ok: false, retryAfterSeconds: windowSeconds };
  await db.rateLimitEvent.create({ data: { key } });
  if (Math.random() < 0.01) await pruneRateLimitEvents(now);
  return { ok: true, retryAfterSeconds: 0 };
}

/** Deletes events older than the longest window in use (a day is plenty). */
export async function pruneRateLimitEvents(now = new Date()): Promise<number> {
  const { count } = await db.rateLimitEvent.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 24 * 3600_000) } } });
  return count;
}
