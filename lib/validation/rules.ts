// What an admin may change in a draft rule set, and how each parameter reads for an officer.
// A rule's params are flattened to dotted paths ("when.freedomStatuses", "lists.SDN.strongOutcome");
// the fields come from the rule's params schema in lib/screening/rules (label, help and control in
// its `.meta()`); the edited params are checked again by that schema before they are saved.
import { formatCount } from '@/lib/format';
import { z } from 'zod';
import { ruleDefFor } from '@/lib/screening/rules';
import { paramMeta, type TParamMeta } from '@/lib/screening/rules/define';
import { fieldErrors } from './application';
import { addFieldError } from './fields';

export { OUTCOMES, OUTCOME_WORDS, BASIS_WORDS, KIND_WORDS, FREEDOM_STATUSES, FREEDOM_WORDS, codeWords } from './rule-words';
import { OUTCOMES, FREEDOM_STATUSES, codeWords } from './rule-words';

export type TFieldKind =
  | { type: 'outcome' }
  | { type: 'enum-list'; options: readonly string[] }
  | { type: 'countries' }
  | { type: 'groups' }
  | { type: 'number'; min: number; max: number; step: number }
  | { type: 'integer'; min: number; max: number }
  | { type: 'boolean' }
  | { type: 'tri' } // yes / no / "does not matter" (key absent)
  | { type: 'text'; max: number }
  | { type: 'text-map' } // fixed keys, text per key (licence policies per reason, red-flag words)
  | { type: 'regions' } // lines "UA-43 Crimea"
  | { type: 'lines'; columns: readonly string[] }; // one object per line, columns separated by " | "

/** `optional`: the param may be absent (an empty value removes it: "does not matter" / "same as the outcome"). */
export type TFieldSpec = { path: string; label: string; help?: string; kind: TFieldKind; optional?: boolean };

// The fields are generated from the rule's params schema (lib/screening/rules/<rule>.ts): each
// parameter's `.meta()` gives its label, help and control; bounds and options come from the schema.
type TAnySchema = z.ZodType & {
  def: { type: string; innerType?: TAnySchema; element?: TAnySchema; valueType?: TAnySchema; shape?: Record<string, TAnySchema> };
};

function unwrap(schema: TAnySchema): TAnySchema {
  let s = schema;
  while ((s.def.type === 'optional' || s.def.type === 'default' || s.def.type === 'nullable') && s.def.innerType) s = s.def.innerType;
  return s;
}

