// The one schema for an export application (PRODUCT.md §2), shared by the web form, the server
// actions, the JSON API and the CLI. Messages are written for the person filling in the form.
import countries from 'i18n-iso-countries';
import { z } from 'zod';
import { countryCodeFrom } from '../countries';
import { LICENCE_EXCEPTION_SYMBOLS } from '../screening/licence-exception-catalog';

export const PRODUCT_KINDS = ['HARDWARE', 'SOFTWARE', 'TECHNOLOGY'] as const;
export const MODALITIES = ['FACE', 'FINGERPRINT', 'IRIS', 'VOICE', 'GAIT', 'OTHER'] as const;
export const MATCHING_MODES = ['ONE_TO_ONE', 'ONE_TO_MANY'] as const;
export const CONSENT_VALUES = ['CONSENTED', 'NOT_CONSENTED', 'UNKNOWN'] as const;
export const END_USER_TYPES = ['COMMERCIAL', 'GOVERNMENT', 'LAW_ENFORCEMENT', 'MILITARY', 'INTELLIGENCE', 'ACADEMIC', 'INDIVIDUAL'] as const;
export const CONSIGNEE_ROLES = ['INTERMEDIATE', 'ULTIMATE'] as const;
export const END_USE_CATEGORIES = [
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

// Supp. 3 to 15 CFR Part 732 ("Know Your Customer" red flags), in the plain words the form shows.
export const RED_FLAGS = {
  REFUSES_END_USE_INFO: 'The customer is reluctant to say what the item is for',
  CAPABILITIES_MISMATCH: 'The item does not fit the buyer’s line of business',
  INCOMPATIBLE_WITH_DESTINATION: 'The item is incompatible with the technical level of the destination',
  UNUSUAL_PAYMENT: 'Cash is offered for an expensive item where financing is normal',
  NO_BUSINESS_BACKGROUND: 'The customer has little or no business background',
  UNFAMILIAR_WITH_PRODUCT: 'The customer is unfamiliar with the item’s performance but wants it',
  DECLINES_SERVICES: 'The customer declines installation, training or maintenance',
  VAGUE_DELIVERY: 'Delivery dates are vague, or deliveries go to out-of-the-way destinations',
  FORWARDER_AS_DESTINATION: 'A freight forwarder is the final destination',
  ABNORMAL_ROUTE: 'The shipping route is abnormal for the item and destination',
  INCONSISTENT_PACKAGING: 'Packaging is inconsistent with the shipment or destination',
  EVASIVE_ABOUT_REEXPORT: 'The customer is evasive about domestic use, export or re-export',
} as const;
export type TRedFlagCode = keyof typeof RED_FLAGS;
export const RED_FLAG_CODES = Object.keys(RED_FLAGS) as [TRedFlagCode, ...TRedFlagCode[]];

// "EAR99", or an ECCN with optional paragraphs: 3A981, 5A001.j, 3A001.b.4.b, 0A501.y.1
export const ECCN_PATTERN = /^(EAR99|[0-9][A-E][0-9]{3}(\.[a-z0-9]{1,4})*)$/;

/** Canonical spelling: category letter upper case, paragraphs lower case ("5a001.J" → "5A001.j"). */
export function normalizeEccn(raw: string): string {
  const trimmed = raw.trim().replace(/\s+/g, '');
  if (/^ear99$/i.test(trimmed)) return 'EAR99';
  const [head = '', ...paragraphs] = trimmed.split('.');
  return [head.toUpperCase(), ...paragraphs.map((p) => p.toLowerCase())].join('.');
}

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, { message: `${label} is required`, abort: true })
    .min(min, `${label} needs at least ${min} characters`)
    .max(max, `${label} can be at most ${max} characters`);

export const ZCountryCode = z
  .string({ error: 'Choose a country' })
  .trim()
  .toUpperCase()
  .refine((code) => /^[A-Z]{2}$/.test(code) && countries.isValid(code), { message: 'Choose a country from the list' });

// Form fields arrive as strings: "" is "not answered" (→ the required message), "1,000" is 1000.
/** Empty form fields ("" or spaces) count as not given. */
export const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const numeric = (v: unknown) => {
  const b = blankToUndefined(v);
  return typeof b === 'string' ? Number(b.trim().replace(/[,\s]/g, '')) : b;
};

