import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_HEAP_MB_DEFAULT, SERVER_MALLOC_ARENAS, SERVER_SEMI_SPACE_MB, serverEnv, serverNodeOptions } from './run';

describe('the app server heap limit', () => {
  it('is the same default in `npm start` and in the scripts that start the server', () => {
    const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.start!;
    expect(start).toContain(`--max-old-space-size=\${CLEARANCE_HEAP_MB:-${SERVER_HEAP_MB_DEFAULT}} --max-semi-space-size=${SERVER_SEMI_SPACE_MB} `);
    expect(start).toContain('${NODE_OPTIONS:-}'); // keeps what the operator set
    expect(start).toContain(`MALLOC_ARENA_MAX=\${MALLOC_ARENA_MAX:-${SERVER_MALLOC_ARENAS}} `);
  });

  it('limits the malloc arenas unless the operator set MALLOC_ARENA_MAX', () => {
    expect(serverEnv({})).toEqual({ NODE_OPTIONS: serverNodeOptions({}), MALLOC_ARENA_MAX: String(SERVER_MALLOC_ARENAS) });
    expect(serverEnv({ MALLOC_ARENA_MAX: '8' }).MALLOC_ARENA_MAX).toBe('8');
  });

  it('takes CLEARANCE_HEAP_MB and keeps NODE_OPTIONS', () => {
    expect(serverNodeOptions({})).toBe(`--max-old-space-size=${SERVER_HEAP_MB_DEFAULT} --max-semi-space-size=${SERVER_SEMI_SPACE_MB}`);
    expect(serverNodeOptions({ CLEARANCE_HEAP_MB: '1024', NODE_OPTIONS: '--enable-source-maps' })).toBe(
      `--max-old-space-size=1024 --max-semi-space-size=${SERVER_SEMI_SPACE_MB} --enable-source-maps`,
    );
  });
});

describe('the Prisma packages', () => {
  it('are pinned to one version (CLI, client, adapter and its utilities move together)', () => {
    const { dependencies, devDependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, Record<string, string>>;
    const all = { ...dependencies, ...devDependencies };
    // the WebAssembly schema engine has its own version line (pinned to the one the CLI was built with)
    const pinned = Object.entries(all).filter(([name]) => (name === 'prisma' || name.startsWith('@prisma/')) && name !== '@prisma/schema-engine-wasm');
    expect(pinned.map(([name]) => name).sort()).toEqual(['@prisma/adapter-pg', '@prisma/client', '@prisma/driver-adapter-utils', 'prisma']);
    expect(new Set(pinned.map(([, version]) => version)).size).toBe(1);
    expect(pinned[0]![1]).toMatch(/^\d+\.\d+\.\d+$/); // an exact version, not a range
  });
});
