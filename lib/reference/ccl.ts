// Compiles ear/ccl.json (605 ECCNs with their License Requirements rows) into the rule set's CCL
// data: for every reason-for-control row, which paragraphs it covers ("5A001.b (except .b.5), .c, …")
// and which destinations need a licence (a Country Chart column, "all destinations", "Country
// Groups D:1, D:4 and D:5 except A:5/A:6", named countries…). Rows whose text cannot be read
// reliably become UNRESOLVED scope or UNKNOWN destinations, which the engine treats as "may apply"
// and reports as a data gap (fail closed).

import type { TCclControl, TCclData, TCclEntry, TControlDestinations, TGbsRule, TLvsRule, TParagraphScope } from '../screening/types';
import { CHART_COLUMNS } from './country-data';
import { ReferenceParseError } from './errors';

type TRawReason = { reason?: unknown; column?: unknown; appliesTo?: unknown; chartText?: unknown };
type TRawEntry = { eccn?: unknown; title?: unknown; reasons?: unknown };

const ECCN_RE = /^\d[A-E]\d{3}$/;
const CONNECTOR_WORDS = new Set([
  'and',
  'or',
  'paragraph',
  'paragraphs',
  'items',
  'item',
  'controlled',
  'by',
  'in',
  'of',
  'this',
  'entry',
  'the',
  'to',
  'except',
  'software',
  'technology',
  'for',
  'commodities',
  'commodity',
  'equipment',
  'eccn',
  'under',
  'only',
  'all',
  'specified',
  'described',
  'as',
  'well',
  'ecc',
  'plug',
  'ins',
  'also',
]);
/** UN-sanctioned destinations of chart footnote 1 (§ 746.1(b)). */
const UN_DESTINATIONS = ['CD', 'ER', 'IQ', 'IR', 'KP', 'LB', 'LY', 'SD', 'SO'];
const NAMED_COUNTRIES: [RegExp, string][] = [
  [/\bNorth Korea\b/i, 'KP'],
  [/\bIran\b/i, 'IR'],
  [/\bIraq\b/i, 'IQ'],
  [/\bSyria\b/i, 'SY'],
  [/\bCuba\b/i, 'CU'],
  [/\bChina\b/i, 'CN'],
  [/\bRussia\b/i, 'RU'],
  [/\bBelarus\b/i, 'BY'],
  [/\bVenezuela\b/i, 'VE'],
  [/\bPakistan\b/i, 'PK'],
  [/\bMacau\b/i, 'MO'],
  [/\bIndia\b/i, 'IN'],
];

function cleanText(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // markdown links
    .replace(/[*_"“”]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const CONDITION_WORDS = new Set(['if', 'when', 'for', 'being', 'that', 'which', 'with', 'having', 'unless', 'provided', 'limited', 'exported', 'reexported']);

/** Splits on `sep` characters outside parentheses. */
function splitTopLevel(text: string, seps: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && seps.includes(ch)) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}

/** Index of the first "except" outside parentheses, or -1. */
function topLevelExcept(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && /^except\b/i.test(text.slice(i, i + 7)) && (i === 0 || /[\s,;:]/.test(text[i - 1]!))) return i;
  }
  return -1;
}

type TToken = { kind: 'OWN'; para: string } | { kind: 'OTHER' } | { kind: 'LETTER'; para: string } | { kind: 'WORD'; word: string } | { kind: 'SEP' };

