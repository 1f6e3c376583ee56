// The JSON API's plumbing: API-key authentication, per-key rate limits, JSON bodies (read up to a
// cap, never further), Idempotency-Key replay, and errors. Route handlers stay thin:
// authenticate → validate → data layer → JSON.
import { createHash } from 'node:crypto';
import type { TActor } from '@/lib/authz';
import { authenticateApiKey } from '@/lib/data/api-keys';
import type { TScreeningContext } from '@/lib/data/rulesets';
import { beginIdempotent, type TIdempotencyBegin } from '@/lib/data/idempotency';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { takeRequestToken } from '@/lib/rate-limit';
import { unsafeTextPaths } from '@/lib/validation/fields';

const STATUS_OF = { NOT_FOUND: 404, FORBIDDEN: 403, CONFLICT: 409, INVALID: 422, RATE_LIMITED: 429, UNAVAILABLE: 503 } as const;
export const MAX_BODY_BYTES = 1_000_000;
const TOO_LARGE = 'The body is too large (1 MB at most).';

export const jsonError = (status: number, error: string, extra: Record<string, unknown> = {}, headers: HeadersInit = {}) =>
  Response.json({ error, ...extra }, { status, headers });

/**
 * `exporter`: the key's organisation's country of establishment (the engine's exporter);
 * `screeningContext`: the active version and cleared matches, read with the key when the route asks.
 */
type THandler = (ctx: { actor: TActor; exporter: { country: string }; screeningContext?: TScreeningContext; request: Request }) => Promise<Response>;

/**
 * The body's bytes, read from the stream and abandoned as soon as they pass `max` (no buffering of a
 * 100 MB body to find out it was too large). null = too large.
 */
export async function readBodyCapped(request: Request, max = MAX_BODY_BYTES): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > max) {
    await request.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** The request's JSON body, or a 400/413/422 answer. Strings PostgreSQL cannot store are field errors here already. */
export async function readJson(request: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const bytes = await readBodyCapped(request);
  if (!bytes) return { ok: false, response: jsonError(413, TOO_LARGE) };
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, response: jsonError(400, 'The body is not valid JSON (UTF-8).') };
  }
  const unsafe = unsafeTextPaths(body);
  if (Object.keys(unsafe).length > 0) return { ok: false, response: jsonError(422, 'The application is not valid.', { fieldErrors: unsafe }) };
  return { ok: true, body };
}

const IDEMPOTENCY_KEY = /^[\x21-\x7E]{1,200}$/;

/**
 * Wraps a route handler: `Authorization: Bearer clr_…` required; AppErrors become JSON answers.
 * `screeningContext: true` for routes that screen: the key's lookup brings the context along.
 */
export function withApiKey(handler: THandler, options: { screeningContext?: boolean } = {}) {
  return async (request: Request): Promise<Response> => {
    const header = request.headers.get('authorization') ?? '';
    const presented = header.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : null;
    const auth = await authenticateApiKey(presented, options);
    if (!auth) return jsonError(401, 'A valid API key is required (Authorization: Bearer clr_…).', {}, { 'WWW-Authenticate': 'Bearer' });
    const limit = env().API_RATE_LIMIT_PER_MINUTE;
    const token = await takeRequestToken(`api:${auth.keyId}`, limit, 60);
    if (!token.ok) {
      return jsonError(429, `Rate limit: at most ${limit} requests per minute for this key.`, {}, { 'Retry-After': String(token.retryAfterSeconds) });
    }
    const run = async (req: Request) => {
      try {
        return await handler({ actor: auth.actor, exporter: auth.exporter, screeningContext: auth.screeningContext, request: req });
      } catch (err) {
        if (isAppError(err)) return jsonError(STATUS_OF[err.code], err.message, err.details ?? {});
        console.error(err);
        return jsonError(500, 'Internal error. Nothing was stored.');
      }
    };
    const idempotencyKey = request.headers.get('idempotency-key');
    if (idempotencyKey === null || request.method === 'GET' || request.method === 'HEAD') return run(request);
    if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
      return jsonError(400, 'Idempotency-Key must be 1 to 200 printable ASCII characters (a UUID is a good choice).');
    }
    // The body is read here (capped) so that a retry can be compared with the first request.
    const bytes = await readBodyCapped(request);
    if (!bytes) return jsonError(413, TOO_LARGE);
    const requestHash = createHash('sha256')
      .update(`${request.method} ${new URL(request.url).pathname}\n`)
      .update(bytes)
      .digest('hex');
    let begun: TIdempotencyBegin;
    try {
      begun = await beginIdempotent(`api:${auth.keyId}`, idempotencyKey, requestHash);
    } catch (err) {
      if (isAppError(err)) return jsonError(STATUS_OF[err.code], err.message, err.details ?? {});
      throw err;
    }
    if (begun.kind === 'replay') {
      return new Response(begun.body, { status: begun.status, headers: { ...begun.headers, 'Idempotent-Replayed': 'true' } });
    }
    const replayable = new Request(request.url, { method: request.method, headers: request.headers, body: bytes as unknown as BodyInit });
    const response = await run(replayable);
    return begun.finish(response);
  };
}
