// Part 740 licence exceptions. Officers check them before anything else, so for every licence
// requirement the Country Chart (or Part 746) produces, the engine evaluates the exceptions whose
// conditions the application data can decide — LVS (740.3), GBS (740.4), STA (740.20), ENC
// (740.17), GOV (740.11(c)), SPP (740.5) — together with the restrictions on all exceptions (740.2,
// Part 744 parties and end users, Part 746 destinations). It runs after every other finding of the
// item is known, so party-list hits and end-user findings can block an exception.
//
// An exception that appears available turns LICENSE_REQUIRED into REVIEW (an officer confirms the
// conditions the data cannot show), never into CLEAR. The exporter's claimed exception
// (`product.licenseExceptionClaimed`) gets its own finding: whether the data supports it.

import { parseEccn } from './eccn';
import { makeFinding } from './finding';
import { formatNumber } from './format';
import { LICENCE_RULE } from './licence';
import { LICENCE_EXCEPTIONS_AS_OF, ecfrSectionUrl, isLicenceExceptionSymbol, licenceExceptionInfo } from './licence-exception-catalog';
import type { TRuleSet } from './rule-set';
import type { TCclEntry, TFinding, TScreeningApplication, TScreeningProduct } from './types';

export {
  LICENCE_EXCEPTIONS,
  LICENCE_EXCEPTIONS_AS_OF,
  LICENCE_EXCEPTION_SYMBOLS,
  ecfrSectionUrl,
  isLicenceExceptionSymbol,
  licenceExceptionInfo,
  type TLicenceExceptionSymbol,
} from './licence-exception-catalog';

export type TExceptionStatus = 'APPEARS_AVAILABLE' | 'NOT_AVAILABLE' | 'UNDECIDED';

export type TExceptionAssessment = {
  symbol: string;
  section: string;
  /** eCFR page of the section */
  url: string;
  status: TExceptionStatus;
  /** conditions the application data shows are met */
  met: string[];
  /** conditions the exporter must still confirm (the data cannot show them) */
  toConfirm: string[];
  /** why it is not available (a failed condition or a restriction) */
  notMet: string[];
};

// NATO members (740.2(a)(4)(i) names "a NATO member state", § 772.1) plus Australia, Japan, New Zealand.
const CC_EXCEPTION_COUNTRIES = [
  'AU',
  'JP',
  'NZ',
  'AL',
  'BE',
  'BG',
  'CA',
  'HR',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IS',
  'IT',
  'LV',
  'LT',
  'LU',
  'ME',
  'NL',
  'MK',
  'NO',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'TR',
  'GB',
  'US',
];
// 740.2(a)(5)(i): MT items that may still go under an exception as part of a manned vehicle.
const MT_EXCEPTION_ECCNS = [
  '6A008',
  '7A001',
  '7A002',
  '7A004',
  '7A101',
  '7A102',
  '7A103',
  '7A104',
  '7B001',
  '7D001',
  '7D002',
  '7D003',
  '7D101',
  '7D102',
  '7E003',
  '7E101',
];
// 740.20(c)(1) and (c)(2): reasons STA covers to Country Group A:5, and to A:6 (national security only).
const STA_A5_REASONS = ['NS', 'CB', 'NP', 'RS', 'CC'];
const STA_A6_REASONS = ['NS'];
// 740.17: Category 5 Part 2 entries ENC can cover.
const ENC_ECCNS = ['5A002', '5A004', '5B002', '5D002', '5E002'];
// 746.9(b) (as amended 90 FR 42320, Sept. 2, 2025): the only exceptions for Syria.
const SYRIA_EXCEPTIONS = ['SPP', 'TMP', 'RPL', 'GOV', 'TSU', 'CCD', 'AVS', 'BAG', 'GFT'];
const GOVERNMENT_TYPES = ['GOVERNMENT', 'LAW_ENFORCEMENT', 'MILITARY', 'INTELLIGENCE'];

