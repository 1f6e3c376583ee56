// Ids and optimistic-lock versions as submitted by forms: every id an action reads goes through one
// of these (never String(formData.get(…))). Records use cuid ids; 64 characters is a generous bound.
import { z } from 'zod';

export const zId = (what = 'record') =>
  z
    .string({ error: `Missing ${what}` })
    .trim()
    .min(1, `Missing ${what}`)
    .max(64, `Invalid ${what}`);

/** An optional id: blank means "none yet" (a new draft). */
export const zOptionalId = (what = 'record') => z.preprocess((v) => (v === '' || v == null ? undefined : v), zId(what).optional());

/** A version for optimistic locking: a positive whole number. */
export const zVersion = z.coerce.number({ error: 'Missing version' }).int().min(1);
