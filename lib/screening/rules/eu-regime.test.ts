// The EU regime (issue 16) on the real seed rule set and real Annex I entries: Art. 3 with EU001,
// the Annex II exclusions, the Art. 4 and Art. 5 catch-alls, Annex IV, EU sanctions, EAR
// applicability for exporters outside the US, and the regime every finding carries.
import { describe, expect, it } from 'vitest';
import { screen } from '../screen';
import { app, face, seedRuleSet } from '@/test/screening-fixture';
import type { TFinding, TOutcome, TScreeningApplication, TScreeningProduct } from '../types';

const rs = seedRuleSet();
const hits = (findings: TFinding[], ruleId: string) => findings.filter((f) => f.ruleId === ruleId);

type TItem = Partial<TScreeningProduct>;
/** A German (or other) exporter's one-item application. */
function eu(o: { exporter?: string; item?: TItem; country?: string; endUserType?: TScreeningApplication['endUser']['type']; endUse?: TScreeningApplication['endUse']['category']; description?: string; redFlags?: TScreeningApplication['redFlags']; items?: TItem[] } = {}): TScreeningApplication {
  const base = app({ country: o.country ?? 'JP', endUserType: o.endUserType, endUse: o.endUse, redFlags: o.redFlags });
  const item = (i: TItem): TScreeningProduct => ({ ...base.product!, eccn: null, subjectToEar: 'NO', euControlCode: null, ...i });
  const { product: _p, ...rest } = base;
  return {
    ...rest,
    exporter: { country: o.exporter ?? 'DE' },
    endUse: { category: o.endUse ?? 'OTHER', description: o.description ?? 'Production of machine parts' },
    lineItems: (o.items ?? [o.item ?? {}]).map(item),
  };
}