/** Tokens of a clause: paragraph refs of this ECCN, refs to other ECCNs (bare refs after one belong to it), words. */
function tokens(eccn: string, text: string, ctx: { context: string } = { context: eccn }): TToken[] {
  const out: TToken[] = [];
  let context = ctx.context;
  for (const raw of text
    .replace(/([(),;:])/g, ' $1 ')
    .split(/\s+/)
    .filter(Boolean)) {
    if (/^[(),;:]$/.test(raw)) {
      out.push({ kind: 'SEP' });
      continue;
    }
    if (/^(?:e\.g|i\.e)\.?$/i.test(raw)) continue;
    const ref = /^(?:(\d[A-E]\d{3}))?(\.?)([a-z](?:\.[0-9a-z]+)*)\.?$/.exec(raw);
    if (ref && (ref[1] || ref[2] === '.' || ref[3]!.includes('.'))) {
      if (ref[1]) context = ref[1];
      out.push(context === eccn ? { kind: 'OWN', para: ref[3]! } : { kind: 'OTHER' });
      continue;
    }
    if (/^\d[A-E]\d{3}\.?$/.test(raw)) {
      context = raw.slice(0, 5);
      if (context !== eccn) out.push({ kind: 'OTHER' });
      continue;
    }
    if (/^\d[A-E]$/.test(raw)) {
      context = raw; // "3B" (a whole product group of another category)
      out.push({ kind: 'OTHER' });
      continue;
    }
    if (/^[a-z]$/.test(raw) && context === eccn) {
      out.push({ kind: 'LETTER', para: raw });
      continue;
    }
    const word = raw.toLowerCase().replace(/[^a-z]/g, '');
    if (word) out.push({ kind: 'WORD', word });
  }
  ctx.context = context;
  return out;
}

const isWord = (t: TToken) => t.kind === 'WORD' && t.word.length >= 3 && !CONNECTOR_WORDS.has(t.word);

/**
 * Reads the text after a top-level "except": segments split on ";" (or "," when there is none).
 * A segment of bare paragraph refs is an outright exception; a segment with other words is a
 * conditional one (its refs before the first condition word are what may be excepted); a segment
 * that names no paragraph of this ECCN, or only other ECCNs, conditions the whole scope.
 */
function parseExceptClause(eccn: string, text: string): { except: string[]; conditional: string[]; whole: boolean; destination: string | null } {
  const except: string[] = [];
  const conditional: string[] = [];
  let whole = false;
  let destination: string | null = null;
  const segments = text.includes(';') ? splitTopLevel(text, ';') : splitTopLevel(text, ',');
  let seenRef = false;
  const ctx = { context: eccn }; // "software for 1C607.a.10, .a.11": bare refs keep the last ECCN named
  for (let k = 0; k < segments.length; k++) {
    const seg = segments[k]!.replace(/^(?:and|or)\s+/i, '')
      .replace(/^\(\d+\)\s*/, '')
      .trim();
    if (/^to (?:or within )?[A-Z]/.test(seg)) {
      // an exception by destination ("except to Russia for use in … the ISS"): the rest of the clause is its condition
      destination = `except ${[seg, ...segments.slice(k + 1)].join(', ')}`;
      break;
    }
    const toks = tokens(eccn, seg, ctx);
    const words = toks.filter(isWord);
    const own = toks.filter((t) => t.kind === 'OWN').map((t) => (t as { para: string }).para);
    const letters = toks.filter((t) => t.kind === 'LETTER').map((t) => (t as { para: string }).para);
    const other = toks.some((t) => t.kind === 'OTHER');
    if (words.length === 0 && !other) {
      // bare letters ("e and f" after "1B001.d.4") are paragraphs only in a list of refs
      const refs = [...own, ...(seenRef || own.length > 0 ? letters : [])];
      if (refs.length === 0) continue;
      except.push(...refs);
      seenRef = true;
      continue;
    }
    const cut = toks.findIndex((t) => t.kind === 'WORD' && CONDITION_WORDS.has(t.word));
    const head = cut === -1 ? toks : toks.slice(0, cut);
    const heads = head.filter((t) => t.kind === 'OWN').map((t) => (t as { para: string }).para);
    if (heads.length === 0) whole = true;
    else {
      conditional.push(...heads);
      seenRef = true;
    }
  }
  return { except: [...new Set(except)], conditional: [...new Set(conditional)].filter((c) => !except.includes(c)), whole, destination };
}

