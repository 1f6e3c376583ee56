// Every "except" clause of the 2026 CCL, parsed and checked. The table below was written by reading
// each control text of data/reference/ear/ccl-2026-07-23.json that contains "except" (in the control
// or in its chart cell). The test fails when the data gains an "except" clause the table does not
// list, so a new clause cannot slip through unread.
//
// Scope notation: ENTIRE / PARA <paragraphs>; -x,y = excepted outright; ?x = excepted only under a
// condition the form cannot show (the engine says "may apply"); ~ = a condition touches the whole
// scope (always "may apply"); UNRESOLVED = no paragraph of this ECCN named (always "may apply").
// Destinations: a chart column, ALL (-CA: except Canada), named countries, UN (746.1(b)), GROUPS, UNKNOWN.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scopeCovers } from '../screening/eccn';
import { screen } from '../screening/index';
import { app, seedData, seedRuleSet } from '@/test/screening-fixture';
import type { TControlDestinations, TParagraphScope } from '../screening/types';
import { parseAppliesTo, parseScopeDetailed } from './ccl';

const raw = JSON.parse(readFileSync(path.resolve('data/reference/ear/ccl-2026-07-23.json'), 'utf8')) as {
  entries: { eccn: string; countryChart: { control: string; countryChart: string }[] }[];
};

function fmt(s: TParagraphScope): string {
  if (s.kind === 'UNRESOLVED') return 'UNRESOLVED';
  const head = s.kind === 'ENTIRE' ? 'ENTIRE' : `PARA ${s.paragraphs.join(',')}`;
  return `${head}${s.except.length ? ` -${s.except.join(',')}` : ''}${s.conditionalExcept?.length ? ` ?${s.conditionalExcept.join(',')}` : ''}${s.qualified ? ' ~' : ''}`;
}
const UN = 'CD,ER,IQ,IR,KP,LB,LY,SD,SO';
function dest(d: TControlDestinations): string {
  if (d.kind === 'CHART') return d.column;
  if (d.kind === 'ALL') return `ALL${d.exceptCountries.length ? `-${d.exceptCountries.join(',')}` : ''}`;
  if (d.kind === 'COUNTRIES') return d.countries.join(',') === UN ? 'UN' : d.countries.join(',');
  return d.kind;
}