const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** What blocks exceptions for the whole item, read from the other findings (party hits, end users, destinations). */
type TRestriction = { text: string; citation: string; only: string[]; firm: boolean };

/** The restrictions the findings impose (in their order), whatever the destination. */
function findingRestrictions(findings: readonly TFinding[]): TRestriction[] {
  const out: TRestriction[] = [];
  for (const f of findings) {
    if (f.outcome === 'CLEAR') continue;
    const ev = record(f.evidence);
    if (f.kind === 'PARTY_MATCH') {
      const list = `${String(ev.list ?? '')} ${String(ev.listName ?? '')}`;
      const party = record(ev.party);
      const who = typeof party.name === 'string' ? `"${party.name}"` : 'a party';
      const strong = f.outcome === 'PROHIBITED' || f.outcome === 'LICENSE_REQUIRED';
      const verb = strong ? 'matches' : 'may match';
      if (/entity/i.test(list))
        out.push({
          text: `${who} ${verb} the Entity List: no licence exception unless the entry says so`,
          citation: '15 CFR 744.16(b); Supp. No. 4 to Part 744',
          only: [],
          firm: strong,
        });
      else if (/unverified/i.test(list))
        out.push({ text: `${who} ${verb} the Unverified List: no licence exceptions`, citation: '15 CFR 744.15(b)', only: [], firm: strong });
      else if (/\bSDN\b|specially designated|denied|\bDPL\b/i.test(list))
        out.push({
          text: `${who} ${verb} ${String(ev.listName ?? ev.list)}: no licence exception authorises the transaction`,
          citation: '15 CFR 740.2(a)(2); 15 CFR 744.8',
          only: [],
          firm: strong,
        });
      continue;
    }
    if (f.ruleId.includes('744-21') || /\b744\.21\b/.test(f.citation)) {
      out.push({ text: 'a military end use or end user (744.21): only License Exception GOV', citation: '15 CFR 744.21', only: ['GOV'], firm: true });
    } else if (f.ruleId.includes('744-22') || /\b744\.22\b/.test(f.citation)) {
      out.push({ text: 'a military-intelligence end user (744.22): only License Exception GOV', citation: '15 CFR 744.22', only: ['GOV'], firm: true });
    }
  }
  return out;
}

/** The restrictions the destination itself imposes (Syria, Country Groups E:1/E:2). */
function countryRestrictions(country: string, rs: TRuleSet): TRestriction[] {
  const out: TRestriction[] = [];
  if (country === 'SY') {
    out.push({ text: 'Syria: only the exceptions listed in 746.9(b)', citation: '15 CFR 746.9(b)', only: SYRIA_EXCEPTIONS, firm: true });
  } else if (rs.inGroup(country, 'E:1') || rs.inGroup(country, 'E:2')) {
    out.push({
      text: `${rs.countryName(country)} is in Country Group E:1/E:2: licence exceptions only as Part 746 allows`,
      citation: '15 CFR 740.1(a); Part 746',
      only: [],
      firm: true,
    });
  }
  return out;
}

/** The item's paragraph is one of `refs` or inside one of them. */
function insideAny(paragraph: string | null, refs: string[]): boolean {
  return paragraph !== null && refs.some((p) => paragraph === p || paragraph.startsWith(`${p}.`));
}
/** The item's paragraph is not given, or one of `refs` lies inside it. */
function containsAny(paragraph: string | null, refs: string[]): boolean {
  return paragraph === null || refs.some((p) => p.startsWith(`${paragraph}.`));
}