function kindFrom(meta: TParamMeta, schema: TAnySchema): TFieldKind {
  const inner = unwrap(schema);
  switch (meta.field) {
    case 'enum-list':
      return { type: 'enum-list', options: ((inner.def.element as unknown as { options?: readonly string[] })?.options ?? []) as readonly string[] };
    case 'number': {
      const n = inner as unknown as z.ZodNumber;
      return { type: 'number', min: n.minValue ?? 0, max: n.maxValue ?? 1, step: meta.step ?? 0.01 };
    }
    case 'integer': {
      const n = inner as unknown as z.ZodNumber;
      return { type: 'integer', min: n.minValue ?? 0, max: n.maxValue ?? 1000 };
    }
    case 'text':
      return { type: 'text', max: (inner as unknown as z.ZodString).maxLength ?? 500 };
    case 'lines':
      return { type: 'lines', columns: meta.columns ?? [] };
    default:
      return { type: meta.field };
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The editable fields of a rule, from its params schema; per-key objects (the party lists) from its current params. */
export function ruleFields(ruleId: string, params: Record<string, unknown>): TFieldSpec[] {
  const def = ruleDefFor(ruleId);
  if (!def) return [];
  const out: TFieldSpec[] = [];
  const walk = (schema: TAnySchema, value: unknown, prefix: string, labelPrefix: string) => {
    const obj = unwrap(schema);
    if (obj.def.type !== 'object' || !obj.def.shape) return;
    for (const [key, s] of Object.entries(obj.def.shape)) {
      const path = prefix ? `${prefix}.${key}` : key;
      const meta = paramMeta(s);
      const current = isRecord(value) ? value[key] : undefined;
      if (meta) {
        out.push({
          path,
          label: `${labelPrefix}${meta.label}`,
          help: meta.help,
          kind: kindFrom(meta, s),
          optional: s.safeParse(undefined).success || undefined,
        });
        continue;
      }
      const inner = unwrap(s);
      if (inner.def.type === 'object') walk(inner, current, path, labelPrefix);
      else if (inner.def.type === 'record' && inner.def.valueType && isRecord(current)) {
        for (const k of Object.keys(current)) walk(inner.def.valueType, current[k], `${path}.${k}`, `${k}: `);
      }
    }
  };
  walk(def.params as TAnySchema, params, '', '');
  return out;
}

// ---- parsing form values ----
export type TRuleContext = { countryCodes: ReadonlySet<string>; groupCodes: ReadonlySet<string> };
/** Raw form values by path: strings, or string lists for checkboxes and text maps ("path.KEY"). */
export type TRawValues = Record<string, string | string[] | undefined>;

const splitCodes = (v: unknown) =>
  (Array.isArray(v) ? v.join(',') : String(v ?? ''))
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

function schemaFor(spec: TFieldSpec, ctx: TRuleContext, current: unknown, optional: boolean): z.ZodType {
  const k = spec.kind;
  switch (k.type) {
    case 'outcome': {
      const base = z.enum(OUTCOMES, { error: 'Choose an outcome' });
      return optional ? z.preprocess((v) => (v === '' || v === undefined ? undefined : v), base.optional()) : base;
    }
    case 'enum-list':
      return z.preprocess(
        (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
        z.array(z.enum(k.options as [string, ...string[]], { error: 'Choose from the list' })).transform((a) => [...new Set(a)]),
      );
    case 'countries':
      return z.preprocess(
        splitCodes,
        z
          .array(z.string().toUpperCase())
          .superRefine((codes, c) => {
            const bad = codes.filter((code) => !ctx.countryCodes.has(code));
            if (bad.length) c.addIssue({ code: 'custom', message: `Not a known country code: ${bad.join(', ')}. Use ISO codes such as RU, CN.` });
          })
          .transform((a) => [...new Set(a)]),
      );
    case 'groups':
      return z.preprocess(
        splitCodes,
        z
          .array(z.string().toUpperCase())
          .superRefine((codes, c) => {
            const bad = codes.filter((code) => !ctx.groupCodes.has(code));
            if (bad.length) c.addIssue({ code: 'custom', message: `Not a known country group: ${bad.join(', ')}. Use codes such as A:1, E:1.` });
          })
          .transform((a) => [...new Set(a)]),
      );
    case 'number':
    case 'integer':
      if (optional) return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schemaFor(spec, ctx, current, false).optional());
      return k.type === 'number'
        ? z.preprocess(
            (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : undefined),
            z
              .number({ error: 'Enter a number' })
              .refine((n) => Number.isFinite(n), 'Enter a number')
              .refine((n) => n >= k.min && n <= k.max, `Enter a number from ${k.min} to ${k.max}`),
          )
        : z.preprocess(
            (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : undefined),
            z
              .number({ error: 'Enter a whole number' })
              .int('Enter a whole number')
              .refine((n) => n >= k.min && n <= k.max, `Enter a whole number from ${k.min} to ${k.max}`),
          );
    case 'boolean':
      return z.preprocess((v) => v === 'on' || v === 'true' || v === 'yes', z.boolean());
    case 'tri':
      return z.preprocess((v) => (v === 'yes' ? true : v === 'no' ? false : undefined), z.boolean().optional());
    case 'text': {
      const text = z.string({ error: 'Required' }).trim().min(1, 'Required').max(k.max, `At most ${k.max} characters`);
      return optional ? z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), text.optional()) : text;
    }
    case 'text-map': {
      const keys = Object.keys((current as Record<string, unknown>) ?? {});
      return z.object(
        Object.fromEntries(
          keys.map((key) => [
            key,
            z
              .string({ error: `${key}: required` })
              .trim()
              .min(1, `${key}: required`)
              .max(500, `${key}: at most 500 characters`),
          ]),
        ),
      );
    }
    case 'lines':
      return z.preprocess(
        (v) =>
          String(v ?? '')
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => l.length > 0),
        z.array(z.string()).transform((lines, c) =>
          lines.map((line, i) => {
            const cells = line.split('|').map((x) => x.trim());
            if (cells.length !== k.columns.length || cells.some((x) => x === '')) {
              c.addIssue({ code: 'custom', message: `Line ${i + 1}: write ${k.columns.join(' | ')}` });
            }
            return Object.fromEntries(k.columns.map((col, j) => [col, cells[j] ?? '']));
          }),
        ),
      );
    case 'regions':
      return z.preprocess(
        (v) =>
          String(v ?? '')
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => l.length > 0),
        z.array(z.string()).transform((lines, c) =>
          lines.map((line, i) => {
            const m = /^([A-Za-z]{2}-[A-Za-z0-9]{1,3})\s+(.+)$/.exec(line);
            if (!m) {
              c.addIssue({ code: 'custom', message: `Line ${i + 1}: write the ISO 3166-2 code, a space and the name (e.g. "UA-43 Crimea")` });
              return { code: '', name: '' };
            }
            return { code: m[1]!.toUpperCase(), name: m[2]!.trim() };
          }),
        ),
      );
  }
}