// [ECCN, reason, n-th row of that reason in the entry, scope, destinations]
const EXPECTED: [string, string, number, string, string][] = [
  ['0A501', 'NS', 1, 'ENTIRE -y', 'NS1'],
  ['0A501', 'RS', 1, 'ENTIRE -y', 'RS1'],
  ['0A501', 'FC', 1, 'ENTIRE -y', 'FC1'],
  ['0A503', 'CC', 1, 'ENTIRE', 'ALL-CA'],
  ['0A505', 'FC', 1, 'ENTIRE -d', 'FC1'],
  ['0A509', 'NS', 1, 'ENTIRE -d ?a', 'NS1'],
  ['0A509', 'RS', 1, 'ENTIRE -d ?a', 'RS1'],
  ['0A509', 'AT', 1, 'ENTIRE -d ?a', 'AT1'],
  ['0A606', 'NS', 1, 'ENTIRE -b,y', 'NS1'],
  ['0A606', 'RS', 1, 'ENTIRE -b,y', 'RS1'],
  ['0A606', 'UN', 1, 'ENTIRE -y', 'UN'],
  ['0A617', 'NS', 1, 'ENTIRE -y', 'NS1'],
  ['0A617', 'RS', 1, 'ENTIRE -y', 'RS1'],
  ['0A617', 'UN', 1, 'ENTIRE -y', 'UN'],
  ['0B501', 'NS', 1, 'ENTIRE ~', 'NS1'],
  ['0B501', 'RS', 1, 'ENTIRE ~', 'RS1'],
  ['0D501', 'NS', 1, 'ENTIRE ~', 'NS1'],
  ['0D501', 'RS', 1, 'ENTIRE ~', 'RS1'],
  ['0D617', 'NS', 1, 'ENTIRE -y', 'NS1'],
  ['0D617', 'RS', 1, 'ENTIRE -y', 'RS1'],
  ['0D617', 'UN', 1, 'ENTIRE -y', 'UN'],
  ['0E606', 'NS', 1, 'ENTIRE -y', 'NS1'],
  ['0E606', 'RS', 1, 'ENTIRE -y', 'RS1'],
  ['0E606', 'UN', 1, 'ENTIRE -y', 'UN'],
  ['0E617', 'NS', 1, 'ENTIRE -y', 'NS1'],
  ['0E617', 'RS', 1, 'ENTIRE -y', 'RS1'],
  ['0E617', 'UN', 1, 'ENTIRE -y', 'UN'],
  ['0E982', 'CC', 1, 'UNRESOLVED', 'ALL-CA'],
  ['1A613', 'NS', 1, 'ENTIRE -y', 'NS1'],
  ['1A613', 'RS', 1, 'ENTIRE -y', 'RS1'],
  ['1A613', 'UN', 1, 'ENTIRE -y', 'UN'],
  ['1B001', 'MT', 1, 'ENTIRE -e,f ?d.4', 'MT1'],
  ['1C607', 'NS', 1, 'ENTIRE -a.10,a.11,a.12,a.14', 'NS1'],
  ['1D607', 'NS', 1, 'ENTIRE ~', 'NS1'],
  ['1D613', 'NS', 1, 'ENTIRE -y', 'NS1'],
  ['1D613', 'RS', 1, 'ENTIRE -y', 'RS1'],
  ['1D613', 'UN', 1, 'ENTIRE -y', 'UN'],
  ['1E002', 'NS', 1, 'ENTIRE -g', 'NS1'],
  ['1E355', 'CW', 1, 'ENTIRE', 'UNKNOWN'],
  ['1E607', 'NS', 1, 'ENTIRE ~', 'NS1'],
  ['1E613', 'NS', 1, 'ENTIRE -y', 'NS1'],
  ['1E613', 'RS', 1, 'ENTIRE -y', 'RS1'],
  ['1E613', 'UN', 1, 'ENTIRE -y', 'UN'],
  ['2B001', 'NP', 1, 'PARA a,b,c,d ?a,b', 'NP1'],
  ['2B004', 'NP', 1, 'ENTIRE -b.3 ~', 'NP1'],
  ['2B999', 'RS', 1, 'ENTIRE -h.2', 'PK'],
  ['3A001', 'NS', 1, 'PARA b.2,b.3 ?b.2,b.3 ~', 'NS1'],
  ['3A001', 'RS', 1, 'PARA b.2,b.3 ?b.2,b.3 ~', 'RS1'],
  ['3A611', 'NS', 1, 'ENTIRE -y', 'NS1'],
  ['3A611', 'RS', 1, 'ENTIRE -y', 'RS1'],
  ['3A611', 'UN', 1, 'ENTIRE -y', 'UN'],
  ['3D001', 'NS', 2, 'UNRESOLVED', 'NS1'],
  ['3D611', 'NS', 1, 'ENTIRE -y', 'NS1'],
  ['3D611', 'RS', 1, 'ENTIRE -y', 'RS1'],
  ['3D611', 'UN', 1, 'ENTIRE -y', 'UN'],
  ['3E611', 'NS', 1, 'ENTIRE -y', 'NS1'],
  ['3E611', 'RS', 1, 'ENTIRE -y', 'RS1'],
  ['3E611', 'UN', 1, 'ENTIRE -y', 'UN'],
  ['4A001', 'NP', 1, 'UNRESOLVED', 'UNKNOWN'],
  ['4E001', 'NS', 1, 'ENTIRE ~', 'NS1'],
  ['5A001', 'NS', 2, 'PARA b,c,d,f,g,j -b.5,f.3', 'NS2'],
  ['6A002', 'RS', 1, 'PARA a.1,a.2,a.3,c,f ?a.3.d.2.a,a.3.e', 'RS1'],
  ['6D991', 'AT', 1, 'ENTIRE ~', 'AT1'],
  ['6E991', 'AT', 1, 'ENTIRE ~', 'AT1'],
  ['7A611', 'NS', 1, 'ENTIRE -y', 'NS1'],
  ['7A611', 'RS', 1, 'ENTIRE -y', 'RS1'],
  ['7A611', 'UN', 1, 'ENTIRE -y', 'UN'],
  ['7D611', 'NS', 1, 'ENTIRE -y', 'NS1'],
  ['7D611', 'RS', 1, 'ENTIRE -y', 'RS1'],
  ['7D611', 'UN', 1, 'ENTIRE -y', 'UN'],
  ['7E611', 'NS', 1, 'ENTIRE -y', 'NS1'],
  ['7E611', 'RS', 1, 'ENTIRE -y', 'RS1'],
  ['7E611', 'UN', 1, 'ENTIRE -y', 'UN'],
  ['8A609', 'NS', 1, 'ENTIRE -y', 'NS1'],
  ['8A609', 'RS', 1, 'ENTIRE -y', 'RS1'],
  ['8A609', 'UN', 1, 'ENTIRE -y', 'UN'],
  ['8A620', 'NS', 1, 'ENTIRE -b,y', 'NS1'],
  ['8A620', 'RS', 1, 'ENTIRE -y', 'RS1'],
  ['8A620', 'UN', 1, 'ENTIRE -y', 'UN'],
  ['8B620', 'NS', 1, 'ENTIRE -b', 'NS1'],
  ['8D609', 'NS', 1, 'ENTIRE -y', 'NS1'],
  ['8D609', 'RS', 1, 'ENTIRE -y', 'RS1'],
  ['8D609', 'UN', 1, 'ENTIRE -y', 'UN'],
  ['8D620', 'NS', 1, 'ENTIRE -b,y', 'NS1'],
  ['8D620', 'RS', 1, 'ENTIRE -y', 'RS1'],
  ['8D620', 'UN', 1, 'ENTIRE -y', 'UN'],
  ['8E609', 'NS', 1, 'ENTIRE -y', 'NS1'],
  ['8E609', 'RS', 1, 'ENTIRE -y', 'RS1'],
  ['8E609', 'UN', 1, 'ENTIRE -y', 'UN'],
  ['8E620', 'NS', 1, 'ENTIRE -b,y', 'NS1'],
  ['8E620', 'RS', 1, 'ENTIRE -y', 'RS1'],
  ['8E620', 'UN', 1, 'ENTIRE -y', 'UN'],
  ['9A012', 'NS', 1, 'ENTIRE -a.1', 'NS1'],
  ['9A515', 'NS', 1, 'ENTIRE -e,x,y', 'NS1'],
  ['9A515', 'RS', 1, 'ENTIRE -e,x,y', 'RS1'],
  ['9A610', 'NS', 1, 'ENTIRE -b,y ?x', 'NS1'],
  ['9A610', 'RS', 1, 'ENTIRE -b,y ?x', 'RS1'],
  ['9A610', 'UN', 1, 'ENTIRE -y', 'UN'],
  ['9A619', 'NS', 1, 'ENTIRE -y', 'NS1'],
  ['9A619', 'RS', 1, 'ENTIRE -y', 'RS1'],
  ['9A619', 'UN', 1, 'ENTIRE -y', 'UN'],
  ['9A990', 'AT', 1, 'ENTIRE -a', 'AT1'],
  ['9B610', 'NS', 1, 'ENTIRE -c', 'NS1'],
  ['9B619', 'NS', 1, 'ENTIRE -y', 'NS1'],
  ['9B619', 'RS', 1, 'ENTIRE -y', 'RS1'],
  ['9B619', 'UN', 1, 'ENTIRE -y', 'UN'],
  ['9D515', 'NS', 1, 'ENTIRE -x,y', 'NS1'],
  ['9D515', 'RS', 1, 'ENTIRE -x,y', 'RS1'],
  ['9D515', 'RS', 3, 'PARA y', 'CN,RU,VE'], // except to Russia for use in, with, or for the International
  ['9D610', 'NS', 1, 'ENTIRE -y', 'NS1'],
  ['9D610', 'RS', 1, 'ENTIRE -y', 'RS1'],
  ['9D610', 'UN', 1, 'ENTIRE -y', 'UN'],
  ['9D619', 'NS', 1, 'ENTIRE -y', 'NS1'],
  ['9D619', 'RS', 1, 'ENTIRE -y', 'RS1'],
  ['9D619', 'UN', 1, 'ENTIRE -y', 'UN'],
  ['9D990', 'AT', 1, 'UNRESOLVED', 'AT1'],
  ['9E515', 'NS', 1, 'ENTIRE -x,y', 'NS1'],
  ['9E515', 'RS', 1, 'ENTIRE -x,y', 'RS1'],
  ['9E515', 'RS', 3, 'PARA y', 'CN,RU,VE'], // except to Russia for use in, with, or for the International
  ['9E610', 'NS', 1, 'ENTIRE -y', 'NS1'],
  ['9E610', 'RS', 1, 'ENTIRE -y', 'RS1'],
  ['9E610', 'UN', 1, 'ENTIRE -y', 'UN'],
  ['9E619', 'NS', 1, 'ENTIRE -y', 'NS1'],
  ['9E619', 'RS', 1, 'ENTIRE -y', 'RS1'],
  ['9E619', 'UN', 1, 'ENTIRE -y', 'UN'],
  ['9E990', 'AT', 1, 'UNRESOLVED', 'AT1'],
];

