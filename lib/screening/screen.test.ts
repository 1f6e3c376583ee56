import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDplTxt } from '../reference/dpl';
import { loadSeedRuleSetData, referenceDir } from '../reference/load-seed';
import { buildRuleSet, screen } from './index';
import { OUTCOME_RANK, worstOutcome } from './outcome';
import { app, face, seedData, seedRuleSet } from '@/test/screening-fixture';
import type { TClearedMatch, TFinding, TOutcome, TScreeningApplication } from './types';

const rs = seedRuleSet();
const run = (a: TScreeningApplication, cleared?: TClearedMatch[]) => screen(a, rs, { clearedMatches: cleared });
const has = (findings: TFinding[], ruleId: string, outcome?: TOutcome) =>
  findings.some((f) => f.ruleId === ruleId && (outcome === undefined || f.outcome === outcome));

describe('licence determination: ECCN × Commerce Country Chart (real data)', () => {
  it.each<[string, TScreeningApplication, TOutcome]>([
    ['EAR99 to Germany, commercial', app({ eccn: 'EAR99', country: 'DE' }), 'CLEAR'],
    ['EAR99 to China, commercial', app({ eccn: 'EAR99', country: 'CN' }), 'CLEAR'],
    ['3A981 to Brazil (CC1 X)', app({ eccn: '3A981', country: 'BR' }), 'LICENSE_REQUIRED'],
    ['3A981 to Mexico: A:1, yet X in CC1', app({ eccn: '3A981', country: 'MX' }), 'LICENSE_REQUIRED'],
    ['3A981 to Germany (no CC1 X)', app({ eccn: '3A981', country: 'DE' }), 'CLEAR'],
    ['3A981 to Türkiye (no CC1 X)', app({ eccn: '3A981', country: 'TR' }), 'CLEAR'],
    ['3A981 to Hong Kong (China row)', app({ eccn: '3A981', country: 'HK' }), 'LICENSE_REQUIRED'],
    ['3A981 to Liechtenstein (Switzerland row)', app({ eccn: '3A981', country: 'LI' }), 'CLEAR'],
    // NS1 X, but Switzerland is in A:5: License Exception STA appears available → an officer confirms (740.20)
    ['5A001.a to Liechtenstein (Switzerland NS1 X; STA appears available)', app({ eccn: '5A001.a', country: 'LI' }), 'REVIEW'],
    ['5A001.j to Germany (NS2: no X in A:1)', app({ eccn: '5A001.j', country: 'DE' }), 'CLEAR'],
    ['5A001.a to Germany (NS1 X; STA appears available)', app({ eccn: '5A001.a', country: 'DE' }), 'REVIEW'],
    ['5A001.a to Brazil (NS1 X; not A:5/A:6, LVS N/A for 5A001.a)', app({ eccn: '5A001.a', country: 'BR' }), 'LICENSE_REQUIRED'],
    ['5A001.j to China (NS2 X)', app({ eccn: '5A001.j', country: 'CN' }), 'LICENSE_REQUIRED'],
    ['5A001.f.1 to Canada (SL: all destinations)', app({ eccn: '5A001.f.1', country: 'CA' }), 'LICENSE_REQUIRED'],
    ['bare 5A001 to Germany: strictest', app({ eccn: '5A001', country: 'DE' }), 'LICENSE_REQUIRED'],
    ['lower-case ECCN 3a981 to Brazil', app({ eccn: '3a981', country: 'BR' }), 'LICENSE_REQUIRED'],
    ['unknown ECCN 9A005 (absent from this CCL)', app({ eccn: '9A005', country: 'DE' }), 'REVIEW'],
    ['invalid ECCN text', app({ eccn: 'banana', country: 'DE' }), 'REVIEW'],
    ['not classified (eccn null)', app({ eccn: null, country: 'DE' }), 'REVIEW'],
    ['country without a chart row (PR), EAR99', app({ eccn: 'EAR99', country: 'PR' }), 'REVIEW'],
    ['country without a chart row (ZZ), 3A981', app({ eccn: '3A981', country: 'ZZ' }), 'REVIEW'],
    ['0A501.a to Australia: chart footnote 10', app({ eccn: '0A501.a', country: 'AU' }), 'LICENSE_REQUIRED'],
    ['0A501.a to the United Kingdom: chart footnote 10', app({ eccn: '0A501.a', country: 'GB' }), 'LICENSE_REQUIRED'],
    ['0A981 (execution equipment) to Canada: all destinations', app({ eccn: '0A981', country: 'CA' }), 'LICENSE_REQUIRED'],
  ])('%s', (_name, input, expected) => {
    expect(run(input).outcome).toBe(expected);
  });

  it('explains the chart cell in plain words', () => {
    const f = run(app({ eccn: '3A981', country: 'BR' })).findings.find((x) => x.kind === 'LICENSE_REQUIREMENT')!;
    expect(f.message).toBe('3A981 is controlled for CC1; Brazil has an X in CC Column 1.');
    expect(f.basis).toBe('LAW');
    expect(f.citation).toContain('742.7');
    expect(f.licensePolicy).toMatch(/case-by-case/i);
    expect(f.evidence).toMatchObject({ eccn: '3A981', reason: 'CC', column: 'CC1', chartCell: { country: 'BR', row: 'BR', column: 'CC1', x: true } });
  });

  it('uses the chart, not Country Group A:1, for Mexico', () => {
    expect(rs.inGroup('MX', 'A:1')).toBe(true);
    expect(rs.chartRow('MX')!.row.x).toContain('CC1');
  });

  it('records the inherited row for Hong Kong and Liechtenstein', () => {
    const hk = run(app({ eccn: '3A981', country: 'HK' })).findings.find((x) => x.kind === 'LICENSE_REQUIREMENT')!;
    expect(hk.evidence).toMatchObject({ inheritedFrom: 'CN', chartCell: { row: 'CN' } });
    const li = run(app({ eccn: '5A001.a', country: 'LI' })).findings.find((x) => x.kind === 'LICENSE_REQUIREMENT')!;
    expect(li.evidence).toMatchObject({ inheritedFrom: 'CH' });
  });

  it('asks for the paragraph when a bare ECCN depends on it', () => {
    const r = run(app({ eccn: '5A001', country: 'DE' }));
    const gap = r.findings.find((f) => f.kind === 'DATA_GAP')!;
    expect(gap.message).toMatch(/paragraph of 5A001/);
    expect(gap.outcome).toBe('REVIEW');
  });

  it('does not ask for a paragraph when every reading gives the same outcome', () => {
    const r = run(app({ eccn: '3A981', country: 'BR' }));
    expect(r.findings.some((f) => f.kind === 'DATA_GAP')).toBe(false);
  });

  it('treats the embargo rows as "see Part 746", not as CB1 only', () => {
    for (const c of ['CU', 'IR', 'KP', 'SY']) {
      expect(rs.chartRow(c)!.row.x).toEqual([]);
      expect(rs.chartRow(c)!.row.pointer).toMatch(/746/);
    }
  });
});

