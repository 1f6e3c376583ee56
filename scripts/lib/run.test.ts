import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_HEAP_MB_DEFAULT, SERVER_SEMI_SPACE_MB, serverNodeOptions } from './run';

describe('the app server heap limit', () => {
  it('is the same default in `npm start` and in the scripts that start the server', () => {
    const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.start!;
    expect(start).toContain(`--max-old-space-size=\${CLEARANCE_HEAP_MB:-${SERVER_HEAP_MB_DEFAULT}} --max-semi-space-size=${SERVER_SEMI_SPACE_MB} `);
    expect(start).toContain('${NODE_OPTIONS:-}'); // keeps what the operator set
  });

  it('takes CLEARANCE_HEAP_MB and keeps NODE_OPTIONS', () => {
    expect(serverNodeOptions({})).toBe(`--max-old-space-size=${SERVER_HEAP_MB_DEFAULT} --max-semi-space-size=${SERVER_SEMI_SPACE_MB}`);
    expect(serverNodeOptions({ CLEARANCE_HEAP_MB: '1024', NODE_OPTIONS: '--enable-source-maps' })).toBe(
      `--max-old-space-size=1024 --max-semi-space-size=${SERVER_SEMI_SPACE_MB} --enable-source-maps`,
    );
  });
});
