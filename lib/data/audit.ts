// Append-only, hash-chained audit log. Every write happens inside the caller's transaction, so an
// audit row exists exactly when the change it records does. Rows are chained: each holds the
// SHA-256 of a canonical form of its content plus the previous row's hash.
import 'server-only';
import { createHash } from 'node:crypto';
import type { TDb, TTx } from '@/lib/db';

export const AUDIT_GENESIS = '0'.repeat(64);
// Serialises writers so the chain has no forks (transaction-scoped advisory lock).
const AUDIT_LOCK_KEY = 0x436c6572; // "Cler"

export type TAuditActor = { id: string; email: string } | null;
export type TAuditInput = {
  actor: TAuditActor;
  action: string;
  entityType: string;
  entityId?: string | null;
  data?: Record<string, unknown>;
};

/** Deterministic JSON: keys sorted at every level, no whitespace. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

type THashable = {
  createdAt: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  data: unknown;
  prevHash: string;
};

export function auditHash(row: THashable): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        createdAt: row.createdAt.toISOString(),
        actorId: row.actorId,
        actorEmail: row.actorEmail,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        data: row.data,
        prevHash: row.prevHash,
      }),
    )
    .digest('hex');
}

export async function appendAudit(tx: TTx, input: TAuditInput): Promise<void> {
  await appendAudits(tx, [input]);
}

/**
 * Appends several rows in order, chained, under one lock and in one statement. Call it as late in
 * the transaction as possible: the lock is held until commit, and every writer waits for it.
 */
export async function appendAudits(tx: TTx, inputs: TAuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  // Two statements: a statement's snapshot is taken before it waits for the lock, so the chain head
  // must be read by the next one (it then sees what the previous holder committed).
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY}::bigint)`;
  const [last] = await tx.$queryRaw<{ hash: string }[]>`SELECT "hash" FROM "AuditEvent" ORDER BY "seq" DESC LIMIT 1`;
  let prevHash = last?.hash ?? AUDIT_GENESIS;
  const createdAt = new Date();
  const rows = inputs.map((input) => {
    // JSON round trip: what we hash is exactly what jsonb stores and gives back (no undefined, no Dates).
    const data = JSON.parse(JSON.stringify(input.data ?? {})) as Record<string, unknown>;
    const row = {
      actorId: input.actor?.id ?? null,
      actorEmail: input.actor?.email ?? null,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId ?? null,
      data,
      prevHash,
    };
    const hash = auditHash({ ...row, createdAt });
    prevHash = hash;
    return { ...row, hash };
  });
  // One statement, one JSON parameter (not Prisma's createMany, whose query compilation grows with
  // the rows). Rows are inserted in array order (WITH ORDINALITY … ORDER BY), so seq follows the chain.
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" ("createdAt", "actorId", "actorEmail", "action", "entityType", "entityId", "data", "prevHash", "hash")
    SELECT ${createdAt.toISOString()}::timestamp(3), r."actorId", r."actorEmail", r."action", r."entityType", r."entityId", r."data", r."prevHash", r."hash"
      FROM ROWS FROM (jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS (
             "actorId" text, "actorEmail" text, "action" text, "entityType" text, "entityId" text, "data" jsonb, "prevHash" text, "hash" text))
           WITH ORDINALITY AS r("actorId", "actorEmail", "action", "entityType", "entityId", "data", "prevHash", "hash", ord)
     ORDER BY r.ord`;
}

export type TAuditVerification =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAt: bigint; reason: string };

/** Walks the chain in order; reports the first row whose hash or link does not hold. */
export async function verifyAuditChain(db: TDb, batchSize = 2000): Promise<TAuditVerification> {
  let prevHash = AUDIT_GENESIS;
  let rows = 0;
  let after: bigint | null = null;
  for (;;) {
    const batch: Awaited<ReturnType<typeof db.auditEvent.findMany>> = await db.auditEvent.findMany({
      where: after === null ? {} : { seq: { gt: after } },
      orderBy: { seq: 'asc' },
      take: batchSize,
    });
    if (batch.length === 0) return { ok: true, rows };
    for (const row of batch) {
      if (row.prevHash !== prevHash) {
        return { ok: false, rows, brokenAt: row.seq, reason: 'its link to the previous row does not match (a row was removed or inserted)' };
      }
      const expected = auditHash({ ...row, data: row.data });
      if (expected !== row.hash) {
        return { ok: false, rows, brokenAt: row.seq, reason: 'its content does not match its hash (the row was edited)' };
      }
      prevHash = row.hash;
      rows += 1;
      after = row.seq;
    }
  }
}
