// API keys for ERP systems: created by admins for an organisation, acting as one of its exporter
// users. The secret is shown once; only its SHA-256 is stored (keys are long random strings, so a
// fast hash is enough — unlike passwords).
import 'server-only';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { db } from '@/lib/db';
import type { TActor } from '@/lib/authz';
import { appendAudit } from '@/lib/data/audit';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import type { TClearedMatch } from '@/lib/screening/types';
import { changeFeedReady, changeGeneration, noteLocalChange } from '@/lib/data/change-feed';
import { processSingleton } from '@/lib/process-singleton';
import { SCREENING_CONTEXT_COLUMNS, screeningContextOf, type TScreeningContext, type TScreeningContextColumns } from '@/lib/data/rulesets';

const LAST_USED_PRECISION_MS = 60_000;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function requireAdmin(actor: TActor) {
  if (actor.role !== 'ADMIN') throw new AppError('FORBIDDEN', 'Only administrators manage API keys.');
}

export async function createApiKey(actor: TActor, input: { name: string; actingUserId: string }) {
  requireAdmin(actor);
  const user = await db.user.findUnique({ where: { id: input.actingUserId }, select: { id: true, role: true, organizationId: true, active: true } });
  if (!user || user.role !== 'EXPORTER' || !user.organizationId || !user.active) {
    throw new AppError('INVALID', 'An API key acts as an active exporter user of an organisation.');
  }
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(24).toString('base64url');
  const key = `clr_${prefix}_${secret}`;
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: { name: input.name, prefix, hash: sha256(secret), organizationId: user.organizationId!, actingUserId: user.id, createdById: actor.id },
      select: { id: true },
    });
    await appendAudit(tx, { actor, action: 'API_KEY_CREATED', entityType: 'ApiKey', entityId: row.id, data: { name: input.name, prefix, actingUserId: user.id } });
    return row;
  });
  return { id: created.id, key };
}

export async function revokeApiKey(actor: TActor, id: string) {
  requireAdmin(actor);
  await db.$transaction(async (tx) => {
    const updated = await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (updated.count !== 1) throw new AppError('NOT_FOUND', 'API key not found or already revoked.');
    await appendAudit(tx, { actor, action: 'API_KEY_REVOKED', entityType: 'ApiKey', entityId: id });
  });
  noteLocalChange();
}

export async function listApiKeys(actor: TActor) {
  requireAdmin(actor);
  return db.apiKey.findMany({
    orderBy: { createdAt: 'desc' },
    select: {
      id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true,
      organization: { select: { name: true } }, actingUser: { select: { email: true } },
    },
  });
}

export type TApiKeyAuth = { keyId: string; actor: TActor; exporter: { country: string }; screeningContext?: TScreeningContext };

type TKeyRow = {
  id: string;
  hash: string;
  revokedAt: Date | null;
  organizationId: string;
  lastUsedAt: Date | null;
  userId: string;
  email: string;
  name: string;
  role: TActor['role'];
  userOrganizationId: string | null;
  active: boolean;
  country: string;
};

type TKeyLookup = TKeyRow & Partial<TScreeningContextColumns>;
/** A key's lookup as read at the cache's generation (lib/data/change-feed.ts); served while that is current and for TTL at most. */
type TCachedLookup = { row: TKeyLookup; readAt: number };
/** A ceiling on an entry's age, should notifications stop arriving without the listener noticing. */
const KEY_CACHE_TTL_MS = 30_000;
const KEY_CACHE_MAX = 10_000;
const keyCache = processSingleton('api-key-lookups', () => ({
  /** entries of `generation` only: emptied when it moves, so no stale entry (nor its cleared matches) stays in memory */
  entries: new Map<string, TCachedLookup>(),
  generation: -1,
  /** the cleared matches as first read at `generation` (null: not yet): its entries share this one copy */
  clearedMatches: null as readonly TClearedMatch[] | null,
  hits: 0,
  misses: 0,
}));

/** How often a lookup was served from memory (tests, diagnostics). */
export const apiKeyCacheStats = () => ({ hits: keyCache.hits, misses: keyCache.misses });

