// The JSON API's plumbing: API-key authentication, per-key rate limits, JSON bodies and errors.
// Route handlers stay thin: authenticate → validate → data layer → JSON.
import type { TActor } from '@/lib/authz';
import { authenticateApiKey } from '@/lib/data/api-keys';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { takeRequestToken } from '@/lib/rate-limit';

const STATUS_OF = { NOT_FOUND: 404, FORBIDDEN: 403, CONFLICT: 409, INVALID: 422, RATE_LIMITED: 429, UNAVAILABLE: 503 } as const;
const MAX_BODY_BYTES = 1_000_000;

export const jsonError = (status: number, error: string, extra: Record<string, unknown> = {}, headers: HeadersInit = {}) =>
  Response.json({ error, ...extra }, { status, headers });

type THandler = (ctx: { actor: TActor; request: Request }) => Promise<Response>;

/** Wraps a route handler: `Authorization: Bearer clr_…` required; AppErrors become JSON answers. */
export function withApiKey(handler: THandler) {
  return async (request: Request): Promise<Response> => {
    const header = request.headers.get('authorization') ?? '';
    const presented = header.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : null;
    const auth = await authenticateApiKey(presented);
    if (!auth) return jsonError(401, 'A valid API key is required (Authorization: Bearer clr_…).', {}, { 'WWW-Authenticate': 'Bearer' });
    const limit = env().API_RATE_LIMIT_PER_MINUTE;
    const token = await takeRequestToken(`api:${auth.keyId}`, limit, 60);
    if (!token.ok) {
      return jsonError(429, `Rate limit: at most ${limit} requests per minute for this key.`, {}, { 'Retry-After': String(token.retryAfterSeconds) });
    }
    try {
      return await handler({ actor: auth.actor, request });
    } catch (err) {
      if (isAppError(err)) return jsonError(STATUS_OF[err.code], err.message, err.details ?? {});
      console.error(err);
      return jsonError(500, 'Internal error. Nothing was stored.');
    }
  };
}

/** The request's JSON body, or a 400/413 answer. */
export async function readJson(request: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) return { ok: false, response: jsonError(413, 'The body is too large (1 MB at most).') };
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return { ok: false, response: jsonError(413, 'The body is too large (1 MB at most).') };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, response: jsonError(400, 'The body is not valid JSON.') };
  }
}
