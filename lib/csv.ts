// The one CSV writer for anything a person opens in a spreadsheet (the queue export, batch results).
// Every field is quoted, so a line break inside a value never starts a new row; and every LINE of a
// value that starts like a formula (= + - @, tab, CR) gets a leading apostrophe, so no cell — and no
// line a spreadsheet might re-split — is evaluated. csv-stringify's own escape_formulas looks only
// at the start of the field, which "a\n=1+1" slips past.
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises a formula at the start of the value and after every line break in it. */
export function neutraliseFormulas(value: string): string {
  return value
    .split(/(\r\n|\r|\n)/)
    .map((part, i) => (i % 2 === 0 && FORMULA_START.test(part) ? `'${part}` : part))
    .join('');
}

/** Rows → CSV text (CRLF between records, every field quoted, formulas neutralised). */
export function toCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return stringify(
    rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : typeof v === 'string' ? neutraliseFormulas(v) : String(v)))),
    { quoted: true, quoted_empty: true, record_delimiter: 'windows' },
  );
}
