// Restricted-party screening: every named party (end user, consignees) against every name and alias
// of every list, through the rule set's name index. A party's country that differs from the entry's
// known countries lowers the score a little. Strong SDN/DPL → PROHIBITED, strong Entity List →
// LICENSE_REQUIRED with the entry's own policy, possible → REVIEW; expired DPL orders are reported
// as not active; a match an officer cleared (same entry content, same party name) stays cleared.

import { makeFinding } from './finding';
import { normaliseName } from './names/normalise';
import { classify, round } from './names/score';
import type { TRuleSet } from './rule-set';
import type { TPartyParams } from './rules/party-restricted-lists';
import type { TClearedMatch, TFinding, TOutcome, TScreeningApplication } from './types';

export const PARTY_RULE = 'party.restricted-lists';

type TParty = { role: 'END_USER' | 'CONSIGNEE'; index: number | null; name: string; country: string | null };

function partiesOf(app: TScreeningApplication): TParty[] {
  const out: TParty[] = [];
  if (app.endUser && typeof app.endUser.name === 'string') {
    out.push({ role: 'END_USER', index: null, name: app.endUser.name, country: app.endUser.country || null });
  }
  (app.consignees ?? []).forEach((c, index) => {
    if (c && typeof c.name === 'string') out.push({ role: 'CONSIGNEE', index, name: c.name, country: c.country || null });
  });
  return out;
}

export function checkParties(app: TScreeningApplication, rs: TRuleSet, clearedMatches: readonly TClearedMatch[] = []): TFinding[] {
  const rule = rs.rules.get(PARTY_RULE);
  if (!rule) return [];
  const p = rule.params as TPartyParams; // parsed by its schema in buildRuleSet
  const listParams = p.lists;
  const penalty = p.countryMismatchPenalty;
  const maxPerParty = p.maxMatchesPerParty;
  const { possible } = rs.thresholds;
  const findings: TFinding[] = [];

  for (const party of partiesOf(app)) {
    if (party.name.trim() === '') continue;
    const partyKey = normaliseName(party.name).key;
    const hits = rs.partyIndex.search(party.name, possible, 200);
    // best hit per list entry, after the country adjustment
    const best = new Map<string, { hit: (typeof hits)[number]; score: number; countryMismatch: boolean }>();
    for (const hit of hits) {
      const { list, entry } = rs.entry(hit.ref);
      const countryMismatch = !!party.country && entry.countries.length > 0 && !entry.countries.some((c) => rs.sameCountry(c, party.country!));
      const score = round(countryMismatch ? hit.score * (1 - penalty) : hit.score);
      const key = `${list.code}\u0000${entry.id}`;
      const prev = best.get(key);
      if (!prev || score > prev.score) best.set(key, { hit, score, countryMismatch });
    }
    const ranked = [...best.values()]
      .filter((b) => b.score >= possible)
      .sort((a, b) => b.score - a.score || (a.hit.text < b.hit.text ? -1 : a.hit.text > b.hit.text ? 1 : 0));
    const shown = ranked.slice(0, maxPerParty);
    const partyLabel = party.role === 'END_USER' ? `The end user "${party.name}"` : `Consignee ${party.index! + 1} "${party.name}"`;
    for (const b of shown) {
      const { list, entry } = rs.entry(b.hit.ref);
      const lp = Object.hasOwn(listParams, list.code) ? listParams[list.code] : undefined;
      const match = classify(b.score, rs.thresholds);
      const expired = !!entry.expiresOn && rs.asOf !== '' && entry.expiresOn < rs.asOf;
      let outcome: TOutcome;
      let message: string;
      const matched = b.hit.ref.isAlias ? `alias "${b.hit.text}" of "${entry.name}"` : `"${entry.name}"`;
      if (expired) {
        outcome = p.expiredOutcome;
        message = `${partyLabel} matches ${matched} on the ${list.name} (score ${b.score.toFixed(2)}), but that order expired on ${entry.expiresOn} (before the rule set's as-of date ${rs.asOf}); it is not treated as active.`;
      } else if (match === 'STRONG') {
        outcome = lp?.strongOutcome ?? p.defaultStrongOutcome;
        message = `${partyLabel} strongly matches ${matched} on the ${list.name} (score ${b.score.toFixed(2)}).`;
      } else {
        outcome = p.possibleOutcome;
        message = `${partyLabel} possibly matches ${matched} on the ${list.name} (score ${b.score.toFixed(2)}); an officer must confirm or clear it.`;
      }
      const licensePolicy =
        outcome === 'CLEAR' ? null : list.code === 'ENTITY_LIST' && entry.licensePolicy ? entry.licensePolicy : lp ? lp.licensePolicy : rule.licensePolicy;
      const finding = makeFinding(rule, {
        outcome,
        message,
        // citeEntry (list data, e.g. UN): the entry's own programme and reference number join the citation
        citation: `${lp ? lp.citation : rule.citation}${lp?.citeEntry ? `; ${[...entry.programs, entry.id].join(' ')}` : ''}`,
        licensePolicy,
        evidence: {
          party: { role: party.role, index: party.index, name: party.name, country: party.country },
          list: list.code,
          listName: list.name,
          listAsOf: list.asOf,
          entryId: entry.id,
          entryName: entry.name,
          entryType: entry.type,
          entryCountries: entry.countries,
          entryPrograms: entry.programs,
          entryContentHash: entry.contentHash,
          expiresOn: entry.expiresOn ?? null,
          expired,
          matchedName: b.hit.text,
          matchedAlias: b.hit.ref.isAlias,
          match,
          score: b.score,
          nameScore: b.hit.score,
          countryMismatch: b.countryMismatch,
          matchedTokens: b.hit.detail.pairs,
          comparedAs: b.hit.detail.via,
        },
      });
      const cleared = clearedMatches.find(
        (c) =>
          c.listCode === list.code &&
          c.entryId === entry.id &&
          c.entryContentHash === entry.contentHash &&
          normaliseName(c.partyName).key === partyKey,
      );
      if (cleared && finding.outcome !== 'CLEAR') {
        finding.evidence.originalOutcome = finding.outcome;
        finding.outcome = 'CLEAR';
        finding.message = `${finding.message} Cleared as a false positive by ${cleared.clearedBy} on ${cleared.clearedAt}.`;
        finding.cleared = { by: cleared.clearedBy, at: cleared.clearedAt, justification: cleared.justification };
      }
      findings.push(finding);
    }
    if (ranked.length > shown.length) {
      findings.push(
        makeFinding(rule, {
          outcome: 'REVIEW',
          licensePolicy: null,
          message: `${partyLabel} has ${ranked.length - shown.length} further list matches not shown; refine the name.`,
          evidence: { party: { role: party.role, index: party.index, name: party.name }, hidden: ranked.length - shown.length },
        }),
      );
    }
  }
  return findings;
}