/** Paragraph refs of the include part, with parenthesised "(except …)" groups. */
function parseIncludePart(eccn: string, text: string): { include: string[]; except: string[]; conditional: string[]; qualified: boolean } {
  const include: string[] = [];
  const except: string[] = [];
  const conditional: string[] = [];
  let qualified = false;
  // pull out "(except …)" groups (they may hold nested parentheses)
  let rest = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(' && /^\(\s*except\b/i.test(text.slice(i))) {
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        if (text[j] === '(') depth++;
        if (text[j] === ')' && --depth === 0) break;
      }
      const inner = text.slice(i + 1, j).replace(/^\s*except\s*/i, '');
      const r = parseExceptClause(eccn, inner);
      except.push(...r.except);
      conditional.push(...r.conditional);
      if (r.whole) qualified = true;
      rest += ' ';
      i = j;
      continue;
    }
    rest += text[i];
  }
  const toks = tokens(eccn, rest);
  for (const t of toks) {
    if (t.kind === 'OWN') include.push(t.para);
    else if (t.kind === 'OTHER' || isWord(t)) qualified = true;
  }
  return { include: [...new Set(include)], except: [...new Set(except)], conditional: [...new Set(conditional)], qualified };
}

/**
 * Paragraph scope of an "applies to" text, relative to `eccn`: "entire entry", "entire entry except
 * 9A610.b; parts … in 9A610.x if …; and 9A610.y", "5A001.b (except .b.5), .c", … Text after "Note:"
 * or "A license is required" is not scope. Unreadable text fails closed (UNRESOLVED / qualified).
 */
export function parseAppliesTo(eccn: string, appliesTo: string): TParagraphScope {
  return parseScopeDetailed(eccn, appliesTo).scope;
}

export function parseScopeDetailed(eccn: string, appliesTo: string): { scope: TParagraphScope; destination: string | null } {
  let text = cleanText(appliesTo)
    .replace(/\.\s+(?:Note:|A license is required|See ).*$/i, '')
    .replace(/(\d[A-E]\d{3})\.\s+([a-z])\b/g, '$1.$2')
    .replace(/\.$/, '')
    .trim();
  text = text.replace(/^to\s+/i, '');
  const at = topLevelExcept(text);
  const includeText = (at === -1 ? text : text.slice(0, at)).replace(/[,;:\s]+$/, '').trim();
  const clause = at === -1 ? null : parseExceptClause(eccn, text.slice(at).replace(/^except\s*:?\s*/i, ''));
  const withClause = (s: { except: string[]; conditional: string[]; qualified: boolean }) => ({
    except: [...new Set([...s.except, ...(clause?.except ?? [])])],
    conditionalExcept: [...new Set([...s.conditional, ...(clause?.conditional ?? [])])],
    qualified: s.qualified || (clause?.whole ?? false),
  });
  const destination = clause?.destination ?? null;
  if (/^(?:the )?entire entry$/i.test(includeText)) {
    return { scope: tidy({ kind: 'ENTIRE', ...withClause({ except: [], conditional: [], qualified: false }) }), destination };
  }
  const inc = parseIncludePart(eccn, includeText);
  if (inc.include.length === 0) return { scope: { kind: 'UNRESOLVED' }, destination };
  return { scope: tidy({ kind: 'PARAGRAPHS', paragraphs: inc.include, ...withClause(inc) }), destination };
}

/** Drops an empty conditionalExcept so simple scopes stay { kind, except, qualified }. */
function tidy(scope: TParagraphScope): TParagraphScope {
  if (scope.kind !== 'UNRESOLVED' && scope.conditionalExcept && scope.conditionalExcept.length === 0) {
    const { conditionalExcept: _drop, ...rest } = scope;
    return rest as TParagraphScope;
  }
  return scope;
}

