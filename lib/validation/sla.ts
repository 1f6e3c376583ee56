// The service-level settings an admin edits: working days to a decision per screening outcome and
// the holiday calendar (one ISO date a line). Shared by the admin form and its action.
import { z } from 'zod';
import { safeString } from '@/lib/validation/fields';

const days = (label: string) =>
  z.coerce
    .number({ error: `${label}: enter a number of working days` })
    .int(`${label}: whole working days`)
    .min(1, `${label}: at least 1 working day`)
    .max(365, `${label}: at most 365 working days`);

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** "2026-12-25" lines (blank lines and "# comments" ignored) → sorted unique dates; each bad line is an error. */
export const ZHolidayList = z.preprocess(
  (v) => (v == null ? '' : v),
  z
    .string()
    .max(20_000, 'The holiday list is too long')
    .transform((text, ctx) => {
      const dates = new Set<string>();
      text.split(/\r?\n/).forEach((line, i) => {
        const value = line.replace(/#.*/, '').trim();
        if (!value) return;
        const t = Date.parse(`${value}T00:00:00Z`);
        if (!isoDate.test(value) || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== value) {
          ctx.addIssue({ code: 'custom', message: `Line ${i + 1}: “${value.slice(0, 40)}” is not a date (YYYY-MM-DD)` });
          return;
        }
        dates.add(value);
      });
      return [...dates].sort();
    }),
);

export const ZSlaSettingsInput = z.object({
  CLEAR: days('Clear'),
  REVIEW: days('Review'),
  LICENSE_REQUIRED: days('Licence required'),
  PROHIBITED: days('Prohibited'),
  holidays: ZHolidayList,
  note: z.preprocess(
    (v) => (v == null ? '' : v),
    safeString('Reason', { error: 'Say why the settings change' }).trim().min(3, 'Say why the settings change').max(500, 'At most 500 characters'),
  ),
});
export type TSlaSettingsInput = z.infer<typeof ZSlaSettingsInput>;
