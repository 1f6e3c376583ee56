// Restricted-party screening: every named party (end user, each consignee, any other party given)
// against every name and alias of every list, through the rule set's name index. Each list's legal
// effect is rule-set data (params.lists[code]: outcome, citation, policy, meaning, item scope); the
// code has no list-specific branches. Per party, one finding per list (its best entry; other entries
// of that list in the evidence), worst first.
//
// - A party's country that differs from the entry's countries lowers a weak match a little, but never
//   a full-name match.
// - A strong match on a common personal name (every matched word appears in many list names), or on
//   an entry of another kind (a company against an individual or a vessel), is only POSSIBLE.
// - A denial order's end date is compared with its list's own date, not with today.
// - A list older than params.maxListAgeDays (against the rule set's as-of date) is a DATA_GAP.
// - A match an officer cleared (same entry content, same party name) stays cleared.

import { itemsOf } from './items';
import { makeFinding } from './finding';
import { normaliseName } from './names/normalise';
import { classify, round } from './names/score';
import { OUTCOME_RANK } from './outcome';
import type { TPartyRef, TRuleSet } from './rule-set';
import type { TPartyParams } from './rules/party-restricted-lists';
import type { TClearedMatch, TFinding, TNameMatch, TOutcome, TPartyEntry, TPartyList, TRuleConfig, TScreeningApplication } from './types';

export const PARTY_RULE = 'party.restricted-lists';

export type TPartyRole = 'END_USER' | 'CONSIGNEE' | 'OTHER_PARTY';
type TPartyKind = 'individual' | 'organisation' | 'unknown';
type TParty = { role: TPartyRole; index: number | null; name: string; country: string | null; label: string; kind: TPartyKind; otherRole?: string };

function kindOfName(name: string, declared: TPartyKind): TPartyKind {
  if (declared !== 'unknown') return declared;
  return normaliseName(name).legalForm ? 'organisation' : 'unknown';
}

function partiesOf(app: TScreeningApplication): TParty[] {
  const out: TParty[] = [];
  if (app.endUser && typeof app.endUser.name === 'string') {
    const declared: TPartyKind = app.endUser.type === 'INDIVIDUAL' ? 'individual' : app.endUser.type ? 'organisation' : 'unknown';
    out.push({
      role: 'END_USER',
      index: null,
      name: app.endUser.name,
      country: app.endUser.country || null,
      label: `The end user "${app.endUser.name}"`,
      kind: kindOfName(app.endUser.name, declared),
    });
  }
  (app.consignees ?? []).forEach((c, index) => {
    if (c && typeof c.name === 'string')
      out.push({
        role: 'CONSIGNEE',
        index,
        name: c.name,
        country: c.country || null,
        label: `Consignee ${index + 1} "${c.name}"`,
        kind: kindOfName(c.name, 'unknown'),
      });
  });
  (app.otherParties ?? []).forEach((o, index) => {
    if (o && typeof o.name === 'string') {
      const role = typeof o.role === 'string' && o.role.trim() ? o.role.trim().toLowerCase().replace(/_/g, ' ') : 'party';
      out.push({
        role: 'OTHER_PARTY',
        index,
        name: o.name,
        country: o.country || null,
        label: `The ${role} "${o.name}"`,
        kind: kindOfName(o.name, 'unknown'),
        otherRole: o.role,
      });
    }
  });
  return out;
}

const DAY_MS = 86_400_000;
function daysBetween(from: string, to: string): number | null {
  const a = Date.parse(`${from.slice(0, 10)}T00:00:00Z`);
  const b = Date.parse(`${to.slice(0, 10)}T00:00:00Z`);
  return Number.isFinite(a) && Number.isFinite(b) ? Math.round((b - a) / DAY_MS) : null;
}

