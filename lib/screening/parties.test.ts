// Restricted-party screening on the real seed data: the whole Consolidated Screening List
// (csl-2026-07-31.json). Each case from issue 10 is a test, plus each list's legal effect,
// cross-script and abbreviation pairs, and the false alarms that must stay quiet.
import { describe, expect, it } from 'vitest';
import { buildRuleSet, screen } from './index';
import { app, seedData, seedRuleSet } from '@/test/screening-fixture';
import type { TFinding, TRuleSetData, TScreeningApplication } from './types';

const rs = seedRuleSet();
const partyFindings = (a: TScreeningApplication): TFinding[] => screen(a, rs).findings.filter((f) => f.kind === 'PARTY_MATCH');
const forList = (fs: TFinding[], list: string) => fs.filter((f) => f.evidence.list === list);
const endUser = (name: string, country: string, o: Parameters<typeof app>[0] = {}) => app({ endUserName: name, country, ...o });

describe('the seeded Consolidated Screening List', () => {
  it('has one list per CSL source list, with the CSL date', () => {
    const lists = seedData().lists;
    expect(Object.fromEntries(lists.map((l) => [l.code, l.entries.length]))).toEqual({
      SDN: 19181,
      ENTITY_LIST: 3420,
      DPL: 1596,
      DTC: 787,
      SSI: 286,
      UVL: 222,
      ISN: 161,
      PLC: 78,
      MEU: 70,
      CMIC: 68,
      NS_MBS: 51,
      CAP: 1,
      UN: 1003, // the UN Security Council list, from its own XML
    });
    expect(lists.reduce((n, l) => n + l.entries.reduce((m, e) => m + e.aliases.length, 0), 0)).toBeGreaterThan(30_000);
    expect(new Set(lists.filter((l) => l.code !== 'UN').map((l) => l.asOf))).toEqual(new Set(['2026-07-31']));
    expect(rs.partyIndex.size).toBeGreaterThan(55_000);
  });
});

