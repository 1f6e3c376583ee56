'use client';
// Small officer forms: countersign, internal note, clear a party match, assign to me, bulk approve.
import { useActionState } from 'react';
import { addNoteAction, assignAction, bulkApproveAction, clearMatchAction, countersignAction } from '@/app/(officer)/cases/actions';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/field';
import { errorsOf, IDLE, valueOf } from '@/lib/action-state';
import { ConfirmSubmit } from '@/components/ui/confirm-submit';
import { FormMessage } from '@/components/ui/form-message';

type TRef = { caseId: string; version: number };

function CaseRef({ caseId, version }: TRef) {
  return (
    <>
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="expectedVersion" value={version} />
    </>
  );
}

export function CountersignForm({ caseId, version, approvedByYou }: TRef & { approvedByYou: boolean }) {
  const [state, action, pending] = useActionState(countersignAction, IDLE);
  return (
    <form action={action} aria-label="Countersign" className="space-y-3">
      <CaseRef caseId={caseId} version={version} />
      {approvedByYou ? <p className="text-sm text-slate-600">You approved this case, so another officer must countersign it.</p> : null}
      <Textarea
        id="countersign-note"
        name="note"
        label="Countersignature note"
        optional
        rows={2}
        errors={errorsOf(state, 'note')}
        defaultValue={valueOf(state, 'note')}
      />
      <Button type="submit" disabled={pending || approvedByYou}>
        {pending ? 'Signing…' : 'Countersign'}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

export function NoteForm({ caseId }: { caseId: string }) {
  const [state, action, pending] = useActionState(addNoteAction, IDLE);
  return (
    <form action={action} aria-label="Add internal note" className="space-y-2">
      <input type="hidden" name="caseId" value={caseId} />
      <Textarea
        id="case-note"
        name="body"
        label="Add a note"
        rows={3}
        help="Internal: officers and admins only."
        errors={errorsOf(state, 'body')}
        defaultValue={valueOf(state, 'body')}
      />
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {pending ? 'Adding…' : 'Add note'}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

export function ClearMatchForm({
  caseId,
  version,
  listCode,
  entryId,
  partyName,
  formId,
}: TRef & { listCode: string; entryId: string; partyName: string; formId: string }) {
  const [state, action, pending] = useActionState(clearMatchAction, IDLE);
  return (
    <details className="mt-3 rounded-md border border-slate-200 bg-slate-50 px-3 py-2" open={state.status === 'error'}>
      <summary className="cursor-pointer text-sm font-medium text-indigo-700">Clear match (false positive)…</summary>
      <form action={action} aria-label={`Clear match ${partyName} / ${listCode} ${entryId}`} className="mt-2 space-y-2">
        <CaseRef caseId={caseId} version={version} />
        <input type="hidden" name="listCode" value={listCode} />
        <input type="hidden" name="entryId" value={entryId} />
        <input type="hidden" name="partyName" value={partyName} />
        <Textarea
          id={`${formId}-justification`}
          name="justification"
          label="Justification"
          rows={2}
          help="Why this party is not the listed one (registry number, address, date of birth…). Applies to this party name and this list entry until the entry changes."
          errors={errorsOf(state, 'justification')}
          defaultValue={valueOf(state, 'justification')}
        />
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? 'Clearing…' : 'Clear match'}
        </Button>
        <FormMessage state={state} />
      </form>
    </details>
  );
}

export function AssignButton({ caseId, version, label = 'Assign to me' }: TRef & { label?: string }) {
  const [state, action, pending] = useActionState(assignAction, IDLE);
  return (
    <form action={action} className="inline">
      <CaseRef caseId={caseId} version={version} />
      <Button type="submit" variant="secondary" size="sm" disabled={pending} className="whitespace-nowrap">
        {pending ? '…' : label}
      </Button>
      {state.status === 'error' ? (
        <p role="alert" className="mt-1 max-w-56 text-xs text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

/** The queue's bulk form: checkboxes in the table join it through their form="bulk-approve" attribute. */
export function BulkApproveForm({ selectable }: { selectable: number }) {
  const [state, action, pending] = useActionState(bulkApproveAction, IDLE);
  return (
    <form id="bulk-approve" action={action} aria-label="Bulk approve clear cases" className="flex flex-wrap items-center gap-3">
      <ConfirmSubmit
        variant="secondary"
        size="sm"
        disabled={pending || selectable === 0}
        label={pending ? 'Approving…' : 'Approve selected clear cases'}
        title="Approve the selected cases?"
        confirmLabel="Approve"
        skip={(form) => new FormData(form).getAll('cases').length === 0}
        body={(form) => {
          const n = new FormData(form).getAll('cases').length;
          return (
            <>
              <p>
                <strong>
                  {n} clear case{n === 1 ? '' : 's'}
                </strong>{' '}
                will be approved without conditions, and each exporter is told at once.
              </p>
              <p>An approval cannot be undone from the queue.</p>
            </>
          );
        }}
      />
      <span className="text-xs text-slate-500">Only clear cases can be selected.</span>
      {state.status !== 'idle' ? (
        <span aria-live="polite" className={`text-sm ${state.status === 'error' ? 'text-red-700' : 'text-emerald-700'}`}>
          {state.status === 'error' && state.fieldErrors?.cases ? state.fieldErrors.cases.join(' ') : state.message}
        </span>
      ) : null}
    </form>
  );
}
