// The country of ultimate destination (issue 11) in every check that reads "the destination", and
// the country equivalences (Hong Kong is China; "Macau or D:5"), on the real seed rule set.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placesOf, ultimateDestination } from '../finding';
import { buildRuleSet } from '../rule-set';
import { screen } from '../screen';
import { app, face, seedData, seedRuleSet } from '@/test/screening-fixture';
import type { TFinding, TOutcome, TScreeningApplication } from '../types';

const rs = seedRuleSet();
const run = (a: TScreeningApplication) => screen(a, rs);
const find = (findings: TFinding[], ruleId: string) => findings.filter((f) => f.ruleId === ruleId && f.outcome !== 'CLEAR');
const ultimate = (name: string, country: string) => ({ name, country, role: 'ULTIMATE' as const });
const intermediate = (name: string, country: string) => ({ name, country, role: 'INTERMEDIATE' as const });

describe('the country of ultimate destination', () => {
  it("is the ultimate consignee's country, else the end user's, else the destination", () => {
    expect(ultimateDestination(app({ country: 'DE', endUserCountry: 'FR', consignees: [intermediate('Fwd', 'NL'), ultimate('Ult', 'CN')] }))).toMatchObject({
      country: 'CN',
      role: 'ultimate consignee',
      name: 'Ult',
      index: 1,
    });
    expect(ultimateDestination(app({ country: 'DE', endUserCountry: 'FR', consignees: [intermediate('Fwd', 'NL')] }))).toMatchObject({
      country: 'FR',
      role: 'end user',
    });
    expect(ultimateDestination({ ...app({ country: 'DE' }), endUser: { ...app().endUser, country: '' } })).toMatchObject({
      country: 'DE',
      role: 'destination',
    });
    expect(
      placesOf(app({ country: 'DE', endUserCountry: 'DE', consignees: [intermediate('Fwd', 'NL'), ultimate('Ult', 'CN')] })).map((p) => p.country),
    ).toEqual(['CN', 'NL', 'DE']);
  });

  it.each<[string, TScreeningApplication, TOutcome, string]>([
    // the case: destination Germany, ultimate consignee in China, 3A981 (CC1)
    [
      'chart: 3A981, destination DE, ultimate consignee CN',
      app({ eccn: '3A981', country: 'DE', consignees: [ultimate('Shenzhen Vision Ltd', 'CN')] }),
      'LICENSE_REQUIRED',
      'licence.country-chart',
    ],
    [
      'chart: 3A981, destination DE, intermediate consignee BR',
      app({ eccn: '3A981', country: 'DE', consignees: [intermediate('Rio Freight', 'BR')] }),
      'LICENSE_REQUIRED',
      'licence.country-chart',
    ],
    [
      '744.21: military end user in HK (China), 5A992.c',
      app({ eccn: '5A992.c', country: 'HK', endUserType: 'MILITARY' }),
      'LICENSE_REQUIRED',
      'end-user.military-744-21',
    ],
    [
      '744.21: destination DE, military end user, ultimate consignee CN',
      app({ eccn: '3A981', country: 'DE', endUserType: 'MILITARY', consignees: [ultimate('PLA Unit', 'CN')] }),
      'LICENSE_REQUIRED',
      'end-user.military-744-21',
    ],
    [
      '744.22: intelligence end user in HK (China), EAR99',
      app({ eccn: 'EAR99', country: 'HK', endUserType: 'INTELLIGENCE' }),
      'LICENSE_REQUIRED',
      'end-user.military-intelligence-744-22',
    ],
    [
      '744.22: destination FR, ultimate consignee VE, intelligence',
      app({ eccn: 'EAR99', country: 'FR', endUserType: 'INTELLIGENCE', consignees: [ultimate('SEBIN', 'VE')] }),
      'LICENSE_REQUIRED',
      'end-user.military-intelligence-744-22',
    ],
    [
      '746.8: destination DE, ultimate consignee RU, 3A981',
      app({ eccn: '3A981', country: 'DE', consignees: [ultimate('Moscow Optics', 'RU')] }),
      'PROHIBITED',
      'embargo.russia-belarus',
    ],
    [
      'embargo: destination DE, ultimate consignee IR',
      app({ country: 'DE', consignees: [ultimate('Tehran Trading', 'IR')] }),
      'PROHIBITED',
      'embargo.country-group',
    ],
    [
      'ladder: 1:N face, government, destination DE, ultimate consignee CN',
      app({ country: 'DE', endUserType: 'GOVERNMENT', biometric: face(), consignees: [ultimate('Shanghai Police Bureau', 'CN')] }),
      'PROHIBITED',
      'biometric.one-to-many.not-free',
    ],
    [
      'ladder: 1:N face, government, Hong Kong treated as China ("Not Free")',
      app({ country: 'HK', endUserType: 'GOVERNMENT', biometric: face() }),
      'PROHIBITED',
      'biometric.one-to-many.not-free',
    ],
  ])('%s', (_name, input, expected, ruleId) => {
    const r = run(input);
    expect(r.outcome).toBe(expected);
    expect(find(r.findings, ruleId).length).toBeGreaterThan(0);
  });

  it('says which country drove the chart result, and why', () => {
    const r = run(app({ eccn: '3A981', country: 'DE', consignees: [ultimate('Shenzhen Vision Ltd', 'CN')] }));
    const f = find(r.findings, 'licence.country-chart')[0]!;
    expect(f.message).toMatch(/China has an X in CC Column 1/);
    expect(f.message).toMatch(/country of ultimate destination is China, from the ultimate consignee "Shenzhen Vision Ltd"/);
    expect(f.evidence.countryUsed).toMatchObject({ country: 'CN', role: 'ultimate consignee', ultimateDestination: 'CN' });
    // the worst country wins: an intermediate consignee's country that needs a licence is named as the driver
    const g = find(run(app({ eccn: '3A981', country: 'DE', consignees: [intermediate('Rio Freight', 'BR')] })).findings, 'licence.country-chart')[0]!;
    expect(g.message).toMatch(/consignee 1 "Rio Freight" \(Brazil\) drives this result \(country of ultimate destination: Germany\)/);
  });

  it('keeps the plain message when everything is in one country', () => {
    const f = find(run(app({ eccn: '3A981', country: 'BR' })).findings, 'licence.country-chart')[0]!;
    expect(f.message).toBe('3A981 is controlled for CC1; Brazil has an X in CC Column 1.');
    expect(f.evidence.countryUsed).toBeUndefined();
  });

  it('stays CLEAR when every party is where no licence is needed', () => {
    expect(run(app({ eccn: '3A981', country: 'DE', consignees: [ultimate('Paris Optics', 'FR')] })).outcome).toBe('CLEAR');
    expect(run(app({ eccn: 'EAR99', country: 'FR', endUserType: 'INTELLIGENCE', consignees: [ultimate('DGSE', 'FR')] })).outcome).toBe('CLEAR');
  });
});

