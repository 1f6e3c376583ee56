'use server';
// Officers' server actions: authorize → validate (the schemas in lib/validation/decision.ts) → data
// layer (lib/data/cases.ts, which checks role, status, version and "not the submitter" again inside
// each query) → revalidate. Errors come back as form state with every field's errors and what was typed.
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { requireRole } from '@/lib/authz';
import {
  acknowledgeOutcomeChange,
  addCaseNote,
  assignCaseToMe,
  bulkApproveClear,
  clearPartyMatch,
  countersignCase,
  decideCase,
} from '@/lib/data/cases';
import { AppError } from '@/lib/errors';
import { fieldErrors } from '@/lib/validation/application';
import {
  ZAssignInput,
  ZBulkApproveInput,
  ZCaseNoteInput,
  ZClearMatchInput,
  ZCountersignInput,
  ZDecisionInput,
  ZLineItemDecisionInput,
  lineItemDecisionFromFormData,
} from '@/lib/validation/decision';
import { decideLineItems } from '@/lib/data/line-item-decisions';
import type { TFormState } from '@/components/cases/form-state';

const officer = () => requireRole('OFFICER', 'ADMIN');

function valuesOf(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === 'string' && !key.startsWith('$ACTION')) out[key] = value;
  return out;
}

function invalid(error: z.ZodError, values: Record<string, string>): TFormState {
  return { status: 'error', message: 'Some fields need attention.', fieldErrors: fieldErrors(error), values };
}

function refused(err: unknown, values: Record<string, string>): TFormState {
  if (!(err instanceof AppError)) throw err;
  const fe = (err.details as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors;
  return { status: 'error', message: err.message, fieldErrors: fe, values, code: err.code };
}

function revalidateCase(caseId: string) {
  revalidatePath(`/cases/${caseId}`);
  revalidatePath('/cases');
  revalidatePath('/dashboard');
}

const DONE: Record<string, string> = {
  APPROVED: 'Approved.',
  AWAITING_COUNTERSIGNATURE: 'Approval recorded — awaiting countersignature by a second officer.',
  APPROVED_IN_PART: 'Approved in part.',
  DENIED: 'Denied.',
  INFO_REQUESTED: 'Your question was sent to the exporter.',
  ESCALATED: 'Escalated.',
};

export async function decideAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await officer();
  const values = valuesOf(formData);
  const parsed = ZDecisionInput.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  try {
    const result = await decideCase({ actor, decision: parsed.data });
    revalidateCase(parsed.data.caseId);
    return { status: 'success', message: DONE[result.status] ?? 'Saved.' };
  } catch (err) {
    return refused(err, values);
  }
}

/** Per-item decisions: approve or refuse each line item; the case's decision follows from them. */
export async function decideItemsAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await officer();
  const values = valuesOf(formData);
  const parsed = ZLineItemDecisionInput.safeParse(lineItemDecisionFromFormData(formData));
  if (!parsed.success) return invalid(parsed.error, values);
  try {
    const result = await decideLineItems({ actor, input: parsed.data });
    revalidateCase(parsed.data.caseId);
    return { status: 'success', message: DONE[result.status] ?? 'Saved.' };
  } catch (err) {
    return refused(err, values);
  }
}

export async function countersignAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await officer();
  const values = valuesOf(formData);
  const parsed = ZCountersignInput.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  try {
    await countersignCase({ actor, input: parsed.data });
    revalidateCase(parsed.data.caseId);
    return { status: 'success', message: 'Countersigned: the decision takes effect.' };
  } catch (err) {
    return refused(err, values);
  }
}

export async function addNoteAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await officer();
  const values = valuesOf(formData);
  const parsed = ZCaseNoteInput.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  try {
    await addCaseNote({ actor, caseId: parsed.data.caseId, body: parsed.data.body });
    revalidatePath(`/cases/${parsed.data.caseId}`);
    return { status: 'success', message: 'Note added.' };
  } catch (err) {
    return refused(err, values);
  }
}

export async function clearMatchAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await officer();
  const values = valuesOf(formData);
  const parsed = ZClearMatchInput.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  try {
    const result = await clearPartyMatch({ actor, input: parsed.data });
    revalidateCase(parsed.data.caseId);
    return { status: 'success', message: `Match cleared; the case was screened again (outcome now ${result.outcome.toLowerCase().replace('_', ' ')}).` };
  } catch (err) {
    return refused(err, values);
  }
}

export async function assignAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await officer();
  const values = valuesOf(formData);
  const parsed = ZAssignInput.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  try {
    await assignCaseToMe({ actor, ...parsed.data });
    revalidateCase(parsed.data.caseId);
    return { status: 'success', message: 'Assigned to you.' };
  } catch (err) {
    return refused(err, values);
  }
}

export async function bulkApproveAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await officer();
  const values = valuesOf(formData);
  const parsed = ZBulkApproveInput.safeParse({ cases: formData.getAll('cases'), note: formData.get('note') ?? undefined });
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await bulkApproveClear({ actor, cases: parsed.data.cases, note: parsed.data.note });
  revalidatePath('/cases');
  revalidatePath('/dashboard');
  const skipped = result.skipped.length ? ` ${result.skipped.length} skipped (changed since the queue was loaded or not clear).` : '';
  return { status: result.approved.length ? 'success' : 'error', message: `${result.approved.length} clear case(s) approved.${skipped}`, values: {} };
}

export async function acknowledgeAction(formData: FormData): Promise<void> {
  const actor = await officer();
  const caseId = String(formData.get('caseId') ?? '');
  if (!caseId) return;
  await acknowledgeOutcomeChange({ actor, caseId });
  revalidatePath(`/cases/${caseId}`);
  revalidatePath('/cases');
}
