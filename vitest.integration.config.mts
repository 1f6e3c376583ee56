import { defineConfig } from 'vitest/config';

// Integration tests: real databases, real CLIs. Run one file at a time (2 shared cores).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['**/*.integration.test.ts'],
    exclude: ['**/node_modules/**', '**/.next/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
