// Compiles ear/ccl.json (605 ECCNs with their License Requirements rows) into the rule set's CCL
// data: for every reason-for-control row, which paragraphs it covers ("5A001.b (except .b.5), .c, …")
// and which destinations need a licence (a Country Chart column, "all destinations", "Country
// Groups D:1, D:4 and D:5 except A:5/A:6", named countries…). Rows whose text cannot be read
// reliably become UNRESOLVED scope or UNKNOWN destinations, which the engine treats as "may apply"
// and reports as a data gap (fail closed).

import type { TCclControl, TCclData, TCclEntry, TControlDestinations, TParagraphScope } from '../screening/types';
import { CHART_COLUMNS } from './country-data';
import { ReferenceParseError } from './errors';

type TRawReason = { reason?: unknown; column?: unknown; appliesTo?: unknown; chartText?: unknown };
type TRawEntry = { eccn?: unknown; title?: unknown; reasons?: unknown };

const ECCN_RE = /^\d[A-E]\d{3}$/;
const CONNECTOR_WORDS = new Set([
  'and', 'or', 'paragraph', 'paragraphs', 'items', 'item', 'controlled', 'by', 'in', 'of', 'this', 'entry',
  'the', 'to', 'except', 'software', 'technology', 'for', 'commodities', 'commodity', 'equipment', 'eccn',
  'under', 'only', 'all', 'specified', 'described', 'as', 'well', 'ecc', 'plug', 'ins', 'also',
]);
/** UN-sanctioned destinations of chart footnote 1 (§ 746.1(b)). */
const UN_DESTINATIONS = ['CD', 'ER', 'IQ', 'IR', 'KP', 'LB', 'LY', 'SD', 'SO'];
const NAMED_COUNTRIES: [RegExp, string][] = [
  [/\bNorth Korea\b/i, 'KP'], [/\bIran\b/i, 'IR'], [/\bIraq\b/i, 'IQ'], [/\bSyria\b/i, 'SY'], [/\bCuba\b/i, 'CU'],
  [/\bChina\b/i, 'CN'], [/\bRussia\b/i, 'RU'], [/\bBelarus\b/i, 'BY'], [/\bVenezuela\b/i, 'VE'],
  [/\bPakistan\b/i, 'PK'], [/\bMacau\b/i, 'MO'], [/\bIndia\b/i, 'IN'],
];

