import { describe, expect, it, vi } from 'vitest';
import { processSingleton } from './process-singleton';

describe('processSingleton', () => {
  it('creates the value once per process, whatever module copy asks', async () => {
    const create = vi.fn(() => new Map<string, number>());
    const a = processSingleton('test.once', create);
    // a second copy of the module (what Next.js does per bundle layer) sees the same value
    vi.resetModules();
    const again = (await import('./process-singleton')).processSingleton;
    const b = again('test.once', create);
    expect(b).toBe(a);
    expect(create).toHaveBeenCalledTimes(1);
    expect(processSingleton('test.other', () => 'x')).toBe('x');
  });
});
