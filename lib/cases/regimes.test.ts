// Findings by regime on real screenings (issue 16): which regimes are listed for a US and a German
// exporter, the worst outcome of each, the EAR note for items not subject to it, the data dates.
import { describe, expect, it } from 'vitest';
import { app, seedData, seedRuleSet } from '@/test/screening-fixture';
import { screen } from '@/lib/screening';
import type { TFinding } from '@/lib/screening/types';
import { groupByRegime, regimeOf } from './regimes';

const rs = seedRuleSet();

describe('groupByRegime', () => {
  it('a US exporter: US EAR, US lists, UN, policy — no EU columns', () => {
    const r = screen(app({ eccn: '3A981', country: 'BR' }), rs);
    const groups = groupByRegime(r.findings, { exporterCountry: 'US', datasets: seedData().datasets });
    expect(groups.map((g) => g.regime)).toEqual(['US_EAR', 'US_SANCTIONS', 'UN', 'POLICY']);
    const ear = groups.find((g) => g.regime === 'US_EAR')!;
    expect(ear.worst).toBe('LICENSE_REQUIRED');
    expect(ear.datasets.map((d) => d.kind)).toEqual(expect.arrayContaining(['CCL', 'COUNTRY_CHART']));
    expect(groups.find((g) => g.regime === 'UN')!.datasets.map((d) => d.kind)).toEqual(['PARTY_LIST_UN']);
  });

  it('a German exporter with an item not subject to the EAR: the EU columns, and the EAR says why it did not apply', () => {
    const base = app({ country: 'CN' });
    const a = { ...base, product: undefined, exporter: { country: 'DE' }, lineItems: [{ ...base.product!, eccn: '2B001.a', subjectToEar: 'NO' as const, euControlCode: '2B001.a' }] };
    const groups = groupByRegime(screen(a, rs).findings, { exporterCountry: 'DE', datasets: seedData().datasets });
    expect(groups.map((g) => g.regime)).toEqual(['US_EAR', 'EU_2021_821', 'US_SANCTIONS', 'EU_SANCTIONS', 'UN', 'POLICY']);
    const eu = groups.find((g) => g.regime === 'EU_2021_821')!;
    expect(eu.worst).toBe('LICENSE_REQUIRED');
    expect(eu.datasets).toEqual([expect.objectContaining({ kind: 'EU_DUAL_USE_ANNEX_I', asOf: '2025-11-15' })]);
    const ear = groups.find((g) => g.regime === 'US_EAR')!;
    expect(ear.worst).toBe('CLEAR');
    expect(ear.note).toMatch(/not subject to the EAR/);
    expect(groups.find((g) => g.regime === 'EU_SANCTIONS')!.worst).toBe('REVIEW');
  });

  it('reads findings stored before regimes by their rule and basis', () => {
    const old = (o: Partial<TFinding>): TFinding => ({ ruleId: 'licence.country-chart', kind: 'LICENSE_REQUIREMENT', outcome: 'REVIEW', basis: 'LAW', citation: '', licensePolicy: null, message: '', evidence: {}, ...o });
    expect(regimeOf(old({}))).toBe('US_EAR');
    expect(regimeOf(old({ ruleId: 'biometric.one-to-many.not-free', basis: 'POLICY' }))).toBe('POLICY');
    expect(regimeOf(old({ ruleId: 'party.restricted-lists', evidence: { list: 'UN' } }))).toBe('UN');
    expect(regimeOf(old({ ruleId: 'biometric.eu-dual-use-art5' }))).toBe('EU_2021_821');
  });
});
