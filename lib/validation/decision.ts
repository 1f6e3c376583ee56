// Schemas for every officer input: decisions (approve, deny, request information, escalate),
// countersignature, notes, cleared matches, assignment, bulk approval and the queue filters.
// One schema per input, shared by the form's server action and the data layer's callers.
import { z } from 'zod';
import { ApplicationStatus, Outcome } from '@/lib/generated/prisma/enums';
import { blankToUndefined } from '@/lib/validation/application';
import { safeString } from '@/lib/validation/fields';

const optionalText = (label: string, max: number) =>
  z.preprocess(blankToUndefined, safeString(label).trim().max(max, `${label} can be at most ${max} characters`).optional());

const requiredText = (label: string, max: number, message = `${label} is required`) =>
  z.preprocess((v) => (v == null ? '' : v), safeString(label, { error: message }).trim().min(1, message).max(max, `${label} can be at most ${max} characters`));

const ZCaseRef = {
  caseId: z.string({ error: 'Missing case' }).min(1, 'Missing case').max(64),
  expectedVersion: z.coerce.number({ error: 'Missing version' }).int().min(1),
};

const note = optionalText('Decision note', 5000);

export const ZApproveInput = z.object({
  type: z.literal('APPROVE'),
  ...ZCaseRef,
  conditions: optionalText('Conditions', 5000),
  licenseReference: optionalText('Licence reference', 100),
  licenseExpiresAt: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the expiry date as a date (YYYY-MM-DD)')
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'Enter a real date')
      .optional(),
  ),
  note,
});

export const ZDenyInput = z.object({
  type: z.literal('DENY'),
  ...ZCaseRef,
  reason: requiredText('Reason', 5000, 'Give the reason for the denial'),
  note,
});

export const ZRequestInfoInput = z.object({
  type: z.literal('REQUEST_INFO'),
  ...ZCaseRef,
  message: requiredText('Message', 5000, 'Write what the exporter should tell you or change'),
  note,
});

export const ZEscalateInput = z.object({
  type: z.literal('ESCALATE'),
  ...ZCaseRef,
  note,
});

export const ZDecisionInput = z.discriminatedUnion('type', [ZApproveInput, ZDenyInput, ZRequestInfoInput, ZEscalateInput], {
  error: 'Choose a decision',
});
export type TDecisionInput = z.infer<typeof ZDecisionInput>;
export type TApproveInput = z.infer<typeof ZApproveInput>;

export const ZCountersignInput = z.object({ ...ZCaseRef, note: optionalText('Countersignature note', 5000) });
export type TCountersignInput = z.infer<typeof ZCountersignInput>;

export const ZCaseNoteInput = z.object({ caseId: ZCaseRef.caseId, body: requiredText('Note', 5000, 'Write the note') });
export type TCaseNoteInput = z.infer<typeof ZCaseNoteInput>;

export const ZClearMatchInput = z.object({
  ...ZCaseRef,
  listCode: safeString('List').min(1).max(40),
  entryId: safeString('Entry').min(1).max(200),
  partyName: safeString('Party name').min(1).max(300),
  justification: z.preprocess(
    (v) => (v == null ? '' : v),
    safeString('Justification')
      .trim()
      .min(10, 'Explain why this is not the listed party (at least 10 characters)')
      .max(2000, 'Justification can be at most 2000 characters'),
  ),
});
export type TClearMatchInput = z.infer<typeof ZClearMatchInput>;

export const ZAssignInput = z.object({ ...ZCaseRef });

/** Bulk approval: "caseId:version" pairs from the queue's checkboxes. */
export const ZBulkApproveInput = z.object({
  cases: z
    .array(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,64}:\d{1,9}$/, 'Invalid selection')
        .transform((v) => {
          const [caseId, version] = v.split(':');
          return { caseId: caseId!, expectedVersion: Number(version) };
        }),
    )
    .min(1, 'Select at least one clear case')
    .max(200, 'Approve at most 200 cases at once'),
  note: optionalText('Decision note', 5000),
});

const oneOf = <T extends string>(values: readonly T[]) =>
  z.preprocess(
    blankToUndefined,
    z
      .enum(values as [T, ...T[]])
      .optional()
      .catch(undefined),
  );

