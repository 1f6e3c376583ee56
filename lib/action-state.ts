// The one state every form's server action returns, and the helpers forms read it with. Safe to
// import from client components (no server code): lib/action.ts builds these states on the server.
//
//   const [state, formAction] = useActionState(decideAction, IDLE);
//   <Textarea name="reason" errors={errorsOf(state, 'reason')} defaultValue={valueOf(state, 'reason')} />
import type { TAppErrorCode } from '@/lib/errors';

/** Errors by dotted input name ("product.eccn", "consignees.0.country"); "_form" for the whole form. */
export type TFieldErrors = Record<string, string[]>;
/** Every submitted value by input name; names submitted more than once (checkbox groups) are lists. */
export type TFormValues = Record<string, string | string[]>;

export type TActionState<TData = undefined> =
  | { status: 'idle' }
  | { status: 'success'; message?: string; data: TData }
  | { status: 'error'; message?: string; fieldErrors: TFieldErrors; values: TFormValues; code?: TAppErrorCode };

export type TActionError = Extract<TActionState<unknown>, { status: 'error' }>;

export const IDLE = { status: 'idle' } as const satisfies TActionState<never>;

export const errorsOf = (state: TActionState<unknown>, field: string): string[] | undefined =>
  state.status === 'error' ? state.fieldErrors[field] : undefined;

/** What was typed in a single-value field, kept after an error (undefined otherwise). */
export const valueOf = (state: TActionState<unknown>, field: string): string | undefined => {
  if (state.status !== 'error') return undefined;
  const v = state.values[field];
  return Array.isArray(v) ? v[0] : v;
};

/** What was typed (fallback when there was no error): the admin forms keep the saved value otherwise. */
export const typedOr = (state: TActionState<unknown>, field: string, fallback = ''): string =>
  state.status === 'error' ? (valueOf(state, field) ?? '') : fallback;

/** Every submitted value by name; names that occur more than once (checkboxes) become lists. */
export function formValues(formData: FormData): TFormValues {
  const entries: [string, string | string[]][] = [];
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === 'string');
    entries.push([key, all.length > 1 ? all : (all[0] ?? '')]);
  }
  // fromEntries defines own properties: a field named "__proto__" is a field, not the prototype
  return Object.fromEntries(entries);
}