describe('EU Regulation 2021/821 (real Annex I entries)', () => {
  it.each<[string, TScreeningApplication, string, TOutcome]>([
    ['2B001.a machine tool to Japan: EU001 covers it', eu({ item: { euControlCode: '2B001.a' }, country: 'JP' }), 'eu.authorisation-art3', 'CLEAR'],
    ['2B001.a to the United States: EU001', eu({ item: { euControlCode: '2B001.a' }, country: 'US' }), 'eu.authorisation-art3', 'CLEAR'],
    ['2B001.a to China: Art. 3 authorisation', eu({ item: { euControlCode: '2B001.a' }, country: 'CN' }), 'eu.authorisation-art3', 'LICENSE_REQUIRED'],
    ['1C351 pathogen (Annex II Section I) to the United States', eu({ item: { euControlCode: '1C351.a' }, country: 'US' }), 'eu.authorisation-art3', 'LICENSE_REQUIRED'],
    ['9A117 staging mechanisms (Annex II Section I) to Japan', eu({ item: { euControlCode: '9A117' }, country: 'JP' }), 'eu.authorisation-art3', 'LICENSE_REQUIRED'],
    ['1C001 (Annex IV, stealth) to Japan: no GEA', eu({ item: { euControlCode: '1C001' }, country: 'JP' }), 'eu.authorisation-art3', 'LICENSE_REQUIRED'],
    ['3A001.a.3 to South Korea: EU002', eu({ item: { euControlCode: '3A001.a.3' }, country: 'KR' }), 'eu.authorisation-art3', 'CLEAR'],
    ['5A002.a.2 to Brazil: EU008 may apply (conditions)', eu({ item: { euControlCode: '5A002.a.2' }, country: 'BR' }), 'eu.authorisation-art3', 'REVIEW'],
    ['2B001.a to Japan with a red flag: officer first', eu({ item: { euControlCode: '2B001.a' }, country: 'JP', redFlags: ['UNUSUAL_PAYMENT'] }), 'eu.authorisation-art3', 'REVIEW'],
    ['not classified against Annex I: data gap', eu({ item: { euControlCode: null }, country: 'JP' }), 'eu.authorisation-art3', 'REVIEW'],
    ['a code Annex I lacks: data gap', eu({ item: { euControlCode: '2B999' }, country: 'JP' }), 'eu.authorisation-art3', 'REVIEW'],
    ['not listed, military end user in Venezuela (EU arms embargo): Art. 4(1)(b)', eu({ item: { euControlCode: 'NOT_LISTED' }, country: 'VE', endUserType: 'MILITARY' }), 'eu.catch-all-art4', 'LICENSE_REQUIRED'],
    ['not listed, end use declares chemical weapons: Art. 4(1)(a)', eu({ item: { euControlCode: 'NOT_LISTED' }, country: 'IN', description: 'Precursor handling for a chemical weapons programme' }), 'eu.catch-all-art4', 'LICENSE_REQUIRED'],
    ['not listed, military end user in China (1989 declaration, partial): review', eu({ item: { euControlCode: 'NOT_LISTED' }, country: 'CN', endUserType: 'MILITARY' }), 'eu.catch-all-art4', 'REVIEW'],
    ['not listed, 1:N face recognition for Brazilian police: Art. 5', eu({ item: { euControlCode: 'NOT_LISTED', biometric: face() }, country: 'BR', endUserType: 'LAW_ENFORCEMENT' }), 'biometric.eu-dual-use-art5', 'LICENSE_REQUIRED'],
    ['2B001.a to Russia: Reg. 833/2014 Art. 2', eu({ item: { euControlCode: '2B001.a' }, country: 'RU' }), 'eu.sanctions-dual-use', 'PROHIBITED'],
    ['5A002.a to Belarus: Reg. 765/2006 Art. 1e', eu({ item: { euControlCode: '5A002.a' }, country: 'BY' }), 'eu.sanctions-dual-use', 'PROHIBITED'],
    ['not listed to Russia: other annexes, review', eu({ item: { euControlCode: 'NOT_LISTED' }, country: 'RU' }), 'eu.sanctions-dual-use', 'REVIEW'],
    ['1C001 (Annex IV) from Germany to France: Art. 11', eu({ item: { euControlCode: '1C001' }, country: 'FR' }), 'eu.annex-iv-intra-eu', 'LICENSE_REQUIRED'],
    ['subject to the EAR unknown: data gap', eu({ item: { euControlCode: 'NOT_LISTED', subjectToEar: 'UNKNOWN', eccn: 'EAR99' }, country: 'JP' }), 'ear.applicability', 'REVIEW'],
  ])('%s', (_name, input, ruleId, expected) => {
    const r = screen(input, rs);
    const found = hits(r.findings, ruleId);
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((f) => f.outcome)).toContain(expected);
    expect(found.every((f) => f.basis === 'LAW')).toBe(true);
    if (expected !== 'CLEAR') expect(r.outcome === expected || ['LICENSE_REQUIRED', 'PROHIBITED'].includes(r.outcome)).toBe(true);
  });

  it('EU001 to Japan is not LICENSE_REQUIRED and names the GEA and its duties; the same item to China is', () => {
    const jp = screen(eu({ item: { euControlCode: '2B001.a' }, country: 'JP' }), rs);
    expect(jp.outcome).not.toBe('LICENSE_REQUIRED');
    const f = hits(jp.findings, 'eu.authorisation-art3')[0]!;
    expect(f.message).toMatch(/EU001/);
    expect(f.message).toMatch(/customs declaration/);
    expect(f.message).toMatch(/first use/);
    expect(f.citation).toMatch(/2021\/821 Art\. 3\(1\)/);
    expect(f.regime).toBe('EU_2021_821');
    const cn = screen(eu({ item: { euControlCode: '2B001.a' }, country: 'CN' }), rs);
    expect(cn.outcome).toBe('LICENSE_REQUIRED');
    expect(hits(cn.findings, 'eu.authorisation-art3')[0]!.message).toMatch(/No Union general export authorisation covers/);
  });

  it('lists the other GEAs that may apply, with their conditions (EU003/EU004 to China)', () => {
    const f = hits(screen(eu({ item: { euControlCode: '2B001.a' }, country: 'CN' }), rs).findings, 'eu.authorisation-art3')[0]!;
    expect(f.message).toMatch(/EU003 \(Export after repair\/replacement\)/);
    expect(f.message).toMatch(/EU004 \(Temporary export for exhibition or fair\)/);
    expect(f.message).not.toMatch(/EU001 \(/);
  });

  it('an embargoed military end use bars EU001 too', () => {
    // Not an EU001 destination case in reality, but a consignee in Venezuela makes the export one to Venezuela as well
    const a = eu({ item: { euControlCode: '2B001.a' }, country: 'US', endUserType: 'MILITARY' });
    a.consignees = [{ name: 'Caracas Forwarding', country: 'VE', role: 'INTERMEDIATE' }];
    const r = screen(a, rs);
    expect(hits(r.findings, 'eu.authorisation-art3')[0]!.outcome).toBe('LICENSE_REQUIRED');
    expect(hits(r.findings, 'eu.catch-all-art4')[0]!.citation).toMatch(/2017\/2074/);
  });

  it('the biometric ladder cites Art. 5 for an EU exporter only', () => {
    const a = eu({ item: { euControlCode: 'NOT_LISTED', biometric: face(), subjectToEar: 'YES', eccn: '3A981' }, country: 'BR', endUserType: 'LAW_ENFORCEMENT' });
    const ladder = screen(a, rs).findings.filter((f) => f.ruleId.startsWith('biometric.one-to-many.'));
    expect(ladder.length).toBeGreaterThan(0);
    expect(ladder.every((f) => /2021\/821 Art\. 5/.test(f.citation))).toBe(true);
    const us = screen({ ...a, exporter: { country: 'US' } }, rs).findings.filter((f) => f.ruleId.startsWith('biometric.one-to-many.'));
    expect(us.some((f) => /2021\/821/.test(f.citation))).toBe(false);
  });

  it('the EU financial sanctions list is a data gap for EU exporters only', () => {
    expect(hits(screen(eu({ item: { euControlCode: 'NOT_LISTED' } }), rs).findings, 'eu.financial-sanctions')).toHaveLength(1);
    expect(hits(screen(eu({ exporter: 'JP', item: { euControlCode: 'NOT_LISTED' } }), rs).findings, 'eu.financial-sanctions')).toHaveLength(0);
  });
});

