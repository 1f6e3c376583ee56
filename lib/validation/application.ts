// The one schema for an export application (PRODUCT.md §2), shared by the web form, the server
// actions, the JSON API and the CLI. Messages are written for the person filling in the form.
import countries from 'i18n-iso-countries';
import { z } from 'zod';

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
    .min(min, min <= 1 ? `${label} is required` : `${label} needs at least ${min} characters`)
    .max(max, `${label} can be at most ${max} characters`);

export const ZCountryCode = z
  .string({ error: 'Choose a country' })
  .trim()
  .toUpperCase()
  .refine((code) => /^[A-Z]{2}$/.test(code) && countries.isValid(code), { message: 'Choose a country from the list' });

const positiveNumber = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a number` })
    .refine((n) => Number.isFinite(n), `${label} must be a number`)
    .refine((n) => n > 0, `${label} must be greater than zero`);

export const ZBiometric = z.object({
  modality: z.enum(MODALITIES, { error: 'Choose the biometric modality' }),
  matchingMode: z.enum(MATCHING_MODES, { error: 'Choose the matching mode' }),
  maxGallerySize: z.coerce
    .number({ error: 'Maximum gallery size must be a whole number' })
    .int('Maximum gallery size must be a whole number')
    .min(1, 'Maximum gallery size must be at least 1'),
  liveVideo: z.boolean({ error: 'Say whether it identifies people in live video' }),
  remoteGalleryAccess: z.boolean({ error: 'Say whether it offers remote gallery access' }),
  trainingDataConsent: z.enum(CONSENT_VALUES, { error: 'Choose the training-data consent status' }),
});

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
      eccn: z
        .string()
        .trim()
        .transform(normalizeEccn)
        .refine((v) => ECCN_PATTERN.test(v), { message: 'Enter EAR99 or an ECCN such as 3A981 or 5A001.j' })
        .nullable({ error: 'Enter the ECCN, or choose “not classified yet”' }),
      kind: z.enum(PRODUCT_KINDS, { error: 'Choose the product type' }),
      quantity: positiveNumber('Quantity'),
      unitValueUsd: positiveNumber('Unit value'),
      biometric: ZBiometric.nullable().default(null),
    }),
    destination: z.object({
      country: ZCountryCode,
      region: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'Use an ISO 3166-2 code such as UA-43')
        .nullable()
        .default(null),
    }),
    endUser: z.object({
      name: text('End user name', 2, 200),
      country: ZCountryCode,
      address: text('End user address', 1, 500),
      type: z.enum(END_USER_TYPES, { error: 'Choose the end user type' }),
    }),
    consignees: z.array(ZConsignee).max(20, 'At most 20 consignees').default([]),
    endUse: z.object({
      category: z.enum(END_USE_CATEGORIES, { error: 'Choose the end-use category' }),
      description: text('End-use description', 1, 5000),
    }),
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