/** The queue's URL search params. Unknown values are ignored rather than failing the page. */
/** Queue orders: worst outcome first, oldest first, fewest working days left on the service-level clock. */
export const QUEUE_SORTS = ['severity', 'age', 'due'] as const;
export type TQueueSort = (typeof QUEUE_SORTS)[number];

export const ZQueueFilter = z.object({
  /** Search box: reference, product name or ECCN, end-user or consignee name, organisation. */
  q: z.preprocess(blankToUndefined, z.string().trim().max(200).optional().catch(undefined)),
  status: z.preprocess(
    (v) => (v === undefined || v === '' ? undefined : Array.isArray(v) ? v : [v]),
    z
      .array(z.enum(Object.values(ApplicationStatus).filter((s) => s !== 'DRAFT') as [ApplicationStatus, ...ApplicationStatus[]]))
      .optional()
      .catch(undefined),
  ),
  outcome: oneOf(Object.values(Outcome)),
  destination: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/)
      .optional()
      .catch(undefined),
  ),
  organization: z.preprocess(blankToUndefined, z.string().max(64).optional().catch(undefined)),
  mine: z.preprocess((v) => v === '1' || v === 'on' || v === 'true', z.boolean()),
  age: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(3650).optional().catch(undefined)),
  sort: z.preprocess(blankToUndefined, z.enum(QUEUE_SORTS).default('severity').catch('severity')),
  cursor: z.preprocess(blankToUndefined, z.string().max(400).optional().catch(undefined)),
  /** Page number shown next to the keyset cursor (the cursor decides what is read). */
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1).catch(1)),
});
export type TQueueFilter = z.infer<typeof ZQueueFilter>;

// ---- per-item decisions (issue 12) ----
export const ITEM_CHOICES = ['APPROVE', 'DENY'] as const;

export const ZLineItemChoice = z.object({
  position: z.coerce.number().int().min(0).max(49),
  decision: z.enum(ITEM_CHOICES, { error: 'Approve or refuse this item' }),
  conditions: optionalText('Conditions', 5000),
  reason: optionalText('Reason', 5000),
  licenseReference: optionalText('Licence reference', 100),
  licenseExpiresAt: ZApproveInput.shape.licenseExpiresAt,
});
export type TLineItemChoice = z.infer<typeof ZLineItemChoice>;

/** The officer's decision on every line item of a case; the case's result follows from them. */
export const ZLineItemDecisionInput = z
  .object({
    ...ZCaseRef,
    items: z.array(ZLineItemChoice).min(1, 'Decide every line item').max(50),
    note,
  })
  .superRefine((input, ctx) => {
    input.items.forEach((item, i) => {
      if (item.decision === 'DENY' && !item.reason)
        ctx.addIssue({ code: 'custom', path: ['items', i, 'reason'], message: 'Give the reason for refusing this item' });
    });
  });
export type TLineItemDecisionInput = z.infer<typeof ZLineItemDecisionInput>;

/** Values of the per-item decision form ("items.0.decision", "items.0.reason", …) → the schema's input shape. */
export function lineItemDecisionFromValues(raw: unknown) {
  const values = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const str = (key: string) => {
    const v = values[key];
    return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;
  };
  const positions = new Set<number>();
  for (const key of Object.keys(values)) {
    const m = /^items\.(\d+)\./.exec(key);
    if (m) positions.add(Number(m[1]));
  }
  if (positions.size === 0 && Array.isArray(values.items)) return values; // already nested (API, tests)
  return {
    caseId: str('caseId'),
    expectedVersion: str('expectedVersion'),
    note: str('note'),
    items: [...positions]
      .sort((a, b) => a - b)
      .map((p) => ({
        position: p,
        decision: str(`items.${p}.decision`),
        conditions: str(`items.${p}.conditions`),
        reason: str(`items.${p}.reason`),
        licenseReference: str(`items.${p}.licenseReference`),
        licenseExpiresAt: str(`items.${p}.licenseExpiresAt`),
      })),
  };
}

/** The per-item decision form's schema: flat form values in, TLineItemDecisionInput out. */
export const ZLineItemDecisionForm = z.preprocess(lineItemDecisionFromValues, ZLineItemDecisionInput);