function cleanText(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // markdown links
    .replace(/[*_"“”]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Paragraph references in an "applies to" text, relative to `eccn`; excludes those inside "(except …)". */
export function parseAppliesTo(eccn: string, appliesTo: string): TParagraphScope {
  const text = cleanText(appliesTo).replace(/\.$/, '');
  const entire = /^(?:the )?entire entry(?:,)?(?: except (.*))?$/i.exec(text);
  if (entire) {
    if (!entire[1]) return { kind: 'ENTIRE', except: [], qualified: false };
    const refs = extractRefs(eccn, entire[1]);
    return { kind: 'ENTIRE', except: refs.include, qualified: refs.qualified || refs.include.length === 0 };
  }
  const refs = extractRefs(eccn, text);
  if (refs.include.length === 0) return { kind: 'UNRESOLVED' };
  return { kind: 'PARAGRAPHS', paragraphs: refs.include, except: refs.except, qualified: refs.qualified };
}

function extractRefs(eccn: string, text: string): { include: string[]; except: string[]; qualified: boolean } {
  const include: string[] = [];
  const except: string[] = [];
  let qualified = false;
  let inExcept = false;
  // split keeping parentheses as separate tokens
  const parts = text.replace(/([(),;])/g, ' $1 ').split(/\s+/).filter(Boolean);
  for (let k = 0; k < parts.length; k++) {
    const raw = parts[k]!;
    if (raw === '(') {
      if ((parts[k + 1] ?? '').toLowerCase() === 'except') {
        inExcept = true;
        k++;
      }
      continue;
    }
    if (raw === ')') {
      inExcept = false;
      continue;
    }
    if (raw === ',' || raw === ';') continue;
    if (/^(?:e\.g|i\.e)\.?$/i.test(raw)) continue;
    const ref = /^(?:(\d[A-E]\d{3}))?(\.?)([a-z](?:\.[0-9a-z]+)*)\.?$/.exec(raw);
    if (ref && (ref[1] || ref[2] === '.' || ref[3]!.includes('.'))) {
      if (ref[1] && ref[1] !== eccn) {
        qualified = true; // refers to another ECCN: a condition we cannot check
        continue;
      }
      const para = ref[3]!;
      if (inExcept) except.push(para);
      else include.push(para);
      continue;
    }
    if (/^\d[A-E]\d{3}$/.test(raw)) {
      if (raw !== eccn) qualified = true;
      continue;
    }
    const word = raw.toLowerCase().replace(/[^a-z]/g, '');
    if (word.length >= 3 && !CONNECTOR_WORDS.has(word)) qualified = true;
  }
  return { include: [...new Set(include)], except: [...new Set(except)], qualified };
}

/** Which destinations the row's right-hand cell names. */
export function parseDestinations(column: string | null, chartText: string): TControlDestinations {
  if (column) {
    if (CHART_COLUMNS.includes(column)) return { kind: 'CHART', column };
    return { kind: 'UNKNOWN' };
  }
  const text = cleanText(chartText);
  if (text === '' ) return { kind: 'UNKNOWN' };
  if (/^N\/A\.?$/i.test(text)) return { kind: 'NONE' };
  if (/all destinations,? except Canada/i.test(text)) return { kind: 'ALL', exceptCountries: ['CA'] };
  if (/\ball destinations\b/i.test(text) || /\bworldwide\b/i.test(text)) return { kind: 'ALL', exceptCountries: [] };
  if (/Refer to § ?742\.15/i.test(text)) return { kind: 'ALL', exceptCountries: ['CA'] }; // EI: all but Canada (742.15)
  if (/§ ?746\.1\b|UN controls/i.test(text)) return { kind: 'COUNTRIES', countries: [...UN_DESTINATIONS] };
  if (/Country Groups? D:1, D:4,? and D:5/i.test(text)) {
    return { kind: 'GROUPS', include: ['D:1', 'D:4', 'D:5'], excludeIfIn: /A:5 or A:6/.test(text) ? ['A:5', 'A:6'] : [], extraCountries: [] };
  }
  if (/Macau or a destination specified in Country Group D:5/i.test(text)) {
    return { kind: 'GROUPS', include: ['D:5'], excludeIfIn: [], extraCountries: ['MO'] };
  }
  if (/746\.8/.test(text)) return { kind: 'COUNTRIES', countries: ['BY', 'RU'] };
  const named = NAMED_COUNTRIES.filter(([re]) => re.test(text)).map(([, iso]) => iso);
  if (named.length > 0 && !/Country Group/i.test(text)) return { kind: 'COUNTRIES', countries: named.sort() };
  return { kind: 'UNKNOWN' };
}

export function compileCcl(raw: unknown, meta: { source: string; asOf: string | null }): TCclData {
  if (!Array.isArray(raw)) throw new ReferenceParseError('CCL', null, 'expected an array of ECCN records');
  const entries: Record<string, TCclEntry> = {};
  raw.forEach((item: TRawEntry, i: number) => {
    if (!item || typeof item.eccn !== 'string' || !ECCN_RE.test(item.eccn)) {
      throw new ReferenceParseError('CCL', null, `record ${i} has no valid "eccn"`);
    }
    const eccn = item.eccn;
    if (entries[eccn]) throw new ReferenceParseError('CCL', null, `duplicate ECCN ${eccn}`);
    const reasons = Array.isArray(item.reasons) ? (item.reasons as TRawReason[]) : [];
    const controls: TCclControl[] = reasons.map((r) => {
      const reason = typeof r.reason === 'string' ? r.reason : '?';
      const column = typeof r.column === 'string' ? r.column : null;
      const appliesTo = typeof r.appliesTo === 'string' ? r.appliesTo : '';
      const chartText = typeof r.chartText === 'string' ? r.chartText : '';
      const destinations = parseDestinations(column, chartText);
      // UN controls (746.1(b)) depend on the item and the resolution: review, not a flat requirement.
      const outcome: TCclControl['outcome'] = reason === 'UN' ? 'REVIEW' : 'LICENSE_REQUIRED';
      return { reason, column, appliesTo, chartText, scope: parseAppliesTo(eccn, appliesTo), destinations, outcome };
    });
    entries[eccn] = { eccn, title: typeof item.title === 'string' ? item.title : '', controls };
  });
  return { source: meta.source, asOf: meta.asOf, entries };
}
