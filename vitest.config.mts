import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Unit tests: pure modules (screening, reference importers, validation, scripts' helpers).
export default defineConfig({
  // server-only guards lib/db and lib/data against client bundles; tests run them on the server.
  resolve: { alias: { '@': path.resolve(import.meta.dirname), 'server-only': path.resolve(import.meta.dirname, 'test/server-only-empty.ts') } },
  test: {
    environment: 'node',
    include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/.next/**', '**/*.integration.test.ts', 'e2e/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
