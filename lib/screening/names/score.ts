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

/**
 * Edits allowed between two tokens, by the shorter one's length: none up to 5 letters, one up to 8,
 * two up to 12, three beyond. This is what stops a short token from matching a longer one it merely
 * starts like ("promo" / "promoil", "mustafa" / "musterfirma"): Jaro-Winkler alone rewards the prefix.
 */
function allowedEdits(minLen: number): number {
  return minLen <= 5 ? 0 : minLen <= 8 ? 1 : minLen <= 12 ? 2 : 3;
}

let editRow0 = new Int32Array(64);
let editRow1 = new Int32Array(64);
let editRow2 = new Int32Array(64);

/** Optimal-string-alignment distance (adjacent transpositions count 1), or max + 1 once it exceeds max. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (editRow0.length <= lb) {
    editRow0 = new Int32Array(lb * 2 + 1);
    editRow1 = new Int32Array(lb * 2 + 1);
    editRow2 = new Int32Array(lb * 2 + 1);
  }
  let prev2 = editRow0; // row i-2
  let prev = editRow1; // row i-1
  let cur = editRow2;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb]!;
}

/** Similarity of two tokens; 0 below the floor so near-misses of short words do not count. */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const minLen = Math.min(a.length, b.length);
  if (minLen <= 2) return 0;
  if (/\d/.test(a) || /\d/.test(b)) return 0; // numbers (registrations, tail numbers) match exactly or not at all
  const jw = jaroWinkler(a, b);
  const floor = minLen <= 4 ? 0.92 : 0.85;
  if (jw < floor) return 0;
  const max = allowedEdits(minLen);
  return boundedEditDistance(a, b, max) <= max ? jw : 0;
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

// Scratch buffers: scoring runs synchronously and allocates nothing per candidate unless explaining.
let simBuf = new Float64Array(256);
let usedQ = new Uint8Array(32);
let usedC = new Uint8Array(32);

/**
 * Scores two normalised names. `sim` may be supplied (memoised) by the index; it must equal
 * tokenSimilarity. Greedy best pairing: repeatedly the most similar unused pair (ties: lowest query
 * index, then lowest candidate index). `explain` adds the matched token pairs.
 */
export function scoreNormalised(q: TNormalisedName, c: TNormalisedName, sim?: TSimFn, explain = true): TScoreDetail {
  const nq = q.tokens.length;
  const nc = c.tokens.length;
  if (nq === 0 || nc === 0) return { score: 0, pairs: [], via: 'TOKENS' };
  if (simBuf.length < nq * nc) simBuf = new Float64Array(nq * nc * 2);
  if (usedQ.length < nq) usedQ = new Uint8Array(nq * 2);
  if (usedC.length < nc) usedC = new Uint8Array(nc * 2);
  usedQ.fill(0, 0, nq);
  usedC.fill(0, 0, nc);
  for (let i = 0; i < nq; i++) {
    for (let j = 0; j < nc; j++) simBuf[i * nc + j] = sim ? sim(i, j) : tokenSimilarity(q.tokens[i]!, c.tokens[j]!);
  }
  let mq = 0;
  let mc = 0;
  const pairs: TTokenPair[] = [];
  for (;;) {
    let best = 0;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < nq; i++) {
      if (usedQ[i]) continue;
      for (let j = 0; j < nc; j++) {
        if (usedC[j]) continue;
        const v = simBuf[i * nc + j]!;
        if (v > best) {
          best = v;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) break;
    usedQ[bi] = 1;
    usedC[bj] = 1;
    mq += best * q.weights[bi]!;
    mc += best * c.weights[bj]!;
    if (explain) pairs.push({ query: q.tokens[bi]!, candidate: c.tokens[bj]!, similarity: round(best) });
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
