// Public API of the pure screening engine.
export { buildRuleSet, RuleSetError } from './rule-set';
export type { TRuleSet, TPartyRef } from './rule-set';
export { screen, screenProduct, screenParties } from './screen';
export type { TScreenOptions } from './screen';
export { matchNames, explainMatch, classify, DEFAULT_THRESHOLDS } from './names/score';
export { normaliseName } from './names/normalise';
export { parseEccn } from './eccn';
export { worstOutcome, compareFindings, OUTCOME_RANK } from './outcome';
export { isKnownRuleId, KNOWN_RULE_IDS, RULES, ITEM_RULES, APPLICATION_RULES, ruleDefFor } from './rules';
export type { TRuleDef, TItemRule, TApplicationRule } from './rules';
export type * from './types';
