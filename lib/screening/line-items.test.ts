// Line items (issue 12): each item screened on its own plus the application-wide findings; item
// findings carry their 0-based position; each item's outcome and the overall worst. Real seed data.
import { describe, expect, it } from 'vitest';
import { screen } from './index';
import { itemOutcomeChanges, lineItemResults } from './line-items';
import { app, face, seedRuleSet } from '@/test/screening-fixture';
import type { TScreeningApplication, TScreeningProduct } from './types';

const rs = seedRuleSet();
const item = (o: Partial<TScreeningProduct>): TScreeningProduct => ({
  name: 'Item',
  description: 'An item',
  eccn: 'EAR99',
  kind: 'HARDWARE',
  quantity: 1,
  unitValueUsd: 100,
  biometric: null,
  ...o,
});
const withItems = (base: TScreeningApplication, items: TScreeningProduct[]): TScreeningApplication => {
  const { product: _unused, ...rest } = base;
  void _unused;
  return { ...rest, lineItems: items };
};

// The journey: EAR99 spare parts, a 3A981 fingerprint reader and 1:N face identification,
// for a police end user in Brazil (CC1 X; Freedom House: Free).
const threeItems = withItems(app({ country: 'BR', endUserType: 'LAW_ENFORCEMENT', endUse: 'LAW_ENFORCEMENT_INVESTIGATION' }), [
  item({ name: 'Spare parts', eccn: 'EAR99' }),
  item({ name: 'Fingerprint reader', eccn: '3A981', biometric: { ...face({ modality: 'FINGERPRINT', matchingMode: 'ONE_TO_ONE', maxGallerySize: 1 }) } }),
  item({ name: 'Face identification server', eccn: '3A981', biometric: face({ liveVideo: true, trainingDataConsent: 'CONSENTED' }) }),
]);

describe('screen() with several line items', () => {
  const result = screen(threeItems, rs);

  it('gives one result per item, in order, and the overall outcome is the worst of them', () => {
    expect(result.lineItems?.map((r) => r.position)).toEqual([0, 1, 2]);
    expect(result.lineItems?.[0]?.outcome).toBe('CLEAR');
    expect(result.lineItems?.[1]?.outcome).toBe('LICENSE_REQUIRED');
    expect(result.lineItems?.[2]?.outcome).toBe('LICENSE_REQUIRED');
    expect(result.outcome).toBe('LICENSE_REQUIRED');
  });

  it('marks every item-specific finding with its position; application-wide findings carry none', () => {
    const chart = result.findings.filter((f) => f.ruleId === 'licence.country-chart' && f.outcome === 'LICENSE_REQUIRED');
    expect(chart.map((f) => f.lineItem).sort()).toEqual([1, 2]);
    expect(result.findings.filter((f) => f.lineItem === 0).every((f) => f.outcome === 'CLEAR')).toBe(true);
    for (const r of result.lineItems ?? []) {
      expect(r.findings.every((f) => f.lineItem === undefined || f.lineItem === r.position)).toBe(true);
    }
  });

  it('screens each item as the same application with that item alone would be', () => {
    threeItems.lineItems!.forEach((product, i) => {
      const alone = screen(withItems(threeItems, [product]), rs);
      expect(result.lineItems?.[i]?.outcome).toBe(alone.outcome);
      expect(result.lineItems?.[i]?.findings.map((f) => [f.ruleId, f.outcome, f.message])).toEqual(alone.findings.map((f) => [f.ruleId, f.outcome, f.message]));
    });
  });

  it('an EAR99 item stays clear next to a prohibited one; embargoes bind every item', () => {
    const mixed = screen(withItems(app({ country: 'RU', endUserCountry: 'RU' }), [item({ eccn: 'EAR99' }), item({ eccn: '3A981' })]), rs);
    expect(mixed.lineItems?.[1]?.outcome).toBe('PROHIBITED');
    expect(mixed.lineItems?.[0]?.outcome).not.toBe('PROHIBITED');
    expect(mixed.outcome).toBe('PROHIBITED');
    const embargo = screen(withItems(app({ country: 'KP', endUserCountry: 'KP' }), [item({ eccn: 'EAR99' }), item({ eccn: 'EAR99' })]), rs);
    expect(embargo.lineItems?.map((r) => r.outcome)).toEqual(['PROHIBITED', 'PROHIBITED']);
  });

  it('the one-item shorthand `product` screens as one line item', () => {
    const single = screen(app({ eccn: '3A981', country: 'BR' }), rs);
    expect(single.lineItems).toHaveLength(1);
    expect(single.lineItems?.[0]?.outcome).toBe(single.outcome);
    expect(single.outcome).toBe('LICENSE_REQUIRED');
  });

  it('no line items at all is never CLEAR', () => {
    const none = screen(withItems(app(), []), rs);
    expect(none.outcome).not.toBe('CLEAR');
    expect(none.lineItems).toEqual([]);
  });

  it('incomplete biometric data of one item counts for that item only', () => {
    const broken = item({ biometric: { ...face(), matchingMode: 'SOMETIMES' as never } });
    const r = screen(withItems(app(), [item({}), broken]), rs);
    const gap = r.findings.find((f) => f.ruleId === 'data.application' && f.lineItem === 1);
    expect(gap).toBeDefined();
    expect(r.lineItems?.[0]?.outcome).toBe('CLEAR');
    expect(r.lineItems?.[1]?.outcome).not.toBe('CLEAR');
  });
});

describe('per-item results from stored findings', () => {
  it("lineItemResults() reproduces screen()'s per-item outcomes from the flat findings", () => {
    const result = screen(threeItems, rs);
    expect(lineItemResults(result.findings, 3).map((r) => r.outcome)).toEqual(result.lineItems?.map((r) => r.outcome));
  });

  it('itemOutcomeChanges() names the items whose outcome changed', () => {
    const before = screen(withItems(app({ country: 'DE' }), [item({ eccn: 'EAR99' }), item({ eccn: '3A981' })]), rs);
    const after = screen(withItems(app({ country: 'BR' }), [item({ eccn: 'EAR99' }), item({ eccn: '3A981' })]), rs);
    expect(itemOutcomeChanges({ before: before.findings, after: after.findings, names: ['Parts', 'Reader'] })).toEqual([
      { position: 1, name: 'Reader', from: 'CLEAR', to: 'LICENSE_REQUIRED' },
    ]);
  });
});