/** Which destinations the row's right-hand cell names. */
export function parseDestinations(column: string | null, chartText: string): TControlDestinations {
  if (column) {
    if (CHART_COLUMNS.includes(column)) return { kind: 'CHART', column };
    return { kind: 'UNKNOWN' };
  }
  const text = cleanText(chartText);
  if (text === '') return { kind: 'UNKNOWN' };
  // "N/A" beside a control that "applies" is contradictory: an officer reads the entry.
  if (/^N\/A\.?$/i.test(text)) return { kind: 'UNKNOWN' };
  if (/all destinations,? except Canada/i.test(text)) return { kind: 'ALL', exceptCountries: ['CA'] };
  if (/\ball destinations\b/i.test(text) || /\bworldwide\b/i.test(text)) return { kind: 'ALL', exceptCountries: [] };
  if (/Refer to § ?742\.15/i.test(text)) return { kind: 'ALL', exceptCountries: ['CA'] }; // EI: all but Canada (742.15(a))
  if (/§ ?746\.1\b|UN controls/i.test(text)) return { kind: 'COUNTRIES', countries: [...UN_DESTINATIONS] };
  if (/Country Groups? D:1, D:4,? and D:5/i.test(text)) {
    return {
      kind: 'GROUPS',
      include: ['D:1', 'D:4', 'D:5'],
      excludeIfIn: /A:5 or A:6/.test(text) ? ['A:5', 'A:6'] : [],
      extraCountries: /United Arab Emirates/i.test(text) ? ['AE'] : [],
    };
  }
  if (/Macau or a destination specified in Country Group D:5/i.test(text)) {
    return { kind: 'GROUPS', include: ['D:5'], excludeIfIn: [], extraCountries: ['MO'] };
  }
  if (/746\.8/.test(text)) return { kind: 'COUNTRIES', countries: ['BY', 'RU'] };
  const named = NAMED_COUNTRIES.filter(([re]) => re.test(text)).map(([, iso]) => iso);
  if (named.length > 0 && !/Country Group|non-States Parties/i.test(text)) return { kind: 'COUNTRIES', countries: named.sort() };
  return { kind: 'UNKNOWN' };
}

/** The chart column a 2026 cell names ("NS Column 1.", "Column 1." for the row's reason, "RS Column 1, See …"). */
export function parseChartColumn(reason: string, cell: string): string | null {
  const all = [...cell.matchAll(/\b(?:([A-Z]{2}) )?Column (\d)\b/g)].map((m) => `${m[1] ?? reason}${m[2]}`);
  return all.find((c) => c.startsWith(reason)) ?? all[0] ?? null;
}

