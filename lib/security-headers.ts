// Security headers, in one place: the pages' Content-Security-Policy (a fresh nonce per request,
// set by proxy.ts; Next.js puts it on its own scripts), the static headers every response carries
// (next.config.js), and HSTS when the request came over https.
// Pure (no next/*), so the unit tests and next.config.js can use it.

export type TCspOptions = { nonce: string; dev?: boolean; https?: boolean };

/** The pages' policy: scripts only with this request's nonce; nothing may frame the app. */
export function pageCsp({ nonce, dev = false, https = false }: TCspOptions): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced Next.js runtime loads are trusted; nothing else runs.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Progress bars set their width with a style attribute; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

// Static headers (nosniff, Referrer-Policy, X-Frame-Options, the JSON routes' CSP) are in next.config.js.
export const HSTS = 'max-age=63072000; includeSubDomains'; // the same value as next.config.js

/** Was this request served over https (directly, or by the proxy in front that says so)? */
export function isHttps(url: string, forwardedProto: string | null, publicUrl = process.env.NEXTAUTH_URL ?? ''): boolean {
  return url.startsWith('https:') || forwardedProto?.split(',')[0]?.trim() === 'https' || publicUrl.startsWith('https:');
}

// In a path: any C0 control or DEL; in a query value tab/LF/CR are text. Lone surrogates nowhere.
const SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSAFE_PATH = /[\u0000-\u001F\u007F]/;
const UNSAFE_QUERY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A path or query that decodes to a NUL, another control character, or broken UTF-8/UTF-16: refused with 400. */
export function hasUnsafeUrl(pathname: string, search: string): boolean {
  const parts = [pathname, ...search.replace(/^\?/, '').split(/[&=]/)];
  for (const [i, part] of parts.entries()) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      return true;
    }
    if (SURROGATE.test(decoded) || (i === 0 ? UNSAFE_PATH : UNSAFE_QUERY).test(decoded)) return true;
  }
  return false;
}