/** The LVS limit for this item and reason, from the entry's LVS rules (compiled from the CCL cell). */
function lvsLimit(c: TCtx): { kind: 'NA' } | { kind: 'ASK' } | { kind: 'LIMIT'; usd: number; uncertain: boolean } {
  const rules = c.entry?.lvs ?? [];
  if (rules.length === 0) return { kind: 'NA' };
  if (rules.some((r) => r.usd === null && r.reasons.includes(c.reason) && r.paragraphs.length === 0)) return { kind: 'NA' };
  const specific = rules.filter((r) => r.paragraphs.length > 0 && r.reasons.length === 0);
  const own =
    specific.find((r) => insideAny(c.paragraph, r.paragraphs)) ??
    rules.find((r) => r.paragraphs.length > 0 && r.reasons.length > 0 && insideAny(c.paragraph, r.paragraphs));
  if (own) return own.usd === null ? (own.uncertain ? { kind: 'ASK' } : { kind: 'NA' }) : { kind: 'LIMIT', usd: own.usd, uncertain: own.uncertain };
  if (specific.some((r) => containsAny(c.paragraph, r.paragraphs))) return { kind: 'ASK' }; // depends on a paragraph not given
  const general = rules.find((r) => r.paragraphs.length === 0 && r.reasons.length === 0 && r.usd !== null);
  if (!general || general.usd === null) return { kind: 'NA' };
  return { kind: 'LIMIT', usd: general.usd, uncertain: general.uncertain };
}

type TCtx = {
  symbol: string;
  reason: string;
  column: string | null;
  /** the EAR section the control's CCL text cites (e.g. 742.6(a)(6)(iii)(A)) */
  section: string | null;
  eccn: string | null;
  paragraph: string | null;
  entry: TCclEntry | null;
  country: string;
  product: TScreeningProduct;
  app: TScreeningApplication;
  rs: TRuleSet;
  ear99: boolean;
  claimed: boolean;
};

function usd(n: number): string {
  return `$${formatNumber(n, 2)}`;
}