/** The first EAR section a cell cites, e.g. "742.6(a)(6)(iii)(A)". */
export function citedSection(text: string): string | null {
  return /§+\s*(7\d\d\.\d+(?:\([a-z0-9]+\))*)/i.exec(text)?.[1] ?? null;
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

// ---------------------------------------------------------------------------------------------
// The 2026 CCL (eCFR 2026-07-23, data/reference/ear/ccl-2026-07-23.json) + the 2025 file's rows
// and paragraphs where the 2026 data has none.

type TRaw2026Row = { control?: unknown; countryChart?: unknown };
type TRaw2026Entry = {
  eccn?: unknown;
  category?: unknown;
  heading?: unknown;
  reasonForControl?: unknown;
  countryChart?: unknown;
  licenceExceptionFlags?: unknown;
  staSpecialConditions?: unknown;
  items?: unknown;
};
type TRaw2026 = { ecfrIssueDate?: unknown; deepCategories?: unknown; entries?: unknown };
type TRawOldEntry = TRawEntry & { note?: unknown; controlText?: unknown };

/**
 * Reviewed readings of clauses the generic parser cannot read exactly, keyed by ECCN and the exact
 * control text (a changed text falls back to the generic, fail-closed parse). Each was read from the
 * 2026 eCFR text; the test in ccl-except.test.ts lists every "except" clause with its expected scope.
 */
export const CCL_READINGS: Record<string, { scope: TParagraphScope; reading: string }> = {
  '2B001|NP applies to 2B001.a, .b, .c, and .d, EXCEPT: (1) turning machines under 2B001.a with a capacity no greater than 35 mm diameter; (2) bar machines (Swissturn), limited to machining only bar feed through, if maximum bar diameter is equal to or less than 42 mm and there is no capability of mounting chucks. (Machines may have drilling and/or milling capabilities for machining “parts” or “components” with diameters less than 42 mm); or (3) milling machines under 2B001.b with x-axis travel greater than two meters and overall positioning accuracy according to ISO 230/2 (2006) on the x-axis more (worse) than 22.5 µm.':
    {
      scope: { kind: 'PARAGRAPHS', paragraphs: ['a', 'b', 'c', 'd'], except: [], qualified: false, conditionalExcept: ['a', 'b'] },
      reading:
        'Exceptions (1) and (2) are turning machines (bar machines are turning machines, 2B001.a) and (3) milling machines under 2B001.b, each by capacity or accuracy: .a and .b may be excepted; .c and .d are not.',
    },
  '2B004|NP applies to entire entry, except 2B004.b.3 and presses with maximum working pressures below 69 MPa': {
    scope: { kind: 'ENTIRE', except: ['b.3'], qualified: true },
    reading: '2B004.b.3 is excepted outright; presses below 69 MPa are excepted wherever they fall, so the working pressure decides for the rest.',
  },
  '1B001|MT applies to entire entry, except 1B001.d.4, e and f. Note: MT applies to equipment in 1B001.d that meet or exceed the parameters of 1B101': {
    scope: { kind: 'ENTIRE', except: ['e', 'f'], qualified: false, conditionalExcept: ['d.4'] },
    reading:
      '.e and .f are excepted; .d.4 is excepted too, but the Note brings back 1B001.d equipment that meets the 1B101 parameters, so .d.4 depends on them.',
  },
};

function readingKey(eccn: string, control: string): string {
  return `${eccn}|${control.trim()}`;
}

const REASON_RE = /^([A-Z]{2})(?:\s+and\s+([A-Z]{2}))?\s+appl(?:y|ies)\b(?:\s+to\b)?[\s,]*([\s\S]*)$/;

function control2026(eccn: string, row: TRaw2026Row): TCclControl[] {
  const control = typeof row.control === 'string' ? row.control.trim() : '';
  const cell = typeof row.countryChart === 'string' ? row.countryChart.trim() : '';
  const sector = /^Russian industry sector sanctions? appl(?:y|ies) to (.*)$/i.exec(control);
  const m = REASON_RE.exec(control);
  const reasons = sector ? ['Russian industry sector sanctions'] : m ? [m[1]!, ...(m[2] ? [m[2]] : [])] : ['?'];
  const appliesTo = sector ? sector[1]! : m ? m[3]! : control;
  const reviewed = CCL_READINGS[readingKey(eccn, control)];
  const parsed = reviewed ? { scope: reviewed.scope, destination: null } : parseScopeDetailed(eccn, appliesTo);
  return reasons.map((reason) => {
    const column = parseChartColumn(reason, cell);
    const destinations = column ? parseDestinations(column, cell) : parseDestinations(null, cell);
    return {
      reason,
      column: column && CHART_COLUMNS.includes(column) ? column : null,
      appliesTo,
      chartText: cell,
      scope: parsed.scope,
      destinations,
      outcome: reason === 'UN' ? 'REVIEW' : 'LICENSE_REQUIRED',
      section: citedSection(cell),
      reading: reviewed?.reading ?? null,
      destinationCondition: parsed.destination,
      source: '2026',
    } satisfies TCclControl;
  });
}

/** Rows of the 2025 file for an entry the 2026 data gives no table for. */
function controlsFrom2025(eccn: string, old: TRawOldEntry): TCclControl[] {
  const reasons = Array.isArray(old.reasons) ? (old.reasons as TRawReason[]) : [];
  const rows: TCclControl[] = reasons.map((r) => {
    const reason = typeof r.reason === 'string' ? r.reason : '?';
    let column = typeof r.column === 'string' ? r.column : null;
    const appliesTo = typeof r.appliesTo === 'string' ? r.appliesTo : '';
    const chartText = typeof r.chartText === 'string' ? r.chartText : '';
    let reading: string | null = null;
    let sectionOverride = false;
    // The 2025 file gives AT the SL cell of 5A980/5D980/5E980 ("SL and AT apply … all destinations"):
    // "all destinations" is the SL requirement of 742.13; AT is Column 1 (no X for any graded row).
    if (reason === 'AT' && column === null && !/North Korea/i.test(chartText)) {
      column = 'AT1';
      sectionOverride = true;
      reading =
        'AT has no licence requirement of its own here: the shared cell\'s "all destinations" is the SL requirement (742.13); AT is read as AT Column 1.';
    }
    const destinations = parseDestinations(column, chartText);
    return {
      reason,
      column,
      appliesTo,
      chartText,
      scope: parseAppliesTo(eccn, appliesTo),
      destinations,
      outcome: reason === 'UN' ? 'REVIEW' : 'LICENSE_REQUIRED',
      section: sectionOverride ? null : citedSection(chartText),
      reading,
      destinationCondition: null,
      source: '2025',
    } satisfies TCclControl;
  });
  // 0A521, 0B521, …: "0A521 commodities are subject to RS1 controls …" (a License Requirements Note)
  if (rows.length === 0 && typeof old.note === 'string' && /\bsubject to RS1 controls\b/.test(old.note)) {
    rows.push({
      reason: 'RS',
      column: 'RS1',
      appliesTo: 'entire entry',
      chartText: old.note,
      scope: { kind: 'ENTIRE', except: [], qualified: false },
      destinations: { kind: 'CHART', column: 'RS1' },
      outcome: 'LICENSE_REQUIRED',
      section: null,
      reading: 'The entry states RS1 in prose.',
      destinationCondition: null,
      source: '2025',
    });
  }
  return rows;
}

/** Paragraph ids from the 2025 file's Markdown "Items:" list ("a.", "b.1.", …; notes in italics skipped). */
export function paragraphsFromText(controlText: string): string[] {
  const at = controlText.search(/\*?Items:?\*?/);
  if (at === -1) return [];
  const out: string[] = [];
  for (const m of controlText.slice(at).matchAll(/^([a-z](?:\.[0-9a-z]+)*)\.\s+\S/gm)) out.push(m[1]!);
  return [...new Set(out)];
}

/** Reads an LVS cell ("$1500", "N/A for MT; $5000 for all other items", "$500 for 0A501.c, .d, and .x.") into rules. */
export function parseLvsCell(eccn: string, text: string | undefined): TLvsRule[] {
  if (!text) return [];
  const out: TLvsRule[] = [];
  const segments = cleanText(text)
    .split(/;|,\s*(?=(?:except\s+)?(?:N\/A|\$))|,\s*(?=except\b)/i)
    .map((x) => x.trim())
    .filter(Boolean);
  for (const seg of segments) {
    const money = /\$\s?([\d,]+)/.exec(seg);
    // "$5,000, except 2B007.b and .c": the excepted paragraphs have no LVS
    const na = /\bN\/A\b/i.test(seg) || (/^except\b/i.test(seg) && !money);
    if (!money && !na) continue;
    const usd = money && !na ? Number(money[1]!.replace(/,/g, '')) : null;
    const reasons = na ? [...seg.matchAll(/\b(MT|NP|NS|RS|CC|UN|CB|FC)\b/g)].map((m) => m[1]!) : [];
    const toks = tokens(eccn, seg.replace(/\$\s?[\d,]+\.?/g, ' ').replace(/\bN\/A\b/gi, ' '));
    let seen = false;
    const paragraphs: string[] = [];
    for (const t of toks) {
      if (t.kind === 'OWN') {
        paragraphs.push(t.para);
        seen = true;
      } else if (t.kind === 'LETTER' && seen) paragraphs.push(t.para);
    }
    const words = toks
      .filter(isWord)
      .map((t) => (t as { word: string }).word)
      .filter((w) => !['yes', 'all', 'other', 'items', 'except'].includes(w));
    const uncertain = words.length > 0 || /through| to /i.test(seg) || toks.some((t) => t.kind === 'OTHER');
    out.push({ usd: usd !== null && Number.isFinite(usd) && usd > 0 ? usd : null, paragraphs: [...new Set(paragraphs)], reasons, uncertain });
  }
  return out;
}

/** Reads a GBS cell: "Yes", "Yes for 1A004.a, .b", "Yes, except 5A001.a, b.5, e, and h.", "Yes, except N/A for MT"; null = not available. */
export function parseGbsCell(eccn: string, text: string | undefined): TGbsRule | null {
  if (!text) return null;
  const t = cleanText(text).replace(/\.$/, '');
  const m = /^Yes\b[,:]?\s*(.*)$/i.exec(t);
  if (!m) return null;
  const rest = m[1]!.trim();
  if (rest === '') return { only: [], except: [], naReasons: [], uncertain: false };
  const ex = /^except\s+(?:N\/A\s+for\s+)?(.*)$/i.exec(rest);
  const only = /^for\s+(.*)$/i.exec(rest);
  const body = ex ? ex[1]! : only ? only[1]! : rest;
  const naReasons = ex ? [...body.matchAll(/\b(MT|NP|NS|RS|CC|UN|CB|FC)\b/g)].map((x) => x[1]!) : [];
  const toks = tokens(eccn, body.replace(/\b(MT|NP|NS|RS|CC|UN|CB|FC)\b/g, ' '));
  const refs: string[] = [];
  let seen = false;
  for (const tk of toks) {
    if (tk.kind === 'OWN') {
      refs.push(tk.para);
      seen = true;
    } else if (tk.kind === 'LETTER' && seen) refs.push(tk.para);
  }
  const words = toks.filter(isWord).filter((w) => !['only', 'destinations'].includes((w as { word: string }).word));
  return {
    only: only ? [...new Set(refs)] : [],
    except: ex ? [...new Set(refs)] : [],
    naReasons,
    uncertain: words.length > 0 || (!ex && !only) || /\(|through| to /.test(body),
  };
}

export function compileCcl2026(raw: unknown, oldRaw: unknown, meta: { source: string; oldSource: string }): TCclData {
  const data = raw as TRaw2026;
  if (!data || !Array.isArray(data.entries)) throw new ReferenceParseError('CCL 2026', null, 'expected { entries: [...] }');
  const deep = Array.isArray(data.deepCategories) ? data.deepCategories.map(String) : [];
  const old = new Map<string, TRawOldEntry>();
  if (Array.isArray(oldRaw)) for (const e of oldRaw as TRawOldEntry[]) if (e && typeof e.eccn === 'string') old.set(e.eccn, e);
  const entries: Record<string, TCclEntry> = {};
  let fromOldRows = 0;
  let fromOldParagraphs = 0;
  (data.entries as TRaw2026Entry[]).forEach((item, i) => {
    if (!item || typeof item.eccn !== 'string' || !ECCN_RE.test(item.eccn)) {
      throw new ReferenceParseError('CCL 2026', null, `entries[${i}] has no valid "eccn"`);
    }
    const eccn = item.eccn;
    if (entries[eccn]) throw new ReferenceParseError('CCL 2026', null, `duplicate ECCN ${eccn}`);
    const rows = Array.isArray(item.countryChart) ? (item.countryChart as TRaw2026Row[]) : [];
    let controls = rows.flatMap((r) => control2026(eccn, r));
    const prior = old.get(eccn);
    if (controls.length === 0 && prior) {
      controls = controlsFrom2025(eccn, prior);
      if (controls.length > 0) fromOldRows++;
    }
    const flags: Record<string, string> = {};
    if (item.licenceExceptionFlags && typeof item.licenceExceptionFlags === 'object') {
      for (const [k, v] of Object.entries(item.licenceExceptionFlags as Record<string, unknown>)) if (typeof v === 'string') flags[k] = v;
    }
    let paragraphs: string[] = [];
    let paragraphSource: string | null = null;
    if (deep.includes(String(item.category)) && Array.isArray(item.items)) {
      paragraphs = [
        ...new Set(
          (item.items as { paragraph?: unknown; kind?: unknown }[])
            .filter((x) => x?.kind === 'item' && typeof x.paragraph === 'string')
            .map((x) => x.paragraph as string),
        ),
      ];
      paragraphSource = '2026';
    } else if (prior && typeof prior.controlText === 'string') {
      paragraphs = paragraphsFromText(prior.controlText);
      paragraphSource = paragraphs.length > 0 ? '2025' : null;
      if (paragraphs.length > 0) fromOldParagraphs++;
    }
    // The paragraph lists of both files miss some first paragraphs (".a" right after "Items:") and
    // late additions (".z"): complete them with a … the last letter used, and every paragraph the
    // entry's own controls and LVS/GBS texts name, so a real paragraph is never reported unknown.
    if (paragraphSource !== null && (paragraphs.length > 0 || controls.length > 0)) {
      const lvs = parseLvsCell(eccn, flags.LVS);
      const gbs = parseGbsCell(eccn, flags.GBS);
      const named = [
        ...controls.flatMap((c) =>
          c.scope.kind === 'UNRESOLVED'
            ? []
            : [...(c.scope.kind === 'PARAGRAPHS' ? c.scope.paragraphs : []), ...c.scope.except, ...(c.scope.conditionalExcept ?? [])],
        ),
        ...lvs.flatMap((r) => r.paragraphs),
        ...(gbs ? [...gbs.only, ...gbs.except] : []),
      ];
      const tops = [...paragraphs, ...named].map((x) => x.split('.')[0]!).filter((x) => /^[a-w]$/.test(x));
      const last = tops.sort().at(-1);
      const filled = last ? Array.from({ length: last.charCodeAt(0) - 96 }, (_, k) => String.fromCharCode(97 + k)) : [];
      paragraphs = [...new Set([...paragraphs, ...named, ...filled.filter((l) => !paragraphs.some((x) => x === l || x.startsWith(`${l}.`)))])];
    }
    entries[eccn] = {
      eccn,
      title: typeof item.heading === 'string' ? item.heading : '',
      controls,
      reasonForControl: typeof item.reasonForControl === 'string' ? item.reasonForControl : null,
      licenceExceptions: flags,
      lvs: parseLvsCell(eccn, flags.LVS),
      gbs: parseGbsCell(eccn, flags.GBS),
      staConditions: typeof item.staSpecialConditions === 'string' ? item.staSpecialConditions : null,
      paragraphs,
      paragraphSource,
    };
  });
  const dropped = [...old.keys()].filter((k) => !entries[k]).sort();
  const asOf = typeof data.ecfrIssueDate === 'string' ? data.ecfrIssueDate : null;
  return {
    source: meta.source,
    asOf,
    entries,
    notes: [
      `Controls, licence-exception flags and STA conditions: ${meta.source} (eCFR ${asOf ?? 'undated'}), ${Object.keys(entries).length} ECCNs.`,
      `Paragraph text is in the 2026 data only for categories ${deep.join(', ')}; for the other categories the paragraph list is kept from the older file (${meta.oldSource}) for ${fromOldParagraphs} ECCNs.`,
      `${fromOldRows} ECCNs have no licence-requirements table in the 2026 data; their rows are taken from the older file (e.g. 0A981–0A983, 5A980, 5D980, 5E980, the x999 entries).`,
      `ECCNs in the older file but not in the 2026 CCL (not carried over): ${dropped.join(', ') || 'none'}.`,
    ],
  };
}
