// screen(application, ruleSet) → result: runs every enabled rule, sorts the findings worst-first and
// takes the worst outcome. Each line item is screened on its own (licence determination, item-class
// rules, biometric policy) together with the application-wide findings (destination, parties,
// declarations), which are computed once. Pure and deterministic: no clock, no randomness, no I/O.

import {
  checkApplicationData,
  checkBiometric,
  checkEmbargoGroups,
  checkEmbargoRegions,
  checkMilitaryEndUser,
  checkMilitaryIntelligenceEndUser,
  checkProductData,
  checkRedFlags,
  checkRussiaBelarus,
} from './checks';
import { checkLicence } from './licence';
import { makeFinding } from './finding';
import { compareFindings, worstOutcome } from './outcome';
import { checkParties } from './parties';
import type { TRuleSet } from './rule-set';
import type { TClearedMatch, TFinding, TLineItemResult, TScreeningApplication, TScreeningProduct, TScreeningResult } from './types';

export type TScreenOptions = { clearedMatches?: TClearedMatch[] };

/** The application's line items: `lineItems`, else the one-item shorthand `product`, else none. */
export function itemsOf(app: TScreeningApplication): TScreeningProduct[] {
  if (Array.isArray(app.lineItems) && app.lineItems.length > 0) return app.lineItems;
  return app.product ? [app.product] : [];
}

/** Findings that depend on one product (line item), whatever its position. */
export function screenProduct(product: TScreeningProduct, app: TScreeningApplication, ruleSet: TRuleSet): TFinding[] {
  const dest = app.destination?.country ?? '';
  const findings: TFinding[] = [];
  findings.push(...checkProductData(product, ruleSet));
  findings.push(...checkLicence(product, dest, ruleSet));
  findings.push(...checkRussiaBelarus(product, app, ruleSet));
  findings.push(...checkMilitaryEndUser(product, app, ruleSet));
  findings.push(...checkBiometric(product, app, ruleSet));
  return findings;
}

/** Findings about the destination, the parties and the declarations, whatever the products. */
export function screenParties(app: TScreeningApplication, ruleSet: TRuleSet, options: TScreenOptions = {}): TFinding[] {
  return [
    ...checkApplicationData(app, ruleSet),
    ...checkEmbargoGroups(app, ruleSet),
    ...checkEmbargoRegions(app, ruleSet),
    ...checkMilitaryIntelligenceEndUser(app, ruleSet),
    ...checkParties(app, ruleSet, options.clearedMatches ?? []),
    ...checkRedFlags(app, ruleSet),
  ];
}

/** No line item at all: nothing to determine a licence for, so never CLEAR. */
function noItemsFinding(ruleSet: TRuleSet): TFinding {
  const rule = ruleSet.rules.get('data.application');
  const message = 'The application lists no line items, so no licence determination could be made.';
  if (rule) return makeFinding(rule, { outcome: 'REVIEW', message, evidence: { field: 'lineItems', value: [] } });
  return { ruleId: 'data.application', kind: 'DATA_GAP', outcome: 'REVIEW', basis: 'LAW', citation: '15 CFR 732', licensePolicy: null, message, evidence: { field: 'lineItems', value: [] } };
}

export function screen(app: TScreeningApplication, ruleSet: TRuleSet, options: TScreenOptions = {}): TScreeningResult {
  const items = itemsOf(app);
  const shared = screenParties(app, ruleSet, options);
  if (items.length === 0) shared.push(noItemsFinding(ruleSet));
  const lineItems: TLineItemResult[] = items.map((product, position) => {
    const own = screenProduct(product, app, ruleSet).map((f) => ({ ...f, lineItem: position }));
    const findings = [...shared, ...own].sort(compareFindings);
    return { position, outcome: worstOutcome(findings.map((f) => f.outcome)), findings };
  });
  const findings = [...shared, ...lineItems.flatMap((r) => r.findings.filter((f) => f.lineItem !== undefined))].sort(compareFindings);
  return { outcome: worstOutcome(findings.map((f) => f.outcome)), ruleSetVersion: ruleSet.version, findings, lineItems };
}
