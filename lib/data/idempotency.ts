// Idempotency-Key for the JSON API: the first request with a key runs and its response is stored;
// a retry with the same key and the same body gets that response again (nothing runs twice); the
// same key with a different body is a conflict. Keys live 24 hours. Server errors are not stored
// (nothing was stored either), so a retry after one runs again.
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';

export type TIdempotencyBegin =
  | { kind: 'replay'; status: number; body: string; headers: Record<string, string> }
  | { kind: 'new'; finish: (response: Response) => Promise<Response> };

const KEEP_MS = 24 * 3600_000;
const WAIT_MS = 15_000;
const ABANDONED_MS = 5 * 60_000;
const REPLAYED_HEADERS = ['content-type', 'location', 'retry-after'];

const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';

export async function beginIdempotent(scope: string, key: string, requestHash: string): Promise<TIdempotencyBegin> {
  const started = Date.now();
  for (;;) {
    let created: { id: string } | null = null;
    try {
      if (Math.random() < 0.01) await pruneIdempotencyKeys();
      created = await db.idempotencyKey.create({ data: { scope, key, requestHash, status: 'PENDING' }, select: { id: true } });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    if (created) {
      const id = created.id;
      return {
        kind: 'new',
        finish: async (response: Response) => {
          if (response.status >= 500) {
            await db.idempotencyKey.delete({ where: { id } }).catch(() => undefined);
            return response;
          }
          const body = await response.text();
          const headers: Record<string, string> = {};
          for (const name of REPLAYED_HEADERS) {
            const value = response.headers.get(name);
            if (value) headers[name] = value;
          }
          await db.idempotencyKey.update({ where: { id }, data: { status: 'DONE', responseStatus: response.status, responseBody: body, responseHeaders: headers } });
          return new Response(body, { status: response.status, headers: response.headers });
        },
      };
    }
    const existing = await db.idempotencyKey.findUnique({ where: { scope_key: { scope, key } } });
    if (!existing) continue; // deleted meanwhile (the first request failed): run this one
    const age = Date.now() - existing.createdAt.getTime();
    // Expired, or PENDING for minutes (its instance died mid-request): start afresh.
    if (age > KEEP_MS || (existing.status === 'PENDING' && age > ABANDONED_MS)) {
      await db.idempotencyKey.deleteMany({ where: { id: existing.id } });
      continue;
    }
    if (existing.requestHash !== requestHash) {
      throw new AppError('CONFLICT', 'This Idempotency-Key was already used for a different request. Use a new key for a new request.');
    }
    if (existing.status === 'DONE') {
      return { kind: 'replay', status: existing.responseStatus ?? 200, body: existing.responseBody ?? '', headers: (existing.responseHeaders ?? {}) as Record<string, string> };
    }
    if (Date.now() - started > WAIT_MS) {
      throw new AppError('CONFLICT', 'A request with this Idempotency-Key is still being processed. Retry in a moment.');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Deletes keys older than a day (called now and then). */
export async function pruneIdempotencyKeys(now = new Date()): Promise<number> {
  const { count } = await db.idempotencyKey.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - KEEP_MS) } } });
  return count;
}
