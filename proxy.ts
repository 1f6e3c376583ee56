// Two jobs, before a page renders: (1) security headers — a Content-Security-Policy with a fresh
// nonce for this request (Next.js reads it from the request's CSP header and puts it on its
// scripts), HSTS over https; (2) an optimistic redirect of anonymous visitors to /login. (2) is NOT
// the security boundary: every page, action and route checks the user on the server (lib/authz.ts).
// URLs that decode to NUL, control characters or broken Unicode are refused here (400).
import { NextResponse, type NextRequest } from 'next/server';
import { HSTS, hasUnsafeUrl, isHttps, pageCsp } from '@/lib/security-headers';

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];
const PUBLIC_PAGES = ['/login'];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (hasUnsafeUrl(pathname, search)) return new NextResponse('Bad request', { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const https = isHttps(request.url, request.headers.get('x-forwarded-proto'));

  const isPublic = PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (!isPublic && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const login = new URL('/login', request.url);
    const target = pathname + search;
    if (target !== '/') login.searchParams.set('callbackUrl', target);
    const res = NextResponse.redirect(login);
    if (https) res.headers.set('Strict-Transport-Security', HSTS);
    return res;
  }

  const nonce = btoa(crypto.randomUUID());
  const csp = pageCsp({ nonce, dev: process.env.NODE_ENV === 'development', https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set('Content-Security-Policy', csp);
  if (https) res.headers.set('Strict-Transport-Security', HSTS);
  return res;
}

export const config = {
  // Every page. Not: next-auth's and the JSON API's routes (their headers come from next.config.js;
  // a proxy would also buffer request bodies), health, the list upload stream, Next's static files
  // and public/ files.
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|logo.svg|robots.txt|.*\\.(?:png|svg|ico|css|js|map|txt|webmanifest)$).*)',
      missing: [{ type: 'header', key: 'next-router-prefetch' }],
    },
  ],
};
