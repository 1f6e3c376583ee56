// screen(application, ruleSet) → result: runs every enabled rule, sorts the findings worst-first and
// takes the worst outcome. Pure and deterministic: no clock, no randomness, no I/O.

import { applyLicenceExceptions } from './licence-exceptions';
import { compareFindings, worstOutcome } from './outcome';
import type { TRuleSet } from './rule-set';
import { APPLICATION_RULES, ITEM_RULES } from './rules';
import type { TClearedMatch, TFinding, TScreeningApplication, TScreeningProduct, TScreeningResult } from './types';

export type TScreenOptions = { clearedMatches?: TClearedMatch[] };

/** Findings that depend on one product (line item): every enabled item rule. Multi-item applications call this per item. */
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
  const parties = screenParties(app, ruleSet, options);
  const item = screenProduct(app.product, app, ruleSet);
  // Part 740: evaluated once every finding of the item is known (party hits and end users restrict it).
  const findings = [...parties, ...applyLicenceExceptions(item, app.product, app, ruleSet, [...parties, ...item])];
  findings.sort(compareFindings);
  return { outcome: worstOutcome(findings.map((f) => f.outcome)), ruleSetVersion: ruleSet.version, findings };
}
