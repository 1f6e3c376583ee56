// The typed boundary of the JSON columns: what the database hands back is unknown until it is read
// here, and what goes in passes through toJson(). Stored findings are parsed with a zod schema (a
// finding that cannot be read fails loudly, never disappears from a case); application data is
// read through one function so there is one place to parse it when its schema settles.
import 'server-only';
import { z } from 'zod';
import { BASES, FINDING_KINDS, OUTCOMES } from '@/lib/codes';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TCclData, TCountriesData, TDataset, TFinding, TRuleConfig } from '@/lib/screening/types';
import { storedApplicationInput, type TApplicationInput } from '@/lib/validation/application';

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
  if (!json || typeof json !== 'object' || Array.isArray(json) || !('destination' in json) || !('product' in json || 'lineItems' in json)) {
    throw new Error('Stored application data cannot be read');
  }
  // Rows stored before line items carry `product`: they read as one line item.
  return storedApplicationInput(json);
}

// ---- rule-set versions ----
// The rule configs and the dataset list are parsed; the country data and the CCL (large, built by
// lib/reference from the seed files) are checked for their top-level shape. A rule's params are
// parsed by its own schema when the rule set is built (lib/screening/rules).

export const ZStoredRuleConfig = z
  .object({
    id: z.string(),
    kind: z.enum(FINDING_KINDS),
    enabled: z.boolean(),
    basis: z.enum(BASES),
    citation: z.string(),
    licensePolicy: z.string().nullable(),
    title: z.string(),
    description: z.string(),
    params: z.record(z.string(), z.unknown()),
  })
  .loose();

export const ZStoredDataset = z.object({ kind: z.string(), source: z.string(), asOf: z.string(), sha256: z.string().optional() }).loose();

function parsed<T>(schema: z.ZodType, json: unknown, what: string): T {
  const r = schema.safeParse(json);
  if (!r.success) throw new Error(`Stored ${what} cannot be read: ${r.error.issues[0]?.message ?? 'invalid'} at ${r.error.issues[0]?.path.join('.')}`);
  return r.data as T;
}

const objectWith = (json: unknown, keys: string[], what: string) => {
  if (!json || typeof json !== 'object' || Array.isArray(json) || keys.some((k) => !(k in json))) throw new Error(`Stored ${what} cannot be read`);
  return json;
};

export const ruleConfigsOf = (json: unknown): TRuleConfig[] => parsed<TRuleConfig[]>(z.array(ZStoredRuleConfig), json, 'rules');
export const datasetsOf = (json: unknown): TDataset[] => (json == null ? [] : parsed<TDataset[]>(z.array(ZStoredDataset), json, 'datasets'));
export const countriesOf = (json: unknown): TCountriesData => objectWith(json, ['chart'], 'country data') as TCountriesData;
export const cclOf = (json: unknown): TCclData => objectWith(json, ['source'], 'CCL') as TCclData;

/** Any plain JSON-serialisable value as a Json column value (the one cast on the way in). */
export const toJson = <T extends object>(value: T): Prisma.InputJsonValue => value as unknown as Prisma.InputJsonValue;
