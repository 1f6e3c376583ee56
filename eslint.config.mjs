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
    // lib/screening is the pure engine: no framework, database, file system, clock source or other
    // layer (docs/architecture.md). Its tests may read the seed files through test/screening-fixture.ts.
    files: ['lib/screening/**/*.ts'],
    ignores: ['lib/screening/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'next',
                'next/*',
                'react',
                'react-dom',
                'next-auth',
                'next-auth/*',
                '@prisma/*',
                'pg',
                'server-only',
                'node:*',
                'fs',
                'fs/*',
                'path',
                'child_process',
                'os',
                'crypto',
                '@/lib/*',
                '!@/lib/screening',
                '!@/lib/screening/**',
                '../../*',
                '../../../*',
                '../reference/*',
                '../data/*',
                '../db',
                '../jobs/*',
                '../generated/*',
                '@/test/*',
              ],
              message:
                'lib/screening is pure: no framework, database, file system or other layer. Map data onto its types in lib/data; read files in lib/reference.',
            },
          ],
        },
      ],
    },
  },
  {
    // lib/sla is pure too: the working-day clock takes `now` and the calendar as inputs.
    files: ['lib/sla/**/*.ts'],
    ignores: ['lib/sla/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'next',
                'next/*',
                'react',
                'react-dom',
                '@prisma/*',
                'pg',
                'server-only',
                'node:*',
                'fs',
                '@/lib/*',
                '!@/lib/screening',
                '!@/lib/screening/**',
                '!@/lib/sla',
                '!@/lib/sla/**',
                '@/test/*',
              ],
              message: 'lib/sla is pure: no framework, database or clock source. Pass now and the calendar in.',
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures receive a `use` callback; it is not React's use().
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.next-*/**',
      'lib/generated/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      'prisma/engine/schema-engine.mjs',
    ],
  },
];

export default config;