/** The exception's own conditions (before the general restrictions). */
function ownConditions(c: TCtx): Omit<TExceptionAssessment, 'symbol' | 'section' | 'url'> {
  const met: string[] = [];
  const toConfirm: string[] = [];
  const notMet: string[] = [];
  const flags = c.entry?.licenceExceptions ?? {};
  const name = c.rs.countryName(c.country);
  const inB = c.rs.inGroup(c.country, 'B');
  switch (c.symbol) {
    case 'LVS': {
      const lvs = lvsLimit(c);
      if (lvs.kind === 'NA') {
        notMet.push(
          `LVS is not available for ${c.eccn ?? 'the item'}${c.paragraph ? `.${c.paragraph}` : ''} (${c.reason}): the entry says "${flags.LVS ?? 'N/A'}"`,
        );
        break;
      }
      if (inB) met.push(`${name} is in Country Group B`);
      else notMet.push(`${name} is not in Country Group B`);
      if (lvs.kind === 'ASK') {
        toConfirm.push(`which LVS value of the entry applies: "${flags.LVS ?? ''}"`);
        break;
      }
      const qty = Number(c.product?.quantity);
      const unit = Number(c.product?.unitValueUsd);
      const value = qty * unit;
      if (!Number.isFinite(value) || value <= 0) toConfirm.push(`the value of the shipment (quantity × unit value is missing) is within ${usd(lvs.usd)}`);
      else if (value <= lvs.usd) met.push(`the shipment value ${usd(value)} (${qty} × ${usd(unit)}) is within the LVS limit of ${usd(lvs.usd)}`);
      else notMet.push(`the shipment value ${usd(value)} (${qty} × ${usd(unit)}) exceeds the LVS limit of ${usd(lvs.usd)}`);
      if (lvs.uncertain) toConfirm.push(`the entry's LVS text: "${flags.LVS ?? ''}"`);
      toConfirm.push('the order is not split into several shipments to stay under the limit (740.3(a)(2))');
      break;
    }
    case 'GBS': {
      const g = c.entry?.gbs ?? null;
      const text = flags.GBS ?? 'N/A';
      if (!g) notMet.push(`the CCL entry ${c.eccn ?? ''} does not make GBS available ("${text}")`);
      else if (g.naReasons.includes(c.reason)) notMet.push(`GBS is not available for the ${c.reason} control ("${text}")`);
      else if (insideAny(c.paragraph, g.except)) notMet.push(`GBS is not available for ${c.eccn}.${c.paragraph} ("${text}")`);
      else if (g.only.length > 0 && !insideAny(c.paragraph, g.only) && !containsAny(c.paragraph, g.only))
        notMet.push(`GBS covers only some paragraphs of ${c.eccn} ("${text}")`);
      if (notMet.length > 0) break;
      met.push(`the CCL entry makes GBS available ("${text}")`);
      if (inB) met.push(`${name} is in Country Group B`);
      else notMet.push(`${name} is not in Country Group B`);
      if (g!.uncertain || containsAny(c.paragraph, g!.except) || (g!.only.length > 0 && !insideAny(c.paragraph, g!.only)))
        toConfirm.push(`the item is within the entry's GBS scope: "${text}"`);
      break;
    }
    case 'STA': {
      const a5 = c.rs.inGroup(c.country, 'A:5');
      const a6 = c.rs.inGroup(c.country, 'A:6');
      if (c.reason === 'CC' && !/^CC[123]$/.test(c.column ?? '')) {
        notMet.push('STA covers crime-control items by Country Chart column only, not a licence requirement for all destinations');
        break;
      }
      if (a5 && STA_A5_REASONS.includes(c.reason)) met.push(`${name} is in Country Group A:5 and ${c.reason} is a reason STA covers there (740.20(c)(1))`);
      else if (a6 && STA_A6_REASONS.includes(c.reason)) met.push(`${name} is in Country Group A:6 and the control is NS (740.20(c)(2))`);
      else {
        notMet.push(a5 || a6 ? `STA does not cover ${c.reason} controls to ${name}` : `${name} is in neither Country Group A:5 nor A:6`);
        break;
      }
      if (a6 && !a5) toConfirm.push('the item is controlled only for NS (and AT) reasons');
      if (c.entry?.staConditions) toConfirm.push(`the ECCN's special conditions for STA: "${c.entry.staConditions.replace(/^STA:\s*/, '').slice(0, 300)}"`);
      toConfirm.push("the consignee's prior statement and the ECCN notification (740.20(d))");
      break;
    }
    case 'ENC': {
      if (!c.eccn || !ENC_ECCNS.includes(c.eccn) || !flags.ENC) {
        notMet.push('ENC covers Category 5 Part 2 items (5A002, 5A004, 5B002, 5D002, 5E002) whose entry lists ENC');
        break;
      }
      if (c.reason !== 'EI' && c.reason !== 'NS') {
        notMet.push(`ENC does not cover the ${c.reason} control`);
        break;
      }
      met.push(`${c.eccn} is a Category 5 Part 2 item whose entry lists ENC`);
      toConfirm.push('the item meets 740.17 (classification or self-classification report under 740.17(b), end-user and destination limits)');
      break;
    }
    case 'GOV': {
      const type = c.app?.endUser?.type;
      if (!GOVERNMENT_TYPES.includes(type as string)) {
        notMet.push('the end user is not a government agency');
        break;
      }
      met.push(`the end user is a ${String(type).toLowerCase().replace(/_/g, ' ')} end user`);
      if (c.rs.inGroup(c.country, 'A:1')) met.push(`${name} is in Country Group A:1 (cooperating governments, 740.11(c))`);
      else toConfirm.push('the item is for the official use of the U.S. Government (740.11(b)(2)) — the destination is not in Country Group A:1');
      toConfirm.push('the item is for the official use of a national government agency (740.11(c))');
      break;
    }
    case 'SPP': {
      if (c.country !== 'SY') notMet.push('SPP is for exports to Syria only');
      else if (!c.ear99) notMet.push('SPP covers EAR99 items only (740.5(a))');
      else met.push('the item is EAR99 and the destination is Syria (740.5(a))');
      break;
    }
    case 'TSU': {
      if (c.product?.kind !== 'SOFTWARE' && c.product?.kind !== 'TECHNOLOGY') {
        notMet.push('TSU covers software and technology only');
        break;
      }
      toConfirm.push('the software or technology is of a kind 740.13 covers (operation or sales technology, software updates, mass-market software, …)');
      break;
    }
    default:
      toConfirm.push(`the conditions of ${c.symbol} (15 CFR ${licenceExceptionInfo(c.symbol)?.section ?? 'Part 740'}) — the application does not record them`);
  }
  const status: TExceptionStatus = notMet.length > 0 ? 'NOT_AVAILABLE' : met.length > 0 ? 'APPEARS_AVAILABLE' : 'UNDECIDED';
  return { status, met, toConfirm, notMet };
}

