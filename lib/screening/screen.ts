// screen(application, ruleSet) → result: runs every enabled rule, sorts the findings worst-first and
// takes the worst outcome. Each line item is screened on its own (the registry's item rules:
// licence determination, item-class rules, biometric policy) together with the application-wide
// findings (application rules: destination, parties, declarations), which are computed once.
// Item findings carry `lineItem` (0-based); `lineItems` gives each item's outcome and findings (its
// own plus the application-wide ones); the overall outcome is the worst. Pure and deterministic.

import { itemsOf } from './items';
import { applyLicenceExceptions } from './licence-exceptions';
import { createScreenMemo, type TScreenMemo } from './memo';
import { findingComparator, worstOutcome } from './outcome';
import type { TRuleSet } from './rule-set';
import { APPLICATION_RULES, ITEM_RULES } from './rules';
import type { TClearedMatch, TFinding, TLineItemResult, TScreeningApplication, TScreeningProduct, TScreeningResult } from './types';

export { itemsOf };
export type TScreenOptions = { clearedMatches?: TClearedMatch[] };

/** Findings that depend on one product (line item): every enabled item rule. */
export function screenProduct(product: TScreeningProduct, app: TScreeningApplication, ruleSet: TRuleSet, memo: TScreenMemo = createScreenMemo()): TFinding[] {
  const findings: TFinding[] = [];
  for (const def of ITEM_RULES) {
    const rule = ruleSet.rules.get(def.id);
    if (rule) findings.push(...def.check({ product, app, rs: ruleSet, rule, params: rule.params, memo }));
  }
  return findings;
}

/** Findings about the destination, the parties and the declarations, whatever the products: every enabled application rule. */
export function screenParties(app: TScreeningApplication, ruleSet: TRuleSet, options: TScreenOptions = {}): TFinding[] {
  const findings: TFinding[] = [];
  for (const def of APPLICATION_RULES) {
    const rule = ruleSet.rules.get(def.id);
    if (rule) findings.push(...def.check({ app, rs: ruleSet, rule, params: rule.params, clearedMatches: options.clearedMatches ?? [] }));
  }
  return findings;
}

/** Two lists already in compareFindings order → one, in order (linear; no re-sort of the shared part per item). */
function mergeSorted(a: readonly TFinding[], b: readonly TFinding[], compareFindings: (a: TFinding, b: TFinding) => number): TFinding[] {
  const out: TFinding[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(compareFindings(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

export function screen(app: TScreeningApplication, ruleSet: TRuleSet, options: TScreenOptions = {}): TScreeningResult {
  const items = itemsOf(app);
  const compareFindings = findingComparator();
  const fromApp = screenParties(app, ruleSet, options);
  // An application rule may still point at one item (e.g. its incomplete biometric data).
  const shared = fromApp.filter((f) => f.lineItem === undefined).sort(compareFindings);
  // Part 740: evaluated per item once every finding of that item is known (party hits and end users restrict it).
  const memo = createScreenMemo(); // per-application values, computed once for all items
  const ownByItem = items.map((product, position) => {
    const item = screenProduct(product, app, ruleSet, memo);
    const afterExceptions = applyLicenceExceptions(item, product, app, ruleSet, [...fromApp, ...item]);
    return [...fromApp.filter((f) => f.lineItem === position), ...afterExceptions.map((f) => ({ ...f, lineItem: position }))].sort(compareFindings);
  });
  const lineItems: TLineItemResult[] = ownByItem.map((own, position) => {
    const findings = mergeSorted(shared, own, compareFindings);
    return { position, outcome: worstOutcome(findings.map((f) => f.outcome)), findings };
  });
  const findings = mergeSorted(shared, ownByItem.flat().sort(compareFindings), compareFindings);
  return { outcome: worstOutcome(findings.map((f) => f.outcome)), ruleSetVersion: ruleSet.version, findings, lineItems };
}