describe('embargoes', () => {
  it.each<[string, TScreeningApplication, TOutcome]>([
    ['EAR99 to North Korea', app({ eccn: 'EAR99', country: 'KP' }), 'PROHIBITED'],
    ['EAR99 to Cuba (E:2)', app({ eccn: 'EAR99', country: 'CU' }), 'PROHIBITED'],
    ['EAR99 to Iran', app({ eccn: 'EAR99', country: 'IR' }), 'PROHIBITED'],
    // Syria as in the eCFR of 2026-07-23: licence for all items (746.9(a)); SPP (740.5) for EAR99 → REVIEW
    ['EAR99 to Syria (746.9, SPP appears available)', app({ eccn: 'EAR99', country: 'SY' }), 'REVIEW'],
    ['3A981 to Syria (746.9: CCL item, no exception)', app({ eccn: '3A981', country: 'SY' }), 'LICENSE_REQUIRED'],
    ['consignee in Iran, destination Germany', app({ consignees: [{ name: 'Northwind Freight', country: 'IR', role: 'INTERMEDIATE' }] }), 'PROHIBITED'],
    ['end user in Cuba', app({ endUserCountry: 'CU' }), 'PROHIBITED'],
    ['Crimea (UA-43)', app({ country: 'UA', region: 'UA-43' }), 'PROHIBITED'],
    ['so-called DNR (UA-14)', app({ country: 'UA', region: 'UA-14' }), 'PROHIBITED'],
    ['so-called LNR (UA-09)', app({ country: 'UA', region: 'UA-09' }), 'PROHIBITED'],
    ['Ukraine, Kyiv (UA-30), EAR99', app({ country: 'UA', region: 'UA-30' }), 'CLEAR'],
    ['Ukraine without a region', app({ country: 'UA' }), 'REVIEW'],
    ['Russia, 3A981 (CCL item)', app({ eccn: '3A981', country: 'RU' }), 'PROHIBITED'],
    ['Russia, EAR99', app({ eccn: 'EAR99', country: 'RU' }), 'REVIEW'],
    ['Belarus, 5A001.j', app({ eccn: '5A001.j', country: 'BY' }), 'PROHIBITED'],
    ['Russia, unclassified (strictest)', app({ eccn: null, country: 'RU' }), 'PROHIBITED'],
  ])('%s', (_name, input, expected) => {
    expect(run(input).outcome).toBe(expected);
  });
});

