// How a rule is declared: its id, its scope (per line item or once per application), a zod schema
// for its parameters (parsed once, when the rule set is built) and its check, which receives the
// parsed, typed parameters. The parameter helpers below carry `.meta()` (label, help, field kind):
// the admin rule form is generated from the same schemas (lib/validation/rules.ts).
import { z } from 'zod';
import type { TScreenMemo } from '../memo';
import type { TRuleSet } from '../rule-set';
import type { TClearedMatch, TFinding, TOutcome, TRegime, TRuleConfig, TScreeningApplication, TScreeningProduct } from '../types';

export const OUTCOME_CODES = ['CLEAR', 'REVIEW', 'LICENSE_REQUIRED', 'PROHIBITED'] as const satisfies readonly TOutcome[];
export const MODALITY_CODES = ['FACE', 'FINGERPRINT', 'IRIS', 'VOICE', 'GAIT', 'OTHER'] as const;
export const MATCHING_MODE_CODES = ['ONE_TO_ONE', 'ONE_TO_MANY'] as const;
export const CONSENT_CODES = ['CONSENTED', 'NOT_CONSENTED', 'UNKNOWN'] as const;
export const FREEDOM_CODES = ['F', 'PF', 'NF'] as const;
export const END_USER_TYPE_CODES = ['COMMERCIAL', 'GOVERNMENT', 'LAW_ENFORCEMENT', 'MILITARY', 'INTELLIGENCE', 'ACADEMIC', 'INDIVIDUAL'] as const;
export const END_USE_CODES = [
  'ACCESS_CONTROL',
  'DEVICE_UNLOCK',
  'BORDER_CONTROL',
  'LAW_ENFORCEMENT_INVESTIGATION',
  'PUBLIC_SPACE_SURVEILLANCE',
  'RETAIL_ANALYTICS',
  'RESEARCH',
  'MILITARY',
  'OTHER',
] as const;

/** The form control a parameter gets (lib/validation/rules.ts reads it from the schema's meta). */
export type TParamField =
  'outcome' | 'enum-list' | 'countries' | 'groups' | 'number' | 'integer' | 'boolean' | 'tri' | 'text' | 'text-map' | 'regions' | 'lines';

export type TParamMeta = {
  label: string;
  help?: string;
  field: TParamField;
  /** number fields: the input's step */
  step?: number;
  /** 'lines' fields: the columns of each line, separated by " | " */
  columns?: readonly string[];
};

// zod 4 keeps metadata on the instance it was set on: .meta() is always the outermost call here.
const withMeta = <S extends z.ZodType>(schema: S, meta: TParamMeta): S => schema.meta(meta) as S;

const COUNTRY = z.string().regex(/^[A-Z]{2}$/, 'ISO alpha-2 country code');
const GROUP = z.string().regex(/^[A-Z]:\d$|^[A-Z]$/, 'Country Group code such as A:1 or B');

export const p = {
  outcome: (label: string, help?: string) => withMeta(z.enum(OUTCOME_CODES), { label, help, field: 'outcome' }),
  optionalOutcome: (label: string, help?: string) => withMeta(z.enum(OUTCOME_CODES).optional(), { label, help, field: 'outcome' }),
  enumList: <const T extends readonly [string, ...string[]]>(options: T, label: string, help?: string) =>
    withMeta(z.array(z.enum(options)), { label, help, field: 'enum-list' }),
  optionalEnumList: <const T extends readonly [string, ...string[]]>(options: T, label: string, help = 'Leave empty if it does not matter') =>
    withMeta(z.array(z.enum(options)).optional(), { label, help, field: 'enum-list' }),
  countries: (label: string, help?: string) => withMeta(z.array(COUNTRY), { label, help, field: 'countries' }),
  groups: (label: string, help?: string) => withMeta(z.array(GROUP), { label, help, field: 'groups' }),
  optionalGroups: (label: string, help = 'Leave empty if it does not matter') => withMeta(z.array(GROUP).optional(), { label, help, field: 'groups' }),
  number: (label: string, min: number, max: number, step: number, help?: string) =>
    withMeta(z.number().min(min).max(max), { label, help, field: 'number', step }),
  integer: (label: string, min: number, max: number, help?: string) => withMeta(z.int().min(min).max(max), { label, help, field: 'integer' }),
  boolean: (label: string, help?: string) => withMeta(z.boolean(), { label, help, field: 'boolean' }),
  /** yes / no / "does not matter" (key absent) */
  tri: (label: string, help?: string) => withMeta(z.boolean().optional(), { label, help, field: 'tri' }),
  text: (label: string, max = 500, help?: string) => withMeta(z.string().trim().min(1).max(max), { label, help, field: 'text' }),
  /** fixed keys (from the current params), one text per key */
  textMap: (label: string, help?: string) => withMeta(z.record(z.string(), z.string().min(1).max(500)), { label, help, field: 'text-map' }),
  /** one object per line, its columns separated by " | " */
  lines: <T extends z.ZodRawShape>(label: string, shape: T, help?: string) =>
    withMeta(z.array(z.object(shape)), { label, help, field: 'lines', columns: Object.keys(shape) }),
  regions: (label: string, help?: string) =>
    withMeta(z.array(z.object({ code: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/), name: z.string().min(1) })), { label, help, field: 'regions' }),
};

