import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from '@/lib/safe-redirect';

const ORIGIN = 'http://localhost:3000';

describe('callback after sign-in (finding 1)', () => {
  it.each([
    ['/\\evil.example/x'],
    ['/\t/evil.example/x'],
    ['//evil.example/x'],
    ['https://evil.example/x'],
    ['/%5Cevil.example/x'.replace('%5C', '\\')],
    [' //evil.example'],
    ['javascript:alert(1)'],
    ['http://localhost:3000@evil.example/'],
    ['/a/..//evil.example'],
    ['\\\\evil.example'],
  ])('%j goes to /', (candidate) => {
    const path = safeCallbackPath(candidate, ORIGIN);
    expect(path).toBe('/');
  });

  it.each([
    ['/cases?status=SUBMITTED', '/cases?status=SUBMITTED'],
    ['/applications/abc#x', '/applications/abc#x'],
    ['http://localhost:3000/cases', '/cases'],
    ['', '/'],
  ])('%j → %j', (candidate, expected) => expect(safeCallbackPath(candidate, ORIGIN)).toBe(expected));

  it('whatever it returns, a browser resolves it to this origin', () => {
    for (const c of ['/\\evil', '/\t/evil', '//evil', '/x', '/%2F%2Fevil', '/./\\/evil']) {
      expect(new URL(safeCallbackPath(c, ORIGIN), ORIGIN).origin).toBe(ORIGIN);
    }
  });
});