const positiveNumber = (label: string) =>
  z.preprocess(
    numeric,
    z
      .number({ error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be a number`) })
      .refine((n) => Number.isFinite(n), `${label} must be a number`)
      .refine((n) => n > 0, `${label} must be greater than zero`),
  );

export const ZBiometric = z.object({
  modality: z.enum(MODALITIES, { error: 'Choose the biometric modality' }),
  matchingMode: z.enum(MATCHING_MODES, { error: 'Choose the matching mode' }),
  maxGallerySize: z.preprocess(
    numeric,
    z
      .number({ error: (issue) => (issue.input === undefined ? 'Maximum gallery size is required' : 'Maximum gallery size must be a whole number') })
      .int('Maximum gallery size must be a whole number')
      .min(1, 'Maximum gallery size must be at least 1'),
  ),
  liveVideo: z.boolean({ error: 'Say whether it identifies people in live video' }),
  remoteGalleryAccess: z.boolean({ error: 'Say whether it offers remote gallery access' }),
  trainingDataConsent: z.enum(CONSENT_VALUES, { error: 'Choose the training-data consent status' }),
});

/** A Part 740 symbol ("LVS", "gbs " → "GBS"), or null when none is claimed. */
export const ZLicenceExceptionClaim = z.preprocess(
  (v) => {
    const b = blankToUndefined(v);
    return b === undefined ? null : typeof b === 'string' ? b.trim().toUpperCase() : b;
  },
  z.enum(LICENCE_EXCEPTION_SYMBOLS, { error: 'Choose a licence exception from the Part 740 list (e.g. LVS, GBS, STA), or none' }).nullable(),
);

export const ZConsignee = z.object({
  name: text('Consignee name', 2, 200),
  country: ZCountryCode,
  role: z.enum(CONSIGNEE_ROLES, { error: 'Choose the consignee’s role' }),
});

export const ZApplicationInput = z
  .object({
    product: z.object({
      name: text('Product name', 2, 200),
      description: text('Description', 1, 5000),
      eccn: z.preprocess(
        blankToUndefined,
        z
          .string({ error: 'Enter the ECCN, or choose “not classified yet”' })
          .trim()
          .transform(normalizeEccn)
          .refine((v) => ECCN_PATTERN.test(v), { message: 'Enter EAR99 or an ECCN such as 3A981 or 5A001.j' })
          .nullable(),
      ),
      kind: z.enum(PRODUCT_KINDS, { error: 'Choose the product type' }),
      quantity: positiveNumber('Quantity'),
      unitValueUsd: positiveNumber('Unit value'),
      biometric: ZBiometric.nullable().default(null),
      // Part 740 licence exception claimed for the item (a symbol of the 2026 eCFR list); optional
      licenseExceptionClaimed: ZLicenceExceptionClaim,
    }, { error: 'Product details are required' }),
    destination: z.object({
      country: ZCountryCode,
      region: z.preprocess(
        (v) => blankToUndefined(v) ?? null,
        z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'Use an ISO 3166-2 code such as UA-43')
          .nullable(),
      ),
    }, { error: 'The destination is required' }),
    endUser: z.object({
      name: text('End user name', 2, 200),
      country: ZCountryCode,
      address: text('End user address', 1, 500),
      type: z.enum(END_USER_TYPES, { error: 'Choose the end user type' }),
    }, { error: 'The end user is required' }),
    consignees: z.array(ZConsignee).max(20, 'At most 20 consignees').default([]),
    endUse: z.object({
      category: z.enum(END_USE_CATEGORIES, { error: 'Choose the end-use category' }),
      description: text('End-use description', 1, 5000),
    }, { error: 'The end use is required' }),
    redFlags: z
      .array(z.enum(RED_FLAG_CODES))
      .default([])
      .transform((flags) => [...new Set(flags)]),
  })
  .superRefine((app, ctx) => {
    const region = app.destination.region;
    if (region && !region.startsWith(`${app.destination.country}-`)) {
      ctx.addIssue({ code: 'custom', path: ['destination', 'region'], message: `The region must be in the destination country (${app.destination.country}-…)` });
    }
  });

export type TApplicationInput = z.infer<typeof ZApplicationInput>;

/** Every field error keyed by its dotted path ("product.name", "consignees.0.country"). */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

// ---- the web form ⇄ the schema's input shape ----
// Field names are the dotted schema paths ("product.name", "consignees.0.country"), so an error
// key from fieldErrors() is also the name of the input it belongs to.
// Extra form-only fields: "product.eccnUnclassified" (checkbox → eccn null), "product.isBiometric"
// (checkbox → biometric object or null); yes/no radios carry "yes" | "no".

/** What a draft may hold: the input shape with every value as typed (possibly partial or invalid). */
export type TApplicationDraftData = {
  product: {
    name: string;
    description: string;
    eccn: string | null;
    kind: string;
    quantity: string | number;
    unitValueUsd: string | number;
    licenseExceptionClaimed?: string | null;
    biometric: null | {
      modality: string;
      matchingMode: string;
      maxGallerySize: string | number;
      liveVideo: boolean | undefined;
      remoteGalleryAccess: boolean | undefined;
      trainingDataConsent: string;
    };
  };
  destination: { country: string; region: string | null };
  endUser: { name: string; country: string; address: string; type: string };
  consignees: { name: string; country: string; role: string }[];
  endUse: { category: string; description: string };
  redFlags: string[];
};

const yesNo = (v: string): boolean | undefined => (v === 'yes' ? true : v === 'no' ? false : undefined);

/**
 * FormData from the application form → the nested object ZApplicationInput parses (and a draft
 * stores). Countries typed by name become ISO codes; text that names no country is kept as typed so
 * the schema can say so at the field and the person sees what they wrote.
 */
export function applicationFromFormData(form: FormData): TApplicationDraftData {
  const str = (key: string) => {
    const v = form.get(key);
    return typeof v === 'string' ? v : '';
  };
  const country = (key: string) => {
    const typed = str(key).trim();
    return countryCodeFrom(typed) ?? typed;
  };
  const rows = new Set<number>();
  for (const key of form.keys()) {
    const m = /^consignees\.(\d+)\./.exec(key);
    if (m) rows.add(Number(m[1]));
  }
  return {
    product: {
      name: str('product.name'),
      description: str('product.description'),
      eccn: form.get('product.eccnUnclassified') ? null : str('product.eccn'),
      kind: str('product.kind'),
      quantity: str('product.quantity'),
      unitValueUsd: str('product.unitValueUsd'),
      licenseExceptionClaimed: str('product.licenseExceptionClaimed').trim() || null,
      biometric: form.get('product.isBiometric')
        ? {
            modality: str('product.biometric.modality'),
            matchingMode: str('product.biometric.matchingMode'),
            maxGallerySize: str('product.biometric.maxGallerySize'),
            liveVideo: yesNo(str('product.biometric.liveVideo')),
            remoteGalleryAccess: yesNo(str('product.biometric.remoteGalleryAccess')),
            trainingDataConsent: str('product.biometric.trainingDataConsent'),
          }
        : null,
    },
    destination: { country: country('destination.country'), region: str('destination.region').trim() || null },
    endUser: { name: str('endUser.name'), country: country('endUser.country'), address: str('endUser.address'), type: str('endUser.type') },
    consignees: [...rows]
      .sort((a, b) => a - b)
      .map((i) => ({ name: str(`consignees.${i}.name`), country: country(`consignees.${i}.country`), role: str(`consignees.${i}.role`) })),
    endUse: { category: str('endUse.category'), description: str('endUse.description') },
    redFlags: form.getAll('redFlags').filter((v): v is string => typeof v === 'string'),
  };
}

/** Stored draft JSON (any shape, e.g. from an older form) → complete draft data for the form's defaults. */
export function draftDataFrom(json: unknown): TApplicationDraftData {
  const o = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const s = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
  const b = (v: unknown) => (typeof v === 'boolean' ? v : undefined);
  const root = o(json);
  const product = o(root.product);
  const bio = product.biometric && typeof product.biometric === 'object' ? o(product.biometric) : null;
  const destination = o(root.destination);
  const endUser = o(root.endUser);
  const endUse = o(root.endUse);
  return {
    product: {
      name: s(product.name),
      description: s(product.description),
      eccn: product.eccn === null ? null : s(product.eccn),
      kind: s(product.kind),
      quantity: s(product.quantity),
      unitValueUsd: s(product.unitValueUsd),
      licenseExceptionClaimed: s(product.licenseExceptionClaimed) || null,
      biometric: bio
        ? {
            modality: s(bio.modality),
            matchingMode: s(bio.matchingMode),
            maxGallerySize: s(bio.maxGallerySize),
            liveVideo: b(bio.liveVideo),
            remoteGalleryAccess: b(bio.remoteGalleryAccess),
            trainingDataConsent: s(bio.trainingDataConsent),
          }
        : null,
    },
    destination: { country: s(destination.country), region: s(destination.region) || null },
    endUser: { name: s(endUser.name), country: s(endUser.country), address: s(endUser.address), type: s(endUser.type) },
    consignees: (Array.isArray(root.consignees) ? root.consignees : []).map((c) => ({ name: s(o(c).name), country: s(o(c).country), role: s(o(c).role) })),
    endUse: { category: s(endUse.category), description: s(endUse.description) },
    redFlags: (Array.isArray(root.redFlags) ? root.redFlags : []).filter((f): f is string => typeof f === 'string'),
  };
}
