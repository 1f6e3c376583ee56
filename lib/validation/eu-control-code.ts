// EU control codes (Annex I of Regulation (EU) 2021/821): the codes the form, the API and the CLI
// accept, checked against the Annex I shipped in data/reference/eu (entry codes and the provision
// codes under each), and the code the form proposes from an ECCN where Annex I has the same code
// (the Wassenaar, MTCR, NSG, AG and CWC entries share their numbering with the CCL).
import codes from '../../data/reference/eu/annex-i-codes.json';

const ANNEX = codes as { validFrom: string; corpusVersion: string; entries: Record<string, string> };
export const ANNEX_I_VALID_FROM = ANNEX.validFrom;
export const ANNEX_I_VERSION = ANNEX.corpusVersion;
const PROVISIONS = new Map(Object.entries(ANNEX.entries).map(([code, p]) => [code, new Set(p.split(' ').filter(Boolean))]));

export const NOT_LISTED = 'NOT_LISTED';

/** "2b001.A." → "2B001.a"; "not listed" → NOT_LISTED. */
export function normalizeEuCode(raw: string): string {
  const t = raw.trim().replace(/\s+/g, '');
  if (/^not[_-]?listed$/i.test(t)) return NOT_LISTED;
  const [head = '', ...paragraphs] = t.replace(/\.+$/, '').split('.');
  return [head.toUpperCase(), ...paragraphs.map((p) => p.toLowerCase())].join('.');
}

/** Whether Annex I has this entry (and, when given, this provision under it). */
export function isAnnexICode(code: string): boolean {
  const [head = '', ...rest] = code.split('.');
  const provisions = PROVISIONS.get(head);
  if (!provisions) return false;
  return rest.length === 0 || provisions.has(rest.join('.'));
}

/** The Annex I code an ECCN corresponds to, where Annex I has that code (5A002.a → 5A002.a; 3A981 → null). */
export function proposeEuCode(eccn: string | null | undefined): string | null {
  if (!eccn || eccn === 'EAR99') return null;
  const code = normalizeEuCode(eccn);
  if (isAnnexICode(code)) return code;
  const head = code.split('.')[0]!;
  return isAnnexICode(head) ? head : null;
}