describe('every "except" clause of the 2026 CCL', () => {
  const data = seedData();
  const actual: [string, string, number, string, string][] = [];
  for (const e of raw.entries) {
    const seen: Record<string, number> = {};
    e.countryChart.forEach((row, i) => {
      const control = data.ccl.entries[e.eccn]!.controls[i]!;
      seen[control.reason] = (seen[control.reason] ?? 0) + 1;
      if (!/except/i.test(`${row.control} ${row.countryChart}`)) return;
      actual.push([e.eccn, control.reason, seen[control.reason]!, fmt(control.scope), dest(control.destinations)]);
    });
  }

  it('lists exactly the clauses in the data (126 rows)', () => {
    expect(actual.map((r) => r.slice(0, 3).join(' '))).toEqual(EXPECTED.map((r) => r.slice(0, 3).join(' ')));
    expect(actual).toHaveLength(126);
  });

  it.each(EXPECTED)('%s %s (#%i): %s → %s', (eccn, reason, n, scope, destinations) => {
    const row = actual.find((r) => r[0] === eccn && r[1] === reason && r[2] === n);
    expect(row?.[3]).toBe(scope);
    expect(row?.[4]).toBe(destinations);
  });
});

describe('what the readings mean for a paragraph', () => {
  const s = (eccn: string, text: string) => parseAppliesTo(eccn, text);
  it.each<[string, string, string | null, 'YES' | 'NO' | 'MAYBE']>([
    [
      '9A610',
      'entire entry except: 9A610.b; parts and components controlled in 9A610.x if being exported or reexported for use in an aircraft controlled in 9A610.b; and 9A610.y',
      'y',
      'NO',
    ],
    [
      '9A610',
      'entire entry except: 9A610.b; parts and components controlled in 9A610.x if being exported or reexported for use in an aircraft controlled in 9A610.b; and 9A610.y',
      'y.1',
      'NO',
    ],
    [
      '9A610',
      'entire entry except: 9A610.b; parts and components controlled in 9A610.x if being exported or reexported for use in an aircraft controlled in 9A610.b; and 9A610.y',
      'b',
      'NO',
    ],
    [
      '9A610',
      'entire entry except: 9A610.b; parts and components controlled in 9A610.x if being exported or reexported for use in an aircraft controlled in 9A610.b; and 9A610.y',
      'x',
      'MAYBE',
    ],
    [
      '9A610',
      'entire entry except: 9A610.b; parts and components controlled in 9A610.x if being exported or reexported for use in an aircraft controlled in 9A610.b; and 9A610.y',
      'a',
      'YES',
    ],
    [
      '9A610',
      'entire entry except: 9A610.b; parts and components controlled in 9A610.x if being exported or reexported for use in an aircraft controlled in 9A610.b; and 9A610.y',
      null,
      'MAYBE',
    ],
    ['0A509', 'entire entry except 0A509.a for items for ECCN 0A502 or ECCN 0A508, and 0A509.d', 'a', 'MAYBE'],
    ['0A509', 'entire entry except 0A509.a for items for ECCN 0A502 or ECCN 0A508, and 0A509.d', 'd', 'NO'],
    ['0A509', 'entire entry except 0A509.a for items for ECCN 0A502 or ECCN 0A508, and 0A509.d', 'b', 'YES'],
    ['1C607', 'entire entry, except 1C607.a.10, .a.11, .a.12, and .a.14', 'a.11', 'NO'],
    ['1C607', 'entire entry, except 1C607.a.10, .a.11, .a.12, and .a.14', 'a.13', 'YES'],
    ['1C607', 'entire entry, except 1C607.a.10, .a.11, .a.12, and .a.14', 'a', 'MAYBE'],
    ['1D607', 'entire entry, except “software” for 1C607.a.10, .a.11, .a.12, and .a.14', 'a', 'MAYBE'],
    ['8A620', 'entire entry, except 8A620. b and .y', 'b', 'NO'],
    ['9D515', 'entire entry except 9D515.x and y', 'y', 'NO'],
    ['5A001', '5A001.b (except .b.5), .c, .d, .f (except f.3), .g, and .j', 'b.5', 'NO'],
    ['5A001', '5A001.b (except .b.5), .c, .d, .f (except f.3), .g, and .j', 'b.1', 'YES'],
    ['5A001', '5A001.b (except .b.5), .c, .d, .f (except f.3), .g, and .j', 'a', 'NO'],
    ['6A002', '6A002.a.1, a.2, a.3 (except a.3.d.2.a and a.3.e for lead selenide based focal plane arrays (FPAs)), .c, and .f.', 'a.3.e', 'MAYBE'],
    ['6A002', '6A002.a.1, a.2, a.3 (except a.3.d.2.a and a.3.e for lead selenide based focal plane arrays (FPAs)), .c, and .f.', 'a.3.a', 'YES'],
    ['6A002', '6A002.a.1, a.2, a.3 (except a.3.d.2.a and a.3.e for lead selenide based focal plane arrays (FPAs)), .c, and .f.', 'b', 'NO'],
    [
      '3A001',
      '“Monolithic Microwave Integrated Circuit” (“MMIC”) amplifiers in 3A001.b.2 and discrete microwave transistors in 3A001.b.3, except those 3A001.b.2 and b.3 items being exported or reexported for use in civil telecommunications applications',
      'b.2',
      'MAYBE',
    ],
    [
      '3A001',
      '“Monolithic Microwave Integrated Circuit” (“MMIC”) amplifiers in 3A001.b.2 and discrete microwave transistors in 3A001.b.3, except those 3A001.b.2 and b.3 items being exported or reexported for use in civil telecommunications applications',
      'b.1',
      'NO',
    ],
  ])('%s "%s" for .%s → %s', (eccn, text, paragraph, expected) => {
    expect(scopeCovers(s(eccn, text), paragraph)).toBe(expected);
  });

  it('keeps an exception by destination out of the paragraph scope', () => {
    const r = parseScopeDetailed(
      '9D515',
      '9D515.y, except to Russia for use in, with, or for the International Space Station (ISS), including launch to the ISS',
    );
    expect(r.scope).toEqual({ kind: 'PARAGRAPHS', paragraphs: ['y'], except: [], qualified: false });
    expect(r.destination).toMatch(/^except to Russia for use in, with, or for the International Space Station/);
  });

  it('never throws and is deterministic on any text', () => {
    fc.assert(
      fc.property(fc.constantFrom('9A610', '5A001', '0A509'), fc.string({ maxLength: 200 }), (eccn, text) => {
        const a = parseScopeDetailed(eccn, text);
        expect(parseScopeDetailed(eccn, text)).toEqual(a);
        expect(['ENTIRE', 'PARAGRAPHS', 'UNRESOLVED']).toContain(a.scope.kind);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the 2026 CCL in screening (real data)', () => {
  const rs = seedRuleSet();
  const outcome = (eccn: string, country: string) => screen(app({ eccn, country }), rs).outcome;
  /** the Country Chart / CCL requires a licence for this control (before any licence exception) */
  const requires = (eccn: string, country: string) =>
    screen(app({ eccn, country }), rs)
      .findings.filter(
        (f) =>
          f.ruleId === 'licence.country-chart' &&
          f.kind === 'LICENSE_REQUIREMENT' &&
          (f.outcome === 'LICENSE_REQUIRED' || f.evidence.originalOutcome === 'LICENSE_REQUIRED'),
      )
      .map((f) => String(f.evidence.column ?? f.evidence.reason))
      .sort()
      .join(' ');
  it.each<[string, string, string]>([
    // 742.6(a)(7): RS for 9A610.y is China, Russia, Venezuela only; the NS1/RS1 rows except .y
    ['9A610.y', 'DE', ''],
    ['9A610.y', 'FR', ''],
    ['9A610.y', 'CN', 'RS'],
    ['9A610.y', 'VE', 'RS'],
    ['9A610.a', 'BR', 'NS1 RS1'],
    ['9A610.b', 'BR', ''],
    ['0A501.y', 'BR', ''],
    ['0A501.a', 'BR', 'FC1 NS1 RS1'],
    ['0A617.y', 'BR', ''],
    ['9A515.e.1', 'DE', ''], // .e is excepted from NS/RS1; RS2 (.e, .x) has no X for Germany; MT covers only .e.2
    ['9A515.e', 'DE', 'MT1'], // .e includes .e.2: MT may apply (strictest reading)
    ['9A515.a', 'DE', 'NS1 RS1'],
    ['1C607.a.11', 'BR', 'RS1'],
    ['1C607.a.1', 'BR', 'NS1 RS1'],
    ['2B999.h.2', 'PK', ''],
    ['2B999.a', 'PK', 'RS'],
    ['1B001.e', 'BR', 'NS2'],
  ])('%s to %s → licence for: %s', (eccn, country, expected) => {
    expect(requires(eccn, country)).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['9A610.y', 'DE', 'CLEAR'],
    ['0A501.y', 'BR', 'CLEAR'],
    ['1C607.a.11', 'GB', 'CLEAR'],
  ])('%s to %s → %s', (eccn, country, expected) => {
    expect(outcome(eccn, country)).toBe(expected);
  });

  it('9A610.x to Germany: strictest reading (NS1) with a request to confirm the use', () => {
    const r = screen(app({ eccn: '9A610.x', country: 'DE' }), rs);
    expect(r.outcome).not.toBe('CLEAR');
    expect(r.findings.some((f) => f.kind === 'DATA_GAP' && /conditions that cannot be checked/.test(f.message))).toBe(true);
  });

  it('5A980 gives one SL finding (all destinations, Canada included) and no "AT: all destinations"', () => {
    const r = screen(app({ eccn: '5A980', country: 'CA' }), rs);
    const lic = r.findings.filter((f) => f.kind === 'LICENSE_REQUIREMENT' && f.outcome !== 'CLEAR');
    expect(lic.map((f) => f.evidence.reason)).toEqual(['SL']);
    expect(lic[0]!.citation).toContain('742.13');
    expect(r.outcome).toBe('LICENSE_REQUIRED');
    expect(r.findings.some((f) => /\bAT\b.*all destinations/.test(f.message))).toBe(false);
  });

  it('3A090.c to China: presumption of denial under 742.6(b)(10), not case-by-case', () => {
    const f = screen(app({ eccn: '3A090.c', country: 'CN' }), rs).findings.find((x) => x.kind === 'LICENSE_REQUIREMENT' && x.evidence.reason === 'RS')!;
    expect(f.licensePolicy).toMatch(/presumption of denial/i);
    expect(f.citation).toContain('742.6(b)(10)');
    const g = screen(app({ eccn: '4A090.a', country: 'MO' }), rs).findings.find((x) => x.kind === 'LICENSE_REQUIREMENT' && x.evidence.reason === 'RS')!;
    expect(g.licensePolicy).toMatch(/presumption of denial/i);
  });

  it('3A090.b: the United Arab Emirates is named, so A:5 does not exempt it', () => {
    expect(rs.inGroup('AE', 'A:5')).toBe(true);
    expect(outcome('3A090.b', 'AE')).not.toBe('CLEAR');
    expect(outcome('3A090.b', 'DE')).toBe('CLEAR');
  });

  it('says where the CCL data comes from', () => {
    const ds = seedData().datasets.find((d) => d.kind === 'CCL')!;
    expect(ds.asOf).toBe('2026-07-23');
    expect(ds.source).toMatch(/categories 1, 3, 4, 5/);
    expect(ds.source).toMatch(/older file/);
    expect(seedData().datasets.some((d) => d.kind === 'CCL_2025_PARAGRAPHS')).toBe(true);
  });

  it('an unknown paragraph is a data gap, never CLEAR', () => {
    const r = screen(app({ eccn: '3A981.q', country: 'DE' }), rs);
    expect(r.outcome).not.toBe('CLEAR');
  });
});
