// The one schema for an export application (PRODUCT.md §2), shared by the web form, the server
// actions, the JSON API and the CLI. Messages are written for the person filling in the form.
import { z } from 'zod';
import { countryCodeFrom, isCountryCode } from '../countries';
import { addFieldError, boundedDecimal, safeString } from './fields';
import { LICENCE_EXCEPTION_SYMBOLS } from '../screening/licence-exception-catalog';
import { ANNEX_I_VALID_FROM, NOT_LISTED, isAnnexICode, normalizeEuCode } from './eu-control-code';

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
  safeString(label, { error: `${label} is required` })
    .trim()
    .min(1, { message: `${label} is required`, abort: true })
    .min(min, `${label} needs at least ${min} characters`)
    .max(max, `${label} can be at most ${max} characters`);

export const ZCountryCode = z.string({ error: 'Choose a country' }).trim().toUpperCase().refine(isCountryCode, { message: 'Choose a country from the list' });

// Form fields arrive as strings: "" is "not answered" (→ the required message), "1,000" is 1000.
/** Empty form fields ("" or spaces) count as not given. */
export const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const numeric = (v: unknown) => {
  const b = blankToUndefined(v);
  return typeof b === 'string' ? Number(b.trim().replace(/[,\s]/g, '')) : b;
};

/**
 * A positive amount stored in a NUMERIC(precision, scale) column: too large or too precise a value is a
 * field error (never a database overflow, never 0.00001 silently stored as 0).
 */
