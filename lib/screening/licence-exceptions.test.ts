import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { screen } from './index';
import { LICENCE_EXCEPTIONS, LICENCE_EXCEPTION_SYMBOLS, applyLicenceExceptions, type TExceptionAssessment } from './licence-exceptions';
import { app, seedRuleSet, type TAppOverrides } from '@/test/screening-fixture';
import type { TFinding, TOutcome, TScreeningApplication } from './types';

const rs = seedRuleSet();

function appWith(
  o: TAppOverrides & { quantity?: number; unitValueUsd?: number; claimed?: string | null; kind?: 'HARDWARE' | 'SOFTWARE' | 'TECHNOLOGY' },
): TScreeningApplication {
  const a = app(o) as TScreeningApplication & { product: NonNullable<TScreeningApplication['product']> };
  return {
    ...a,
    product: {
      ...a.product,
      quantity: o.quantity ?? a.product.quantity,
      unitValueUsd: o.unitValueUsd ?? a.product.unitValueUsd,
      kind: o.kind ?? a.product.kind,
      licenseExceptionClaimed: o.claimed ?? null,
    },
  };
}
const licenceFindings = (r: { findings: TFinding[] }) =>
  r.findings.filter((f) => f.ruleId === 'licence.country-chart' && f.kind !== 'DATA_GAP' && f.outcome !== 'CLEAR' && f.evidence.claimedException === undefined);
const available = (r: { findings: TFinding[] }) =>
  [...new Set(licenceFindings(r).flatMap((f) => (f.evidence.availableExceptions as string[] | undefined) ?? []))].sort().join(' ');
const claim = (r: { findings: TFinding[] }) => r.findings.find((f) => f.evidence.claimedException !== undefined);

describe('the Part 740 catalogue', () => {
  it('is the 2026 eCFR list, one entry per symbol', () => {
    const raw = JSON.parse(readFileSync(path.resolve('data/reference/ear/license-exceptions-2026-07-23.json'), 'utf8')) as {
      ecfrIssueDate: string;
      exceptions: { sectionNumber: string; symbols: string[]; title: string }[];
    };
    expect(raw.ecfrIssueDate).toBe('2026-07-23');
    const fromFile = raw.exceptions.flatMap((e) => e.symbols.map((symbol) => ({ symbol, section: e.sectionNumber, title: e.title })));
    expect(LICENCE_EXCEPTIONS).toEqual(fromFile);
    expect(LICENCE_EXCEPTION_SYMBOLS).toContain('SPP');
    expect(new Set(LICENCE_EXCEPTION_SYMBOLS).size).toBe(28);
  });
});

