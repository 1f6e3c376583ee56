// screen(application, ruleSet) → result: runs every enabled rule, sorts the findings worst-first and
// takes the worst outcome. Each line item is screened on its own (the registry's item rules:
// licence determination, item-class rules, biometric policy) together with the application-wide
// findings (application rules: destination, parties, declarations), which are computed once.
// Item findings carry `lineItem` (0-based); `lineItems` gives each item's outcome and findings (its
// own plus the application-wide ones); the overall outcome is the worst. Pure and deterministic.

import { itemsOf } from './items';
import { compareFindings, worstOutcome } from './outcome';
import type { TRuleSet } from './rule-set';
import { APPLICATION_RULES, ITEM_RULES } from './rules';
import type { TClearedMatch, TFinding, TLineItemResult, TScreeningApplication, TScreeningProduct, TScreeningResult } from './types';

export { itemsOf };
export type TScreenOptions = { clearedMatches?: TClearedMatch[] };

/** Findings that depend on one product (line item): every enabled item rule. */
export function screenProduct(product: TScreeningProduct, app: TScreeningApplication, ruleSet: TRuleSet): TFinding[] {
  const findings: TFinding[] = [];
  for (const def of ITEM_RULES) {
    const rule = ruleSet.rules.get(def.id);
    if (rule) findings.push(...def.check({ product, app, rs: ruleSet, rule, params: rule.params }));
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

export function screen(app: TScreeningApplication, ruleSet: TRuleSet, options: TScreenOptions = {}): TScreeningResult {
  const items = itemsOf(app);
  const fromApp = screenParties(app, ruleSet, options);
  // An application rule may still point at one item (e.g. its incomplete biometric data).
  const shared = fromApp.filter((f) => f.lineItem === undefined);
  const lineItems: TLineItemResult[] = items.map((product, position) => {
    const own = [...fromApp.filter((f) => f.lineItem === position), ...screenProduct(product, app, ruleSet).map((f) => ({ ...f, lineItem: position }))];
    const findings = [...shared, ...own].sort(compareFindings);
    return { position, outcome: worstOutcome(findings.map((f) => f.outcome)), findings };
  });
  const findings = [...shared, ...lineItems.flatMap((r) => r.findings.filter((f) => f.lineItem !== undefined))].sort(compareFindings);
  return { outcome: worstOutcome(findings.map((f) => f.outcome)), ruleSetVersion: ruleSet.version, findings, lineItems };
}
