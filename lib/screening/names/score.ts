// Name scorer: token-wise Jaro-Winkler with a greedy best pairing (highest similarity first), weighted
// coverage of both names (unmatched tokens pull the score down), and a whole-string comparison for
// names written with different word breaks. Score 0..1. Used by matchNames, the party index and the
// `match` CLI, so all three agree.

import { jaroWinkler } from './jaro-winkler';
import { normaliseName, type TNormalisedName } from './normalise';
import type { TMatchThresholds, TNameMatch } from '../types';

export const DEFAULT_THRESHOLDS: TMatchThresholds = { strong: 0.92, possible: 0.8 };

/** weight of the better-covered side; the other side gets 1 - MAX_SIDE_WEIGHT */
const MAX_SIDE_WEIGHT = 0.6;

/** Similarity of two tokens; 0 below the floor so near-misses of short words do not count. */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const minLen = Math.min(a.length, b.length);
  if (minLen <= 2) return 0;
  if (/\d/.test(a) || /\d/.test(b)) return 0; // numbers (registrations, tail numbers) match exactly or not at all
  const jw = jaroWinkler(a, b);
  const floor = minLen <= 4 ? 0.92 : 0.85;
  return jw >= floor ? jw : 0;
}

/** Lowest share of the query's weight that must be matched for a name to reach `possible`. */
export function minQueryCoverage(possible: number): number {
  const a = MAX_SIDE_WEIGHT;
  const whenQueryIsMax = (possible - (1 - a)) / a;
  const whenQueryIsMin = (possible - a) / (1 - a);
  return Math.max(0, Math.min(whenQueryIsMax, whenQueryIsMin));
}

export type TTokenPair = { query: string; candidate: string; similarity: number };
export type TScoreDetail = { score: number; pairs: TTokenPair[]; via: 'TOKENS' | 'JOINED' };

type TSimFn = (qi: number, cj: number) => number;

/** Scores two normalised names. `sim` may be supplied (memoised) by the index; it must equal tokenSimilarity. */
export function scoreNormalised(q: TNormalisedName, c: TNormalisedName, sim?: TSimFn): TScoreDetail {
  const nq = q.tokens.length;
  const nc = c.tokens.length;
  if (nq === 0 || nc === 0) return { score: 0, pairs: [], via: 'TOKENS' };
  const pairsAll: { i: number; j: number; s: number }[] = [];
  for (let i = 0; i < nq; i++) {
    for (let j = 0; j < nc; j++) {
      const s = sim ? sim(i, j) : tokenSimilarity(q.tokens[i]!, c.tokens[j]!);
      if (s > 0) pairsAll.push({ i, j, s });
    }
  }
  pairsAll.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
  const usedQ = new Uint8Array(nq);
  const usedC = new Uint8Array(nc);
  let mq = 0;
  let mc = 0;
  const pairs: TTokenPair[] = [];
  for (const p of pairsAll) {
    if (usedQ[p.i] || usedC[p.j]) continue;
    usedQ[p.i] = 1;
    usedC[p.j] = 1;
    mq += p.s * q.weights[p.i]!;
    mc += p.s * c.weights[p.j]!;
    pairs.push({ query: q.tokens[p.i]!, candidate: c.tokens[p.j]!, similarity: round(p.s) });
  }
  const sq = mq / q.totalWeight;
  const sc = mc / c.totalWeight;
  let score = MAX_SIDE_WEIGHT * Math.max(sq, sc) + (1 - MAX_SIDE_WEIGHT) * Math.min(sq, sc);
  let via: TScoreDetail['via'] = 'TOKENS';
  // Same letters, different word breaks ("AL QAIDA" vs "ALQAIDA").
  if (nq !== nc && q.joined.length >= 5 && Math.abs(q.joined.length - c.joined.length) <= 2) {
    const js = jaroWinkler(q.joined, c.joined);
    if (js >= 0.95 && js - 0.01 > score) {
      score = js - 0.01;
      via = 'JOINED';
    }
  }
  return { score: clamp01(score), pairs, via };
}

export function classify(score: number, thresholds: TMatchThresholds = DEFAULT_THRESHOLDS): TNameMatch {
  if (score >= thresholds.strong) return 'STRONG';
  if (score >= thresholds.possible) return 'POSSIBLE';
  return 'NONE';
}

export function matchNames(
  query: string,
  candidate: string,
  thresholds: TMatchThresholds = DEFAULT_THRESHOLDS,
): { score: number; match: TNameMatch } {
  const detail = scoreNormalised(normaliseName(query), normaliseName(candidate));
  const score = round(detail.score);
  return { score, match: classify(score, thresholds) };
}

/** Same as matchNames, with the matched token pairs (for evidence and the CLI's debugging). */
export function explainMatch(query: string, candidate: string): TScoreDetail {
  return scoreNormalised(normaliseName(query), normaliseName(candidate));
}

export function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

function clamp01(x: number): number {
  if (!Number.isFinite(x)) return 0;
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
