// The state the admin forms' server actions return (typed union). Values keep what the admin typed
// after an error, including multi-value fields (checkbox groups).
import type { TAppErrorCode } from '@/lib/errors';

export type TFormValues = Record<string, string | string[]>;
export type TAdminFormState =
  | { status: 'idle' }
  | { status: 'success'; message: string }
  | { status: 'error'; message?: string; fieldErrors?: Record<string, string[]>; values: TFormValues; code?: TAppErrorCode };

export const IDLE: TAdminFormState = { status: 'idle' };

export const errorsOf = (state: TAdminFormState, field: string): string[] | undefined =>
  state.status === 'error' ? state.fieldErrors?.[field] : undefined;

/** Every submitted value by name; names that occur more than once (checkboxes) become lists. */
export function formValues(formData: FormData): TFormValues {
  const out: TFormValues = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === 'string');
    out[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  return out;
}

