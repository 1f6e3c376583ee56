// Field primitives every schema builds on, so a value PostgreSQL cannot store (a NUL byte, a lone
// UTF-16 surrogate, a number past the column's precision) is a field error, never an HTTP 500.
import { z } from 'zod';

// C0 controls except tab, line feed and carriage return; DEL. NUL is the one PostgreSQL refuses
// outright (text and jsonb); the others have no business in a form field either.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSAFE_TEXT_MESSAGE = 'contains a character that cannot be stored (a control character or a broken Unicode sequence)';

/** Why this string cannot be stored, or null when it can. */
export function unsafeTextProblem(value: string): string | null {
  if (CONTROL.test(value)) return UNSAFE_TEXT_MESSAGE;
  if (LONE_SURROGATE.test(value)) return UNSAFE_TEXT_MESSAGE;
  return null;
}

/** A string refinement for any schema: `z.string().check(storableText('Product name'))`. */
export const isStorableText = (value: string) => unsafeTextProblem(value) === null;

/** z.string() that refuses control characters and lone surrogates, with the field's label in the message. */
export const safeString = (label: string, params?: Parameters<typeof z.string>[0]) =>
  z.string(params).refine(isStorableText, { message: `${label} ${UNSAFE_TEXT_MESSAGE}`, abort: true });

/**
 * Adds `message` to the field errors under `key`. Keys come from user input (JSON keys, form names):
 * "valueOf", "constructor" or "__proto__" must be an ordinary key, not the prototype's member
 * (`(out[key] ??= []).push(…)` found Object.prototype.valueOf, a function, and threw).
 */
export function addFieldError(out: Record<string, string[]>, key: string, message: string): void {
  if (Object.hasOwn(out, key)) out[key]!.push(message);
  else Object.defineProperty(out, key, { value: [message], enumerable: true, writable: true, configurable: true });
}

/**
 * Every string inside a JSON-like value that cannot be stored, keyed by its dotted path ("product.name").
 * Keys are checked too (a key with NUL cannot go into jsonb either).
 */
export function unsafeTextPaths(value: unknown, path: string[] = [], out: Record<string, string[]> = {}, depth = 0): Record<string, string[]> {
  if (depth > 64) {
    addFieldError(out, path.join('.') || '_form', 'is nested too deeply');
    return out;
  }
  if (typeof value === 'string') {
    if (!isStorableText(value)) addFieldError(out, path.join('.') || '_form', `This field ${UNSAFE_TEXT_MESSAGE}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unsafeTextPaths(v, [...path, String(i)], out, depth + 1));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const key = isStorableText(k) ? k : '_key';
      if (key === '_key') addFieldError(out, [...path, key].join('.'), `A field name ${UNSAFE_TEXT_MESSAGE}`);
      unsafeTextPaths(v, [...path, key], out, depth + 1);
    }
  }
  return out;
}

/** Digits after the decimal point of a finite number as written in JSON/forms (1e-5 → 5, 2.50 → 1). */
export function decimalPlaces(n: number): number {
  if (!Number.isFinite(n)) return 0;
  const s = String(n);
  const exp = /e-(\d+)$/i.exec(s);
  if (exp) {
    const mantissa = s.slice(0, exp.index);
    const frac = mantissa.split('.')[1]?.length ?? 0;
    return Number(exp[1]) + frac;
  }
  return s.split('.')[1]?.length ?? 0;
}

/**
 * A positive amount that fits a NUMERIC(precision, scale) column exactly: at most `scale` decimals
 * (0.00001 is not silently stored as 0) and below 10^(precision − scale).
 */
export function boundedDecimal(value: number, { precision, scale }: { precision: number; scale: number }): 'too-large' | 'too-precise' | null {
  if (Math.abs(value) >= 10 ** (precision - scale)) return 'too-large';
  if (decimalPlaces(value) > scale) return 'too-precise';
  return null;
}