describe('end users (744.21, 744.22)', () => {
  it.each<[string, TScreeningApplication, TOutcome, string | null]>([
    ['military end user in China, 3A981', app({ eccn: '3A981', country: 'CN', endUserType: 'MILITARY' }), 'LICENSE_REQUIRED', 'end-user.military-744-21'],
    ['military end user in China, EAR99', app({ eccn: 'EAR99', country: 'CN', endUserType: 'MILITARY' }), 'CLEAR', null],
    ['military end user in Venezuela, 4A994', app({ eccn: '4A994', country: 'VE', endUserType: 'MILITARY' }), 'LICENSE_REQUIRED', 'end-user.military-744-21'],
    ['military end user in Russia, EAR99', app({ eccn: 'EAR99', country: 'RU', endUserType: 'MILITARY' }), 'PROHIBITED', 'end-user.military-744-21'],
    ['military end use in Burma, 4A994', app({ eccn: '4A994', country: 'MM', endUse: 'MILITARY' }), 'LICENSE_REQUIRED', 'end-user.military-744-21'],
    ['military end user in Germany, EAR99', app({ eccn: 'EAR99', country: 'DE', endUserType: 'MILITARY' }), 'CLEAR', null],
    [
      'military-intelligence end user in China, EAR99',
      app({ eccn: 'EAR99', country: 'CN', endUserType: 'INTELLIGENCE' }),
      'LICENSE_REQUIRED',
      'end-user.military-intelligence-744-22',
    ],
    [
      'military-intelligence end user in Cambodia, EAR99',
      app({ eccn: 'EAR99', country: 'KH', endUserType: 'INTELLIGENCE' }),
      'LICENSE_REQUIRED',
      'end-user.military-intelligence-744-22',
    ],
    ['intelligence end user in France, EAR99', app({ eccn: 'EAR99', country: 'FR', endUserType: 'INTELLIGENCE' }), 'CLEAR', null],
  ])('%s', (_name, input, expected, ruleId) => {
    const r = run(input);
    expect(r.outcome).toBe(expected);
    if (ruleId) expect(has(r.findings, ruleId)).toBe(true);
  });

  it('shows the presumption of denial', () => {
    const f = run(app({ eccn: 'EAR99', country: 'CN', endUserType: 'INTELLIGENCE' })).findings.find((x) => x.kind === 'END_USER')!;
    expect(f.licensePolicy).toMatch(/presumption of denial/i);
    expect(f.citation).toBe('15 CFR 744.22');
  });
});

