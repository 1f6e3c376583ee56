import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseFormulas, toCsv } from '@/lib/csv';

const FORMULA = /^[=+\-@\t\r]/;

describe('CSV writer (finding 3)', () => {
  it('a bare line feed does not start a new row, and the formula after it is neutralised', () => {
    const csv = toCsv([['Product'], ['a\n=1+1'], ['b\r=HYPERLINK("http://evil")'], ['c\r\n+cmd']]);
    const rows = parse(csv, { relax_column_count: false }) as string[][];
    expect(rows).toHaveLength(4);
    expect(rows[1]![0]).toBe("a\n'=1+1");
    expect(rows[2]![0]).toBe('b\r\'=HYPERLINK("http://evil")');
    expect(rows[3]![0]).toBe("c\r\n'+cmd");
    // Every physical line of the file that is not inside quotes starts with a quote.
    expect(
      csv
        .split('\r\n')
        .filter(Boolean)
        .every((line) => line.startsWith('"') || !FORMULA.test(line)),
    ).toBe(true);
  });

  it('neutralises formulas at the start of a field', () => {
    expect(neutraliseFormulas('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(neutraliseFormulas('@x')).toBe("'@x");
    expect(neutraliseFormulas('plain - text')).toBe('plain - text');
  });

  it('any value round-trips as one field, and no line of it starts a formula', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (table) => {
        const width = Math.max(...table.map((r) => r.length));
        const rows = table.map((r) => [...r, ...Array(width - r.length).fill('')]);
        const parsed = parse(toCsv(rows)) as string[][];
        expect(parsed).toHaveLength(rows.length);
        parsed.forEach((row, i) => {
          expect(row).toHaveLength(width);
          row.forEach((cell, j) => {
            expect(cell.split(/\r\n|\r|\n/).some((line) => FORMULA.test(line))).toBe(false);
            expect(cell.replace(/(^|\r\n|\r|\n)'/g, '$1')).toBe(rows[i]![j]!.replace(/(^|\r\n|\r|\n)'(?=[=+\-@\t\r])/g, '$1'));
          });
        });
      }),
      { numRuns: 300 },
    );
  });
});
