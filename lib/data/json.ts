// The typed boundary of the JSON columns: what the database hands back is unknown until it is read
// here, and what goes in passes through toJson(). Stored findings are parsed with a zod schema (a
// finding that cannot be read fails loudly, never disappears from a case); application data is
// read through one function so there is one place to parse it when its schema settles.
import 'server-only';
import { z } from 'zod';
import { BASES, FINDING_KINDS, OUTCOMES } from '@/lib/codes';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TFinding } from '@/lib/screening/types';
import type { TApplicationInput } from '@/lib/validation/application';

export const ZStoredFinding = z
  .object({
    ruleId: z.string(),
    kind: z.enum(FINDING_KINDS),
    outcome: z.enum(OUTCOMES),
    basis: z.enum(BASES),
    citation: z.string(),
    licensePolicy: z.string().nullable(),
    message: z.string(),
    evidence: z.record(z.string(), z.unknown()),
    cleared: z.object({ by: z.string(), at: z.string(), justification: z.string() }).optional(),
    lineItem: z.number().int().min(0).optional(),
  })
  .loose() satisfies z.ZodType<TFinding>;

export const ZStoredFindings = z.array(ZStoredFinding);

/** A screening run's findings column. Null (no run yet) is no findings. */
export function findingsOf(json: unknown): TFinding[] {
  if (json == null) return [];
  const parsed = ZStoredFindings.safeParse(json);
  if (!parsed.success) throw new Error(`Stored findings cannot be read: ${parsed.error.issues[0]?.message ?? 'invalid'} at ${parsed.error.issues[0]?.path.join('.')}`);
  return parsed.data;
}

/** An application's stored input (written by submitAndScreen after ZApplicationInput parsed it). */
export function applicationOf(json: unknown): TApplicationInput {
  if (!json || typeof json !== 'object' || Array.isArray(json) || !('product' in json) || !('destination' in json)) {
    throw new Error('Stored application data cannot be read');
  }
  return json as TApplicationInput;
}

/** Any plain JSON-serialisable value as a Json column value (the one cast on the way in). */
export const toJson = <T extends object>(value: T): Prisma.InputJsonValue => value as unknown as Prisma.InputJsonValue;
