'use server';
// Admin actions on rule-set versions: authorize → validate (lib/validation/rules.ts) → data layer
// (lib/data/admin-rulesets.ts, which checks the role and that the version is a draft again, inside
// its transaction) → revalidate. Errors come back as form state with every field's errors and
// everything that was typed.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireRole } from '@/lib/authz';
import {
  createDraft,
  getVersionDetail,
  publishDraft,
  ruleContextOf,
  startImpactPreview,
  updateDraftCountry,
  updateDraftRule,
} from '@/lib/data/admin-rulesets';
import { AppError } from '@/lib/errors';
import { fieldErrors } from '@/lib/validation/application';
import { ZPublishDraft, parseCountryEdit, parseRuleEdit } from '@/lib/validation/rules';
import { formValues, type TAdminFormState, type TFormValues } from '@/components/admin/form-state';

const admin = () => requireRole('ADMIN');

function failed(err: unknown, values: TFormValues): TAdminFormState {
  if (err instanceof AppError) return { status: 'error', message: err.message, values, code: err.code };
  throw err;
}

export async function createDraftAction(): Promise<void> {
  const user = await admin();
  let draftId: string;
  try {
    ({ id: draftId } = await createDraft(user));
  } catch (err) {
    if (err instanceof AppError && err.code === 'CONFLICT') redirect('/admin/rules?view=draft');
    throw err;
  }
  revalidatePath('/admin', 'layout');
  redirect(`/admin/rules?version=${draftId}`);
}

export async function updateRuleAction(_prev: TAdminFormState, formData: FormData): Promise<TAdminFormState> {
  const user = await admin();
  const values = formValues(formData);
  const versionId = String(values.versionId ?? '');
  const ruleId = String(values.ruleId ?? '');
  try {
    const version = await getVersionDetail(user, versionId);
    const rule = version.rules.find((r) => r.id === ruleId);
    if (!rule) return { status: 'error', message: 'This rule is not in the version any more. Reload the page.', values };
    const parsed = parseRuleEdit(rule, values, ruleContextOf(version.countries));
    if (!parsed.ok) return { status: 'error', message: 'Some parameters need attention; nothing was saved.', fieldErrors: parsed.fieldErrors, values };
    await updateDraftRule(user, { versionId, ruleId, enabled: parsed.enabled, params: parsed.params });
  } catch (err) {
    return failed(err, values);
  }
  revalidatePath('/admin/rules');
  return { status: 'success', message: 'Saved in the draft. Screening is unchanged until the draft is published.' };
}

export async function updateCountryAction(_prev: TAdminFormState, formData: FormData): Promise<TAdminFormState> {
  const user = await admin();
  const values = formValues(formData);
  const versionId = String(values.versionId ?? '');
  try {
    const version = await getVersionDetail(user, versionId);
    const parsed = parseCountryEdit(values, ruleContextOf(version.countries));
    if (!parsed.ok) return { status: 'error', message: 'Some fields need attention; nothing was saved.', fieldErrors: parsed.fieldErrors, values };
    await updateDraftCountry(user, versionId, parsed.data);
  } catch (err) {
    return failed(err, values);
  }
  revalidatePath('/admin/rules');
  return { status: 'success', message: 'Country data saved in the draft.' };
}

export async function startImpactPreviewAction(formData: FormData): Promise<void> {
  const user = await admin();
  await startImpactPreview(user, String(formData.get('versionId') ?? ''));
  revalidatePath('/admin/rules');
}

export async function publishDraftAction(_prev: TAdminFormState, formData: FormData): Promise<TAdminFormState> {
  const user = await admin();
  const values = formValues(formData);
  const parsed = ZPublishDraft.safeParse(values);
  if (!parsed.success) return { status: 'error', message: 'Add a change note before publishing.', fieldErrors: fieldErrors(parsed.error), values };
  try {
    await publishDraft(user, String(values.versionId ?? ''), parsed.data.note);
  } catch (err) {
    return failed(err, values);
  }
  revalidatePath('/', 'layout');
  redirect('/admin/rules?published=1');
}