describe('country equivalences (rule-set data)', () => {
  it('Hong Kong is China everywhere a country list is read; Macau counts as D:5 only where the EAR names both', () => {
    expect(rs.equivalentsOf('HK')).toEqual(['HK', 'CN']);
    expect(rs.countryIn('HK', ['CN', 'RU'])).toBe('CN');
    expect(rs.countryIn('DE', ['CN', 'RU'])).toBeNull();
    expect(rs.sameCountry('HK', 'CN')).toBe(true);
    expect(rs.sameCountry('CN', 'HK')).toBe(true);
    expect(rs.sameCountry('MO', 'CN')).toBe(false);
    expect(rs.inGroup('HK', 'D:5')).toBe(true);
    expect(rs.inGroup('MO', 'D:5')).toBe(false);
    expect(rs.inGroupOrNamed('MO', 'D:5')).toBe(true);
    expect(rs.inGroupOrNamed('MO', 'E:1')).toBe(false);
    expect(rs.equivalence('HK', 'CN')!.url).toMatch(/^https:\/\/www\.federalregister\.gov\//);
  });

  it('the 744.22 finding for Hong Kong cites the equivalence', () => {
    const f = find(run(app({ eccn: 'EAR99', country: 'HK', endUserType: 'INTELLIGENCE' })).findings, 'end-user.military-intelligence-744-22')[0]!;
    expect(f.message).toMatch(/Hong Kong, treated as China/);
    expect(f.evidence).toMatchObject({ country: 'CN', treatedAsFrom: 'HK', equivalenceCitation: expect.stringContaining('2020-28101') });
  });

  it('an admin who removes the Hong Kong equivalence changes the 744.22 result (data, not code)', () => {
    const data = structuredClone(seedData());
    const eq = data.rules.find((r) => r.id === 'country.equivalences')!;
    eq.params = { equivalences: (eq.params.equivalences as { country: string }[]).filter((e) => e.country !== 'HK') };
    const custom = buildRuleSet({ ...data, version: 'test.no-hk' });
    const input = app({ eccn: 'EAR99', country: 'HK', endUserType: 'INTELLIGENCE' });
    expect(screen(input, custom).findings.some((f) => f.ruleId === 'end-user.military-intelligence-744-22')).toBe(false);
    expect(run(input).outcome).toBe('LICENSE_REQUIRED');
  });
});

// ---------- properties ----------
const COUNTRIES = ['DE', 'BR', 'CN', 'HK', 'MO', 'RU', 'IR', 'FR', 'VE', 'PR', 'ZZ', ''];
const arb = fc.record({
  eccn: fc.constantFrom('EAR99', '3A981', '5A992.c', '5A001.j', null),
  country: fc.constantFrom(...COUNTRIES),
  endUserCountry: fc.constantFrom(...COUNTRIES),
  endUserType: fc.constantFrom('COMMERCIAL', 'GOVERNMENT', 'MILITARY', 'INTELLIGENCE' as const),
  consignees: fc.array(
    fc.record({
      name: fc.constantFrom('A Co', 'B Ltd', ''),
      country: fc.constantFrom(...COUNTRIES),
      role: fc.constantFrom('ULTIMATE', 'INTERMEDIATE' as const),
    }),
    { maxLength: 3 },
  ),
  bio: fc.boolean(),
});

describe('properties of the ultimate-destination checks', () => {
  it('never throw, are deterministic, and an unknown country anywhere is never CLEAR', () => {
    fc.assert(
      fc.property(arb, (o) => {
        const input = app({
          eccn: o.eccn,
          country: o.country,
          endUserCountry: o.endUserCountry,
          endUserType: o.endUserType,
          consignees: o.consignees,
          biometric: o.bio ? face() : null,
        });
        const a = run(input);
        expect(run(structuredClone(input))).toEqual(a);
        const countries = [o.country, o.endUserCountry, ...o.consignees.map((c) => c.country)];
        if (countries.some((c) => c === '' || c === 'ZZ')) expect(a.outcome).not.toBe('CLEAR');
      }),
      { numRuns: 120 },
    );
  });

  it('adding an ultimate consignee never makes the result better', () => {
    const rank: Record<TOutcome, number> = { CLEAR: 0, REVIEW: 1, LICENSE_REQUIRED: 2, PROHIBITED: 3 };
    fc.assert(
      fc.property(arb, fc.constantFrom('CN', 'RU', 'HK', 'BR', 'IR', 'DE'), (o, c) => {
        const base = app({ eccn: o.eccn, country: 'DE', endUserType: o.endUserType, biometric: o.bio ? face() : null });
        const more = { ...base, consignees: [ultimate('Ultimate Co', c)] };
        expect(rank[run(more).outcome]).toBeGreaterThanOrEqual(rank[run(base).outcome]);
      }),
      { numRuns: 80 },
    );
  });
});