/** The metadata of a parameter schema (on it or on the optional/default it wraps). */
export function paramMeta(schema: z.ZodType): TParamMeta | undefined {
  let s: z.ZodType | undefined = schema;
  while (s) {
    const m = s.meta() as TParamMeta | undefined;
    if (m?.field) return m;
    const def = s.def as { type: string; innerType?: z.ZodType };
    s = def.type === 'optional' || def.type === 'default' || def.type === 'nullable' ? def.innerType : undefined;
  }
  return undefined;
}

export type TItemInput<P> = {
  product: TScreeningProduct;
  app: TScreeningApplication;
  rs: TRuleSet;
  rule: TRuleConfig;
  params: P;
  /** values shared by every item of this application, keyed by what they depend on (lib/screening/memo.ts) */
  memo: TScreenMemo;
};
export type TApplicationInput<P> = {
  app: TScreeningApplication;
  rs: TRuleSet;
  rule: TRuleConfig;
  params: P;
  clearedMatches: readonly TClearedMatch[];
};

type TRuleBase<S extends z.ZodType> = {
  id: string;
  /** the schema of the rule's params; `satisfies z.input<typeof schema>` in the seed rules */
  params: S;
  /** a family of ids sharing one schema (the 1:N policy steps); default: exactly `id` */
  matches?: (id: string) => boolean;
  /**
   * The regime the rule's findings belong to (a finding may name its own, e.g. a party list's).
   * Default: US_EAR for basis LAW, POLICY otherwise. Item and application rules of the US_EAR regime
   * run for an exporter outside the US only for items subject to the EAR (screen.ts).
   */
  regime?: TRegime;
};

/** Runs once per product (line item): the finding concerns that item. */
export type TItemRule<S extends z.ZodType = z.ZodType> = TRuleBase<S> & {
  scope: 'item';
  check(input: TItemInput<z.output<S>>): TFinding[];
};
/** Runs once per application: destination, parties, declarations. */
export type TApplicationRule<S extends z.ZodType = z.ZodType> = TRuleBase<S> & {
  scope: 'application';
  check(input: TApplicationInput<z.output<S>>): TFinding[];
};
/** Has params but no check of its own: another rule's check reads it (the 1:N policy steps). */
export type TPartRule<S extends z.ZodType = z.ZodType> = TRuleBase<S> & { scope: 'part'; partOf: string };
/** Rule-set data every check reads through the built rule set (country equivalences). */
export type TDataRule<S extends z.ZodType = z.ZodType> = TRuleBase<S> & { scope: 'data' };

export type TRuleDef = TItemRule | TApplicationRule | TPartRule | TDataRule;

export const defineItemRule = <S extends z.ZodType>(def: Omit<TItemRule<S>, 'scope'>): TItemRule<S> => ({ ...def, scope: 'item' });
export const defineApplicationRule = <S extends z.ZodType>(def: Omit<TApplicationRule<S>, 'scope'>): TApplicationRule<S> => ({
  ...def,
  scope: 'application',
});
export const defineDataRule = <S extends z.ZodType>(def: Omit<TDataRule<S>, 'scope'>): TDataRule<S> => ({ ...def, scope: 'data' });
export const definePartRule = <S extends z.ZodType>(def: Omit<TPartRule<S>, 'scope'>): TPartRule<S> => ({ ...def, scope: 'part' });