/** Exceptions evaluated for every licence requirement (the others only when claimed). */
const AUTO = ['LVS', 'GBS', 'STA', 'ENC', 'GOV', 'SPP'];
/** Evaluated and listed, but never "appears available" unless claimed: the form cannot show the official use GOV needs. */
const CONFIRM_ONLY = ['GOV'];

function assess(c: TCtx, restrictions: TRestriction[]): TExceptionAssessment {
  const info = licenceExceptionInfo(c.symbol);
  const own = ownConditions(c);
  // own's lists are this assessment's own (ownConditions builds them per call): extended in place
  const notMet = own.notMet;
  const toConfirm = own.toConfirm;
  for (const r of restrictions) {
    if (r.only.includes(c.symbol)) continue;
    if (r.firm) notMet.push(`${r.text} (${r.citation})`);
    else toConfirm.push(`${r.text} — clear the possible match first (${r.citation})`);
  }
  // 740.2(a): restrictions that follow from the control itself
  if (c.reason === 'SL' && c.symbol !== 'GOV')
    notMet.push('surreptitious-interception items (SL): no licence exception except GOV for a U.S. Government agency (740.2(a)(3))');
  if (c.reason === 'SL' && c.symbol === 'GOV')
    toConfirm.push('the item is consigned to and for the official use of a U.S. Government agency (740.2(a)(3), 740.11(b)(2)(ii))');
  if (c.reason === 'CC' && !['STA', 'GOV', 'BAG'].includes(c.symbol) && !CC_EXCEPTION_COUNTRIES.includes(c.country)) {
    notMet.push(`crime-control (742.7) items: exceptions only to Australia, Japan, New Zealand or NATO members, or under GOV, BAG or STA (740.2(a)(4))`);
  }
  // 740.2(a)(9): advanced-computing items (RS under 742.6(a)(6): 3A090, 4A090, .z paragraphs…) only
  // under the exceptions that paragraph allows (the entry lists them: NAC/ACA, AIA, ACM, LPP, HBM…)
  if (c.reason === 'RS' && c.section?.startsWith('742.6(a)(6)') && ['LVS', 'GBS', 'STA', 'ENC'].includes(c.symbol)) {
    notMet.push('advanced-computing items (742.6(a)(6)): only the licence exceptions 740.2(a)(9) allows');
  }
  if (c.reason === 'MT') {
    if (c.eccn && MT_EXCEPTION_ECCNS.includes(c.eccn))
      toConfirm.push('the MT item is exported as part of a manned aircraft, land vehicle or vessel (740.2(a)(5))');
    else notMet.push('missile-technology (MT) items: no licence exception (740.2(a)(5))');
  }
  let status: TExceptionStatus = notMet.length > 0 ? 'NOT_AVAILABLE' : own.status;
  if (status === 'APPEARS_AVAILABLE' && CONFIRM_ONLY.includes(c.symbol) && !c.claimed) status = 'UNDECIDED';
  return {
    symbol: c.symbol,
    section: info?.section ?? '',
    url: info ? ecfrSectionUrl(info.section) : '',
    status,
    met: own.met,
    toConfirm: withoutRepeats(toConfirm),
    notMet: withoutRepeats(notMet),
  };
}

