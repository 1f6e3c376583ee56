'use server';
// Admin actions on users and organisations, built with the one pipeline (lib/action.ts): authorize
// → validate (lib/validation/users.ts) → data layer (lib/data/users.ts checks the role again and
// writes the audit row in the same transaction) → revalidate.
import { revalidatePath } from 'next/cache';
import { action, done } from '@/lib/action';
import { createOrganization, createUser, setUserActive, updateOrganizationCountry, updateUserRole } from '@/lib/data/users';
import { ZCreateOrganization, ZCreateUser, ZSetUserActive, ZUpdateOrganizationCountry, ZUpdateUser } from '@/lib/validation/users';

const roles: 'ADMIN'[] = ['ADMIN'];

export const createUserAction = action(
  { roles, schema: ZCreateUser, redact: ['password'] }, // never echo a password back to the browser
  async ({ actor, input }) => {
    await createUser(actor, input);
    revalidatePath('/admin/users');
    return done(`${input.name} can now sign in as ${input.email}.`);
  },
);

export const updateUserAction = action({ roles, schema: ZUpdateUser }, async ({ actor, input }) => {
  await updateUserRole(actor, input);
  revalidatePath('/admin/users');
  return done('Saved. Their open sessions have ended; they sign in again with the new role.');
});

export const setUserActiveAction = action({ roles, schema: ZSetUserActive, invalidMessage: 'Reload the page and try again.' }, async ({ actor, input }) => {
  await setUserActive(actor, input.userId, input.active);
  revalidatePath('/admin/users');
  return done(input.active ? 'Reactivated: they can sign in again.' : 'Deactivated: they cannot sign in and their sessions have ended.');
});

export const createOrganizationAction = action({ roles, schema: ZCreateOrganization }, async ({ actor, input }) => {
  await createOrganization(actor, input.name, input.country);
  revalidatePath('/admin/users');
  return done(`Organisation “${input.name}” created.`);
});

export const updateOrganizationCountryAction = action({ roles, schema: ZUpdateOrganizationCountry }, async ({ actor, input }) => {
  await updateOrganizationCountry(actor, input);
  revalidatePath('/admin/users');
  return done(`Country of establishment saved (${input.country}). New screenings use it.`);
});
