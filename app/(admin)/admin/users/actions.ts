'use server';
// Admin actions on users and organisations: authorize → validate (lib/validation/users.ts) → data
// layer (lib/data/users.ts checks the role again and writes the audit row in the same transaction).
import { revalidatePath } from 'next/cache';
import { requireRole } from '@/lib/authz';
import { createOrganization, createUser, setUserActive, updateUserRole } from '@/lib/data/users';
import { AppError } from '@/lib/errors';
import { fieldErrors } from '@/lib/validation/application';
import { ZCreateOrganization, ZCreateUser, ZSetUserActive, ZUpdateUser } from '@/lib/validation/users';
import { formValues, type TAdminFormState, type TFormValues } from '@/components/admin/form-state';

function failed(err: unknown, values: TFormValues): TAdminFormState {
  if (err instanceof AppError) {
    const field = typeof err.details?.field === 'string' ? err.details.field : null;
    return { status: 'error', message: err.message, values, code: err.code, ...(field ? { fieldErrors: { [field]: [err.message] } } : {}) };
  }
  throw err;
}

/** Never echo a password back to the browser. */
const withoutPassword = (values: TFormValues): TFormValues => ({ ...values, password: '' });

export async function createUserAction(_prev: TAdminFormState, formData: FormData): Promise<TAdminFormState> {
  const user = await requireRole('ADMIN');
  const values = formValues(formData);
  const parsed = ZCreateUser.safeParse(values);
  if (!parsed.success) return { status: 'error', message: 'Some fields need attention.', fieldErrors: fieldErrors(parsed.error), values: withoutPassword(values) };
  try {
    await createUser(user, parsed.data);
  } catch (err) {
    return failed(err, withoutPassword(values));
  }
  revalidatePath('/admin/users');
  return { status: 'success', message: `${parsed.data.name} can now sign in as ${parsed.data.email}.` };
}

export async function updateUserAction(_prev: TAdminFormState, formData: FormData): Promise<TAdminFormState> {
  const user = await requireRole('ADMIN');
  const values = formValues(formData);
  const parsed = ZUpdateUser.safeParse(values);
  if (!parsed.success) return { status: 'error', message: 'Some fields need attention.', fieldErrors: fieldErrors(parsed.error), values };
  try {
    await updateUserRole(user, parsed.data);
  } catch (err) {
    return failed(err, values);
  }
  revalidatePath('/admin/users');
  return { status: 'success', message: 'Saved. Their open sessions have ended; they sign in again with the new role.' };
}

export async function setUserActiveAction(_prev: TAdminFormState, formData: FormData): Promise<TAdminFormState> {
  const user = await requireRole('ADMIN');
  const values = formValues(formData);
  const parsed = ZSetUserActive.safeParse(values);
  if (!parsed.success) return { status: 'error', message: 'Reload the page and try again.', values };
  try {
    await setUserActive(user, parsed.data.userId, parsed.data.active);
  } catch (err) {
    return failed(err, values);
  }
  revalidatePath('/admin/users');
  return { status: 'success', message: parsed.data.active ? 'Reactivated: they can sign in again.' : 'Deactivated: they cannot sign in and their sessions have ended.' };
}

export async function createOrganizationAction(_prev: TAdminFormState, formData: FormData): Promise<TAdminFormState> {
  const user = await requireRole('ADMIN');
  const values = formValues(formData);
  const parsed = ZCreateOrganization.safeParse(values);
  if (!parsed.success) return { status: 'error', message: 'Some fields need attention.', fieldErrors: fieldErrors(parsed.error), values };
  try {
    await createOrganization(user, parsed.data.name);
  } catch (err) {
    return failed(err, values);
  }
  revalidatePath('/admin/users');
  return { status: 'success', message: `Organisation “${parsed.data.name}” created.` };
}