/**
 * The key's row (with the screening context when asked): from memory while no change to the tables it
 * reads has been committed since (lib/data/change-feed.ts), else one query. Only found keys are kept,
 * by prefix; the secret is checked against the row's hash on every request, so a cached row never
 * lets a wrong secret in. Unknown prefixes always ask the database (nothing for a guesser to fill).
 */
async function lookupKey(prefix: string, screeningContext: boolean): Promise<TKeyLookup | undefined> {
  const cacheKey = `${prefix}:${screeningContext ? 'context' : 'key'}`;
  const ready = changeFeedReady();
  const generation = changeGeneration();
  const now = Date.now();
  if (keyCache.generation !== generation) {
    keyCache.entries.clear();
    keyCache.generation = generation;
    keyCache.clearedMatches = null;
  }
  if (ready) {
    const cached = keyCache.entries.get(cacheKey);
    if (cached && now - cached.readAt < KEY_CACHE_TTL_MS) {
      keyCache.hits += 1;
      return cached.row;
    }
  }
  keyCache.misses += 1;
  const row = await queryKey(prefix, screeningContext);
  // Kept only if nothing changed while it was read (a change notified meanwhile moved the generation).
  if (row && ready && changeGeneration() === generation) {
    if (keyCache.entries.size >= KEY_CACHE_MAX) keyCache.entries.clear();
    if (row.clearedMatches) {
      // Read at the same generation, so the same list (a change would have moved it): one copy, not one per key.
      keyCache.clearedMatches ??= Object.freeze(row.clearedMatches);
      row.clearedMatches = keyCache.clearedMatches as TClearedMatch[];
    }
    keyCache.entries.set(cacheKey, { row, readAt: now });
  }
  return row;
}

async function queryKey(prefix: string, screeningContext: boolean): Promise<TKeyLookup | undefined> {
  const [key] = await db.$queryRaw<TKeyLookup[]>`
    SELECT k.id, k.hash, k."revokedAt", k."organizationId", k."lastUsedAt",
           u.id AS "userId", u.email, u.name, u.role::text AS role, u."organizationId" AS "userOrganizationId", u.active,
           o.country
           ${screeningContext ? Prisma.sql`, ${SCREENING_CONTEXT_COLUMNS}` : Prisma.empty}
      FROM "ApiKey" k
      JOIN "User" u ON u.id = k."actingUserId"
      JOIN "Organization" o ON o.id = k."organizationId"
     WHERE k.prefix = ${prefix}`;
  return key;
}

/**
 * The exporter a presented key acts as, or null (unknown, revoked, or its user deactivated). One
 * lookup (lookupKey: usually from memory): the key, its acting user and its organisation's country
 * (the engine's exporter) — and, with `screeningContext`, what a screening against the active rule
 * set needs, so an API screening costs at most one round trip before its answer.
 */
export async function authenticateApiKey(presented: string | null, options: { screeningContext?: boolean } = {}): Promise<TApiKeyAuth | null> {
  const match = /^clr_([0-9a-f]{12})_([A-Za-z0-9_-]{20,64})$/.exec(presented ?? '');
  if (!match) return null;
  const [, prefix, secret] = match;
  const key = await lookupKey(prefix!, options.screeningContext === true);
  if (!key || key.revokedAt || !key.active) return null;
  // A key acts for its own organisation only, as an exporter of it (belt and braces: moving the user
  // revokes the key, lib/data/users.ts).
  if (key.role !== 'EXPORTER' || key.userOrganizationId !== key.organizationId) return null;
  const expected = Buffer.from(key.hash, 'hex');
  const actual = Buffer.from(sha256(secret!), 'hex');
  if (!timingSafeEqual(expected, actual)) return null;
  // "Last used" to the minute: written at most once a minute per key, not on every request.
  const now = new Date();
  // (The trigger that empties caches ignores this column; a cached row learns the new value here.)
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    key.lastUsedAt = now;
    await db.apiKey.updateMany({ where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_PRECISION_MS) } }] }, data: { lastUsedAt: now } });
  }
  return {
    keyId: key.id,
    actor: { id: key.userId, email: key.email, name: key.name, role: key.role, organizationId: key.organizationId },
    exporter: { country: key.country },
    // no active rule set: no context here; the screening itself then answers 503 (it loads the context again)
    ...(options.screeningContext && key.activeId ? { screeningContext: screeningContextOf(key as TScreeningContextColumns) } : {}),
  };
}
