// Prepared-statement names (lib/db.ts): one name per SQL text, bounded in number and length.
import { describe, expect, it } from 'vitest';
import { statementNamer } from '@/lib/db';

describe('statementNamer', () => {
  it('gives the same text the same name and different texts different names', () => {
    const name = statementNamer();
    const a = name({ sql: 'SELECT 1' });
    const b = name({ sql: 'SELECT 2' });
    expect(a).not.toBe('');
    expect(b).not.toBe(a);
    expect(name({ sql: 'SELECT 1' })).toBe(a);
    // each namer (each client's pool) counts its own
    expect(statementNamer()({ sql: 'SELECT 2' })).toBe(a);
  });

  it('sends texts past the bound, or too long, unnamed (the empty name) and keeps the named ones', () => {
    const name = statementNamer(2);
    const first = name({ sql: 'SELECT $1' });
    name({ sql: 'SELECT $1, $2' });
    expect(name({ sql: 'SELECT $1, $2, $3' })).toBe('');
    expect(name({ sql: 'SELECT $1' })).toBe(first);
    expect(statementNamer()({ sql: `SELECT '${'x'.repeat(10_000)}'` })).toBe('');
  });
});
