// Field-error maps and form values are keyed by what the user sent: "valueOf", "constructor" and
// "__proto__" are ordinary keys there (the fuzz test found `valueOf` crashing a draft save).
import { describe, expect, it } from 'vitest';
import { formValues } from '@/lib/action-state';
import { ZApplicationInput, fieldErrors } from './application';
import { addFieldError, unsafeTextPaths } from './fields';

const PROTOTYPE_KEYS = ['valueOf', 'toString', 'constructor', 'hasOwnProperty', '__proto__'];

describe('keys from user input', () => {
  it('addFieldError keeps every key an own property holding its messages', () => {
    const out: Record<string, string[]> = {};
    for (const key of PROTOTYPE_KEYS) {
      addFieldError(out, key, 'first');
      addFieldError(out, key, 'second');
    }
    expect(Object.keys(out)).toEqual(PROTOTYPE_KEYS);
    for (const key of PROTOTYPE_KEYS) expect(Object.getOwnPropertyDescriptor(out, key)?.value).toEqual(['first', 'second']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('unsafeTextPaths reports a NUL under a prototype-named key instead of throwing', () => {
    for (const key of PROTOTYPE_KEYS) {
      const value = JSON.parse(`{${JSON.stringify(key)}: "\\u0000"}`) as unknown;
      expect(Object.getOwnPropertyDescriptor(unsafeTextPaths(value), key)?.value).toEqual([expect.stringContaining('cannot')]);
    }
  });

  it('fieldErrors names an unknown prototype-named key', () => {
    const parsed = ZApplicationInput.safeParse(JSON.parse('{"valueOf": 1, "__proto__": 2}'));
    expect(parsed.success).toBe(false);
    expect(() => fieldErrors(parsed.error!)).not.toThrow();
  });

  it('formValues keeps a field named __proto__ as a field', () => {
    const form = new FormData();
    form.append('__proto__', 'a');
    form.append('__proto__', 'b');
    form.append('valueOf', 'c');
    const values = formValues(form);
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(values, '__proto__')?.value).toEqual(['a', 'b']);
    expect(values.valueOf).toBe('c');
  });
});
