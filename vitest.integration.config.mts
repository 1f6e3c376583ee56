import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Integration tests: real databases, real CLIs. One file at a time (2 shared cores, one database).
// The global setup prepares a fresh, migrated, seeded database (embedded, or TEST_DATABASE_URL's server).
export default defineConfig({
  // server-only guards lib/db and lib/data against client bundles; tests run them on the server.
  resolve: { alias: { '@': path.resolve(import.meta.dirname), 'server-only': path.resolve(import.meta.dirname, 'test/server-only-empty.ts') } },
  test: {
    environment: 'node',
    include: ['**/*.integration.test.ts'],
    exclude: ['**/node_modules/**', '**/.next/**'],
    globalSetup: ['test/integration-global-setup.ts'],
    setupFiles: ['test/integration-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