describe('licence exceptions on real data', () => {
  it.each<[string, Parameters<typeof appWith>[0], TOutcome, string]>([
    // LVS (740.3): 6A003 "$1500, except N/A for 6A003.a.3 through a.6, b.1, b.3 and b.4"; NS2 X for Brazil (Group B)
    ['6A003.a.1 to Brazil, 2 × $500 (within $1,500)', { eccn: '6A003.a.1', country: 'BR', quantity: 2, unitValueUsd: 500 }, 'REVIEW', 'LVS'],
    ['6A003.a.1 to Brazil, 10 × $500 (over $1,500)', { eccn: '6A003.a.1', country: 'BR', quantity: 10, unitValueUsd: 500 }, 'LICENSE_REQUIRED', ''],
    ['6A003.a.1 to China, 1 × $100 (not Group B)', { eccn: '6A003.a.1', country: 'CN', quantity: 1, unitValueUsd: 100 }, 'LICENSE_REQUIRED', ''],
    // GBS (740.4): 3C005 "GBS: Yes", NS2
    ['3C005 to Brazil (GBS yes, Group B)', { eccn: '3C005', country: 'BR', quantity: 10, unitValueUsd: 1000 }, 'REVIEW', 'GBS'],
    ['3C005 to China (not Group B)', { eccn: '3C005', country: 'CN', quantity: 10, unitValueUsd: 1000 }, 'LICENSE_REQUIRED', ''],
    // STA (740.20): NS1 to A:5
    ['5A001.a to Germany (A:5, NS)', { eccn: '5A001.a', country: 'DE', quantity: 10, unitValueUsd: 10000 }, 'REVIEW', 'STA'],
    ['5A001.a to Israel (A:6, NS only)', { eccn: '5A001.a', country: 'IL', quantity: 10, unitValueUsd: 10000 }, 'REVIEW', 'STA'],
    ['5A001.a to Brazil (neither A:5 nor A:6; LVS N/A for .a)', { eccn: '5A001.a', country: 'BR', quantity: 1, unitValueUsd: 100 }, 'LICENSE_REQUIRED', ''],
    // 740.2(a)(4): crime-control items only to AU, JP, NZ, NATO, or under GOV/BAG/STA; 3A981 CC1, LVS/GBS N/A
    ['3A981 to Brazil (CC1)', { eccn: '3A981', country: 'BR' }, 'LICENSE_REQUIRED', ''],
    ['3A981 to Mexico (A:6: STA only for NS)', { eccn: '3A981', country: 'MX' }, 'LICENSE_REQUIRED', ''],
    // 740.2(a)(3): SL items, no exception but GOV for a U.S. agency
    ['5A001.f.1 to Canada (SL)', { eccn: '5A001.f.1', country: 'CA' }, 'LICENSE_REQUIRED', ''],
    ['5A980 to Germany (SL)', { eccn: '5A980', country: 'DE' }, 'LICENSE_REQUIRED', ''],
    // ENC (740.17): 5A002 EI (all destinations but Canada) and NS1
    ['5A002.a to India (ENC)', { eccn: '5A002.a', country: 'IN' }, 'REVIEW', 'ENC STA'],
    // 740.2(a)(9): the RS requirement of 5A002.z.1.a (worldwide, 742.6(a)(6)(iii)(A)) gets no STA/ENC even to
    // A:5, so the item stays LICENSE_REQUIRED although its NS1 and EI rows could use STA/ENC
    ['5A002.z.1.a to Germany (advanced computing)', { eccn: '5A002.z.1.a', country: 'DE' }, 'LICENSE_REQUIRED', 'ENC STA'],
    // Syria (746.9 as amended 2025-09-02): SPP for EAR99 only
    ['EAR99 to Syria (SPP)', { eccn: 'EAR99', country: 'SY' }, 'REVIEW', 'SPP'],
    ['3C005 to Syria (CCL item: SPP no, LVS/GBS not in 746.9(b))', { eccn: '3C005', country: 'SY', quantity: 1, unitValueUsd: 10 }, 'LICENSE_REQUIRED', ''],
  ])('%s → %s (%s)', (_name, o, outcome, symbols) => {
    const r = screen(appWith(o), rs);
    expect(r.outcome).toBe(outcome);
    expect(available(r)).toBe(symbols);
  });

  it('lists for each exception what the data met and what the exporter must confirm', () => {
    const r = screen(appWith({ eccn: '6A003.a.1', country: 'BR', quantity: 2, unitValueUsd: 500 }), rs);
    const f = licenceFindings(r)[0]!;
    expect(f.outcome).toBe('REVIEW');
    expect(f.evidence.originalOutcome).toBe('LICENSE_REQUIRED');
    const lvs = (f.evidence.licenceExceptions as TExceptionAssessment[]).find((a) => a.symbol === 'LVS')!;
    expect(lvs.status).toBe('APPEARS_AVAILABLE');
    expect(lvs.met).toEqual(['Brazil is in Country Group B', 'the shipment value $1,000 (2 × $500) is within the LVS limit of $1,500']);
    expect(lvs.toConfirm.join(' ')).toMatch(/split/);
    expect(f.message).toMatch(/An officer must confirm/);
    expect(f.citation).toContain('15 CFR 740.3');
    const sta = (f.evidence.licenceExceptions as TExceptionAssessment[]).find((a) => a.symbol === 'STA')!;
    expect(sta.status).toBe('NOT_AVAILABLE');
  });

  it('an Entity List party blocks every exception (744.16(b))', () => {
    const r = screen(appWith({ eccn: '5A001.a', country: 'DE', endUserName: 'Hangzhou Hikvision Digital Technology Co., Ltd.', endUserCountry: 'DE' }), rs);
    const f = licenceFindings(r).find((x) => x.evidence.reason === 'NS')!;
    expect(f.outcome).toBe('LICENSE_REQUIRED');
    const sta = (f.evidence.licenceExceptions as TExceptionAssessment[]).find((a) => a.symbol === 'STA')!;
    expect(sta.status).toBe('NOT_AVAILABLE');
    expect(sta.notMet.join(' ')).toMatch(/Entity List.*744\.16\(b\)/);
  });

  it('an SDN party blocks SPP for Syria', () => {
    const r = screen(appWith({ eccn: 'EAR99', country: 'SY', endUserName: 'Banco Nacional de Cuba', endUserCountry: 'SY' }), rs);
    const f = licenceFindings(r).find((x) => x.kind === 'EMBARGO')!;
    expect(f.outcome).toBe('LICENSE_REQUIRED');
    expect(f.message).toMatch(/eCFR of 2026-07-23/);
    expect(f.citation).toMatch(/746\.9/);
  });

  it('a 744.21 finding leaves only GOV', () => {
    const a = appWith({ eccn: '5A001.a', country: 'DE' });
    const item = screen(a, rs)
      .findings.filter((f) => f.ruleId === 'licence.country-chart')
      .map((f) => (f.evidence.originalOutcome ? { ...f, outcome: 'LICENSE_REQUIRED' as const } : f));
    const mil: TFinding = {
      ruleId: 'end-user.military-744-21',
      kind: 'END_USER',
      outcome: 'LICENSE_REQUIRED',
      basis: 'LAW',
      citation: '15 CFR 744.21',
      licensePolicy: null,
      message: 'x',
      evidence: {},
    };
    const out = applyLicenceExceptions(item, a.product!, a, rs, [...item, mil]);
    const f = out.find((x) => x.evidence.reason === 'NS')!;
    expect(f.outcome).toBe('LICENSE_REQUIRED');
    expect((f.evidence.licenceExceptions as TExceptionAssessment[]).find((x) => x.symbol === 'STA')!.notMet.join(' ')).toMatch(/744\.21/);
  });
});

