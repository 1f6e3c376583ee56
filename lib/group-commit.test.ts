import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit';

/** A store that records each call's items and answers after a tick (like a transaction would). */
function recordingStore(fail: (items: number[]) => boolean = () => false) {
  const calls: number[][] = [];
  const store = async (items: number[]) => {
    calls.push([...items]);
    await new Promise((r) => setTimeout(r, 5));
    if (fail(items)) throw new Error(`failed: ${items.join(',')}`);
    return items.map((n) => n * 10);
  };
  return { calls, store };
}

describe('groupCommit', () => {
  it('stores a lone caller at once, in a batch of one', async () => {
    const { calls, store } = recordingStore();
    const gc = groupCommit(store);
    await expect(gc.submit(7)).resolves.toBe(70);
    expect(calls).toEqual([[7]]);
    expect(gc.pending).toBe(0);
  });

  it('callers arriving while a batch is stored share the next batch, in arrival order', async () => {
    const { calls, store } = recordingStore();
    const gc = groupCommit(store);
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => gc.submit(n)));
    expect(results).toEqual([10, 20, 30, 40, 50]);
    // the first starts alone; the other four arrived while it was being stored
    expect(calls).toEqual([[1], [2, 3, 4, 5]]);
  });

  it('caps a batch at maxBatch', async () => {
    const { calls, store } = recordingStore();
    const gc = groupCommit(store, { maxBatch: 2 });
    await Promise.all([1, 2, 3, 4, 5, 6].map((n) => gc.submit(n)));
    expect(calls).toEqual([[1], [2, 3], [4, 5], [6]]);
  });

  it('a failed batch is stored again item by item: only the failing caller gets the error', async () => {
    const { calls, store } = recordingStore((items) => items.includes(3));
    const gc = groupCommit(store);
    const settled = await Promise.allSettled([1, 2, 3, 4].map((n) => gc.submit(n)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : null))).toEqual([10, 20, null, 40]);
    expect((settled[2] as PromiseRejectedResult).reason).toEqual(new Error('failed: 3'));
    expect(calls).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });

  it('a store answering the wrong number of results counts as a failed batch', async () => {
    let first = true;
    const gc = groupCommit(async (items: number[]) => {
      await new Promise((r) => setTimeout(r, 1));
      if (items.length > 1 && first) {
        first = false;
        return [1];
      }
      return items;
    });
    await expect(Promise.all([1, 2, 3].map((n) => gc.submit(n)))).resolves.toEqual([1, 2, 3]);
  });

  it('keeps going after a failure: later callers are stored', async () => {
    const { store } = recordingStore((items) => items.length === 1 && items[0] === 1);
    const gc = groupCommit(store);
    await expect(gc.submit(1)).rejects.toThrow('failed: 1');
    await expect(gc.submit(2)).resolves.toBe(20);
  });
});
