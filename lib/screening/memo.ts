// A per-screening memo: values that depend only on the application (and the rule set), or on a few
// fields of an item, computed once per screen() call rather than once per line item. A 50-item
// application otherwise repeats the same Country Chart lookups, 1:N policy ladders and address
// checks fifty times. Keys name what the value depends on; nothing outlives the call.

export type TScreenMemo = {
  get<T>(key: string, compute: () => T): T;
};

export function createScreenMemo(): TScreenMemo {
  const values = new Map<string, unknown>();
  return {
    get<T>(key: string, compute: () => T): T {
      if (values.has(key)) return values.get(key) as T;
      const value = compute();
      values.set(key, value);
      return value;
    },
  };
}

/** A memo that remembers nothing (callers outside screen()). */
export const NO_MEMO: TScreenMemo = { get: (_key, compute) => compute() };

let objectKeys = 0;

/** A key part that tells apart every value JSON could conflate (undefined / null / NaN, 1 / "1"). */
export function keyPart(v: unknown): string {
  if (v === undefined) return 'u';
  if (v === null) return 'n';
  if (typeof v === 'string') return `s${JSON.stringify(v)}`;
  if (typeof v === 'number' || typeof v === 'boolean') return `${(typeof v)[0]}${String(v)}`;
  // not a primitive: a key of its own, so two such values never share a memo entry
  return `o${++objectKeys}`;
}
