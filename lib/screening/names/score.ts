// Name scorer: token-wise Jaro-Winkler with a greedy best pairing (highest similarity first), weighted
// coverage of both names (unmatched tokens pull the score down), and a whole-string comparison for
// names written with different word breaks. Score 0..1. Used by matchNames, the party index and the
// `match` CLI, so all three agree.

import { allowedEdits, boundedEditDistance } from './edit-distance';
import { jaroWinkler } from './jaro-winkler';
import { consonantSkeleton, isArabicToken, normaliseName, variantSpellings, type TNormalisedName } from './normalise';
import type { TMatchThresholds, TNameMatch } from '../types';

export { boundedEditDistance };

export const DEFAULT_THRESHOLDS: TMatchThresholds = { strong: 0.92, possible: 0.8 };

/** weight of the better-covered side; the other side gets 1 - MAX_SIDE_WEIGHT */
export const MAX_SIDE_WEIGHT = 0.6;

/** Similarity of two tokens; 0 below the floor so near-misses of short words do not count. */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (isArabicToken(a) !== isArabicToken(b)) return crossScriptSimilarity(a, b);
  const sa = variantSpellings(a);
  const sb = variantSpellings(b);
  if (!sa && !sb) return spellingSimilarity(a, b);
  // a folded name stands for each of its spellings: the nearest one counts ("mohamuad" ~ mohammad)
  let best = 0;
  for (const x of sa ?? [a]) for (const y of sb ?? [b]) best = Math.max(best, x === y ? 1 : spellingSimilarity(x, y));
  return best;
}

const FIVE_LETTER_TYPO = 0.78;

/** Whether a token has an ASCII digit (what /\d/ tests, without a regular expression per pair). */
export function hasDigit(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** The letters (by their low five bits) of a word as a 32-bit set. */
function letterSet(s: string): number {
  let set = 0;
  for (let i = 0; i < s.length; i++) set |= 1 << (s.charCodeAt(i) & 31);
  return set;
}

/**
 * How many letter classes one word has and the other lacks, both ways: a cheap lower bound on twice
 * their edit distance, as one edit (substitution, insertion, deletion, transposition) adds or
 * removes at most two letters to or from a word's set.
 */
export function lettersApart(a: string, b: string): number {
  let x = letterSet(a) ^ letterSet(b);
  let n = 0;
  while (x !== 0) {
    x &= x - 1;
    n++;
  }
  return n;
}

/** Similarity of two different words of one script, neither of them a folded name: 0 unless within the edit budget. */
export function spellingSimilarity(a: string, b: string): number {
  const minLen = Math.min(a.length, b.length);
  if (minLen <= 2) return 0;
  const maxLen = Math.max(a.length, b.length);
  const max = allowedEdits(minLen, maxLen);
  if (maxLen - minLen > max) return 0; // before the digit test: both only ever give 0
  if (hasDigit(a) || hasDigit(b)) return 0; // numbers (registrations, tail numbers) match exactly or not at all
  if (lettersApart(a, b) > 2 * max) return 0; // more edits than the budget, whatever their order
  const jw = jaroWinkler(a, b);
  const floor = minLen <= 4 ? 0.92 : 0.85;
  // Jaro-Winkler undervalues a typo near the start (it loses the prefix bonus: "gcetere" / "geetere"
  // 0.81); within the edit budget the share of letters kept counts as well.
  if (jw < floor && 1 - Math.max(1, maxLen - minLen) / maxLen < floor) return 0; // not even one edit would do
  const edits = boundedEditDistance(a, b, max);
  if (edits > max) return 0;
  // A 5-letter word with a letter changed is as likely another word as a typo ("Promo" / "Primo",
  // "Kalim" / "Kalia"): it counts, at 0.78, inside a longer name whose other words match, but never
  // makes a one-word name a match on its own (below any possible-match threshold the rules allow
  // by default). Jaro-Winkler would give it 0.88–0.92 for the shared prefix alone.
  if (minLen === 5) return edits === 0 ? jw : FIVE_LETTER_TYPO;
  const sim = Math.max(jw, 1 - edits / maxLen);
  return sim >= floor ? sim : 0;
}

/**
 * An Arabic-script word against a Latin one: the same consonant skeleton. Vowels are guessed, so
 * such a pair is never certain: 0.9 (0.85 for two consonants, nothing for one), which keeps a name
 * matched only this way below a strong match: a possible match for an officer to confirm.
 */
function crossScriptSimilarity(a: string, b: string): number {
  if (/\d/.test(a) || /\d/.test(b)) return 0;
  const sa = consonantSkeleton(a);
  if (sa.length === 0 || sa !== consonantSkeleton(b)) return 0;
  return sa.length >= 3 ? 0.9 : 0.85;
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
  // Arabic script against Latin, written with other word breaks ("هداية الله" / "HIDAYATULLAH"):
  // the same consonants throughout, at the cross-script ceiling (never a strong match on its own).
  if (score < CROSS_SCRIPT_JOINED && hasArabicScript(q) !== hasArabicScript(c)) {
    const sk = joinedSkeleton(q);
    if (sk.length >= 4 && sk === joinedSkeleton(c)) {
      score = CROSS_SCRIPT_JOINED;
      via = 'JOINED';
    }
  }
  return { score: clamp01(score), pairs, via };
}

const CROSS_SCRIPT_JOINED = 0.89;

/** Whether any word of the name was written in Arabic script. */
export function hasArabicScript(n: TNormalisedName): boolean {
  for (const t of n.tokens) if (isArabicToken(t)) return true;
  return false;
}

const skeletons = new WeakMap<TNormalisedName, string>();
/** The consonant skeleton of the whole name, word breaks ignored. */
export function joinedSkeleton(n: TNormalisedName): string {
  let s = skeletons.get(n);
  if (s === undefined) {
    s = consonantSkeleton(n.joined.replace(/_/g, ''));
    skeletons.set(n, s);
  }
  return s;
}

export function classify(score: number, thresholds: TMatchThresholds = DEFAULT_THRESHOLDS): TNameMatch {
  if (score >= thresholds.strong) return 'STRONG';
  if (score >= thresholds.possible) return 'POSSIBLE';
  return 'NONE';
}

export function matchNames(query: string, candidate: string, thresholds: TMatchThresholds = DEFAULT_THRESHOLDS): { score: number; match: TNameMatch } {
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
