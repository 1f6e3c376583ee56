// screen(application, ruleSet) → result: runs every enabled rule, sorts the findings worst-first and
// takes the worst outcome. Each line item is screened on its own (the registry's item rules:
// licence determination, item-class rules, biometric policy) together with the application-wide
// findings (application rules: destination, parties, declarations), which are computed once.
// Item findings carry `lineItem` (0-based); `lineItems` gives each item's outcome and findings (its
// own plus the application-wide ones); the overall outcome is the worst. Pure and deterministic.
//
// Regimes (issue 16): every finding carries its regime (US_EAR, EU_2021_821, UN, POLICY, …). The
// exporter's country of establishment decides which apply: the EU rules check it themselves; the
// US EAR rules run for a US exporter as always, and for an exporter elsewhere only on the items
// subject to the EAR (ear.applicability: "No" skips them for that item, not answered runs them and
// reports a DATA_GAP). For such an exporter the application-wide EAR findings (embargoes, 744.22,
// red flags) bind only the items the EAR applies to, so they are attached to those items.

import { itemsOf } from './items';
import { applyLicenceExceptions, sharedContext } from './licence-exceptions';
import { createScreenMemo, type TScreenMemo } from './memo';
import { OUTCOME_RANK, findingComparator } from './outcome';
import type { TRuleSet } from './rule-set';
import { APPLICATION_RULES, ITEM_RULES } from './rules';
import { citeArt5ForEuExporter } from './rules/biometric-eu-dual-use-art5';
import type { TRuleDef } from './rules/define';
import { EAR_APPLICABILITY_RULE, earApplies } from './rules/ear-applicability';
import { exporterCountryOf } from './rules/eu-regime';
import type {
  TClearedMatch,
  TFinding,
  TLineItemResult,
  TOutcome,
  TRegime,
  TRuleConfig,
  TScreeningApplication,
  TScreeningProduct,
  TScreeningResult,
} from './types';

export { itemsOf };
export type TScreenOptions = { clearedMatches?: TClearedMatch[] };

const regimeOfRule = (def: TRuleDef, rule: TRuleConfig): TRegime => def.regime ?? (rule.basis === 'LAW' ? 'US_EAR' : 'POLICY');
const withRegime = (findings: TFinding[], regime: TRegime): TFinding[] => findings.map((f) => (f.regime ? f : { ...f, regime }));
/** An EAR rule that the applicability of the EAR gates (not the applicability rule itself). */
const isGatedEarRule = (def: TRuleDef, rule: TRuleConfig) => def.id !== EAR_APPLICABILITY_RULE && regimeOfRule(def, rule) === 'US_EAR';

/** Findings that depend on one product (line item): every enabled item rule. */
export function screenProduct(product: TScreeningProduct, app: TScreeningApplication, ruleSet: TRuleSet, memo: TScreenMemo = createScreenMemo()): TFinding[] {
  const findings: TFinding[] = [];
  const ear = earApplies(product, app) !== 'NO';
  for (const def of ITEM_RULES) {
    const rule = ruleSet.rules.get(def.id);
    if (!rule || (!ear && isGatedEarRule(def, rule))) continue;
    const regime = regimeOfRule(def, rule);
    for (const f of def.check({ product, app, rs: ruleSet, rule, params: rule.params, memo })) findings.push(f.regime ? f : { ...f, regime });
  }
  return citeArt5ForEuExporter(findings, app, ruleSet);
}

/** Findings about the destination, the parties and the declarations, whatever the products: every enabled application rule. */
export function screenParties(app: TScreeningApplication, ruleSet: TRuleSet, options: TScreenOptions = {}): TFinding[] {
  const findings: TFinding[] = [];
  for (const def of APPLICATION_RULES) {
    const rule = ruleSet.rules.get(def.id);
    if (rule)
      findings.push(
        ...withRegime(def.check({ app, rs: ruleSet, rule, params: rule.params, clearedMatches: options.clearedMatches ?? [] }), regimeOfRule(def, rule)),
      );
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

/** The worst outcome of the findings (no array of outcomes per item). */
function worstOutcomeOf(findings: readonly TFinding[]): TOutcome {
  let worst: TOutcome = 'CLEAR';
  for (const f of findings) if (OUTCOME_RANK[f.outcome] > OUTCOME_RANK[worst]) worst = f.outcome;
  return worst;
}

const EAR_APP_RULE_IDS = new Set(APPLICATION_RULES.filter((d) => d.regime === 'US_EAR').map((d) => d.id));

export function screen(app: TScreeningApplication, ruleSet: TRuleSet, options: TScreenOptions = {}): TScreeningResult {
  const items = itemsOf(app);
  const compareFindings = findingComparator();
  const fromAppAll = screenParties(app, ruleSet, options);
  // Outside the US, the application-wide EAR findings bind only the items subject to the EAR.
  const usExporter = exporterCountryOf(app) === 'US';
  const earPerItem = usExporter ? [] : fromAppAll.filter((f) => f.lineItem === undefined && EAR_APP_RULE_IDS.has(f.ruleId));
  const fromApp = usExporter ? fromAppAll : fromAppAll.filter((f) => !earPerItem.includes(f));
  // An application rule may still point at one item (e.g. its incomplete biometric data).
  const shared = fromApp.filter((f) => f.lineItem === undefined).sort(compareFindings);
  // Part 740: evaluated per item once every finding of that item is known (party hits and end users restrict it).
  const memo = createScreenMemo(); // per-application values, computed once for all items
  const exceptionContext = sharedContext(fromApp); // what the application-wide findings restrict, once
  const ownByItem = items.map((product, position) => {
    const ear = earApplies(product, app) !== 'NO';
    const item = [...screenProduct(product, app, ruleSet, memo), ...(ear ? earPerItem : [])];
    const afterExceptions = ear ? withRegime(applyLicenceExceptions(item, product, app, ruleSet, exceptionContext), 'US_EAR') : item;
    return [...fromApp.filter((f) => f.lineItem === position), ...afterExceptions.map((f) => ({ ...f, lineItem: position }))].sort(compareFindings);
  });
  const lineItems: TLineItemResult[] = ownByItem.map((own, position) => {
    const findings = mergeSorted(shared, own, compareFindings);
    return { position, outcome: worstOutcomeOf(findings), findings };
  });
  const findings = mergeSorted(shared, ownByItem.flat().sort(compareFindings), compareFindings);
  return { outcome: worstOutcomeOf(findings), ruleSetVersion: ruleSet.version, findings, lineItems };
}
