import 'server-only';
// The one server-action pipeline: authorize → validate (one zod schema) → handler (data layer,
// revalidate/redirect) → one error mapper. Every form's action is built with it:
//
//   export const addNoteAction = action(
//     { roles: ['OFFICER', 'ADMIN'], schema: ZCaseNoteInput },
//     async ({ actor, input }) => {
//       await addCaseNote({ actor, caseId: input.caseId, body: input.body });
//       revalidatePath(`/cases/${input.caseId}`);
//       return done('Note added.');
//     },
//   );
//
// Errors: an AppError becomes a message (with field errors from its details); a zod error becomes
// every field's errors by dotted path ("consignees.0.country"); anything else is unexpected and is
// rethrown (app/error.tsx shows it without internals). redirect()/notFound() pass straight through.
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { requireRole, type TActor } from '@/lib/authz';
import { AppError } from '@/lib/errors';
import type { Role } from '@/lib/generated/prisma/enums';
import { fieldErrors } from '@/lib/validation/application';
import { unsafeTextPaths } from '@/lib/validation/fields';
import { formValues, type TActionError, type TActionState, type TFieldErrors, type TFormValues } from '@/lib/action-state';

const count = (errors: TFieldErrors) => Object.values(errors).reduce((n, e) => n + e.length, 0);

/** A validation failure as form state. */
export function invalid(
  errors: z.ZodError | TFieldErrors,
  values: TFormValues,
  message: string | ((count: number) => string) = 'Some fields need attention.',
): TActionError {
  const fe = errors instanceof z.ZodError ? fieldErrors(errors) : errors;
  return { status: 'error', message: typeof message === 'function' ? message(count(fe)) : message, fieldErrors: fe, values };
}

/** The one error mapper. AppError → message (+ field errors from details); anything else is rethrown. */
export function refused(err: unknown, values: TFormValues, { notFoundPage = false } = {}): TActionError {
  if (!(err instanceof AppError)) throw err;
  if (notFoundPage && err.code === 'NOT_FOUND') notFound();
  const details = err.details ?? {};
  const fe: TFieldErrors = { ...((details.fieldErrors as TFieldErrors | undefined) ?? {}) };
  if (typeof details.field === 'string') fe[details.field] = [err.message];
  return { status: 'error', message: err.message, fieldErrors: fe, values, code: err.code };
}

/** Success with a message for the form. */
export const done = (message?: string) => ({ status: 'success' as const, message, data: undefined });

/** Success that hands data back to the client (a saved version, a new key shown once). */
export const doneWith = <TData>(data: TData, message?: string) => ({ status: 'success' as const, message, data });

type TSpec<S extends z.ZodType> = {
  /** Who may call it: checked first (requireRole: sign-in page or 403 otherwise). */
  roles: Role[];
  /** Parses the submitted values (ids included); its errors go back to the form by field. */
  schema: S;
  /** The form-level message on a validation failure. */
  invalidMessage?: string | ((count: number) => string);
  /** Values never echoed back to the browser (passwords). */
  redact?: string[];
  /** NOT_FOUND from the data layer shows the 404 page instead of a message. */
  notFoundPage?: boolean;
};

type TContext<S extends z.ZodType> = { actor: TActor; input: z.output<S>; values: TFormValues; formData: FormData };

/** A form action for useActionState: (previous state, FormData) → next state. */
export function action<S extends z.ZodType, TData = undefined>(
  spec: TSpec<S>,
  handler: (ctx: TContext<S>) => Promise<TActionState<TData>>,
): (prev: TActionState<TData>, formData: FormData) => Promise<TActionState<TData>> {
  return async (_prev, formData) => {
    const actor = await requireRole(...spec.roles);
    const submitted = formValues(formData);
    const values = spec.redact ? Object.fromEntries(Object.entries(submitted).map(([k, v]) => [k, spec.redact!.includes(k) ? '' : v])) : submitted;
    // NUL, other control characters, lone surrogates: a field error for whichever field, whatever its schema.
    const unsafe = unsafeTextPaths(submitted);
    if (Object.keys(unsafe).length > 0) return invalid(unsafe, values, spec.invalidMessage);
    const parsed = spec.schema.safeParse(submitted);
    if (!parsed.success) return invalid(parsed.error, values, spec.invalidMessage);
    try {
      return await handler({ actor, input: parsed.data, values, formData });
    } catch (err) {
      return refused(err, values, { notFoundPage: spec.notFoundPage });
    }
  };
}

/**
 * A plain <form action> without state (buttons such as "Acknowledge", "Revoke"): invalid input is
 * ignored (the page shows what is true), and every error propagates to the error page.
 */
export function formAction<S extends z.ZodType>(
  spec: Pick<TSpec<S>, 'roles' | 'schema'>,
  handler: (ctx: Omit<TContext<S>, 'values' | 'formData'>) => Promise<void>,
): (formData: FormData) => Promise<void> {
  return async (formData) => {
    const actor = await requireRole(...spec.roles);
    const submitted = formValues(formData);
    if (Object.keys(unsafeTextPaths(submitted)).length > 0) return;
    const parsed = spec.schema.safeParse(submitted);
    if (!parsed.success) return;
    await handler({ actor, input: parsed.data });
  };
}
