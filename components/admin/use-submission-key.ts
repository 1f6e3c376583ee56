'use client';
// Client-only helper for the admin forms (kept apart from form-state.ts, which server actions import).
import { useState } from 'react';
import type { TAdminFormState } from './form-state';

/**
 * A key that changes with every new action result. Forms use it to remount their fields, so the
 * values after an error are exactly what was typed — React's automatic form reset would otherwise
 * put selects back on their first option.
 */
export function useSubmissionKey(state: TAdminFormState): number {
  const [seen, setSeen] = useState({ state, n: 0 });
  if (seen.state !== state) setSeen({ state, n: seen.n + 1 });
  return seen.state !== state ? seen.n + 1 : seen.n;
}