describe('which law applies', () => {
  it('an item not subject to the EAR skips the EAR rules and says why; the same item subject to it does not', () => {
    // 3A981 to Brazil: CC1 X on the Country Chart → a US exporter needs a licence
    const no = screen(eu({ item: { eccn: '3A981', subjectToEar: 'NO', euControlCode: 'NOT_LISTED' }, country: 'BR' }), rs);
    expect(hits(no.findings, 'licence.country-chart')).toEqual([]);
    const why = hits(no.findings, 'ear.applicability')[0]!;
    expect(why.outcome).toBe('CLEAR');
    expect(why.message).toMatch(/not subject to the EAR/);
    const yes = screen(eu({ item: { eccn: '3A981', subjectToEar: 'YES', euControlCode: 'NOT_LISTED' }, country: 'BR' }), rs);
    expect(hits(yes.findings, 'licence.country-chart')[0]!.outcome).toBe('LICENSE_REQUIRED');
    expect(hits(yes.findings, 'ear.applicability')).toEqual([]);
  });

  it('application-wide EAR findings bind only the items subject to the EAR', () => {
    // Iran: Country Group E:1 (EAR embargo) — item 0 is subject to the EAR, item 1 is not
    const r = screen(eu({ country: 'IR', items: [{ eccn: 'EAR99', subjectToEar: 'YES', euControlCode: 'NOT_LISTED' }, { eccn: 'EAR99', subjectToEar: 'NO', euControlCode: 'NOT_LISTED' }] }), rs);
    const embargo = hits(r.findings, 'embargo.country-group');
    expect(embargo.length).toBeGreaterThan(0);
    expect(new Set(embargo.map((f) => f.lineItem))).toEqual(new Set([0]));
    expect(r.lineItems![1]!.findings.some((f) => f.ruleId === 'embargo.country-group')).toBe(false);
  });

  it('a US exporter (or none) screens as before: no EU rule, no applicability finding, every finding has a regime', () => {
    for (const a of [app({ eccn: '3A981', country: 'BR' }), { ...app({ eccn: '3A981', country: 'BR' }), exporter: { country: 'US' } }]) {
      const r = screen(a, rs);
      expect(r.outcome).toBe('LICENSE_REQUIRED');
      expect(r.findings.some((f) => f.ruleId.startsWith('eu.') || f.ruleId === 'ear.applicability')).toBe(false);
      expect(r.findings.every((f) => f.regime !== undefined)).toBe(true);
      expect(hits(r.findings, 'licence.country-chart')[0]!.regime).toBe('US_EAR');
    }
  });

  it('an exporter outside the US and the EU gets neither EU rules nor EAR rules for an item not subject to the EAR', () => {
    const r = screen(eu({ exporter: 'JP', item: { eccn: '3A981', subjectToEar: 'NO', euControlCode: '2B001.a' }, country: 'CN' }), rs);
    expect(r.findings.some((f) => f.ruleId.startsWith('eu.'))).toBe(false);
    expect(r.findings.filter((f) => f.regime === 'US_EAR').map((f) => f.ruleId)).toEqual(['ear.applicability']);
  });

  it('party hits carry the regime of their list (UN Security Council list → UN)', () => {
    const un = rs.lists.find((l) => l.code === 'UN')!;
    const entity = un.entries.find((e) => e.type !== 'INDIVIDUAL' && e.name.length > 12)!;
    const a = app({ eccn: 'EAR99', country: 'DE', endUserName: entity.name });
    const f = screen(a, rs).findings.find((x) => x.ruleId === 'party.restricted-lists' && x.evidence.list === 'UN');
    expect(f?.regime).toBe('UN');
  });
});
