// What an admin may change in a draft rule set, and how each parameter reads for an officer.
// A rule's params are flattened to dotted paths ("when.freedomStatuses", "lists.SDN.strongOutcome");
// every path has a field kind that gives its form control, its zod schema and its plain words.
// The same schemas check the form (server action) and anything else that edits a draft.
import { z } from 'zod';
import { END_USE_CATEGORIES, END_USER_TYPES, MATCHING_MODES, MODALITIES, CONSENT_VALUES, fieldErrors } from './application';

export const OUTCOMES = ['CLEAR', 'REVIEW', 'LICENSE_REQUIRED', 'PROHIBITED'] as const;
export const OUTCOME_WORDS: Record<(typeof OUTCOMES)[number], string> = {
  CLEAR: 'Clear',
  REVIEW: 'Review',
  LICENSE_REQUIRED: 'Licence required',
  PROHIBITED: 'Prohibited',
};
export const BASIS_WORDS = { LAW: 'Law', PROPOSED: 'Proposed rule', POLICY: 'Company policy' } as const;
export const KIND_WORDS: Record<string, string> = {
  EMBARGO: 'Embargo',
  LICENSE_REQUIREMENT: 'Licence requirement',
  END_USER: 'End user',
  END_USE: 'End use',
  PARTY_MATCH: 'Restricted party',
  BIOMETRIC_POLICY: 'Biometric policy',
  KYC: 'Know your customer',
  DATA_GAP: 'Missing data',
};
export const FREEDOM_STATUSES = ['F', 'PF', 'NF'] as const;
export const FREEDOM_WORDS: Record<string, string> = { F: 'Free', PF: 'Partly Free', NF: 'Not Free' };

const words = (code: string) => {
  const w = code.toLowerCase().replace(/_/g, ' ');
  return w.charAt(0).toUpperCase() + w.slice(1);
};
const ENUM_WORDS: Record<string, string> = {
  ONE_TO_ONE: '1:1 verification',
  ONE_TO_MANY: '1:N identification',
  NOT_CONSENTED: 'Not consented',
  ...FREEDOM_WORDS,
  ...OUTCOME_WORDS,
};
export const codeWords = (code: string) => ENUM_WORDS[code] ?? words(code);

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
  | { type: 'regions' }; // lines "UA-43 Crimea"

export type TFieldSpec = { path: string; label: string; help?: string; kind: TFieldKind };

const OUTCOME_KEYS = new Set([
  'outcome', 'possibleOutcome', 'expiredOutcome', 'defaultStrongOutcome', 'cclOutcome', 'ear99Outcome',
  'anyItemOutcome', 'nonEar99Outcome', 'liveVideoOutcome', 'unknownRowOutcome', 'strongOutcome',
]);
const LABELS: Record<string, string> = {
  outcome: 'Outcome',
  possibleOutcome: 'Outcome of a possible match',
  expiredOutcome: 'Outcome of an expired listing',
  defaultStrongOutcome: 'Outcome of a strong match on other lists',
  cclOutcome: 'Outcome for CCL items',
  ear99Outcome: 'Outcome for EAR99 items',
  anyItemOutcome: 'Outcome in "any item" countries',
  nonEar99Outcome: 'Outcome in "non-EAR99" countries',
  liveVideoOutcome: 'Outcome with live video',
  unknownRowOutcome: 'Outcome when the destination has no chart row',
  strongOutcome: 'Outcome of a strong match',
  endUserTypes: 'End-user types',
  governmentEndUserTypes: 'Government-type end users',
  endUseCategories: 'End-use categories',
  surveillanceEndUses: 'Surveillance end uses',
  groups: 'Country groups',
  destinationInGroups: 'Destination in country groups',
  destinationNotInGroups: 'Destination outside country groups',
  countries: 'Countries',
  anyItemCountries: 'Countries where any item needs a licence',
  nonEar99Countries: 'Countries where items other than EAR99 need a licence',
  regionRequiredFor: 'Countries where the region must be given',
  destinationCountries: 'Destination countries',
  strongThreshold: 'Strong match from score',
  possibleThreshold: 'Possible match from score',
  countryMismatchPenalty: 'Score reduction when countries differ',
  maxMatchesPerParty: 'Matches shown per party',
  order: 'Step order (first match wins)',
  modalities: 'Biometric modalities',
  matchingModes: 'Matching modes',
  statuses: 'Training-data consent statuses',
  freedomStatuses: 'Freedom House statuses',
  remoteGalleryCountsAsOneToMany: 'Remote gallery access counts as 1:N',
  governmentOrSurveillance: 'Government-type end user or surveillance use',
  liveVideo: 'Live video',
  citation: 'Citation',
  licensePolicy: 'Licence policy',
  licensePolicies: 'Licence policy per reason for control',
  citations: 'Citation per reason for control',
  flags: 'Red flags (plain words per code)',
  regions: 'Embargoed regions (ISO 3166-2 code and name, one per line)',
};