const positiveNumber = (label: string, column: { precision: number; scale: number; unit?: string }) =>
  z.preprocess(
    numeric,
    z
      .number({ error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be a number`) })
      .refine((n) => Number.isFinite(n), { message: `${label} must be a number`, abort: true })
      .refine((n) => n > 0, { message: `${label} must be greater than zero`, abort: true })
      .superRefine((n, ctx) => {
        const problem = boundedDecimal(n, column);
        if (problem === 'too-large') {
          ctx.addIssue({ code: 'custom', message: `${label} must be less than ${(10 ** (column.precision - column.scale)).toLocaleString('en-US')}` });
        } else if (problem === 'too-precise') {
          ctx.addIssue({
            code: 'custom',
            message: `${label} can have at most ${column.scale} decimal place${column.scale === 1 ? '' : 's'}${column.unit ? ` (${column.unit})` : ''}`,
          });
        }
      }),
  );

// LineItem.quantity is NUMERIC(18, 4), LineItem.unitValueUsd NUMERIC(18, 2).
export const QUANTITY_COLUMN = { precision: 18, scale: 4 } as const;
export const UNIT_VALUE_COLUMN = { precision: 18, scale: 2, unit: 'cents' } as const;

export const ZBiometric = z.object({
  modality: z.enum(MODALITIES, { error: 'Choose the biometric modality' }),
  matchingMode: z.enum(MATCHING_MODES, { error: 'Choose the matching mode' }),
  maxGallerySize: z.preprocess(
    numeric,
    z
      .number({ error: (issue) => (issue.input === undefined ? 'Maximum gallery size is required' : 'Maximum gallery size must be a whole number') })
      .int('Maximum gallery size must be a whole number')
      .min(1, 'Maximum gallery size must be at least 1')
      .max(1e12, 'Maximum gallery size can be at most 1,000,000,000,000'),
  ),
  liveVideo: z.boolean({ error: 'Say whether it identifies people in live video' }),
  remoteGalleryAccess: z.boolean({ error: 'Say whether it offers remote gallery access' }),
  trainingDataConsent: z.enum(CONSENT_VALUES, { error: 'Choose the training-data consent status' }),
});

export const SUBJECT_TO_EAR = ['YES', 'NO', 'UNKNOWN'] as const;

/** For exporters outside the US: is the item subject to the EAR? Absent = not answered (the engine treats it as UNKNOWN). */
export const ZSubjectToEar = z.preprocess(
  (v) => {
    const b = blankToUndefined(v);
    return typeof b === 'string' ? b.trim().toUpperCase() : b;
  },
  z.enum(SUBJECT_TO_EAR, { error: 'Choose Yes, No or Don’t know for “Subject to the EAR”' }).nullable().optional(),
);

/** For EU exporters: an Annex I code of Regulation (EU) 2021/821, "NOT_LISTED", or null (not classified yet). */
export const ZEuControlCode = z.preprocess(
  (v) => {
    const b = blankToUndefined(v);
    return typeof b === 'string' ? normalizeEuCode(b) : b;
  },
  z
    .string({ error: 'Enter an Annex I code such as 2B001.a, or “Not listed”' })
    .refine((v) => v === NOT_LISTED || isAnnexICode(v), {
      message: `Not a code of Annex I to Regulation (EU) 2021/821 (consolidated ${ANNEX_I_VALID_FROM}): enter a code such as 2B001.a, or “Not listed”`,
    })
    .nullable()
    .optional(),
);

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

export const MAX_LINE_ITEMS = 50;

/** One line item (a product on the application); `product` in the one-item shorthand. */
export const ZLineItem = z.object(
  {
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
    quantity: positiveNumber('Quantity', QUANTITY_COLUMN),
    unitValueUsd: positiveNumber('Unit value', UNIT_VALUE_COLUMN),
    biometric: ZBiometric.nullable().default(null),
    // Part 740 licence exception claimed for the item (a symbol of the 2026 eCFR list); optional
    licenseExceptionClaimed: ZLicenceExceptionClaim,
    // exporters outside the US / in the EU (issue 16); absent in older inputs, which screen as before
    subjectToEar: ZSubjectToEar,
    euControlCode: ZEuControlCode,
  },
  { error: 'Product details are required' },
);
export type TLineItemInput = z.infer<typeof ZLineItem>;

// Neither `lineItems` nor `product`: an empty list, so "Add at least one line item" is reported with every other error.
const withItemList = (v: unknown) =>
  v &&
  typeof v === 'object' &&
  !Array.isArray(v) &&
  (v as { product?: unknown }).product === undefined &&
  (v as { lineItems?: unknown }).lineItems === undefined
    ? { ...v, lineItems: [] }
    : v;

export const ZApplicationInput = z.preprocess(
  withItemList,
  z
    .object({
      // Either `lineItems` (1–50) or `product` (the one-item shorthand of earlier clients and files);
      // the parsed result always carries `lineItems` only.
      product: ZLineItem.optional(),
      lineItems: z
        .array(ZLineItem, { error: 'Line items must be a list' })
        .min(1, 'Add at least one line item')
        .max(MAX_LINE_ITEMS, `An application can carry at most ${MAX_LINE_ITEMS} line items`)
        .optional(),
      destination: z.object(
        {
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
        },
        { error: 'The destination is required' },
      ),
      endUser: z.object(
        {
          name: text('End user name', 2, 200),
          country: ZCountryCode,
          address: text('End user address', 1, 500),
          // Optional: where the end user is, for city-level policies (US municipal bans on government
          // facial recognition); the engine reads the address when it is absent.
          city: z
            .preprocess((v) => blankToUndefined(v) ?? null, safeString('End user city').trim().max(100, 'At most 100 characters').nullable())
            .default(null),
          type: z.enum(END_USER_TYPES, { error: 'Choose the end user type' }),
        },
        { error: 'The end user is required' },
      ),
      consignees: z.array(ZConsignee).max(20, 'At most 20 consignees').default([]),
      endUse: z.object(
        {
          category: z.enum(END_USE_CATEGORIES, { error: 'Choose the end-use category' }),
          description: text('End-use description', 1, 5000),
        },
        { error: 'The end use is required' },
      ),
      redFlags: z
        .array(z.enum(RED_FLAG_CODES))
        .default([])
        .transform((flags) => [...new Set(flags)]),
    })
    .superRefine((app, ctx) => {
      const region = app.destination.region;
      if (region && !region.startsWith(`${app.destination.country}-`)) {
        ctx.addIssue({
          code: 'custom',
          path: ['destination', 'region'],
          message: `The region must be in the destination country (${app.destination.country}-…)`,
        });
      }
    })
    .refine((app) => !(app.product !== undefined && app.lineItems !== undefined), {
      path: ['product'],
      message: 'Give either "lineItems" or "product" (one item), not both',
    })
    .transform(({ product, lineItems, ...rest }) => ({ lineItems: lineItems ?? (product ? [product] : []), ...rest })),
);

export type TApplicationInput = z.infer<typeof ZApplicationInput>;

/**
 * The exporter's country of establishment where the input names it (the CLI; the web form and the
 * API take it from the organisation): `"exporter": {"country": "DE"}`, default US.
 */
export const ZExporterInput = z
  .object({ country: ZCountryCode }, { error: 'exporter must be an object such as {"country": "DE"}' })
  .optional()
  .transform((v) => v ?? { country: 'US' });

/** Every field error keyed by its dotted path ("lineItems.0.name", "product.name" for the shorthand, "consignees.0.country"). */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    addFieldError(out, key, issue.message);
  }
  return out;
}

// ---- the web form ⇄ the schema's input shape ----
// Field names are the dotted schema paths ("product.name", "consignees.0.country"), so an error
// key from fieldErrors() is also the name of the input it belongs to.
// Rows (line items, consignees) are numbered by a key that survives add/remove ("lineItems.3.name");
// the order on the page is the key order, and errors come back by position ("lineItems.1.name").
// Extra form-only fields: "lineItems.N.eccnUnclassified" (checkbox → eccn null), "lineItems.N.isBiometric"
// (checkbox → biometric object or null); yes/no radios carry "yes" | "no".

/** What a draft may hold: the input shape with every value as typed (possibly partial or invalid). */
export type TLineItemDraft = {
  name: string;
  description: string;
  eccn: string | null;
  kind: string;
  quantity: string | number;
  unitValueUsd: string | number;
  licenseExceptionClaimed?: string | null;
  subjectToEar?: string | null;
  /** "" = not classified yet; "NOT_LISTED"; or an Annex I code as typed */
  euControlCode?: string | null;
  biometric: null | {
    modality: string;
    matchingMode: string;
    maxGallerySize: string | number;
    liveVideo: boolean | undefined;
    remoteGalleryAccess: boolean | undefined;
    trainingDataConsent: string;
  };
};

export const EMPTY_LINE_ITEM: TLineItemDraft = { name: '', description: '', eccn: '', kind: '', quantity: '', unitValueUsd: '', biometric: null };

export type TApplicationDraftData = {
  lineItems: TLineItemDraft[];
  destination: { country: string; region: string | null };
  endUser: { name: string; country: string; address: string; city?: string; type: string };
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
  const rowsOf = (prefix: string) => {
    const rows = new Set<number>();
    const re = new RegExp(`^${prefix}\\.(\\d+)\\.`);
    for (const key of form.keys()) {
      const m = re.exec(key);
      if (m) rows.add(Number(m[1]));
    }
    return [...rows].sort((a, b) => a - b);
  };
  const item = (p: string): TLineItemDraft => ({
    name: str(`${p}.name`),
    description: str(`${p}.description`),
    eccn: form.get(`${p}.eccnUnclassified`) ? null : str(`${p}.eccn`),
    kind: str(`${p}.kind`),
    quantity: str(`${p}.quantity`),
    unitValueUsd: str(`${p}.unitValueUsd`),
    licenseExceptionClaimed: str(`${p}.licenseExceptionClaimed`).trim() || null,
    // only non-US organisations' forms carry these fields; absent → not in the draft
    ...(form.has(`${p}.subjectToEar`) ? { subjectToEar: str(`${p}.subjectToEar`) || null } : {}),
    ...(form.has(`${p}.euControlCode`) ? { euControlCode: form.get(`${p}.euNotListed`) ? 'NOT_LISTED' : str(`${p}.euControlCode`).trim() || null } : {}),
    biometric: form.get(`${p}.isBiometric`)
      ? {
          modality: str(`${p}.biometric.modality`),
          matchingMode: str(`${p}.biometric.matchingMode`),
          maxGallerySize: str(`${p}.biometric.maxGallerySize`),
          liveVideo: yesNo(str(`${p}.biometric.liveVideo`)),
          remoteGalleryAccess: yesNo(str(`${p}.biometric.remoteGalleryAccess`)),
          trainingDataConsent: str(`${p}.biometric.trainingDataConsent`),
        }
      : null,
  });
  return {
    lineItems: rowsOf('lineItems').map((i) => item(`lineItems.${i}`)),
    destination: { country: country('destination.country'), region: str('destination.region').trim() || null },
    endUser: {
      name: str('endUser.name'),
      country: country('endUser.country'),
      address: str('endUser.address'),
      city: str('endUser.city'),
      type: str('endUser.type'),
    },
    consignees: rowsOf('consignees').map((i) => ({
      name: str(`consignees.${i}.name`),
      country: country(`consignees.${i}.country`),
      role: str(`consignees.${i}.role`),
    })),
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
  const itemOf = (raw: unknown): TLineItemDraft => {
    const product = o(raw);
    const bio = product.biometric && typeof product.biometric === 'object' ? o(product.biometric) : null;
    return {
      name: s(product.name),
      description: s(product.description),
      eccn: product.eccn === null ? null : s(product.eccn),
      kind: s(product.kind),
      quantity: s(product.quantity),
      unitValueUsd: s(product.unitValueUsd),
      licenseExceptionClaimed: s(product.licenseExceptionClaimed) || null,
      ...(product.subjectToEar !== undefined ? { subjectToEar: s(product.subjectToEar) || null } : {}),
      ...(product.euControlCode !== undefined ? { euControlCode: s(product.euControlCode) || null } : {}),
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
    };
  };
  const destination = o(root.destination);
  const endUser = o(root.endUser);
  const endUse = o(root.endUse);
  // Drafts saved before line items carry `product`; every draft shows at least one item group.
  const items = Array.isArray(root.lineItems) ? root.lineItems.slice(0, MAX_LINE_ITEMS).map(itemOf) : root.product !== undefined ? [itemOf(root.product)] : [];
  return {
    lineItems: items.length > 0 ? items : [{ ...EMPTY_LINE_ITEM }],
    destination: { country: s(destination.country), region: s(destination.region) || null },
    endUser: { name: s(endUser.name), country: s(endUser.country), address: s(endUser.address), city: s(endUser.city), type: s(endUser.type) },
    consignees: (Array.isArray(root.consignees) ? root.consignees : []).map((c) => ({ name: s(o(c).name), country: s(o(c).country), role: s(o(c).role) })),
    endUse: { category: s(endUse.category), description: s(endUse.description) },
    redFlags: (Array.isArray(root.redFlags) ? root.redFlags : []).filter((f): f is string => typeof f === 'string'),
  };
}

/**
 * A stored, already validated application (Application.data, ScreeningRun.input) → the current
 * input shape. Rows stored before line items carry `product`; they read as one line item.
 */
export function storedApplicationInput(json: unknown): TApplicationInput {
  const root = (json && typeof json === 'object' ? json : {}) as Partial<TApplicationInput> & { product?: TLineItemInput };
  const { product, ...rest } = root;
  const lineItems = Array.isArray(root.lineItems) ? root.lineItems : product ? [product] : [];
  return { consignees: [], redFlags: [], ...rest, lineItems } as TApplicationInput;
}
