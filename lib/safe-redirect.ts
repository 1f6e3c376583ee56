// Where to go after signing in: a path on this site, never another origin. The candidate is parsed
// the way a browser would parse it (`/\evil.example`, `/<TAB>/evil.example` and `//evil.example` all
// name another host); anything that is not same-origin, or whose path would read as
// protocol-relative, becomes "/".
export function safeCallbackPath(candidate: string | null | undefined, origin: string): string {
  if (!candidate) return '/';
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(candidate, base);
  } catch {
    return '/';
  }
  if (url.origin !== base.origin) return '/';
  if (url.username || url.password) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "//x" or "/\x" would be read as another host when used as a relative URL.
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return '/';
  return path;
}