/** DATA_GAP findings for lists older than the rule set allows (or undated). */
function staleLists(rs: TRuleSet, rule: TRuleConfig, p: TPartyParams): TFinding[] {
  const outcome = p.staleListOutcome ?? 'REVIEW';
  const out: TFinding[] = [];
  for (const list of rs.lists) {
    const lp = Object.hasOwn(p.lists, list.code) ? p.lists[list.code] : undefined;
    const max = lp?.maxAgeDays ?? p.maxListAgeDays ?? null;
    if (max === null) continue;
    const age = list.asOf && rs.asOf ? daysBetween(list.asOf, rs.asOf) : null;
    if (age !== null && age <= max) continue;
    const message =
      age === null
        ? `The ${list.name} has no usable date${rs.asOf ? '' : ' (or the rule set has no as-of date)'}, so its age cannot be checked; matches against it may be out of date.`
        : `The ${list.name} is ${age} days old (dated ${list.asOf}; the rule set speaks for ${rs.asOf}); lists older than ${max} days may miss recent listings. Update the list before relying on a clear result.`;
    out.push(
      makeFinding(rule, {
        kind: 'DATA_GAP',
        outcome,
        licensePolicy: null,
        message,
        evidence: { list: list.code, listName: list.name, listAsOf: list.asOf || null, ruleSetAsOf: rs.asOf || null, ageDays: age, maxListAgeDays: max },
      }),
    );
  }
  return out;
}

type TEntryHit = {
  list: TPartyList;
  entry: TPartyEntry;
  ref: TPartyRef;
  text: string;
  nameScore: number;
  score: number;
  countryMismatch: boolean;
  pairs: { query: string; candidate: string; similarity: number }[];
  via: string;
};

type TJudged = {
  hit: TEntryHit;
  match: TNameMatch;
  outcome: TOutcome;
  /** the outcome before an officer cleared the match */
  originalOutcome: TOutcome;
  message: string;
  capped: string | null;
  expired: boolean;
  scope: string | null;
  licensePolicy: string | null;
  cleared: TClearedMatch | null;
};