function kindOf(path: string): TFieldKind | null {
  const key = path.split('.').at(-1)!;
  if (OUTCOME_KEYS.has(key)) return { type: 'outcome' };
  switch (key) {
    case 'endUserTypes':
    case 'governmentEndUserTypes':
      return { type: 'enum-list', options: END_USER_TYPES };
    case 'endUseCategories':
    case 'surveillanceEndUses':
      return { type: 'enum-list', options: END_USE_CATEGORIES };
    case 'modalities':
      return { type: 'enum-list', options: MODALITIES };
    case 'matchingModes':
      return { type: 'enum-list', options: MATCHING_MODES };
    case 'statuses':
      return { type: 'enum-list', options: CONSENT_VALUES };
    case 'freedomStatuses':
      return { type: 'enum-list', options: FREEDOM_STATUSES };
    case 'groups':
    case 'destinationInGroups':
    case 'destinationNotInGroups':
      return { type: 'groups' };
    case 'countries':
    case 'anyItemCountries':
    case 'nonEar99Countries':
    case 'regionRequiredFor':
    case 'destinationCountries':
      return { type: 'countries' };
    case 'strongThreshold':
    case 'possibleThreshold':
      return { type: 'number', min: 0.5, max: 1, step: 0.01 };
    case 'countryMismatchPenalty':
      return { type: 'number', min: 0, max: 0.5, step: 0.01 };
    case 'maxMatchesPerParty':
      return { type: 'integer', min: 1, max: 50 };
    case 'order':
      return { type: 'integer', min: 1, max: 99 };
    case 'remoteGalleryCountsAsOneToMany':
      return { type: 'boolean' };
    case 'governmentOrSurveillance':
    case 'liveVideo':
      return { type: 'tri' };
    case 'citation':
    case 'licensePolicy':
      return { type: 'text', max: 500 };
    case 'licensePolicies':
    case 'citations':
    case 'flags':
      return { type: 'text-map' };
    case 'regions':
      return { type: 'regions' };
    default:
      return null;
  }
}

// Optional keys of a 1:N policy step's "when": shown even when absent, so an admin can add them.
const WHEN_KEYS = ['governmentOrSurveillance', 'freedomStatuses', 'destinationInGroups', 'destinationNotInGroups', 'liveVideo'];

/** The editable fields of a rule, from its current params. Unknown keys stay as they are (read-only). */
export function ruleFields(ruleId: string, params: Record<string, unknown>): TFieldSpec[] {
  const out: TFieldSpec[] = [];
  const walk = (value: unknown, prefix: string) => {
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      const path = prefix ? `${prefix}.${key}` : key;
      const kind = kindOf(path);
      if (kind) {
        const list = /^lists\.([A-Z_]+)\./.exec(path)?.[1];
        out.push({ path, label: list ? `${list}: ${LABELS[key] ?? key}` : (LABELS[key] ?? key), kind });
      } else if (v && typeof v === 'object' && !Array.isArray(v)) {
        walk(v, path);
      }
    }
  };
  walk(params, '');
  if (/^biometric\.one-to-many\./.test(ruleId) && params.when && typeof params.when === 'object') {
    for (const key of WHEN_KEYS) {
      const path = `when.${key}`;
      if (!out.some((f) => f.path === path)) out.push({ path, label: LABELS[key]!, kind: kindOf(path)! });
    }
    if (!('liveVideoOutcome' in params)) out.push({ path: 'liveVideoOutcome', label: LABELS.liveVideoOutcome!, kind: { type: 'outcome' }, help: 'Optional: leave empty for the same outcome' });
  }
  // Most telling first: thresholds and conditions, then who/where, outcomes, then per-list details.
  const weight = (path: string) => {
    const i = FIELD_ORDER.indexOf(path.split('.').at(-1)!);
    return (path.startsWith('lists.') ? 100 : 0) + (i < 0 ? 50 : i);
  };
  for (const f of out) {
    if (f.path.startsWith('when.') && (f.kind.type === 'enum-list' || f.kind.type === 'groups')) f.help = 'Leave empty if it does not matter';
  }
  return out.sort((a, b) => weight(a.path) - weight(b.path));
}