function getPath(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}
function setPath(obj: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) {
    if (!o[k] || typeof o[k] !== 'object') o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  const last = keys.at(-1)!;
  if (value === undefined) delete o[last];
  else o[last] = value;
}

export type TRuleEditResult = { ok: true; enabled: boolean; params: Record<string, unknown> } | { ok: false; fieldErrors: Record<string, string[]> };

/**
 * Validates an edit of one rule (enabled + every editable param) against the rule's current params
 * and the draft's countries and groups. Keys the form does not edit are kept as they are.
 */
export function parseRuleEdit(
  rule: { id: string; params: Record<string, unknown> },
  raw: TRawValues & { enabled?: string | string[] },
  ctx: TRuleContext,
): TRuleEditResult {
  const specs = ruleFields(rule.id, rule.params);
  const shape: Record<string, z.ZodType> = {};
  const input: Record<string, unknown> = {};
  for (const spec of specs) {
    const current = getPath(rule.params, spec.path);
    const optional = spec.optional === true;
    shape[spec.path] = schemaFor(spec, ctx, current, optional);
    if (spec.kind.type === 'text-map') {
      input[spec.path] = Object.fromEntries(Object.keys((current as Record<string, unknown>) ?? {}).map((key) => [key, raw[`${spec.path}.${key}`]]));
    } else {
      input[spec.path] = raw[spec.path];
    }
  }
  const parsed = z.object(shape).safeParse(input);
  const errors: Record<string, string[]> = {};
  if (!parsed.success) {
    // text-map issues come back as ["path", "KEY"]: the form field is "path.KEY"
    for (const issue of parsed.error.issues) {
      const [first, ...rest] = issue.path.map(String);
      const key = first === undefined ? '_form' : rest.length ? `${first}.${rest.join('.')}` : first;
      addFieldError(errors, key, issue.message);
    }
  }
  // Cross-field check on its own, so it shows even when another field has an error too.
  const strong = shape.strongThreshold?.safeParse(input.strongThreshold);
  const possible = shape.possibleThreshold?.safeParse(input.possibleThreshold);
  if (strong?.success && possible?.success && (possible.data as number) > (strong.data as number)) {
    addFieldError(errors, 'possibleThreshold', 'The possible-match score cannot be higher than the strong-match score');
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  const params = structuredClone(rule.params);
  const optionalPaths = new Set(specs.filter((s) => s.optional).map((s) => s.path));
  for (const [path, value] of Object.entries(parsed.data as Record<string, unknown>)) {
    // An empty optional list (a 1:N step's condition) means "does not matter": the key is left out
    // (an empty list would make the step never match).
    const dropped = optionalPaths.has(path) && Array.isArray(value) && value.length === 0;
    setPath(params, path, dropped ? undefined : value);
  }
  // The engine's own schema has the last word: what it would refuse is never saved.
  const check = ruleDefFor(rule.id)?.params.safeParse(params);
  if (check && !check.success) {
    for (const issue of check.error.issues) {
      // shown next to the field the value came from: "equivalences.0.country" → "equivalences", "Line 1: …"
      const path = issue.path.map(String);
      const spec = specs.filter((s) => path.join('.').startsWith(s.path)).sort((a, b) => b.path.length - a.path.length)[0];
      const rest = spec ? path.slice(spec.path.split('.').length) : [];
      const line = rest.length > 0 && /^\d+$/.test(rest[0]!) ? `Line ${Number(rest[0]) + 1}: ` : '';
      addFieldError(errors, spec?.path ?? (path.join('.') || '_form'), `${line}${issue.message}`);
    }
    return { ok: false, fieldErrors: errors };
  }
  const enabled = Array.isArray(raw.enabled) ? raw.enabled.includes('on') : raw.enabled === 'on' || raw.enabled === 'true';
  return { ok: true, enabled, params };
}

/** The form value of a param, as the input shows it. */
export function formValueOf(spec: TFieldSpec, params: Record<string, unknown>): string | string[] | Record<string, string> {
  const v = getPath(params, spec.path);
  switch (spec.kind.type) {
    case 'enum-list':
      return Array.isArray(v) ? (v as string[]) : [];
    case 'countries':
    case 'groups':
      return Array.isArray(v) ? (v as string[]).join(', ') : '';
    case 'boolean':
      return v === true ? 'on' : '';
    case 'tri':
      return v === true ? 'yes' : v === false ? 'no' : '';
    case 'text-map':
      return (v as Record<string, string>) ?? {};
    case 'regions':
      return Array.isArray(v) ? (v as { code: string; name: string }[]).map((r) => `${r.code} ${r.name}`).join('\n') : '';
    case 'lines': {
      const cols = spec.kind.columns;
      return Array.isArray(v) ? (v as Record<string, unknown>[]).map((r) => cols.map((c) => String(r[c] ?? '')).join(' | ')).join('\n') : '';
    }
    default:
      return v === undefined || v === null ? '' : String(v);
  }
}

/** A param in words: "End-user types: Government, Law enforcement". */
export function describeParam(spec: TFieldSpec, params: Record<string, unknown>, countryName: (c: string) => string = (c) => c): string {
  const v = getPath(params, spec.path);
  const list = (a: unknown, f: (s: string) => string) => (Array.isArray(a) && a.length ? (a as string[]).map(f).join(', ') : 'none');
  switch (spec.kind.type) {
    case 'outcome':
      return v ? codeWords(String(v)) : 'same as the outcome';
    case 'enum-list':
      if (v === undefined && spec.optional) return 'Does not matter';
      return list(v, codeWords);
    case 'countries':
      return list(v, (c) => `${countryName(c)} (${c})`);
    case 'groups':
      if (v === undefined && spec.optional) return 'Does not matter';
      return list(v, (g) => g);
    case 'boolean':
      return v ? 'Yes' : 'No';
    case 'tri':
      return v === true ? 'Yes' : v === false ? 'No' : 'Does not matter';
    case 'text-map':
      return formatCount(Object.keys((v as object) ?? {}).length, 'entry', 'entries');
    case 'regions':
      return list(v, (r) => r) === 'none' ? 'none' : (v as { code: string; name: string }[]).map((r) => `${r.name} (${r.code})`).join(', ');
    case 'lines':
      return Array.isArray(v) && v.length ? formatCount(v.length, 'entry', 'entries') : 'none';
    default:
      return v === undefined || v === null || v === '' ? '—' : String(v);
  }
}

// ---- country risk data ----
export const ZCountryEdit = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'Choose a country'),
  freedom: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.enum(FREEDOM_STATUSES, { error: 'Choose Free, Partly Free, Not Free or not rated' }).nullable(),
  ),
  groups: z.preprocess(
    splitCodes,
    z.array(z.string().toUpperCase()).transform((a) => [...new Set(a)].sort()),
  ),
});
export type TCountryEdit = z.infer<typeof ZCountryEdit>;

