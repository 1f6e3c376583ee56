// Admin edits of users and organisations: one schema per form, shared by the form and its action.
// Exporters belong to exactly one organisation; officers and admins to none.
import { z } from 'zod';
import { safeString } from '@/lib/validation/fields';
import { COUNTRY_OPTIONS } from '@/lib/countries';

export const ROLES = ['EXPORTER', 'OFFICER', 'ADMIN'] as const;
export const ROLE_WORDS: Record<(typeof ROLES)[number], string> = { EXPORTER: 'Exporter', OFFICER: 'Compliance officer', ADMIN: 'Administrator' };

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

const roleAndOrganization = {
  role: z.enum(ROLES, { error: 'Choose a role' }),
  organizationId: z.preprocess(blankToNull, z.string().trim().max(100).nullable().default(null)),
};

function checkOrganization(v: { role: string; organizationId: string | null }, ctx: z.RefinementCtx) {
  if (v.role === 'EXPORTER' && !v.organizationId) {
    ctx.addIssue({ code: 'custom', path: ['organizationId'], message: 'Choose the organisation this exporter works for' });
  }
  if (v.role !== 'EXPORTER' && v.organizationId) {
    ctx.addIssue({
      code: 'custom',
      path: ['organizationId'],
      message: 'Only exporters belong to an organisation; leave it empty for officers and administrators',
    });
  }
}

export const ZCreateUser = z
  .object({
    name: safeString('Name', { error: 'Name is required' }).trim().min(2, 'Name needs at least 2 characters').max(100, 'At most 100 characters'),
    email: z
      .string({ error: 'Email is required' })
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: 'Enter an email address such as name@example.com' }).max(200)),
    password: safeString('Password', { error: 'Initial password is required' })
      .min(12, 'The initial password needs at least 12 characters')
      .max(200, 'At most 200 characters'),
    ...roleAndOrganization,
  })
  .superRefine(checkOrganization);
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZUpdateUser = z.object({ userId: z.string().trim().min(1), ...roleAndOrganization }).superRefine(checkOrganization);
export type TUpdateUser = z.infer<typeof ZUpdateUser>;

export const ZSetUserActive = z.object({
  userId: z.string().trim().min(1),
  active: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

/** An organisation's country of establishment (ISO alpha-2; empty = US, the default). */
const organizationCountry = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() !== '' ? v : 'US'),
  z
    .string()
    .trim()
    .toUpperCase()
    .refine((c) => COUNTRY_OPTIONS.some((o) => o.code === c), 'Choose a country (ISO code such as US, DE)'),
);

export const ZCreateOrganization = z.object({
  name: safeString('Name', { error: 'Name is required' }).trim().min(2, 'Name needs at least 2 characters').max(120, 'At most 120 characters'),
  country: organizationCountry,
});

export const ZUpdateOrganizationCountry = z.object({
  organizationId: z.string().trim().min(1),
  country: organizationCountry,
});
