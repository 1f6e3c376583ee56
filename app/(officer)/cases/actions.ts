'use server';
// Officers' server actions, built with the one pipeline (lib/action.ts): authorize → validate (the
// schemas in lib/validation/decision.ts) → data layer (lib/data/cases, which checks role, status,
// version and "not the submitter" again inside each query) → revalidate. Errors come back as
// TActionState with every field's errors and what was typed.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { action, done, formAction } from '@/lib/action';
import { acknowledgeOutcomeChange, addCaseNote, assignCaseToMe, bulkApproveClear, clearPartyMatch, countersignCase, decideCase } from '@/lib/data/cases';
import { zId } from '@/lib/validation/ids';
import {
  ZAssignInput,
  ZBulkApproveInput,
  ZCaseNoteInput,
  ZClearMatchInput,
  ZCountersignInput,
  ZDecisionInput,
  ZLineItemDecisionForm,
} from '@/lib/validation/decision';
import { decideLineItems } from '@/lib/data/line-item-decisions';
import { deleteView, renameView, saveView } from '@/lib/data/saved-views';
import { ZDeleteViewInput, ZRenameViewInput, ZSaveViewInput } from '@/lib/validation/saved-views';
import { OUTCOME_LABEL } from '@/lib/labels';
import { formatCount } from '@/lib/format';

const roles: ('OFFICER' | 'ADMIN')[] = ['OFFICER', 'ADMIN'];

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

export const decideAction = action({ roles, schema: ZDecisionInput }, async ({ actor, input }) => {
  const result = await decideCase({ actor, decision: input });
  revalidateCase(input.caseId);
  return done(DONE[result.status] ?? 'Saved.');
});

/** Per-item decisions: approve or refuse each line item; the case's decision follows from them. */
export const decideItemsAction = action({ roles, schema: ZLineItemDecisionForm }, async ({ actor, input }) => {
  const result = await decideLineItems({ actor, input });
  revalidateCase(input.caseId);
  return done(DONE[result.status] ?? 'Saved.');
});

export const countersignAction = action({ roles, schema: ZCountersignInput }, async ({ actor, input }) => {
  await countersignCase({ actor, input });
  revalidateCase(input.caseId);
  return done('Countersigned: the decision takes effect.');
});

export const addNoteAction = action({ roles, schema: ZCaseNoteInput }, async ({ actor, input }) => {
  await addCaseNote({ actor, caseId: input.caseId, body: input.body });
  revalidatePath(`/cases/${input.caseId}`);
  return done('Note added.');
});

export const clearMatchAction = action({ roles, schema: ZClearMatchInput }, async ({ actor, input }) => {
  const result = await clearPartyMatch({ actor, input });
  revalidateCase(input.caseId);
  return done(`Match cleared; the case was screened again (outcome now ${OUTCOME_LABEL[result.outcome].toLowerCase()}).`);
});

export const assignAction = action({ roles, schema: ZAssignInput }, async ({ actor, input }) => {
  await assignCaseToMe({ actor, ...input });
  revalidateCase(input.caseId);
  return done('Assigned to you.');
});

// The queue's checkboxes submit "cases" once per ticked row: always a list here.
const ZBulkForm = z.preprocess((v) => {
  const values = v as Record<string, unknown>;
  const cases = values.cases;
  return { ...values, cases: cases === undefined ? [] : Array.isArray(cases) ? cases : [cases], note: values.note ?? undefined };
}, ZBulkApproveInput);

export const bulkApproveAction = action({ roles, schema: ZBulkForm }, async ({ actor, input }) => {
  const result = await bulkApproveClear({ actor, cases: input.cases, note: input.note });
  revalidatePath('/cases');
  revalidatePath('/dashboard');
  const skipped = result.skipped.length ? ` ${formatCount(result.skipped.length, 'case')} skipped (changed since the queue was loaded or not clear).` : '';
  const message = `${formatCount(result.approved.length, 'clear case')} approved.${skipped}`;
  return result.approved.length ? done(message) : { status: 'error', message, fieldErrors: {}, values: {} };
});

export const acknowledgeAction = formAction({ roles, schema: z.object({ caseId: zId('case') }) }, async ({ actor, input: { caseId } }) => {
  await acknowledgeOutcomeChange({ actor, caseId });
  revalidatePath(`/cases/${caseId}`);
  revalidatePath('/cases');
});

// ---- saved queue views (each officer's own; the data layer scopes every query to the actor) ----

export const saveViewAction = action({ roles, schema: ZSaveViewInput }, async ({ actor, input }) => {
  const view = await saveView({ actor, input });
  revalidatePath('/cases');
  return done(`Saved “${view.name}”. It is a tab above the queue.`);
});

export const renameViewAction = action({ roles, schema: ZRenameViewInput }, async ({ actor, input }) => {
  const view = await renameView({ actor, input });
  revalidatePath('/cases');
  return done(`Renamed to “${view.name}”.`);
});

export const deleteViewAction = action({ roles, schema: ZDeleteViewInput }, async ({ actor, input }) => {
  const view = await deleteView({ actor, viewId: input.viewId });
  revalidatePath('/cases');
  return done(`Deleted “${view.name}”.`);
});
