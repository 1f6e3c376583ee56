// screen(application, ruleSet) → result: runs every enabled rule, sorts the findings worst-first and
// takes the worst outcome. Pure and deterministic: no clock, no randomness, no I/O.

import {
  checkApplicationData,
  checkBiometric,
  checkEmbargoGroups,
  checkEmbargoRegions,
  checkMilitaryEndUser,
  checkMilitaryIntelligenceEndUser,
  checkRedFlags,
  checkRussiaBelarus,
} from './checks';
import { checkLicence } from './licence';
import { applyLicenceExceptions } from './licence-exceptions';
import { compareFindings, worstOutcome } from './outcome';
import { checkParties } from './parties';
import type { TRuleSet } from './rule-set';
import type { TClearedMatch, TFinding, TScreeningApplication, TScreeningProduct, TScreeningResult } from './types';

export type TScreenOptions = { clearedMatches?: TClearedMatch[] };

/** Findings that depend on one product (line item). Multi-item applications call this per item. */
export function screenProduct(product: TScreeningProduct, app: TScreeningApplication, ruleSet: TRuleSet): TFinding[] {
  const dest = app.destination?.country ?? '';
  const findings: TFinding[] = [];
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

export function screen(app: TScreeningApplication, ruleSet: TRuleSet, options: TScreenOptions = {}): TScreeningResult {
  const parties = screenParties(app, ruleSet, options);
  const item = screenProduct(app.product, app, ruleSet);
  // Part 740: evaluated once every finding of the item is known (party hits and end users restrict it).
  const findings = [...parties, ...applyLicenceExceptions(item, app.product, app, ruleSet, [...parties, ...item])];
  findings.sort(compareFindings);
  return { outcome: worstOutcome(findings.map((f) => f.outcome)), ruleSetVersion: ruleSet.version, findings };
}
