import { describe, expect, it } from 'vitest';
import { buildSeedRules } from '../../reference/seed-rules';
import { RuleSetError, buildRuleSet } from '../rule-set';
import { seedData } from '@/test/screening-fixture';
import { APPLICATION_RULES, ITEM_RULES, KNOWN_RULE_IDS, RULES, isKnownRuleId, ruleDefFor } from './index';
import { paramMeta } from './define';

describe('rule registry', () => {
  it('declares every seed rule, and every declared rule is seeded', () => {
    const seeded = buildSeedRules().map((r) => r.id);
    for (const id of seeded) expect(ruleDefFor(id), id).not.toBeNull();
    for (const id of KNOWN_RULE_IDS) expect(seeded).toContain(id);
  });

  it('keeps item rules (per line item) and application rules apart', () => {
    expect(ITEM_RULES.every((r) => r.scope === 'item')).toBe(true);
    expect(APPLICATION_RULES.every((r) => r.scope === 'application')).toBe(true);
    expect(ITEM_RULES.map((r) => r.id)).toContain('licence.country-chart');
    expect(APPLICATION_RULES.map((r) => r.id)).toContain('party.restricted-lists');
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it('recognises the 1:N step family but not stray ids', () => {
    expect(isKnownRuleId('biometric.one-to-many.my-new-step')).toBe(true);
    expect(isKnownRuleId('biometric.one-to-many.scope')).toBe(true);
    expect(ruleDefFor('biometric.one-to-many.scope')!.scope).toBe('item');
    expect(ruleDefFor('biometric.one-to-many.not-free')!.scope).toBe('part');
    expect(isKnownRuleId('biometric.one-to-many.Bad Step')).toBe(false);
    expect(isKnownRuleId('embargo.made-up')).toBe(false);
  });

  it('every seed rule satisfies its schema, and every leaf param has a label for the admin form', () => {
    for (const rule of buildSeedRules()) {
      const def = ruleDefFor(rule.id)!;
      expect(def.params.safeParse(rule.params).success, rule.id).toBe(true);
      const shape = (def.params as unknown as { def: { shape: Record<string, never> } }).def.shape;
      for (const [key, s] of Object.entries(shape)) {
        // per-key objects: their own fields carry the labels (the admin form walks them per key)
        if (key === 'when' || key === 'lists' || key === 'part746') continue;
        expect(paramMeta(s)?.label, `${rule.id}.${key}`).toBeTruthy();
      }
    }
  });

  it('parses params once at build time: a renamed or mistyped param is refused, not defaulted', () => {
    const data = structuredClone(seedData());
    const mil = data.rules.find((r) => r.id === 'end-user.military-744-21')!;
    const { anyItemCountries, ...rest } = mil.params as Record<string, unknown>;
    mil.params = { ...rest, anyItemCountry: anyItemCountries };
    expect(() => buildRuleSet({ ...data, version: 't.renamed' })).toThrow(RuleSetError);
    expect(() => buildRuleSet({ ...data, version: 't.renamed' })).toThrow(/end-user\.military-744-21.*anyItemCountries/s);

    const data2 = structuredClone(seedData());
    data2.rules.find((r) => r.id === 'embargo.country-group')!.params.outcome = 'BLOCKED';
    expect(() => buildRuleSet({ ...data2, version: 't.outcome' })).toThrow(/embargo\.country-group/);

    const data3 = structuredClone(seedData());
    data3.rules.find((r) => r.id === 'party.restricted-lists')!.params.possibleThreshold = 0.99;
    expect(() => buildRuleSet({ ...data3, version: 't.thresholds' })).toThrow(/possible-match score/);
  });

  it('a disabled rule still has its params checked, and produces nothing', () => {
    const data = structuredClone(seedData());
    const kyc = data.rules.find((r) => r.id === 'kyc.red-flags')!;
    kyc.enabled = false;
    const rs = buildRuleSet({ ...data, version: 't.disabled' });
    expect(rs.rules.has('kyc.red-flags')).toBe(false);
    kyc.params = {};
    expect(() => buildRuleSet({ ...data, version: 't.disabled-bad' })).toThrow(/kyc\.red-flags/);
  });
});
