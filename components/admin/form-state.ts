// Kept for the admin forms' imports: the one action state lives in lib/action-state.ts.
import type { TActionState } from '@/lib/action-state';

export { IDLE, errorsOf, formValues, type TFormValues } from '@/lib/action-state';
export type TAdminFormState = TActionState;