export function checkParties(app: TScreeningApplication, rs: TRuleSet, clearedMatches: readonly TClearedMatch[] = []): TFinding[] {
  const rule = rs.rules.get(PARTY_RULE);
  if (!rule) return [];
  const p = rule.params as TPartyParams; // parsed by its schema in buildRuleSet
  const listOf = (code: string) => (Object.hasOwn(p.lists, code) ? p.lists[code] : undefined);
  const penalty = p.countryMismatchPenalty;
  const maxPerParty = p.maxMatchesPerParty;
  const fullName = p.fullNameScore ?? 0.99;
  const commonMin = p.commonNameMinListNames ?? null;
  const { possible } = rs.thresholds;
  // The party finding is application-wide: an Entity List requirement that covers only CCL items is
  // narrowed only when no line item is on the CCL (one CCL item keeps LICENSE_REQUIRED: fail closed).
  const eccns = itemsOf(app).map((item) => item.eccn?.trim().toUpperCase() || null);
  const isEar99 = eccns.length > 0 && eccns.every((e) => e === null || e === 'EAR99');
  const eccn = eccns.every((e) => e === null) ? null : 'EAR99';
  const findings: TFinding[] = staleLists(rs, rule, p);

  for (const party of partiesOf(app)) {
    if (party.name.trim() === '') continue;
    const partyKey = normaliseName(party.name).key;
    const hits = rs.partyIndex.search(party.name, possible, 200);
    // best hit per list entry, after the country adjustment
    const best = new Map<string, TEntryHit>();
    for (const hit of hits) {
      const { list, entry } = rs.entry(hit.ref);
      const countryMismatch = !!party.country && entry.countries.length > 0 && !entry.countries.some((c) => rs.sameCountry(c, party.country!));
      const score = round(countryMismatch && hit.score < fullName ? hit.score * (1 - penalty) : hit.score);
      const key = `${list.code}\u0000${entry.id}`;
      const prev = best.get(key);
      if (!prev || score > prev.score) {
        best.set(key, {
          list,
          entry,
          ref: hit.ref,
          text: hit.text,
          nameScore: hit.score,
          score,
          countryMismatch,
          pairs: hit.detail.pairs,
          via: hit.detail.via,
        });
      }
    }

    const judged: TJudged[] = [];
    for (const h of best.values()) {
      if (h.score < possible) continue;
      judged.push(judge(h, party, partyKey));
    }
    // one finding per list: its worst (then best-scoring) entry; the others in the evidence
    const byList = new Map<string, TJudged[]>();
    for (const j of judged) {
      const arr = byList.get(j.hit.list.code);
      if (arr) arr.push(j);
      else byList.set(j.hit.list.code, [j]);
    }
    const perList = [...byList.values()].map((arr) => arr.sort(rank));
    perList.sort((a, b) => rank(a[0]!, b[0]!));
    for (const arr of perList.slice(0, maxPerParty)) {
      // a cleared entry keeps its own (CLEAR) finding, so the clearance stays visible; the list's
      // finding is its worst entry still standing
      const open = arr.filter((j) => !j.cleared);
      if (open.length > 0) findings.push(toFinding(open[0]!, open.slice(1), party));
      for (const j of arr) if (j.cleared) findings.push(toFinding(j, [], party));
    }
  }
  return findings;

  function rank(a: TJudged, b: TJudged): number {
    return (
      OUTCOME_RANK[b.outcome] - OUTCOME_RANK[a.outcome] ||
      b.hit.score - a.hit.score ||
      (a.hit.entry.id < b.hit.entry.id ? -1 : a.hit.entry.id > b.hit.entry.id ? 1 : 0)
    );
  }

  function judge(h: TEntryHit, party: TParty, partyKey: string): TJudged {
    const lp = listOf(h.list.code);
    let match = classify(h.score, rs.thresholds);
    let capped: string | null = null;
    const entryType = h.entry.type?.toLowerCase() ?? null; // lists write 'Individual' or 'individual'
    if (match === 'STRONG') {
      const partyKind = party.kind;
      if (partyKind === 'organisation' && (entryType === 'individual' || entryType === 'vessel' || entryType === 'aircraft')) {
        capped = `the party is an organisation, the entry ${entryType === 'individual' ? 'an individual' : `a ${entryType}`}`;
      } else if (partyKind === 'individual' && (entryType === 'entity' || entryType === 'vessel' || entryType === 'aircraft')) {
        capped = `the party is an individual, the entry ${entryType === 'entity' ? 'an entity' : `a ${entryType}`}`;
      } else if (commonMin !== null && (entryType === 'individual' || (entryType === null && partyKind === 'individual'))) {
        const matched = h.pairs.map((x) => x.candidate);
        if (matched.length > 0 && matched.every((t) => rs.partyIndex.frequency(t) >= commonMin)) {
          capped = `a name-only match on a common personal name (each matched word appears in at least ${commonMin} list names)`;
        }
      }
      if (capped) match = 'POSSIBLE';
    }
    const expired = !!h.entry.expiresOn && !!h.list.asOf && h.entry.expiresOn < h.list.asOf;
    const matched = h.ref.isAlias ? `alias "${h.text}" of "${h.entry.name}"` : `"${h.entry.name}"`;
    const scoreText = `score ${h.score.toFixed(2)}`;
    const label = party.label;
    let outcome: TOutcome;
    let message: string;
    let scope: string | null = null;
    const entryPolicy = lp?.useEntryPolicy === true && h.entry.licensePolicy ? h.entry.licensePolicy : null;
    let licensePolicy: string | null = entryPolicy ?? (lp ? lp.licensePolicy : rule!.licensePolicy);
    if (expired) {
      outcome = p.expiredOutcome;
      message = `${label} matches ${matched} on the ${h.list.name} (${scoreText}), but that order ended on ${h.entry.expiresOn}, before the list's own date ${h.list.asOf}; it is not treated as active.`;
      licensePolicy = outcome === 'CLEAR' ? null : licensePolicy;
    } else if (match === 'STRONG') {
      outcome = lp?.strongOutcome ?? p.defaultStrongOutcome;
      // item scope of a licence requirement (Entity List entries, Military End-User List)
      if (outcome === 'LICENSE_REQUIRED' && isEar99) {
        const anyItemCountries = lp?.anyItemCountries ?? [];
        const inAnyItemCountry = h.entry.countries.some((c) => anyItemCountries.some((a) => rs.sameCountry(a, c)));
        let coversAll = false;
        if (lp?.allItemsRequirement && h.entry.licenseRequirement) {
          try {
            coversAll = new RegExp(lp.allItemsRequirement, 'i').test(h.entry.licenseRequirement);
          } catch {
            coversAll = false; // a broken pattern narrows nothing: EAR99 falls to ear99Outcome (never CLEAR)
          }
        }
        if (!coversAll && !inAnyItemCountry && (lp?.ear99Outcome || lp?.allItemsRequirement)) {
          outcome = lp.ear99Outcome ?? 'REVIEW';
          scope =
            eccn === null
              ? eccns.length > 1
                ? 'No item has a classification'
                : 'The item has no classification'
              : eccns.length > 1
                ? 'Every item is EAR99 or unclassified'
                : 'The item is EAR99';
          scope += h.entry.licenseRequirement
            ? `; the entry's licence requirement reads "${h.entry.licenseRequirement}": check whether it covers this item.`
            : "; check whether the list's licence requirement covers it.";
        } else if (inAnyItemCountry) {
          scope = `The entry is located in ${h.entry.countries.filter((c) => anyItemCountries.includes(c)).join(', ')}, where the requirement covers any item subject to the EAR.`;
        }
      }
      const requirement = h.entry.licenseRequirement ? ` Licence requirement: ${h.entry.licenseRequirement}` : '';
      message = `${label} strongly matches ${matched} on the ${h.list.name} (${scoreText}).${requirement}${scope ? ` ${scope}` : ''}`;
    } else {
      outcome = p.possibleOutcome;
      message = `${label} possibly matches ${matched} on the ${h.list.name} (${scoreText}${capped ? `; only possible because ${capped}` : ''}); an officer must confirm or clear it.`;
    }
    const found =
      clearedMatches.find(
        (c) =>
          c.listCode === h.list.code && c.entryId === h.entry.id && c.entryContentHash === h.entry.contentHash && normaliseName(c.partyName).key === partyKey,
      ) ?? null;
    const cleared = found && outcome !== 'CLEAR' ? found : null;
    return { hit: h, match, outcome: cleared ? 'CLEAR' : outcome, originalOutcome: outcome, message, capped, expired, scope, licensePolicy, cleared };
  }

  function toFinding(j: TJudged, others: TJudged[], party: TParty): TFinding {
    const { hit: h } = j;
    const lp = listOf(h.list.code);
    const finding = makeFinding(rule!, {
      outcome: j.outcome,
      message: j.cleared ? `${j.message} Cleared as a false positive by ${j.cleared.clearedBy} on ${j.cleared.clearedAt}.` : j.message,
      // citeEntry (list data, e.g. UN): the entry's own programme and reference number join the citation
      citation: `${lp ? lp.citation : rule!.citation}${lp?.citeEntry ? `; ${[...h.entry.programs, h.entry.id].join(' ')}` : ''}`,
      licensePolicy: j.outcome === 'CLEAR' && !j.cleared ? null : j.licensePolicy,
      evidence: {
        party: { role: party.role, index: party.index, name: party.name, country: party.country, ...(party.otherRole ? { otherRole: party.otherRole } : {}) },
        list: h.list.code,
        listName: h.list.name,
        listAsOf: h.list.asOf,
        listMeaning: lp?.meaning ?? null,
        sourceListUrl: h.entry.sourceListUrl ?? lp?.sourceListUrl ?? null,
        entryId: h.entry.id,
        entryName: h.entry.name,
        entryType: h.entry.type,
        entryCountries: h.entry.countries,
        entryPrograms: h.entry.programs,
        federalRegister: h.entry.federalRegister ?? null,
        licenseRequirement: h.entry.licenseRequirement ?? null,
        entryLicensePolicy: h.entry.licensePolicy,
        entryContentHash: h.entry.contentHash,
        expiresOn: h.entry.expiresOn ?? null,
        expired: j.expired,
        matchedName: h.text,
        matchedAlias: h.ref.isAlias,
        match: j.match,
        score: h.score,
        nameScore: h.nameScore,
        countryMismatch: h.countryMismatch,
        cappedBecause: j.capped,
        itemScope: j.scope,
        matchedTokens: h.pairs,
        comparedAs: h.via,
        otherEntries: others
          .slice(0, 5)
          .map((o) => ({ entryId: o.hit.entry.id, entryName: o.hit.entry.name, matchedName: o.hit.text, score: o.hit.score, outcome: o.outcome })),
        otherEntriesCount: others.length,
      },
    });
    if (j.cleared) {
      finding.evidence.originalOutcome = j.originalOutcome;
      finding.cleared = { by: j.cleared.clearedBy, at: j.cleared.clearedAt, justification: j.cleared.justification };
    }
    return finding;
  }
}