describe('issue 10 cases on real entries', () => {
  it('"Huawei Technologies Deutschland GmbH", EAR99 to Germany → Entity List, LICENSE_REQUIRED with the entry\'s requirement and policy', () => {
    const r = screen(endUser('Huawei Technologies Deutschland GmbH', 'DE', { eccn: 'EAR99' }), rs);
    expect(r.outcome).toBe('LICENSE_REQUIRED');
    const f = forList(r.findings, 'ENTITY_LIST')[0]!;
    expect(f.outcome).toBe('LICENSE_REQUIRED');
    expect(f.evidence.entryName).toBe('Huawei Technologies Deutschland GmbH');
    expect(f.evidence.licenseRequirement).toMatch(/all items subject to the EAR/i);
    expect(f.licensePolicy).toBe(f.evidence.entryLicensePolicy);
    expect(f.evidence.federalRegister).toMatch(/84 FR 22961/);
    expect(f.evidence.sourceListUrl).toBe('https://www.bis.gov/regulations/ear/744#supplement-4-744');
    expect(f.citation).toMatch(/744\.11/);
  });

  it('"Wagner Group" → SDN (PROHIBITED) and Entity List findings', () => {
    const fs = partyFindings(endUser('Wagner Group', 'RU'));
    expect(fs[0]!.evidence.list).toBe('SDN');
    expect(fs[0]!.outcome).toBe('PROHIBITED');
    expect(forList(fs, 'ENTITY_LIST')[0]!.outcome).toBe('LICENSE_REQUIRED');
  });

  it('"State Corporation Rostec", end user in the UAE → one finding per list, worst first; the full-name SDN match keeps its score', () => {
    const fs = partyFindings(endUser('State Corporation Rostec', 'AE'));
    const lists = fs.map((f) => f.evidence.list);
    expect(new Set(lists).size).toBe(lists.length);
    expect(lists).toEqual(expect.arrayContaining(['SDN', 'ENTITY_LIST', 'SSI']));
    expect(fs[0]!.evidence).toMatchObject({ list: 'SDN', entryId: '17260', score: 1, countryMismatch: true });
    expect(fs[0]!.outcome).toBe('PROHIBITED');
    const rank = { CLEAR: 0, REVIEW: 1, LICENSE_REQUIRED: 2, PROHIBITED: 3 };
    expect(fs.map((f) => rank[f.outcome])).toEqual([...fs.map((f) => rank[f.outcome])].sort((a, b) => b - a));
  });

  it('"Joint-Stock Company Concern Almaz-Antey" → SDN and Entity List', () => {
    const fs = partyFindings(endUser('Joint-Stock Company Concern Almaz-Antey', 'RU'));
    expect(forList(fs, 'SDN')[0]!.outcome).toBe('PROHIBITED');
    expect(forList(fs, 'ENTITY_LIST')[0]!.outcome).toBe('LICENSE_REQUIRED');
  });

  it('"NSO Group" → Entity List, LICENSE_REQUIRED', () => {
    const f = forList(partyFindings(endUser('NSO Group', 'IL')), 'ENTITY_LIST')[0]!;
    expect(f.evidence.entryName).toBe('NSO Group');
    expect(f.outcome).toBe('LICENSE_REQUIRED');
  });

  it('"Sepah Pasdaran" → the IRGC on the SDN list (alias)', () => {
    const f = forList(partyFindings(endUser('Sepah Pasdaran', 'IR')), 'SDN')[0]!;
    expect(f.outcome).toBe('PROHIBITED');
    expect(f.evidence.entryName).toBe('ISLAMIC REVOLUTIONARY GUARD CORPS');
    expect(f.evidence.matchedAlias).toBe(true);
    expect(f.evidence.entryPrograms).toEqual(expect.arrayContaining(['SDGT']));
  });

  it('"ПАО Сбербанк России" (Cyrillic) → Sberbank on the SDN list', () => {
    const f = forList(partyFindings(endUser('ПАО Сбербанк России', 'RU')), 'SDN')[0]!;
    expect(f.outcome).toBe('PROHIBITED');
    expect(f.evidence.entryName).toBe('PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA');
  });

  it('"PJSC Aeroflot" → Denied Persons List, PROHIBITED, not expired', () => {
    const f = forList(partyFindings(endUser('PJSC Aeroflot', 'RU')), 'DPL')[0]!;
    expect(f.outcome).toBe('PROHIBITED');
    expect(f.evidence.expired).toBe(false);
    expect(f.citation).toMatch(/736\.2\(b\)\(4\)/);
  });

  it('"China National Precision Machinery Imp/Exp Corp" → the SDN entry', () => {
    const f = forList(partyFindings(endUser('China National Precision Machinery Imp/Exp Corp', 'CN')), 'SDN')[0]!;
    expect(f.outcome).toBe('PROHIBITED');
    expect(f.evidence.entryId).toBe('9753');
  });

  it.each([
    ['Musterfirma GmbH', 'DE'],
    ['Promo GmbH', 'DE'],
    ['Muster Logistik GmbH', 'DE'],
    ['Northwind Precision Instruments', 'DE'],
    ['Construtora Horizonte Ltda', 'BR'],
  ])('"%s" raises no party finding', (name, country) => {
    expect(partyFindings(endUser(name, country))).toEqual([]);
  });
});

