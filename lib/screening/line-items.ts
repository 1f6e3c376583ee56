// Per-item results from a stored list of findings: a screening run stores the findings (each
// item-specific one carries `lineItem`), so an item's outcome is the worst of its own findings and
// the application-wide ones — exactly what screen() computes. Runs stored before line items have
// no `lineItem` on any finding: their one item takes the overall outcome. Pure.
import { worstOutcome } from './outcome';
import type { TFinding, TLineItemResult, TOutcome } from './types';

/** One result per item (0 … count-1), from findings as screen() returns or a run stores them. */
export function lineItemResults(findings: readonly TFinding[], count: number): TLineItemResult[] {
  const shared = findings.filter((f) => f.lineItem === undefined || f.lineItem === null);
  return Array.from({ length: Math.max(count, 0) }, (_, position) => {
    const own = findings.filter((f) => f.lineItem === position);
    const all = [...shared, ...own];
    return { position, outcome: worstOutcome(all.map((f) => f.outcome)), findings: all };
  });
}

export type TItemOutcomeChange = { position: number; name: string; from: TOutcome | null; to: TOutcome };

/** Items whose outcome differs between two screenings ("item 2 would change from Clear to Licence required"). */
export function itemOutcomeChanges(options: {
  before: readonly TFinding[] | null;
  after: readonly TFinding[];
  names: readonly string[];
}): TItemOutcomeChange[] {
  const count = options.names.length;
  const before = options.before ? lineItemResults(options.before, count) : null;
  const after = lineItemResults(options.after, count);
  return after
    .map((a, i) => ({ position: i, name: options.names[i] ?? `Item ${i + 1}`, from: before?.[i]?.outcome ?? null, to: a.outcome }))
    .filter((c) => c.from !== c.to);
}
