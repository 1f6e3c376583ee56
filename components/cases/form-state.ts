// The state every officer form's server action returns (typed union, never `any`).
import type { TAppErrorCode } from '@/lib/errors';

export type TFormState =
  | { status: 'idle' }
  | { status: 'success'; message: string; values?: Record<string, string> }
  | { status: 'error'; message?: string; fieldErrors?: Record<string, string[]>; values: Record<string, string>; code?: TAppErrorCode };

export const IDLE: TFormState = { status: 'idle' };

export const errorsOf = (state: TFormState, field: string): string[] | undefined =>
  state.status === 'error' ? state.fieldErrors?.[field] : undefined;

/** What the officer typed, kept after an error (empty after success). */
export const valueOf = (state: TFormState, field: string): string | undefined =>
  state.status === 'error' ? state.values[field] : undefined;
