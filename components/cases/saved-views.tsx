'use client';
// Saved queue views: "Save this view" (names the current filters, sort and search) and "Manage
// views" (rename, delete). The tabs themselves are links rendered by the queue page: the URL stays
// the source of truth, a view only remembers one.
import { useActionState, useEffect, useRef } from 'react';
import { deleteViewAction, renameViewAction, saveViewAction } from '@/app/(officer)/cases/actions';
import { Button } from '@/components/ui/button';
import { TextInput } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { errorsOf, IDLE, valueOf } from '@/lib/action-state';

/** Shown while the queue has filters; once they are saved (their tab is current) only the message stays. */
export function SaveViewForm({ query, suggestedName, saved }: { query: string; suggestedName: string; saved: boolean }) {
  const [state, action, pending] = useActionState(saveViewAction, IDLE);
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (state.status === 'success' && ref.current) ref.current.open = false;
  }, [state]);
  return (
    <div>
      {saved ? null : (
        <details ref={ref} className="group" open={state.status === 'error'}>
          <summary className="cursor-pointer list-none rounded-md px-2 py-1.5 text-sm font-medium text-indigo-700 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-600">
            Save this view…
          </summary>
          <form
            action={action}
            aria-label="Save this view"
            className="mt-2 flex w-full max-w-md flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3"
          >
            <input type="hidden" name="query" value={query} />
            <TextInput
              name="name"
              id="save-view-name"
              label="View name"
              maxLength={60}
              className="min-w-0 flex-1"
              help="Keeps the current filters, sort and search."
              placeholder={suggestedName}
              errors={errorsOf(state, 'name')}
              defaultValue={valueOf(state, 'name')}
              required
            />
            <Button type="submit" size="sm" disabled={pending}>
              {pending ? 'Saving…' : 'Save view'}
            </Button>
          </form>
        </details>
      )}
      <FormMessage state={state} />
    </div>
  );
}

type TRemove = { remove: (formData: FormData) => void; deleting: boolean };

function ManageRow({ view, remove, deleting }: { view: { id: string; name: string } } & TRemove) {
  const [renamed, rename, renaming] = useActionState(renameViewAction, IDLE);
  const id = `view-${view.id}`;
  return (
    <li className="rounded-md border border-slate-200 bg-white p-3">
      <form action={rename} aria-label={`Rename view ${view.name}`} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="viewId" value={view.id} />
        <TextInput
          name="name"
          id={`${id}-name`}
          label={`Name of “${view.name}”`}
          maxLength={60}
          className="min-w-0 flex-1"
          errors={errorsOf(renamed, 'name')}
          defaultValue={valueOf(renamed, 'name') ?? view.name}
          required
        />
        <Button type="submit" size="sm" variant="secondary" disabled={renaming}>
          {renaming ? 'Renaming…' : 'Rename'}
        </Button>
      </form>
      <form action={remove} aria-label={`Delete view ${view.name}`} className="mt-2">
        <input type="hidden" name="viewId" value={view.id} />
        <Button type="submit" size="sm" variant="ghost" disabled={deleting} className="text-red-700">
          {deleting ? 'Deleting…' : `Delete “${view.name}”`}
        </Button>
      </form>
      <FormMessage state={renamed} />
    </li>
  );
}

export function ManageViews({ views }: { views: { id: string; name: string }[] }) {
  // One delete state for every row: a deleted view's row disappears, its message must not.
  const [deleted, remove, deleting] = useActionState(deleteViewAction, IDLE);
  if (views.length === 0) return <FormMessage state={deleted} />;
  return (
    <div>
      <details className="group">
        <summary className="cursor-pointer list-none rounded-md px-2 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600">
          Manage views…
        </summary>
        <ul aria-label="Your saved views" className="mt-2 grid w-full max-w-md gap-2">
          {views.map((v) => (
            <ManageRow key={v.id} view={v} remove={remove} deleting={deleting} />
          ))}
        </ul>
      </details>
      <FormMessage state={deleted} />
    </div>
  );
}
