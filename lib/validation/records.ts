// The whole-organisation export form (admin records page): one schema for the form and its action.
// Dates are calendar days (UTC); the range covers applications created from `from` through `to`.
import { z } from 'zod';

const day = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a date (YYYY-MM-DD)`)
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), `${label} is not a real date`);

export const ZOrgExportInput = z
  .object({
    organizationId: z.string({ error: 'Choose an organisation' }).trim().min(1, 'Choose an organisation').max(100),
    from: day('From'),
    to: day('To'),
  })
  .refine((v) => v.from <= v.to, { path: ['to'], message: 'To must be on or after From' });

export type TOrgExportInput = z.infer<typeof ZOrgExportInput>;
