// The one-line result of a form's server action, announced politely to screen readers.
//   <FormMessage state={state} />   (state: { status: 'idle' } | { status: 'success' | 'error'; message?: string })
export type TFormMessageState = { status: 'idle' } | { status: 'success' | 'error'; message?: string };

export function FormMessage({ state, id }: { state: TFormMessageState; id?: string }) {
  const text = state.status === 'idle' ? null : state.message;
  return (
    <div id={id} aria-live="polite" role={state.status === 'error' ? 'alert' : 'status'}>
      {text ? (
        <p
          className={`mt-3 rounded-md px-3 py-2 text-sm ${state.status === 'error' ? 'bg-red-50 text-red-800 ring-1 ring-red-200' : 'bg-emerald-50 text-emerald-800 ring-1 ring-emerald-200'}`}
        >
          {text}
        </p>
      ) : null}
    </div>
  );
}