describe('names in any script, abbreviations, partial tokens', () => {
  it.each([
    ['Газпром', 'Gazprom'],
    ['Роснефть', 'ROSNEFT'],
    ['Концерн Алмаз-Антей', 'ALMAZ-ANTE'],
    ['中国精密机械进出口总公司', 'CHINA NATIONAL PRECISION MACHINERY IMPORT/EXPORT CORPORATION'],
    ['Σπύρος Ανδρέου', null],
  ])('%s meets its Latin list form', (query, expected) => {
    const hits = rs.partyIndex.search(query, rs.thresholds.possible, 50);
    if (expected === null) return expect(hits.every((h) => h.score < rs.thresholds.strong)).toBe(true);
    const names = hits.map((h) => `${rs.entry(h.ref).entry.name} | ${h.text}`.toUpperCase());
    expect(names.some((n) => n.includes(expected.toUpperCase()))).toBe(true);
  });

  it.each([
    ['China Natl Precision Mach. Imp & Exp Corp', '9753'],
    ['China National Precision Machinery I/E Co., Ltd.', '9753'],
    ['Islamic Revolutionary Guard Corps Intl', null],
  ])('abbreviations: %s', (query, entryId) => {
    const hits = rs.partyIndex.search(query, rs.thresholds.possible, 50);
    if (entryId) expect(hits.some((h) => rs.entry(h.ref).entry.id === entryId && h.score >= rs.thresholds.strong)).toBe(true);
    else expect(hits.length).toBeGreaterThan(0);
  });

  it('no match from a short partial token', () => {
    expect(rs.partyIndex.search('Musterfirma', rs.thresholds.possible).map((h) => h.text)).not.toContain('MUSTAFA');
    expect(rs.partyIndex.search('Promo', rs.thresholds.possible).map((h) => h.text)).toEqual([]);
  });

  it('common words weigh little: a distinctive word carries the match, generic words do not', () => {
    expect(rs.partyIndex.weightOf('group')).toBeLessThan(rs.partyIndex.weightOf('rostec') / 3);
    expect(rs.partyIndex.weightOf('trading')).toBeLessThan(rs.partyIndex.weightOf('sberbank') / 3);
    const hits = rs.partyIndex.search('Rostec Trading Group Company', rs.thresholds.possible);
    expect(hits[0]).toMatchObject({ text: 'Rostec' }); // the Entity List entry's name without its parenthetical
    expect(hits[0]!.score).toBeGreaterThanOrEqual(rs.thresholds.strong);
    expect(rs.partyIndex.search('Zephyrine Trading Group Company', rs.thresholds.possible)).toEqual([]);
  });
});

describe('matching judgement', () => {
  it('a name-only hit on a common personal name is POSSIBLE (REVIEW), not PROHIBITED', () => {
    const fs = partyFindings(endUser('Ali Hassan', 'DE', { endUserType: 'INDIVIDUAL' }));
    expect(fs.length).toBeGreaterThan(0);
    expect(fs.every((f) => f.outcome === 'REVIEW')).toBe(true);
    expect(fs.some((f) => /common personal name/.test(String(f.evidence.cappedBecause)))).toBe(true);
  });

  it('a distinctive personal name stays a strong match', () => {
    const f = forList(partyFindings(endUser('Viktor Anatolijevitch Bout', 'RU', { endUserType: 'INDIVIDUAL' })), 'SDN')[0];
    expect(f?.outcome).toBe('PROHIBITED');
  });

  it('an organisation against an individual entry is only POSSIBLE', () => {
    const f = partyFindings(endUser('Mohammed Ali GmbH', 'DE'))[0]!;
    expect(f.outcome).toBe('REVIEW');
    expect(f.evidence.cappedBecause).toMatch(/organisation/);
  });

  it('a different country lowers a weak match but not a full-name match', () => {
    const full = forList(partyFindings(endUser('Huawei Technologies Deutschland GmbH', 'FR')), 'ENTITY_LIST')[0]!;
    expect(full.evidence).toMatchObject({ countryMismatch: true, score: 1 });
    const same = forList(partyFindings(endUser('Rostec', 'RU')), 'ENTITY_LIST')[0]!;
    const other = forList(partyFindings(endUser('Rostec', 'BR')), 'ENTITY_LIST')[0]!;
    expect(other.evidence.score as number).toBeLessThanOrEqual(same.evidence.score as number);
  });

  it('every named party is screened: consignees and other parties', () => {
    const fs = partyFindings({
      ...app({
        consignees: [
          { name: 'Northwind Freight', country: 'DE', role: 'INTERMEDIATE' },
          { name: 'NSO Group', country: 'IL', role: 'ULTIMATE' },
        ],
      }),
      otherParties: [{ name: 'PJSC Aeroflot', country: 'RU', role: 'PURCHASER' }],
    });
    expect(fs.find((f) => f.evidence.list === 'ENTITY_LIST')!.evidence.party).toMatchObject({ role: 'CONSIGNEE', index: 1 });
    const dpl = fs.find((f) => f.evidence.list === 'DPL')!;
    expect(dpl.evidence.party).toMatchObject({ role: 'OTHER_PARTY', index: 0, otherRole: 'PURCHASER' });
    expect(dpl.message).toMatch(/^The purchaser "PJSC Aeroflot"/);
  });
});

