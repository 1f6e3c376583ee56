// The one-line result of an admin form, announced politely to screen readers.
import type { TAdminFormState } from './form-state';

export function AdminFormMessage({ state, id }: { state: TAdminFormState; id?: string }) {
  const text = state.status === 'idle' ? null : state.message;
  return (
    <div id={id} aria-live="polite" role={state.status === 'error' ? 'alert' : 'status'}>
      {text ? (
        <p className={`mt-3 rounded-md px-3 py-2 text-sm ${state.status === 'error' ? 'bg-red-50 text-red-800 ring-1 ring-red-200' : 'bg-emerald-50 text-emerald-800 ring-1 ring-emerald-200'}`}>
          {text}
        </p>
      ) : null}
    </div>
  );
}