describe('biometric / surveillance policy', () => {
  it.each<[string, TScreeningApplication, TOutcome, string]>([
    // a 1:1 product with a large gallery or live video is treated as 1:N (issue 11): the carve-out needs a small gallery
    [
      '1:1 face verification, small gallery, no remote gallery: carve-out',
      app({ biometric: face({ matchingMode: 'ONE_TO_ONE', maxGallerySize: 1 }) }),
      'CLEAR',
      'biometric.one-to-one-carve-out',
    ],
    [
      '1:N, government end user, China ("Not Free")',
      app({ country: 'CN', endUserType: 'GOVERNMENT', biometric: face() }),
      'PROHIBITED',
      'biometric.one-to-many.not-free',
    ],
    [
      '1:N, law enforcement, Türkiye: A:1 but "Not Free"',
      app({ country: 'TR', endUserType: 'LAW_ENFORCEMENT', biometric: face() }),
      'PROHIBITED',
      'biometric.one-to-many.not-free',
    ],
    [
      '1:N, public-space surveillance, India ("Partly Free"), live video',
      app({ country: 'IN', endUse: 'PUBLIC_SPACE_SURVEILLANCE', biometric: face({ liveVideo: true }) }),
      'PROHIBITED',
      'biometric.one-to-many.partly-free',
    ],
    [
      '1:N, public-space surveillance, India ("Partly Free"), no live video',
      app({ country: 'IN', endUse: 'PUBLIC_SPACE_SURVEILLANCE', biometric: face() }),
      'LICENSE_REQUIRED',
      'biometric.one-to-many.partly-free',
    ],
    ['1:N, commercial, Brazil (outside A:1)', app({ country: 'BR', biometric: face() }), 'LICENSE_REQUIRED', 'biometric.one-to-many.cc-column-1'],
    [
      '1:N, government, live video, Japan (A:1)',
      app({ country: 'JP', endUserType: 'GOVERNMENT', biometric: face({ liveVideo: true }) }),
      'REVIEW',
      'biometric.one-to-many.a1-live-surveillance',
    ],
    // classified 3A981: a 1:N system declared EAR99 is a classification gap (issue 11)
    [
      '1:N, commercial, Germany (A:1), 3A981: no restriction',
      app({ eccn: '3A981', country: 'DE', biometric: face() }),
      'CLEAR',
      'biometric.one-to-many.a1-other',
    ],
    [
      '1:1 with remote gallery access = 1:N, government, China',
      app({ country: 'CN', endUserType: 'GOVERNMENT', biometric: face({ matchingMode: 'ONE_TO_ONE', remoteGalleryAccess: true }) }),
      'PROHIBITED',
      'biometric.one-to-many.not-free',
    ],
    [
      'fingerprint, training data not consented',
      app({ biometric: face({ modality: 'FINGERPRINT', trainingDataConsent: 'NOT_CONSENTED' }) }),
      'REVIEW',
      'biometric.training-data-consent',
    ],
    [
      'face 1:1, training data consent unknown',
      app({ biometric: face({ matchingMode: 'ONE_TO_ONE', trainingDataConsent: 'UNKNOWN' }) }),
      'REVIEW',
      'biometric.training-data-consent',
    ],
    [
      'EU law enforcement, live video, public-space surveillance (AI Act)',
      app({ country: 'FR', endUserType: 'LAW_ENFORCEMENT', endUse: 'PUBLIC_SPACE_SURVEILLANCE', biometric: face({ liveVideo: true }) }),
      'REVIEW',
      'biometric.eu-ai-act-rbi',
    ],
  ])('%s', (_name, input, expected, ruleId) => {
    const r = run(input);
    expect(r.outcome).toBe(expected);
    expect(has(r.findings, ruleId)).toBe(true);
  });

  it('first match wins: one 1:N step per product', () => {
    const r = run(app({ country: 'CN', endUserType: 'GOVERNMENT', biometric: face({ liveVideo: true }) }));
    expect(r.findings.filter((f) => f.ruleId.startsWith('biometric.one-to-many.')).length).toBe(1);
  });

  it('policy findings carry POLICY or PROPOSED basis and a citation', () => {
    const r = run(app({ country: 'BR', biometric: face() }));
    const f = r.findings.find((x) => x.ruleId === 'biometric.one-to-many.cc-column-1')!;
    expect(f.basis).toBe('PROPOSED');
    expect(f.citation).toContain('89 FR 60998');
  });

  it('the policy reads its groups and statuses from the rule set, not from code', () => {
    const data = structuredClone(seedData());
    const step = data.rules.find((r) => r.id === 'biometric.one-to-many.not-free')!;
    step.params = { ...step.params, when: { governmentOrSurveillance: true, freedomStatuses: ['NF', 'PF'] } };
    const custom = buildRuleSet({ ...data, version: 'test.custom' });
    const input = app({ country: 'IN', endUse: 'PUBLIC_SPACE_SURVEILLANCE', biometric: face() });
    expect(screen(input, custom).outcome).toBe('PROHIBITED');
    expect(run(input).outcome).toBe('LICENSE_REQUIRED');
  });
});

