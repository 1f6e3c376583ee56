// The rule registry: every rule the engine knows, one module each. Adding a rule = one file in this
// folder (id, params schema, check) + its test + one line here. screen() runs the item rules once
// per product (line item) and the application rules once per application.
import { biometricClassificationRule } from './biometric-classification';
import { euAiActRule } from './biometric-eu-ai-act-rbi';
import { euArt5Rule } from './biometric-eu-dual-use-art5';
import { usCityBanRule } from './biometric-us-city-ban';
import { xinjiangRule } from './biometric-xinjiang';
import { oneToManyRule, oneToManyStepRule } from './biometric-one-to-many';
import { oneToOneCarveOutRule } from './biometric-one-to-one-carve-out';
import { trainingDataConsentRule } from './biometric-training-data-consent';
import { countryEquivalencesRule } from './country-equivalences';
import { dataApplicationRule } from './data-application';
import type { TApplicationRule, TItemRule, TRuleDef } from './define';
import { embargoCountryGroupRule } from './embargo-country-group';
import { embargoRegionRule } from './embargo-region';
import { embargoRussiaBelarusRule } from './embargo-russia-belarus';
import { militaryEndUserRule } from './end-user-military-744-21';
import { militaryIntelligenceRule } from './end-user-military-intelligence-744-22';
import { redFlagsRule } from './kyc-red-flags';
import { earApplicabilityRule } from './ear-applicability';
import { euRegimeRule } from './eu-regime';
import { euArt3Rule } from './eu-authorisation-art3';
import { euAnnexIVRule } from './eu-annex-iv-intra-eu';
import { euArt4Rule } from './eu-catch-all-art4';
import { euSanctionsRule } from './eu-sanctions-dual-use';
import { euFinancialSanctionsRule } from './eu-financial-sanctions';
import { licenceCountryChartRule } from './licence-country-chart';
import { partyRestrictedListsRule } from './party-restricted-lists';

/** Product-level rules: run once per line item; their findings concern that item. */
export const ITEM_RULES: readonly TItemRule[] = [
  licenceCountryChartRule,
  embargoRussiaBelarusRule,
  militaryEndUserRule,
  oneToOneCarveOutRule,
  oneToManyRule,
  trainingDataConsentRule,
  euAiActRule,
  biometricClassificationRule,
  xinjiangRule,
  euArt5Rule,
  usCityBanRule,
  earApplicabilityRule,
  euArt3Rule,
  euAnnexIVRule,
  euSanctionsRule,
];

/** Application-level rules: run once; destination, parties and declarations. */
export const APPLICATION_RULES: readonly TApplicationRule[] = [
  dataApplicationRule,
  embargoCountryGroupRule,
  embargoRegionRule,
  militaryIntelligenceRule,
  partyRestrictedListsRule,
  redFlagsRule,
  euArt4Rule,
  euFinancialSanctionsRule,
];

export const RULES: readonly TRuleDef[] = [countryEquivalencesRule, euRegimeRule, ...APPLICATION_RULES, ...ITEM_RULES, oneToManyStepRule];

/** The definition that declares a rule id (its params schema, scope and check), or null. */
export function ruleDefFor(id: string): TRuleDef | null {
  return RULES.find((r) => (r.matches ? r.matches(id) : r.id === id)) ?? null;
}

/** Fixed rule ids (the 1:N policy steps are a family: "biometric.one-to-many.<name>"). */
export const KNOWN_RULE_IDS: readonly string[] = RULES.filter((r) => !r.matches).map((r) => r.id);

export function isKnownRuleId(id: string): boolean {
  return ruleDefFor(id) !== null;
}

export type { TApplicationRule, TItemRule, TRuleDef } from './define';
