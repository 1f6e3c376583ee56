// The coherent biometric policy (issue 11), on the real seed rule set: any modality, 1:1 treated
// as 1:N, EAR99 classification gap, CC Column 1, Xinjiang, EU Art. 5 for EU exporters only, US
// city bans, and the citation links.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { screen } from '../screen';
import { app, face, seedRuleSet } from '@/test/screening-fixture';
import type { TFinding, TOutcome, TScreeningApplication } from '../types';

const rs = seedRuleSet();
const run = (a: TScreeningApplication) => screen(a, rs);
const hits = (findings: TFinding[], ruleId: string) => findings.filter((f) => f.ruleId === ruleId);
const police = (o: Parameters<typeof app>[0] = {}) =>
  app({ country: 'CN', endUserType: 'LAW_ENFORCEMENT', endUse: 'PUBLIC_SPACE_SURVEILLANCE', eccn: '3A981', ...o });

describe('biometric policy (real data)', () => {
  it.each<[string, TScreeningApplication, TOutcome, string]>([
    // the cases for Chinese police watching public spaces
    [
      'declared 1:1, 10-million gallery, live video',
      police({ biometric: face({ matchingMode: 'ONE_TO_ONE', maxGallerySize: 10_000_000, liveVideo: true }) }),
      'PROHIBITED',
      'biometric.one-to-many.not-free',
    ],
    [
      'declared 1:1, 10-million gallery, no live video',
      police({ biometric: face({ matchingMode: 'ONE_TO_ONE', maxGallerySize: 10_000_000 }) }),
      'PROHIBITED',
      'biometric.one-to-many.not-free',
    ],
    [
      'declared 1:1, small gallery, live video',
      police({ biometric: face({ matchingMode: 'ONE_TO_ONE', maxGallerySize: 50, liveVideo: true }) }),
      'PROHIBITED',
      'biometric.one-to-many.not-free',
    ],
    ['1:N iris', police({ biometric: face({ modality: 'IRIS' }) }), 'PROHIBITED', 'biometric.one-to-many.not-free'],
    ['1:N gait', police({ biometric: face({ modality: 'GAIT' }) }), 'PROHIBITED', 'biometric.one-to-many.not-free'],
    ['1:N voice', police({ biometric: face({ modality: 'VOICE' }) }), 'PROHIBITED', 'biometric.one-to-many.not-free'],
    ['1:N fingerprint', police({ biometric: face({ modality: 'FINGERPRINT' }) }), 'PROHIBITED', 'biometric.one-to-many.not-free'],
    [
      '1:N fingerprint declared EAR99 (normally 3A981), Germany, commercial',
      app({ eccn: 'EAR99', country: 'DE', biometric: face({ modality: 'FINGERPRINT' }) }),
      'REVIEW',
      'biometric.classification',
    ],
    // 89 FR 60998 step on CC Column 1: Mexico is in A:1 but has an X in CC1
    [
      '1:N face, commercial, Mexico (A:1, CC1 X), 3A981',
      app({ eccn: '3A981', country: 'MX', biometric: face() }),
      'LICENSE_REQUIRED',
      'biometric.one-to-many.cc-column-1',
    ],
    [
      '1:N face, commercial, Brazil (CC1 X), 3A981',
      app({ eccn: '3A981', country: 'BR', biometric: face() }),
      'LICENSE_REQUIRED',
      'biometric.one-to-many.cc-column-1',
    ],
    [
      'Xinjiang by region CN-65, 1:1 small gallery, commercial',
      app({ eccn: '3A981', country: 'CN', region: 'CN-65', biometric: face({ matchingMode: 'ONE_TO_ONE', maxGallerySize: 10 }) }),
      'PROHIBITED',
      'biometric.xinjiang-region',
    ],
    [
      "Xinjiang by the end user's address (Ürümqi)",
      {
        ...app({ eccn: '3A981', country: 'CN', biometric: face({ matchingMode: 'ONE_TO_ONE', maxGallerySize: 10 }) }),
        endUser: { name: 'Tianshan Retail', country: 'CN', address: '8 Renmin Rd, Ürümqi', type: 'COMMERCIAL' },
      },
      'PROHIBITED',
      'biometric.xinjiang-region',
    ],
    [
      'EU exporter (DE), 1:N face to Brazilian police',
      { ...app({ eccn: '3A981', country: 'BR', endUserType: 'LAW_ENFORCEMENT', biometric: face() }), exporter: { country: 'DE' } },
      'LICENSE_REQUIRED',
      'biometric.eu-dual-use-art5',
    ],
    [
      'US city ban: Boston police, 1:N face, address in Boston, MA',
      {
        ...app({ eccn: '3A981', country: 'US', endUserType: 'LAW_ENFORCEMENT', biometric: face() }),
        endUser: { name: 'Boston Police Department', country: 'US', address: '1 Schroeder Plaza, Boston, MA 02120', type: 'LAW_ENFORCEMENT' },
      },
      'REVIEW',
      'biometric.us-city-ban',
    ],
    [
      'US city ban: Portland, Oregon from the city field',
      {
        ...app({ eccn: '3A981', country: 'US', endUserType: 'GOVERNMENT', biometric: face() }),
        endUser: { name: 'Portland Bureau', country: 'US', address: '1221 SW 4th Ave, Oregon 97204', type: 'GOVERNMENT', city: 'Portland' },
      },
      'REVIEW',
      'biometric.us-city-ban',
    ],
  ])('%s', (_name, input, expected, ruleId) => {
    const r = run(input);
    expect(r.outcome).toBe(expected);
    expect(hits(r.findings, ruleId).length).toBeGreaterThan(0);
  });

  it('says why a declared 1:1 product is treated as 1:N', () => {
    const f = hits(
      run(police({ biometric: face({ matchingMode: 'ONE_TO_ONE', maxGallerySize: 10_000_000, liveVideo: true }) })).findings,
      'biometric.one-to-many.not-free',
    )[0]!;
    expect(f.message).toMatch(
      /declared 1:1 but treated as 1:N identification because its gallery holds up to 10,000,000 templates \(more than 10,000\) and it works on live video/,
    );
    expect(f.evidence.treatedAsOneToMany).toHaveLength(2);
  });

  it('names the usual ECCNs for a biometric identification system declared EAR99', () => {
    const f = hits(run(app({ eccn: 'EAR99', country: 'DE', biometric: face({ modality: 'FINGERPRINT' }) })).findings, 'biometric.classification')[0]!;
    expect(f.kind).toBe('DATA_GAP');
    expect(f.message).toMatch(/3A981/);
    expect(f.message).toMatch(/4A003\/4D001/);
    expect(f.message).toMatch(/5A002/);
  });

  it('the 1:1 carve-out is not given to a product treated as 1:N', () => {
    const r = run(app({ eccn: '3A981', country: 'DE', biometric: face({ matchingMode: 'ONE_TO_ONE', liveVideo: true }) }));
    expect(hits(r.findings, 'biometric.one-to-one-carve-out')).toEqual([]);
    expect(
      hits(
        run(app({ eccn: '3A981', country: 'DE', biometric: face({ matchingMode: 'ONE_TO_ONE', maxGallerySize: 1 }) })).findings,
        'biometric.one-to-one-carve-out',
      ),
    ).toHaveLength(1);
  });

  it('EU Art. 5 binds EU exporters only: a US exporter (or no exporter country) gets no Art. 5 finding', () => {
    const base = app({ eccn: '3A981', country: 'BR', endUserType: 'LAW_ENFORCEMENT', biometric: face() });
    expect(hits(run(base).findings, 'biometric.eu-dual-use-art5')).toEqual([]);
    expect(hits(run({ ...base, exporter: { country: 'US' } }).findings, 'biometric.eu-dual-use-art5')).toEqual([]);
    const eu = hits(run({ ...base, exporter: { country: 'FR' } }).findings, 'biometric.eu-dual-use-art5')[0]!;
    expect(eu.basis).toBe('LAW');
    expect(eu.citationUrl).toBe('https://eur-lex.europa.eu/eli/reg/2021/821/oj');
    // and no policy finding cites Art. 5 for a US exporter
    expect(run(base).findings.some((f) => /2021\/821/.test(f.citation))).toBe(false);
  });

  it('city bans only inside the US, for government users, in a listed city of the right state', () => {
    const mk = (address: string, country = 'US', type: TScreeningApplication['endUser']['type'] = 'LAW_ENFORCEMENT') => ({
      ...app({ eccn: '3A981', country, endUserType: type, biometric: face() }),
      endUser: { name: 'Dept', country, address, type },
    });
    const f = hits(run(mk('1 Dr Carlton B Goodlett Pl, San Francisco, CA 94102')).findings, 'biometric.us-city-ban')[0]!;
    expect(f.citation).toMatch(/Chapter 19B/);
    expect(f.basis).toBe('POLICY');
    expect(f.licensePolicy).toBe('Company policy: review');
    expect(hits(run(mk('389 Congress St, Portland, ME 04101')).findings, 'biometric.us-city-ban')).toEqual([]);
    expect(hits(run(mk('1 Main St, Boston, MA', 'US', 'COMMERCIAL')).findings, 'biometric.us-city-ban')).toEqual([]);
    expect(hits(run(mk('1 Main St, Austin, TX')).findings, 'biometric.us-city-ban')).toEqual([]);
  });

  it('policy findings read as company policy, never as law; proposed ones say so', () => {
    const r = run(police({ biometric: face() }));
    for (const f of r.findings.filter((x) => x.basis === 'POLICY')) {
      expect(f.licensePolicy ?? '').not.toMatch(/presumption of denial/i);
      expect(f.citation).toMatch(/company policy|Clearance policy|IBM|Supp\. No\. 1 to 15 CFR Part 774|AI Act|2024\/1689/i);
    }
    const cc = hits(run(app({ eccn: '3A981', country: 'BR', biometric: face() })).findings, 'biometric.one-to-many.cc-column-1')[0]!;
    expect(cc.basis).toBe('PROPOSED');
    expect(cc.citation).toMatch(/CC Column 1/);
  });

  it('every finding of the seed rules carries an https link to its cited text', () => {
    const inputs = [
      police({ biometric: face(), redFlags: ['UNUSUAL_PAYMENT'] }),
      app({ eccn: '3A981', country: 'RU', endUserType: 'MILITARY', endUserName: 'Banco Nacional de Cuba' }),
      app({ eccn: 'EAR99', country: 'UA' }),
      app({ eccn: '5A001.j', country: 'CN', endUserType: 'INTELLIGENCE', endUserName: 'Abdiel Padron Madrid' }),
    ];
    for (const input of inputs) {
      for (const f of run(input).findings) {
        if (f.ruleId === 'data.application') continue; // Clearance's own data policy: nothing external to cite
        expect(f.citationUrl, `${f.ruleId}: ${f.citation}`).toMatch(/^https:\/\//);
      }
    }
    const dpl = run(app({ endUserName: 'Abdiel Padron Madrid', country: 'DE' })).findings.find((f) => f.evidence.list === 'DPL')!;
    expect(dpl.citation).toMatch(/^15 CFR 736\.2\(b\)\(4\)/);
    expect(dpl.citationUrl).toBe('https://www.ecfr.gov/current/title-15/section-736.2');
  });
});

const arb = fc.record({
  modality: fc.constantFrom('FACE', 'FINGERPRINT', 'IRIS', 'VOICE', 'GAIT', 'OTHER' as const),
  matchingMode: fc.constantFrom('ONE_TO_ONE', 'ONE_TO_MANY' as const),
  maxGallerySize: fc.oneof(fc.integer({ min: 0, max: 1e8 }), fc.constant(Number.NaN)),
  liveVideo: fc.boolean(),
  remoteGalleryAccess: fc.boolean(),
  country: fc.constantFrom('CN', 'HK', 'US', 'DE', 'MX', 'BR', 'IN', 'ZZ'),
  region: fc.constantFrom(null, 'CN-65', 'CN-XJ', 'CN-11'),
  eccn: fc.constantFrom('EAR99', '3A981', null),
  endUserType: fc.constantFrom('COMMERCIAL', 'GOVERNMENT', 'LAW_ENFORCEMENT' as const),
  exporter: fc.constantFrom(undefined, 'US', 'DE', 'FR'),
  address: fc.constantFrom('1 Main St, Boston, MA', '8 Renmin Rd, Urumqi', 'Somewhere', ''),
});

describe('properties of the biometric policy', () => {
  it('never throws, is deterministic, and never CLEARs a gallery of unknown size or an unclassified item', () => {
    fc.assert(
      fc.property(arb, (o) => {
        const input: TScreeningApplication = {
          ...app({
            eccn: o.eccn,
            country: o.country,
            region: o.region,
            endUserType: o.endUserType,
            biometric: face({
              modality: o.modality,
              matchingMode: o.matchingMode,
              maxGallerySize: o.maxGallerySize,
              liveVideo: o.liveVideo,
              remoteGalleryAccess: o.remoteGalleryAccess,
            }),
          }),
          ...(o.exporter ? { exporter: { country: o.exporter } } : {}),
        };
        input.endUser = { ...input.endUser, address: o.address };
        const a = run(input);
        expect(run(structuredClone(input))).toEqual(a);
        if (o.eccn === null || o.country === 'ZZ' || (o.matchingMode === 'ONE_TO_ONE' && Number.isNaN(o.maxGallerySize))) expect(a.outcome).not.toBe('CLEAR');
        if (o.eccn === 'EAR99' && (o.matchingMode === 'ONE_TO_MANY' || o.liveVideo)) expect(a.outcome).not.toBe('CLEAR');
      }),
      { numRuns: 150 },
    );
  });
});