describe('know your customer and missing data', () => {
  it.each<[string, TScreeningApplication, TOutcome]>([
    ['one red flag', app({ redFlags: ['REFUSES_END_USE_INFO'] }), 'REVIEW'],
    ['end user without a name', app({ endUserName: '  ' }), 'REVIEW'],
    ['end user country differs from destination', app({ country: 'DE', endUserCountry: 'FR' }), 'REVIEW'],
    ['unknown end-user type', { ...app(), endUser: { ...app().endUser, type: 'ALIEN' as never } }, 'REVIEW'],
  ])('%s', (_name, input, expected) => {
    expect(run(input).outcome).toBe(expected);
  });

  it('words red flags plainly', () => {
    const f = run(app({ redFlags: ['FORWARDER_AS_DESTINATION'] })).findings.find((x) => x.kind === 'KYC')!;
    expect(f.message).toMatch(/freight forwarder is the final destination/);
  });
});

describe('restricted parties', () => {
  it('SDN strong match → PROHIBITED, with evidence', () => {
    const r = run(app({ endUserName: 'Banco Nacional de Cuba', country: 'BR' }));
    expect(r.outcome).toBe('PROHIBITED');
    const f = r.findings.find((x) => x.kind === 'PARTY_MATCH')!;
    expect(f.evidence).toMatchObject({ list: 'SDN', entryId: '306', entryName: 'BANCO NACIONAL DE CUBA', match: 'STRONG' });
    expect(Array.isArray(f.evidence.matchedTokens)).toBe(true);
  });

  it('SDN alias match (a.k.a. in Remarks)', () => {
    const r = run(app({ endUserName: 'Caribex', country: 'BR' }));
    const f = r.findings.find((x) => x.kind === 'PARTY_MATCH' && x.evidence.entryId === '751')!;
    expect(f.evidence.matchedAlias).toBe(true);
    expect(f.outcome).toBe('PROHIBITED');
  });

  it("Entity List strong match → LICENSE_REQUIRED with the entry's own licence policy", () => {
    const r = run(app({ endUserName: 'Hangzhou Hikvision Digital Technology Co Ltd', country: 'CN' }));
    const f = r.findings.find((x) => x.kind === 'PARTY_MATCH' && x.evidence.list === 'ENTITY_LIST')!;
    expect(f.outcome).toBe('LICENSE_REQUIRED');
    expect(f.licensePolicy).toMatch(/presumption of denial for all other items/);
  });

  it('Entity List possible match → REVIEW', () => {
    const r = run(app({ endUserName: 'Zhejiang Dahua Technology Co., Ltd.', country: 'CN' }));
    const f = r.findings.find((x) => x.kind === 'PARTY_MATCH' && x.evidence.entryName === 'Dahua Technology')!;
    expect(f.outcome).toBe('REVIEW');
  });

  // The 2022 DPL snapshot (a fixture now) used to count 340 of 581 orders as lapsed because their end
  // dates were compared with the rule set's date; they are compared with the list's own date.
  it("active DPL order → PROHIBITED; a denial order counts as active up to the list's own date", () => {
    expect(run(app({ endUserName: 'PJSC Aeroflot', country: 'RU' })).outcome).toBe('PROHIBITED');
    const dpl2022 = parseDplTxt(readFileSync(path.join(referenceDir(), 'parties', 'bis-dpl-2022.txt'), 'utf8'), { asOf: '2022-09-07' });
    expect(dpl2022.entries.filter((e) => e.expiresOn && e.expiresOn < dpl2022.asOf)).toHaveLength(0);
    const data = seedData();
    const withOld = buildRuleSet({ ...data, lists: data.lists.map((l) => (l.code === 'DPL' ? dpl2022 : l)) });
    const f = screen(app({ endUserName: 'Dahua Electronics Corporation', country: 'US' }), withOld).findings.find(
      (x) => x.kind === 'PARTY_MATCH' && x.evidence.list === 'DPL',
    )!;
    expect(f.evidence).toMatchObject({ expiresOn: '2025-11-19', expired: false });
    expect(f.outcome).toBe('PROHIBITED');
  });

  it('screens every consignee', () => {
    const r = run(
      app({
        consignees: [
          { name: 'Northwind Freight', country: 'DE', role: 'INTERMEDIATE' },
          { name: 'BANCO NACIONAL DE CUBA', country: 'DE', role: 'ULTIMATE' },
        ],
      }),
    );
    const f = r.findings.find((x) => x.kind === 'PARTY_MATCH')!;
    expect(f.evidence.party).toMatchObject({ role: 'CONSIGNEE', index: 1 });
  });

  // Changed on purpose (issue 10): a different country lowers a weak match but never a full-name match.
  it("a party country different from the entry's lowers a partial match a little, never to zero, and never a full-name match", () => {
    const full = run(app({ endUserName: 'ABU MARZOOK, Mousa Mohammed', country: 'BR', endUserCountry: 'BR', endUserType: 'INDIVIDUAL' })).findings.find(
      (x) => x.evidence.entryId === '3754',
    )!;
    expect(full.evidence.score).toBe(1);
    const same = run(app({ endUserName: 'Banco Nacional Cuba Sucursal', country: 'ES', endUserCountry: 'ES' })).findings.find(
      (x) => x.evidence.entryId === '306',
    )!;
    const other = run(app({ endUserName: 'Banco Nacional Cuba Sucursal', country: 'BR', endUserCountry: 'BR' })).findings.find(
      (x) => x.evidence.entryId === '306',
    )!;
    expect(same.evidence.countryMismatch).toBe(false);
    expect(other.evidence.countryMismatch).toBe(true);
    expect(other.evidence.score as number).toBeLessThan(same.evidence.score as number);
    expect(other.evidence.score as number).toBeGreaterThan(0.8);
  });

  it('a cleared match stays cleared until the entry changes', () => {
    const input = app({ endUserName: 'Banco Nacional de Cuba', country: 'BR' });
    const f = run(input).findings.find((x) => x.kind === 'PARTY_MATCH')!;
    const cleared: TClearedMatch = {
      listCode: 'SDN',
      entryId: '306',
      entryContentHash: f.evidence.entryContentHash as string,
      partyName: 'BANCO  NACIONAL de cuba',
      clearedBy: 'officer@example.com',
      clearedAt: '2026-11-27T10:00:00Z',
      justification: 'Different bank: test case',
    };
    const r = run(input, [cleared]);
    // another SDN entry has the alias "BANCO NACIONAL" (possible match), so the result is REVIEW, not PROHIBITED
    expect(r.outcome).toBe('REVIEW');
    const g = r.findings.find((x) => x.kind === 'PARTY_MATCH' && x.evidence.entryId === '306')!;
    expect(g.outcome).toBe('CLEAR');
    expect(g.cleared).toEqual({ by: 'officer@example.com', at: '2026-11-27T10:00:00Z', justification: 'Different bank: test case' });
    expect(run(input, [{ ...cleared, entryContentHash: 'stale' }]).outcome).toBe('PROHIBITED');
    expect(run(input, [{ ...cleared, partyName: 'Banco Central' }]).outcome).toBe('PROHIBITED');
  });

  it('an entry that changed between SDN vintages no longer honours an old clearance', () => {
    const old = buildRuleSet(loadSeedRuleSetData({ sdnFile: 'ofac-sdn-2024-04-02.csv' }));
    const input = app({ endUserName: 'Bahman Group', country: 'DE' });
    const oldFinding = screen(input, old).findings.find((x) => x.evidence.entryId === '25068')!;
    expect(oldFinding).toBeDefined();
    const cleared: TClearedMatch = {
      listCode: 'SDN',
      entryId: '25068',
      entryContentHash: oldFinding.evidence.entryContentHash as string,
      partyName: 'Bahman Group',
      clearedBy: 'o',
      clearedAt: '2026-01-01',
      justification: 'test',
    };
    expect(screen(input, old, { clearedMatches: [cleared] }).findings.find((x) => x.evidence.entryId === '25068')!.outcome).toBe('CLEAR');
    const now = run(input, [cleared]).findings.find((x) => x.evidence.entryId === '25068')!;
    expect(now.outcome).toBe('PROHIBITED');
    expect(now.cleared).toBeUndefined();
  });
});

