// One party (name, optional country) against every restricted-party list of a rule set, for batch
// screening and the parties API. It runs the same party check an application's end user gets
// (checkParties), so a list's legal effect, thresholds, country adjustment and expiry are the rule
// set's, and condenses the findings to the best hits per list entry. Pure: no I/O, no clock.

import { checkParties, PARTY_RULE } from './parties';
import type { TRuleSet } from './rule-set';
import type { TOutcome, TScreeningApplication } from './types';

export type TPartyQuery = { name: string; country: string | null };

export type TPartyHit = {
  list: string;
  listName: string;
  entryId: string;
  entryName: string;
  matchedName: string;
  score: number;
  match: string;
  outcome: TOutcome;
  /** "query token~list token" pairs that made the score */
  tokens: string[];
  programs: string[];
};

export type TPartyScreening = { outcome: TOutcome; hits: TPartyHit[]; hidden: number; note: string | null };

const RANK: Record<TOutcome, number> = { CLEAR: 0, REVIEW: 1, LICENSE_REQUIRED: 2, PROHIBITED: 3 };
export const worstOutcome = (a: TOutcome, b: TOutcome): TOutcome => (RANK[b] > RANK[a] ? b : a);

function asApplication(q: TPartyQuery): TScreeningApplication {
  // Only the end user is named; everything else is neutral so no other check is consulted.
  return {
    product: { name: '', description: '', eccn: null, kind: 'HARDWARE', quantity: 0, unitValueUsd: 0, biometric: null },
    destination: { country: q.country ?? '', region: null },
    endUser: { name: q.name, country: q.country ?? '', address: '', type: 'COMMERCIAL' },
    consignees: [],
    endUse: { category: 'OTHER', description: '' },
    redFlags: [],
  };
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Screens one party; at most `maxHits` hits, worst outcome then highest score first. */
export function screenParty(q: TPartyQuery, rs: TRuleSet, maxHits = 3): TPartyScreening {
  if (!rs.rules.has(PARTY_RULE)) {
    // Party screening switched off in this rule set: nothing was checked, so nothing is clear.
    return { outcome: 'REVIEW', hits: [], hidden: 0, note: 'Restricted-party screening is disabled in the active rule set; the party was not checked.' };
  }
  const findings = checkParties(asApplication(q), rs);
  const hits: TPartyHit[] = [];
  let hidden = 0;
  let outcome: TOutcome = 'CLEAR';
  for (const f of findings) {
    const e = f.evidence;
    outcome = worstOutcome(outcome, f.outcome);
    if (typeof e.hidden === 'number') {
      hidden += e.hidden;
      continue;
    }
    if (typeof e.list !== 'string') continue;
    const pairs = Array.isArray(e.matchedTokens) ? (e.matchedTokens as { query?: unknown; candidate?: unknown }[]) : [];
    hits.push({
      list: e.list,
      listName: str(e.listName),
      entryId: str(e.entryId),
      entryName: str(e.entryName),
      matchedName: str(e.matchedName),
      score: typeof e.score === 'number' ? e.score : 0,
      match: str(e.match),
      outcome: f.outcome,
      tokens: pairs.map((p) => (p.query === p.candidate ? str(p.query) : `${str(p.query)}~${str(p.candidate)}`)).filter(Boolean),
      programs: Array.isArray(e.entryPrograms) ? (e.entryPrograms as unknown[]).map(String) : [],
    });
  }
  hits.sort((a, b) => RANK[b.outcome] - RANK[a.outcome] || b.score - a.score || a.entryName.localeCompare(b.entryName));
  hidden += Math.max(0, hits.length - maxHits);
  return { outcome, hits: hits.slice(0, maxHits), hidden, note: null };
}
