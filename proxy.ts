// Optimistic redirect of anonymous visitors to /login. NOT the security boundary: every page,
// action and route checks the user on the server (lib/authz.ts).
import { NextResponse, type NextRequest } from 'next/server';

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const login = new URL('/login', request.url);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== '/') login.searchParams.set('callbackUrl', target);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything except sign-in, next-auth's own routes, the JSON API (API keys), health, static files
  // and the list upload stream (a proxy would buffer its body and cut it at 10 MB; the route checks
  // the admin itself).
  matcher: ['/((?!login|api/auth|api/v1|api/health|api/admin/lists/upload|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|css|js)$).*)'],
};