/** The list without repeated entries, first occurrences in order (the list itself when it has none, as it mostly does). */
function withoutRepeats(xs: string[]): string[] {
  for (let i = 1; i < xs.length; i++) if (xs.lastIndexOf(xs[i]!, i - 1) >= 0) return [...new Set(xs)];
  return xs;
}

function describe(a: TExceptionAssessment): string {
  const met = a.met.length ? ` Met: ${a.met.join('; ')}.` : '';
  const confirm = a.toConfirm.length ? ` To confirm: ${a.toConfirm.join('; ')}.` : '';
  return `${a.symbol} (${a.section})${met}${confirm}`;
}

/**
 * The findings every item of an application shares, with the restrictions they impose worked out
 * once (screen() passes them to applyLicenceExceptions for each of its items).
 */
export type TSharedContext = { findings: readonly TFinding[]; restrictions: readonly TRestriction[] };

export function sharedContext(findings: readonly TFinding[]): TSharedContext {
  return { findings, restrictions: findingRestrictions(findings) };
}

/**
 * Evaluates the licence exceptions for the item's licence-requirement findings and returns the
 * item's findings with those that an exception appears to resolve turned to REVIEW (evidence lists
 * each exception considered), plus one finding on the claimed exception, if any.
 * `context` is every finding known for the item (application-wide ones included), either as one
 * list or as the application's shared findings (sharedContext) followed by the item's own.
 */
export function applyLicenceExceptions(
  itemFindings: TFinding[],
  product: TScreeningProduct,
  app: TScreeningApplication,
  rs: TRuleSet,
  context: TFinding[] | TSharedContext = itemFindings,
): TFinding[] {
  const rule = rs.rules.get(LICENCE_RULE);
  if (!rule) return itemFindings;
  const parsed = parseEccn(product?.eccn);
  const eccn = parsed.kind === 'ECCN' ? parsed.eccn : null;
  const entry = eccn ? (rs.ccl.get(eccn) ?? null) : null;
  const claimedRaw = product?.licenseExceptionClaimed;
  const claimed = typeof claimedRaw === 'string' && claimedRaw.trim() !== '' ? claimedRaw.trim().toUpperCase() : null;
  // what the findings impose, in their order (shared ones first), then what the destination imposes
  const fromFindings = Array.isArray(context) ? findingRestrictions(context) : [...context.restrictions, ...findingRestrictions(itemFindings)];
  const restrictionsByCountry = new Map<string, TRestriction[]>();
  const restrictions = (country: string) => {
    let r = restrictionsByCountry.get(country);
    if (!r) {
      r = [...fromFindings, ...countryRestrictions(country, rs)];
      restrictionsByCountry.set(country, r);
    }
    return r;
  };
  const claimResults: { finding: TFinding; assessment: TExceptionAssessment }[] = [];
  const out = itemFindings.map((f) => {
    if (f.ruleId !== LICENCE_RULE || f.outcome !== 'LICENSE_REQUIRED') return f;
    const ev = record(f.evidence);
    const country = typeof ev.country === 'string' ? ev.country : (app?.destination?.country ?? '');
    const reason = typeof ev.reason === 'string' ? ev.reason : '?';
    const symbols = claimed && isLicenceExceptionSymbol(claimed) && !AUTO.includes(claimed) ? [...AUTO, claimed] : AUTO;
    const assessments = symbols.map((symbol) =>
      assess(
        {
          symbol,
          reason,
          column: typeof ev.column === 'string' ? ev.column : null,
          section: typeof ev.section === 'string' ? ev.section : null,
          eccn,
          paragraph: parsed.kind === 'ECCN' ? parsed.paragraph : null,
          entry,
          country,
          product,
          app,
          rs,
          ear99: parsed.kind === 'EAR99',
          claimed: symbol === claimed,
        },
        restrictions(country),
      ),
    );
    const claimedAssessment = claimed ? assessments.find((a) => a.symbol === claimed) : undefined;
    const available = assessments.filter((a) => a.status === 'APPEARS_AVAILABLE' || (a.symbol === claimed && a.status === 'UNDECIDED'));
    const considered = assessments.filter((a) => AUTO.includes(a.symbol) || a.symbol === claimed);
    const evidence = { ...ev, licenceExceptions: considered, licenceExceptionsAsOf: LICENCE_EXCEPTIONS_AS_OF };
    let next: TFinding;
    if (available.length === 0) {
      next = { ...f, evidence };
    } else {
      next = {
        ...f,
        outcome: 'REVIEW',
        message: `${f.message} Licence exception${available.length > 1 ? 's' : ''} that appear${available.length > 1 ? '' : 's'} available: ${available.map(describe).join(' ')} An officer must confirm before the item ships without a licence.`,
        citation: `${f.citation}; ${available.map((a) => `15 CFR ${a.section}`).join(', ')}`,
        evidence: { ...evidence, originalOutcome: 'LICENSE_REQUIRED', availableExceptions: available.map((a) => a.symbol) },
      };
    }
    if (claimedAssessment) claimResults.push({ finding: next, assessment: claimedAssessment });
    return next;
  });
  if (claimed) out.push(claimFinding(rule, claimed, claimResults, product));
  return out;
}

