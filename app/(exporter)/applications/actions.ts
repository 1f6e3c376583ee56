'use server';
// Exporters' server actions: authorize → validate → data layer → revalidate/redirect. Called from
// the client form with the form's FormData; they return a typed state, never Prisma rows.
import { revalidatePath } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { requireRole } from '@/lib/authz';
import { answerQuestion, lookupEccn, saveDraft, submitAndScreen } from '@/lib/data/applications';
import { copyApplication, deleteDraft, withdrawApplication } from '@/lib/data/application-lifecycle';
import { AppError } from '@/lib/errors';
import { applicationFromFormData, fieldErrors, ZApplicationInput } from '@/lib/validation/application';

export type TFormState =
  | { status: 'idle' }
  | { status: 'saved'; version: number; savedAt: string }
  | { status: 'error'; message: string; fieldErrors: Record<string, string[]>; version?: number };

const idFrom = (formData: FormData) => {
  const id = formData.get('id');
  return typeof id === 'string' && id ? id : undefined;
};
const versionFrom = (formData: FormData) => {
  const v = Number(formData.get('version'));
  return Number.isInteger(v) && v > 0 ? v : undefined;
};

/** AppErrors become a message (and field errors) for the form; NOT_FOUND is a 404; anything else is unexpected. */
function failure(err: unknown): TFormState {
  if (err instanceof AppError) {
    if (err.code === 'NOT_FOUND') notFound();
    const fe = (err.details?.fieldErrors ?? {}) as Record<string, string[]>;
    return { status: 'error', message: err.message, fieldErrors: fe };
  }
  throw err;
}

/** ECCNs the schema accepted in form but that are not on the CCL, keyed like the schema's errors. */
async function eccnProblems(items: { eccn: string | null }[], schemaErrors: Record<string, string[]>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  await Promise.all(
    items.map(async (item, i) => {
      const key = `lineItems.${i}.eccn`;
      if (schemaErrors[key]?.length || !item.eccn?.trim()) return;
      const check = await lookupEccn(item.eccn);
      if (!check.known) out[key] = [check.message ?? 'This ECCN is not on the Commerce Control List'];
    }),
  );
  return out;
}

/** "Save draft" (intent=draft, partial data, version-checked) or "Submit application" (intent=submit). */
export async function saveApplication(formData: FormData): Promise<TFormState> {
  const actor = await requireRole('EXPORTER');
  const id = idFrom(formData);
  const expectedVersion = versionFrom(formData);
  const data = applicationFromFormData(formData);

  if (formData.get('intent') !== 'submit') {
    let saved: { id: string; version: number };
    try {
      saved = await saveDraft({ actor, id, expectedVersion, data });
    } catch (err) {
      return failure(err);
    }
    revalidatePath('/applications');
    if (!id) redirect(`/applications/${saved.id}/edit?saved=1`);
    return { status: 'saved', version: saved.version, savedAt: new Date().toISOString() };
  }

  const parsed = ZApplicationInput.safeParse(data);
  // Report an ECCN that is not on the CCL together with every other error, not one round later
  // (submitAndScreen checks it again, against the rule set it screens with).
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    Object.assign(errors, await eccnProblems(data.lineItems, errors));
    const count = Object.values(errors).reduce((n, e) => n + e.length, 0);
    return { status: 'error', message: count === 1 ? 'There is 1 problem with this application.' : `There are ${count} problems with this application.`, fieldErrors: errors };
  }
  let submitted: { id: string };
  try {
    submitted = await submitAndScreen({ actor, id, expectedVersion, input: parsed.data });
  } catch (err) {
    return failure(err);
  }
  revalidatePath('/applications');
  redirect(`/applications/${submitted.id}`);
}

export type TAnswerState = { status: 'idle' } | { status: 'sent' } | { status: 'error'; message: string; fieldErrors: Record<string, string[]> };

/** The exporter answers the officer's open question. */
export async function answerQuestionAction(formData: FormData): Promise<TAnswerState> {
  const actor = await requireRole('EXPORTER');
  const id = idFrom(formData);
  if (!id) notFound();
  const body = formData.get('body');
  try {
    await answerQuestion({ actor, id, body: typeof body === 'string' ? body : '' });
  } catch (err) {
    const state = failure(err);
    return state.status === 'error' ? { status: 'error', message: state.message, fieldErrors: state.fieldErrors } : { status: 'idle' };
  }
  revalidatePath(`/applications/${id}`);
  return { status: 'sent' };
}

export type TLifecycleState = { status: 'idle' } | { status: 'error'; message: string; fieldErrors: Record<string, string[]> };

/** Withdraw a submitted application before a decision (with a reason). */
export async function withdrawApplicationAction(_prev: TLifecycleState, formData: FormData): Promise<TLifecycleState> {
  const actor = await requireRole('EXPORTER');
  const id = idFrom(formData);
  const expectedVersion = versionFrom(formData);
  if (!id || !expectedVersion) notFound();
  const reason = formData.get('reason');
  try {
    await withdrawApplication({ actor, id, expectedVersion, reason: typeof reason === 'string' ? reason : '' });
  } catch (err) {
    const state = failure(err);
    return state.status === 'error' ? { status: 'error', message: state.message, fieldErrors: state.fieldErrors } : { status: 'idle' };
  }
  revalidatePath('/applications');
  redirect(`/applications/${id}`);
}

/** Delete a draft that was never submitted. */
export async function deleteDraftAction(_prev: TLifecycleState, formData: FormData): Promise<TLifecycleState> {
  const actor = await requireRole('EXPORTER');
  const id = idFrom(formData);
  const expectedVersion = versionFrom(formData);
  if (!id || !expectedVersion) notFound();
  try {
    await deleteDraft({ actor, id, expectedVersion });
  } catch (err) {
    const state = failure(err);
    return state.status === 'error' ? { status: 'error', message: state.message, fieldErrors: state.fieldErrors } : { status: 'idle' };
  }
  revalidatePath('/applications');
  redirect('/applications?deleted=1');
}

/** Copy any application into a new draft that references it, and open it for editing. */
export async function copyApplicationAction(_prev: TLifecycleState, formData: FormData): Promise<TLifecycleState> {
  const actor = await requireRole('EXPORTER');
  const id = idFrom(formData);
  if (!id) notFound();
  let copy: { id: string };
  try {
    copy = await copyApplication({ actor, id });
  } catch (err) {
    const state = failure(err);
    return state.status === 'error' ? { status: 'error', message: state.message, fieldErrors: state.fieldErrors } : { status: 'idle' };
  }
  revalidatePath('/applications');
  redirect(`/applications/${copy.id}/edit?copied=1`);
}
