// ESLint: Next's rules (React, hooks, Core Web Vitals) and typescript-eslint's, as STYLE.md asks.
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Playwright fixtures receive a `use` callback; it is not React's use().
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    ignores: ['node_modules/**', '.next/**', '.next-*/**', 'lib/generated/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'prisma/engine/schema-engine.mjs'],
  },
];

export default config;
