'use client';
// The exporter's Withdraw (with a reason), Delete draft and Copy to new application buttons. Withdraw
// and Delete ask once more before acting; an error keeps what was typed.
import { useActionState, useState } from 'react';
import { copyApplicationAction, deleteDraftAction, withdrawApplicationAction } from '@/app/(exporter)/applications/actions';
import { errorsOf, IDLE, type TActionState } from '@/lib/action-state';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/field';

function ErrorText({ state }: { state: TActionState<unknown> }) {
  return (
    <p aria-live="polite" className="text-sm text-red-700">
      {state.status === 'error' && !Object.keys(state.fieldErrors).length ? state.message : ''}
    </p>
  );
}

export function WithdrawForm({ id, version }: { id: string; version: number }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(withdrawApplicationAction, IDLE);
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Withdraw application…
      </Button>
    );
  return (
    <form action={action} aria-label="Withdraw application" className="w-full space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:max-w-md">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <Textarea
        name="reason"
        id="withdraw-reason"
        label="Why are you withdrawing it?"
        rows={3}
        maxLength={2000}
        help="The compliance officers see this. The application leaves their queue and stays in your records."
        errors={errorsOf(state, 'reason')}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? 'Withdrawing…' : 'Withdraw'}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
      <ErrorText state={state} />
    </form>
  );
}

export function DeleteDraftForm({ id, version }: { id: string; version: number }) {
  const [confirm, setConfirm] = useState(false);
  const [state, action, pending] = useActionState(deleteDraftAction, IDLE);
  return (
    <form action={action} aria-label="Delete draft" className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      {confirm ? (
        <>
          <span className="text-sm text-slate-700">Delete this draft for good?</span>
          <Button type="submit" variant="danger" disabled={pending}>
            {pending ? 'Deleting…' : 'Yes, delete draft'}
          </Button>
          <Button variant="ghost" onClick={() => setConfirm(false)}>
            Keep it
          </Button>
        </>
      ) : (
        <Button variant="ghost" onClick={() => setConfirm(true)}>
          Delete draft
        </Button>
      )}
      <ErrorText state={state} />
    </form>
  );
}

export function CopyForm({ id }: { id: string }) {
  const [state, action, pending] = useActionState(copyApplicationAction, IDLE);
  return (
    <form action={action} aria-label="Copy application">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Copying…' : 'Copy to new application'}
      </Button>
      <ErrorText state={state} />
    </form>
  );
}