describe('the claimed licence exception', () => {
  it.each<[string, Parameters<typeof appWith>[0], boolean | null, RegExp]>([
    [
      'LVS within the limit',
      { eccn: '6A003.a.1', country: 'BR', quantity: 2, unitValueUsd: 500, claimed: 'LVS' },
      true,
      /consistent with the claimed licence exception LVS \(740\.3\)/,
    ],
    ['LVS over the limit', { eccn: '6A003.a.1', country: 'BR', quantity: 20, unitValueUsd: 500, claimed: 'LVS' }, false, /exceeds the LVS limit of \$1,500/],
    ['GBS outside Group B', { eccn: '3C005', country: 'CN', claimed: 'GBS' }, false, /not in Country Group B/],
    ['STA to A:5', { eccn: '5A001.a', country: 'DE', claimed: 'STA' }, true, /prior statement/],
    ['LVS for a crime-control item', { eccn: '3A981', country: 'BR', claimed: 'LVS' }, false, /740\.2\(a\)\(4\)|no LVS value|not available/],
    ['SPP to Germany', { eccn: '3C005', country: 'BR', claimed: 'SPP' }, false, /Syria only/],
    ['TMP (the form cannot tell)', { eccn: '3C005', country: 'CN', claimed: 'TMP' }, true, /does not record them/],
    ['a claim with no licence requirement', { eccn: 'EAR99', country: 'DE', claimed: 'LVS' }, null, /no Country Chart licence requirement/],
  ])('%s', (_name, o, supported, message) => {
    const r = screen(appWith(o), rs);
    const c = claim(r)!;
    expect(c.evidence.supported).toBe(supported);
    expect(c.message).toMatch(message);
    expect(c.outcome).toBe('REVIEW');
    expect(r.outcome).not.toBe('CLEAR');
  });

  it('an unknown symbol is a data gap', () => {
    const c = claim(screen(appWith({ eccn: '3C005', country: 'BR', claimed: 'XYZ' }), rs))!;
    expect(c.kind).toBe('DATA_GAP');
    expect(c.outcome).toBe('REVIEW');
  });
});

describe('properties', () => {
  const arb = fc.record({
    eccn: fc.constantFrom(
      'EAR99',
      '3A981',
      '5A001.a',
      '5A001.j',
      '6A003.a.1',
      '6A003.b.4',
      '3C005',
      '5A002.a',
      '5A980',
      '9A610.y',
      '9A610.x',
      '0A501.a',
      null,
      '9A005',
      'banana',
    ),
    country: fc.constantFrom('DE', 'BR', 'CN', 'SY', 'IL', 'MX', 'CA', 'IR', 'HK', 'PR', 'ZZ', 'AE', 'IN'),
    quantity: fc.oneof(fc.integer({ min: -5, max: 100000 }), fc.constantFrom(Number.NaN, 0, Number.POSITIVE_INFINITY)),
    unitValueUsd: fc.oneof(fc.double({ min: -10, max: 1e7, noNaN: false }), fc.constant(0)),
    claimed: fc.option(fc.oneof(fc.constantFrom(...LICENCE_EXCEPTION_SYMBOLS), fc.string({ maxLength: 5 })), { nil: null }),
    endUserType: fc.constantFrom('COMMERCIAL', 'GOVERNMENT', 'MILITARY' as const),
  });

  it('never throws, is deterministic, and an exception never makes a licence requirement CLEAR', () => {
    fc.assert(
      fc.property(arb, (o) => {
        const a = appWith(o);
        const r1 = screen(a, rs);
        expect(screen(structuredClone(a), rs)).toEqual(r1);
        for (const f of r1.findings) if (f.evidence.originalOutcome === 'LICENSE_REQUIRED') expect(f.outcome).toBe('REVIEW');
        // missing or unknown classification / destination never CLEAR, whatever is claimed
        if (o.eccn === null || o.eccn === '9A005' || o.eccn === 'banana' || o.country === 'PR' || o.country === 'ZZ') expect(r1.outcome).not.toBe('CLEAR');
        if (o.claimed) expect(r1.outcome).not.toBe('CLEAR');
      }),
      { numRuns: 200 },
    );
  });
});