function claimFinding(
  rule: Parameters<typeof makeFinding>[0],
  claimed: string,
  results: { finding: TFinding; assessment: TExceptionAssessment }[],
  product: TScreeningProduct,
): TFinding {
  const info = licenceExceptionInfo(claimed);
  const base = { kind: 'LICENSE_REQUIREMENT' as const, licensePolicy: null };
  if (!info) {
    return makeFinding(rule, {
      ...base,
      kind: 'DATA_GAP',
      outcome: 'REVIEW',
      message: `The claimed licence exception "${claimed}" is not a Part 740 symbol (eCFR ${LICENCE_EXCEPTIONS_AS_OF}); correct the claim.`,
      evidence: { claimedException: claimed, supported: false },
    });
  }
  const label = `${claimed} (${info.section})`;
  const citation = `15 CFR ${info.section}`;
  if (results.length === 0) {
    return makeFinding(rule, {
      ...base,
      outcome: 'REVIEW',
      message: `Licence exception ${label} is claimed for ${product?.name ?? 'the item'}, but no Country Chart licence requirement was found for it; an officer confirms whether the claim is needed.`,
      citation,
      evidence: { claimedException: claimed, supported: null },
    });
  }
  const failed = results.filter((r) => r.assessment.status === 'NOT_AVAILABLE');
  const confirm = [...new Set(results.flatMap((r) => r.assessment.toConfirm))];
  const met = [...new Set(results.flatMap((r) => r.assessment.met))];
  if (failed.length > 0) {
    const why = [...new Set(failed.flatMap((r) => r.assessment.notMet))];
    return makeFinding(rule, {
      ...base,
      outcome: 'REVIEW',
      message: `The data does not support the claimed licence exception ${label}: ${why.join('; ')}.`,
      citation,
      evidence: { claimedException: claimed, supported: false, notMet: why, met, toConfirm: confirm },
    });
  }
  return makeFinding(rule, {
    ...base,
    outcome: 'REVIEW',
    message: `The data is consistent with the claimed licence exception ${label}${met.length ? `: ${met.join('; ')}` : ''}.${confirm.length ? ` The exporter must still confirm: ${confirm.join('; ')}.` : ''} An officer confirms the claim.`,
    citation,
    evidence: { claimedException: claimed, supported: true, met, toConfirm: confirm },
  });
}