describe("each list's legal effect (rule-set data)", () => {
  const firstOf = (list: string) => seedData().lists.find((l) => l.code === list)!;
  const strongFinding = (list: string, eccn: string | null = 'EAR99', pick = (e: { name: string; countries: string[] }) => e.countries.length > 0) => {
    const entry = firstOf(list).entries.find(pick)!;
    const endUserType = entry.type === 'individual' ? 'INDIVIDUAL' : 'COMMERCIAL';
    // the list's finding (its best entry: possibly another entry of the same name)
    const f = forList(partyFindings(endUser(entry.name, entry.countries[0] ?? 'DE', { eccn, endUserType })), list)[0];
    return { entry, f: f! };
  };

  it.each([
    ['SDN', 'PROHIBITED', /31 CFR/],
    ['DPL', 'PROHIBITED', /736\.2\(b\)\(4\)/],
    ['UVL', 'REVIEW', /744\.15/],
    ['DTC', 'REVIEW', /22 CFR 127\.7/],
    ['SSI', 'REVIEW', /589/],
    ['CMIC', 'REVIEW', /13959/],
    ['NS_MBS', 'REVIEW', /Menu-Based/],
    ['ISN', 'REVIEW', /nonproliferation/i],
    ['PLC', 'REVIEW', /PLC/],
    ['CAP', 'REVIEW', /CAPTA/],
  ])("%s → %s, with citation, meaning and the list's page", (list, outcome, citation) => {
    const { f } = strongFinding(list, 'EAR99', () => true);
    expect(f.evidence.match).toBe('STRONG');
    expect(f.outcome).toBe(outcome);
    expect(f.citation).toMatch(citation);
    expect(String(f.evidence.listMeaning).length).toBeGreaterThan(20);
    expect(f.evidence.sourceListUrl).toMatch(/^https:\/\//);
    expect(f.licensePolicy).toBeTruthy();
  });

  it('UVL: the finding states the UVL statement and no licence exceptions', () => {
    const { f } = strongFinding('UVL');
    expect(f.licensePolicy).toMatch(/UVL statement/);
    expect(f.licensePolicy).toMatch(/no licence exceptions/);
  });

  it('MEU: LICENSE_REQUIRED for a classified item, REVIEW for EAR99 outside Russia/Belarus, LICENSE_REQUIRED for any item in Russia', () => {
    const cn = (e: { countries: string[] }) => e.countries.includes('CN');
    expect(strongFinding('MEU', '3A981', cn).f.outcome).toBe('LICENSE_REQUIRED');
    const ear99 = strongFinding('MEU', 'EAR99', cn).f;
    expect(ear99.outcome).toBe('REVIEW');
    expect(ear99.evidence.itemScope).toMatch(/EAR99/);
    const ru = (e: { countries: string[] }) => e.countries.includes('RU');
    if (firstOf('MEU').entries.some(ru)) expect(strongFinding('MEU', 'EAR99', ru).f.outcome).toBe('LICENSE_REQUIRED');
  });

  it('Entity List entries scoped to CCL items: EAR99 → REVIEW, a CCL item → LICENSE_REQUIRED', () => {
    const scoped = (e: { countries: string[]; licenseRequirement?: string | null }) => /^For items on the CCL/i.test(e.licenseRequirement ?? '');
    expect(strongFinding('ENTITY_LIST', 'EAR99', scoped).f.outcome).toBe('REVIEW');
    expect(strongFinding('ENTITY_LIST', '5A002', scoped).f.outcome).toBe('LICENSE_REQUIRED');
  });

  it('several line items: one CCL item keeps the Entity List licence requirement; only all-EAR99 items narrow it', () => {
    const entry = firstOf('ENTITY_LIST').entries.find((e) => /^For items on the CCL/i.test(e.licenseRequirement ?? '') && e.countries.length > 0)!;
    const base = endUser(entry.name, entry.countries[0]!, { eccn: 'EAR99' });
    const item = base.lineItems?.[0] ?? base.product!;
    const withItems = (eccns: (string | null)[]) => ({ ...base, product: undefined, lineItems: eccns.map((eccn) => ({ ...item, eccn })) });
    const outcomeOf = (eccns: (string | null)[]) => forList(partyFindings(withItems(eccns)), 'ENTITY_LIST')[0]!.outcome;
    expect(outcomeOf(['EAR99', '5A002'])).toBe('LICENSE_REQUIRED');
    expect(outcomeOf(['5A002', 'EAR99'])).toBe('LICENSE_REQUIRED');
    expect(outcomeOf(['EAR99', 'EAR99'])).toBe('REVIEW');
  });
});

describe('stale data fails closed', () => {
  const withAsOf = (asOf: string, extra: Partial<TRuleSetData> = {}) => buildRuleSet({ ...seedData(), asOf, ...extra });

  it("lists older than maxListAgeDays (against the rule set's as-of date) add a DATA_GAP naming each list and its age", () => {
    const late = withAsOf('2026-11-27');
    const r = screen(app(), late);
    const gaps = r.findings.filter((f) => f.kind === 'DATA_GAP' && f.ruleId === 'party.restricted-lists');
    expect(gaps).toHaveLength(13); // the 12 CSL lists and the UN list (273 days old, over its own 180)
    expect(gaps.find((g) => g.evidence.list === 'SDN')!.message).toMatch(/OFAC Specially Designated Nationals \(SDN\) List is 119 days old/);
    expect(r.outcome).not.toBe('CLEAR');
  });

  it("lists exactly at the threshold (35 days) add none; a list's own limit overrides the rule's", () => {
    const gaps = screen(app(), withAsOf('2026-09-04')).findings.filter((f) => f.kind === 'DATA_GAP' && f.ruleId === 'party.restricted-lists');
    expect(gaps.map((g) => g.evidence.list)).toEqual(['UN']);
    expect(gaps[0]!.evidence).toMatchObject({ ageDays: 189, maxListAgeDays: 180 });
  });

  it("a denial order's end date is compared with the list's own date, not today", () => {
    const data = structuredClone(seedData());
    const dpl = data.lists.find((l) => l.code === 'DPL')!;
    const aeroflot = dpl.entries.find((e) => e.name === 'PJSC AEROFLOT')!;
    aeroflot.expiresOn = '2026-08-15'; // after the list's date (2026-07-31): still active, whatever today is
    expect(forList(partyFindings(endUser('PJSC Aeroflot', 'RU')), 'DPL')[0]!.outcome).toBe('PROHIBITED');
    const active = forList(screen(endUser('PJSC Aeroflot', 'RU'), buildRuleSet({ ...data, asOf: '2026-12-31' })).findings, 'DPL')[0]!;
    expect(active.outcome).toBe('PROHIBITED');
    aeroflot.expiresOn = '2026-07-01'; // before the list's date: ended
    const ended = forList(screen(endUser('PJSC Aeroflot', 'RU'), buildRuleSet(data)).findings, 'DPL')[0]!;
    expect(ended.evidence.expired).toBe(true);
    expect(ended.outcome).toBe('CLEAR');
    expect(ended.message).toMatch(/ended on 2026-07-01, before the list's own date 2026-07-31/);
  });
});