export function parseCountryEdit(raw: Record<string, unknown>, ctx: TRuleContext) {
  const schema = z.object({
    code: ZCountryEdit.shape.code.refine((c) => ctx.countryCodes.has(c), 'Not a known country code'),
    freedom: ZCountryEdit.shape.freedom,
    groups: z.preprocess(
      splitCodes,
      z
        .array(z.string().toUpperCase())
        .superRefine((codes, c) => {
          const bad = codes.filter((g) => !ctx.groupCodes.has(g));
          if (bad.length) c.addIssue({ code: 'custom', message: `Not a known country group: ${bad.join(', ')}. Use codes such as A:1, D:1.` });
        })
        .transform((a) => [...new Set(a)].sort()),
    ),
  });
  const parsed = schema.safeParse(raw);
  return parsed.success ? ({ ok: true, data: parsed.data } as const) : ({ ok: false, fieldErrors: fieldErrors(parsed.error) } as const);
}

// ---- publishing ----
export const ZPublishDraft = z.object({
  note: z
    .string({ error: 'Describe what changed' })
    .trim()
    .min(10, 'Describe what changed in at least 10 characters (it is kept with the version for auditors)')
    .max(2000, 'At most 2000 characters'),
});

// ---- list uploads ----
export const LIST_FORMATS = ['AUTO', 'CSL_JSON', 'CSL_CSV', 'UN_XML', 'SDN', 'ENTITY_LIST', 'DPL', 'SIMPLE_CSV'] as const;
export type TListFormat = (typeof LIST_FORMATS)[number];
export const LIST_FORMAT_WORDS: Record<TListFormat, string> = {
  AUTO: 'Detect from the file',
  CSL_JSON: 'Consolidated Screening List (trade.gov JSON or compact snapshot)',
  CSL_CSV: 'Consolidated Screening List (trade.gov CSV)',
  UN_XML: 'UN Security Council Consolidated List (XML)',
  SDN: 'OFAC SDN (legacy sdn.csv)',
  ENTITY_LIST: 'Entity List (JSON)',
  DPL: 'Denied Persons List (tab-separated)',
  SIMPLE_CSV: 'Simple CSV (name, aliases, country, list, licence policy)',
};
export const ZListUpload = z.object({
  format: z.enum(LIST_FORMATS, { error: 'Choose the file format' }),
  asOf: z.preprocess(
    (v) => (v === '' || v === undefined || v === null ? undefined : v),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date of the list as YYYY-MM-DD')
      .refine((d) => !Number.isNaN(Date.parse(d)), 'Not a valid date')
      .optional(),
  ),
  fileName: z.string().trim().max(300).default(''),
  size: z.coerce.number().int().min(0),
});
export type TListUpload = z.infer<typeof ZListUpload>;
