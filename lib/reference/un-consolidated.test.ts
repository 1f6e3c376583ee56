// The UN Security Council consolidated list, official XML (data/reference/parties, generated 2026-02-27).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseUnConsolidatedXml } from './un-consolidated';

const xml = readFileSync('data/reference/parties/un-consolidated-2026-02-27.xml', 'utf8');

describe('UN consolidated list importer', () => {
  const list = parseUnConsolidatedXml(xml);

  it('reads 730 individuals and 273 entities, dated by dateGenerated', () => {
    expect(list).toMatchObject({ code: 'UN', asOf: '2026-02-27' });
    expect(list.entries.filter((e) => e.type === 'Individual')).toHaveLength(730);
    expect(list.entries.filter((e) => e.type === 'Entity')).toHaveLength(273);
    expect(new Set(list.entries.map((e) => e.id)).size).toBe(1003);
  });

  it('keeps the reference number, the regime, aliases and countries; low-quality aliases are not matched', () => {
    const adf = list.entries.find((e) => e.id === 'CDe.001')!;
    expect(adf).toMatchObject({ name: 'ADF', programs: ['DRC'], countries: ['CD'] });
    expect(adf.aliases).toEqual(expect.arrayContaining(['Allied Democratic Forces', 'ADF/NALU']));
    expect(adf.remarks).toMatch(/UN reference CDe\.001\. DRC: .*resolution 1533 \(2004\)\. listed on 2014-06-30/);
    const badege = list.entries.find((e) => e.id === 'CDi.001')!;
    expect(badege).toMatchObject({ name: 'ERIC BADEGE', type: 'Individual', countries: ['CD', 'RW'] });
    const withLow = list.entries.find((e) => /low-quality aliases/.test(e.remarks ?? ''))!;
    const low = /low-quality aliases \(not matched\): ([^.]+)/.exec(withLow.remarks!)![1]!.split('; ');
    for (const alias of low) expect(withLow.aliases).not.toContain(alias);
  });

  it('names the line of malformed XML and refuses other XML', () => {
    const broken = xml.replace('<REFERENCE_NUMBER>CDi.002</REFERENCE_NUMBER>', '<REFERENCE_NUMBER>CDi.002</REFERENCE>');
    const line = xml.slice(0, xml.indexOf('CDi.002')).split('\n').length;
    expect(() => parseUnConsolidatedXml(broken)).toThrow(new RegExp(`line ${line}: not well-formed XML`));
    expect(() => parseUnConsolidatedXml('<?xml version="1.0"?><OTHER/>')).toThrow(/no CONSOLIDATED_LIST/);
  });
});