describe('result shape', () => {
  it('every finding is complete, sorted worst-first, and the result takes the worst outcome', () => {
    const r = run(
      app({
        eccn: '3A981',
        country: 'CN',
        endUserType: 'GOVERNMENT',
        endUserName: 'Hikvision',
        biometric: face({ trainingDataConsent: 'UNKNOWN' }),
        redFlags: ['UNUSUAL_PAYMENT'],
      }),
    );
    expect(r.ruleSetVersion).toBe(rs.version);
    for (const f of r.findings) {
      expect(f.ruleId).toBeTruthy();
      expect(f.message.length).toBeGreaterThan(10);
      expect(['LAW', 'PROPOSED', 'POLICY']).toContain(f.basis);
      expect(f.citation).toBeTruthy();
      expect(typeof f.evidence).toBe('object');
    }
    const ranks = r.findings.map((f) => OUTCOME_RANK[f.outcome]);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    expect(r.outcome).toBe(worstOutcome(r.findings.map((f) => f.outcome)));
    expect(r.outcome).toBe('PROHIBITED');
  });

  it('the built rule set is immutable', () => {
    expect(Object.isFrozen(rs)).toBe(true);
    expect(Object.isFrozen(rs.data.countries.chart.rows.BR)).toBe(true);
  });
});