const FIELD_ORDER = [
  'order', 'strongThreshold', 'possibleThreshold', 'countryMismatchPenalty', 'maxMatchesPerParty',
  'governmentOrSurveillance', 'freedomStatuses', 'destinationInGroups', 'destinationNotInGroups', 'liveVideo',
  'modalities', 'matchingModes', 'remoteGalleryCountsAsOneToMany', 'statuses',
  'groups', 'countries', 'destinationCountries', 'anyItemCountries', 'nonEar99Countries', 'regions', 'regionRequiredFor',
  'endUserTypes', 'governmentEndUserTypes', 'endUseCategories', 'surveillanceEndUses',
  'outcome', 'liveVideoOutcome', 'anyItemOutcome', 'nonEar99Outcome', 'cclOutcome', 'ear99Outcome', 'possibleOutcome',
  'defaultStrongOutcome', 'expiredOutcome', 'unknownRowOutcome', 'strongOutcome', 'citation', 'licensePolicy',
];

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
      return z.preprocess(
        (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : undefined),
        z
          .number({ error: 'Enter a number' })
          .refine((n) => Number.isFinite(n), 'Enter a number')
          .refine((n) => n >= k.min && n <= k.max, `Enter a number from ${k.min} to ${k.max}`),
      );
    case 'integer':
      return z.preprocess(
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
    case 'text':
      return z.string({ error: 'Required' }).trim().min(1, 'Required').max(k.max, `At most ${k.max} characters`);
    case 'text-map': {
      const keys = Object.keys((current as Record<string, unknown>) ?? {});
      return z.object(Object.fromEntries(keys.map((key) => [key, z.string({ error: `${key}: required` }).trim().min(1, `${key}: required`).max(500, `${key}: at most 500 characters`)])));
    }
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

export type TRuleEditResult =
  | { ok: true; enabled: boolean; params: Record<string, unknown> }
  | { ok: false; fieldErrors: Record<string, string[]> };

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
    const optional = spec.path === 'liveVideoOutcome';
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
      (errors[key] ??= []).push(issue.message);
    }
  }
  // Cross-field check on its own, so it shows even when another field has an error too.
  const strong = shape.strongThreshold?.safeParse(input.strongThreshold);
  const possible = shape.possibleThreshold?.safeParse(input.possibleThreshold);
  if (strong?.success && possible?.success && (possible.data as number) > (strong.data as number)) {
    (errors.possibleThreshold ??= []).push('The possible-match score cannot be higher than the strong-match score');
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  const params = structuredClone(rule.params);
  for (const [path, value] of Object.entries(parsed.data as Record<string, unknown>)) {
    // An empty condition list in a 1:N step means "does not matter": the key is left out (an empty
    // list would make the step never match).
    const optionalCondition = path.startsWith('when.') && Array.isArray(value) && value.length === 0;
    setPath(params, path, optionalCondition ? undefined : value);
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
      if (v === undefined && spec.path.startsWith('when.')) return 'Does not matter';
      return list(v, codeWords);
    case 'countries':
      return list(v, (c) => `${countryName(c)} (${c})`);
    case 'groups':
      if (v === undefined && spec.path.startsWith('when.')) return 'Does not matter';
      return list(v, (g) => g);
    case 'boolean':
      return v ? 'Yes' : 'No';
    case 'tri':
      return v === true ? 'Yes' : v === false ? 'No' : 'Does not matter';
    case 'text-map':
      return `${Object.keys((v as object) ?? {}).length} entries`;
    case 'regions':
      return list(v, (r) => r) === 'none' ? 'none' : (v as { code: string; name: string }[]).map((r) => `${r.name} (${r.code})`).join(', ');
    default:
      return v === undefined || v === null || v === '' ? '—' : String(v);
  }
}

// ---- country risk data ----
export const ZCountryEdit = z.object({
  code: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'Choose a country'),
  freedom: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.enum(FREEDOM_STATUSES, { error: 'Choose Free, Partly Free, Not Free or not rated' }).nullable()),
  groups: z.preprocess(splitCodes, z.array(z.string().toUpperCase()).transform((a) => [...new Set(a)].sort())),
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