// ---------- property tests ----------
const COUNTRIES = ['DE', 'BR', 'MX', 'CN', 'HK', 'LI', 'TR', 'RU', 'BY', 'KP', 'CU', 'IR', 'SY', 'IN', 'JP', 'FR', 'VE', 'PR', 'UA', 'AU'];
const ECCNS = ['EAR99', '3A981', '5A001', '5A001.j', '5A001.a', '0A501.a', '4A994', '6A003', '9A005', null];
const arbApp = fc.record({
  eccn: fc.constantFrom(...ECCNS),
  country: fc.constantFrom(...COUNTRIES),
  endUserCountry: fc.constantFrom(...COUNTRIES),
  region: fc.constantFrom(null, 'UA-43', 'UA-30'),
  endUserName: fc.oneof(fc.constantFrom('Banco Nacional de Cuba', 'Hikvision', 'Northwind Precision', 'Bank'), fc.string({ maxLength: 40 })),
  endUserType: fc.constantFrom('COMMERCIAL', 'GOVERNMENT', 'LAW_ENFORCEMENT', 'MILITARY', 'INTELLIGENCE', 'ACADEMIC', 'INDIVIDUAL' as const),
  endUse: fc.constantFrom('ACCESS_CONTROL', 'PUBLIC_SPACE_SURVEILLANCE', 'MILITARY', 'OTHER' as const),
  biometric: fc.option(
    fc.record({
      modality: fc.constantFrom('FACE', 'FINGERPRINT', 'VOICE' as const),
      matchingMode: fc.constantFrom('ONE_TO_ONE', 'ONE_TO_MANY' as const),
      maxGallerySize: fc.integer({ min: 1, max: 1e8 }),
      liveVideo: fc.boolean(),
      remoteGalleryAccess: fc.boolean(),
      trainingDataConsent: fc.constantFrom('CONSENTED', 'NOT_CONSENTED', 'UNKNOWN' as const),
    }),
    { nil: null },
  ),
  redFlags: fc.subarray(['REFUSES_END_USE_INFO', 'UNUSUAL_PAYMENT'] as const),
});

describe('properties', () => {
  it('any valid application screens without throwing, deterministically', () => {
    fc.assert(
      fc.property(arbApp, (o) => {
        const input = app({ ...o, redFlags: [...o.redFlags] });
        const a = run(input);
        const b = run(structuredClone(input));
        expect(b).toEqual(a);
        expect(a.outcome).toBe(worstOutcome(a.findings.map((f) => f.outcome)));
      }),
      { numRuns: 150 },
    );
  });

  it('missing or unknown data never yields CLEAR', () => {
    const missing = fc.constantFrom<(a: TScreeningApplication) => TScreeningApplication>(
      (a) => ({ ...a, product: { ...a.product!, eccn: null } }),
      (a) => ({ ...a, destination: { ...a.destination, country: 'ZZ' } }),
      (a) => ({ ...a, destination: { ...a.destination, country: 'PR' } }),
      (a) => ({ ...a, endUser: { ...a.endUser, name: '' } }),
      (a) => ({ ...a, endUser: { ...a.endUser, country: 'XX' } }),
      (a) => ({ ...a, product: { ...a.product!, eccn: '9Z999' } }),
      (a) => ({ ...a, product: { ...a.product!, eccn: '1A102' } }),
      (a) => ({ ...a, destination: { country: 'UA', region: null }, endUser: { ...a.endUser, country: 'UA' } }),
      (a) => ({ ...a, consignees: [{ name: '', country: 'DE', role: 'INTERMEDIATE' }] }),
    );
    fc.assert(
      fc.property(arbApp, missing, (o, breakIt) => {
        const input = breakIt(app({ ...o, redFlags: [...o.redFlags] }));
        expect(run(input).outcome).not.toBe('CLEAR');
      }),
      { numRuns: 150 },
    );
  });
});
