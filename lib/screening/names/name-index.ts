// Inverted index over list names (every name and alias): token → names, character trigram → tokens.
// A query expands each of its tokens to similar vocabulary tokens through the trigram index, collects
// candidate names from the token postings, keeps those whose coverage upper bound can still reach the
// `possible` threshold, and scores only those with the shared scorer. Tokens so common that the names
// reachable only through them cannot reach `possible` are not expanded (that bound is exact for the
// token scorer), so no query scans the whole list.
//
// Token weights come from the list itself: a token's weight (sqrt of its length, generic words
// reduced) is scaled by how rare it is across the indexed names, so "group", "trading" or a common
// given name weigh little and a distinctive word ("sberbank", "rostec") carries the match. Names
// written as one run without spaces (CJK transliterated, "ALQAIDA") are also found by their joined form.

import { VARIANT_CANONICALS, consonantSkeleton, isArabicToken, normaliseName, tokenWeight, variantSpellings, type TNormalisedName, type TWeightFn } from './normalise';
import { hasArabicScript, joinedSkeleton, minQueryCoverage, round, scoreNormalised, tokenSimilarity, type TScoreDetail } from './score';

export type TIndexedName<TRef> = { ref: TRef; text: string; norm: TNormalisedName };

export type TNameHit<TRef> = { ref: TRef; text: string; score: number; detail: TScoreDetail };

function trigrams(token: string): string[] {
  const padded = `$${token}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return [...new Set(out)];
}

/**
 * Rarity factor (0.2..1) of a token found in `df` of `n` names: 1 for tokens in a handful of names,
 * falling with the normalised inverse document frequency to 0.2 for tokens in thousands of names.
 */
export function rarityFactor(df: number, n: number): number {
  if (df <= 1 || n <= 1) return 1;
  const r = Math.log(n / df) / Math.log(n);
  return 0.2 + 0.8 * Math.min(1, Math.max(0, (r - 0.3) / 0.4));
}

export class NameIndex<TRef> {
  readonly names: TIndexedName<TRef>[] = [];
  /** token → number of indexed names that contain it */
  private readonly documentFrequency = new Map<string, number>();
  private readonly joinedIndex = new Map<string, number[]>();
  /** weight of a token in this index (length, generic-word reduction, rarity in the list) */
  readonly weightOf: TWeightFn;
  private readonly vocab = new Map<string, number>();
  private readonly vocabTokens: string[] = [];
  private vocabTrigramCount: Int32Array = new Int32Array(0);
  private vocabWeight: Float64Array = new Float64Array(0);
  // plain arrays, not one typed array per token or name: tens of thousands of small typed arrays
  // cost far more to allocate (and in GC) than the whole index is worth
  private postings: number[][] = [];
  private readonly trigramIndex = new Map<string, number[]>();
  private nameTokenIds: number[][] = [];
  // scratch buffers (the index is used synchronously, one query at a time)
  private accQ = new Float64Array(0);
  private accC = new Float64Array(0);
  private nameStamp = new Int32Array(0);
  private nameTokenStamp = new Int32Array(0);
  private trigramCounts = new Int32Array(0);
  private trigramStamp = new Int32Array(0);
  private generation = 0;
  private tokenGeneration = 0;
  private readonly expansionCache = new Map<string, { id: number; sim: number }[]>();
  /** consonant skeleton → vocabulary tokens (Latin and Arabic-script words meet by it) */
  private skeletonVocab: Map<string, number[]> | null = null;
  /** consonant skeleton of a whole Latin name → its names; built on the first Arabic-script query */
  private skeletonNames: Map<string, number[]> | null = null;

  constructor(entries: Iterable<{ ref: TRef; text: string }>) {
    const postingsBuild: number[][] = [];
    const trigramBuild = new Map<string, number[]>();
    const parsed: { ref: TRef; text: string; norm: TNormalisedName }[] = [];
    for (const { ref, text } of entries) {
      const norm = normaliseName(text);
      if (norm.tokens.length === 0) continue;
      parsed.push({ ref, text, norm });
      for (const tok of new Set(norm.tokens)) this.documentFrequency.set(tok, (this.documentFrequency.get(tok) ?? 0) + 1);
    }
    const total = parsed.length;
    const weightCache = new Map<string, number>();
    this.weightOf = (token: string) => {
      let w = weightCache.get(token);
      if (w === undefined) {
        w = tokenWeight(token) * rarityFactor(this.documentFrequency.get(token) ?? 0, total);
        if (weightCache.size < 500_000) weightCache.set(token, w);
      }
      return w;
    };
    for (const { ref, text, norm: staticNorm } of parsed) {
      const weights = staticNorm.tokens.map(this.weightOf);
      const norm: TNormalisedName = { ...staticNorm, weights, totalWeight: weights.reduce((a, b) => a + b, 0) };
      const nameId = this.names.length;
      this.names.push({ ref, text, norm });
      const joinedList = this.joinedIndex.get(norm.joined);
      if (joinedList) joinedList.push(nameId);
      else this.joinedIndex.set(norm.joined, [nameId]);
      const ids: number[] = new Array<number>(norm.tokens.length);
      norm.tokens.forEach((tok, k) => {
        let id = this.vocab.get(tok);
        if (id === undefined) {
          id = this.vocabTokens.length;
          this.vocab.set(tok, id);
          this.vocabTokens.push(tok);
          postingsBuild.push([]);
          for (const g of trigrams(tok)) {
            let list = trigramBuild.get(g);
            if (!list) trigramBuild.set(g, (list = []));
            list.push(id);
          }
        }
        ids[k] = id;
        const plist = postingsBuild[id]!;
        if (plist[plist.length - 1] !== nameId) plist.push(nameId);
      });
      this.nameTokenIds.push(ids);
    }
    this.postings = postingsBuild;
    for (const [g, list] of trigramBuild) this.trigramIndex.set(g, list);
    this.vocabTrigramCount = Int32Array.from(this.vocabTokens.map((t) => trigrams(t).length));
    this.vocabWeight = Float64Array.from(this.vocabTokens.map(this.weightOf));
    const n = this.names.length;
    this.accQ = new Float64Array(n);
    this.accC = new Float64Array(n);
    this.nameStamp = new Int32Array(n);
    this.nameTokenStamp = new Int32Array(n);
    this.trigramCounts = new Int32Array(this.vocabTokens.length);
    this.trigramStamp = new Int32Array(this.vocabTokens.length);
  }

  get size(): number {
    return this.names.length;
  }

  /** How many indexed names contain `token` (a normalised token). */
  frequency(token: string): number {
    return this.documentFrequency.get(token) ?? 0;
  }

  /** Normalises a name with this index's token weights. */
  normalise(text: string): TNormalisedName {
    return normaliseName(text, this.weightOf);
  }

  /** The score search() gives `candidate` for `query` (same weights), without the index. */
  score(query: string, candidate: string): number {
    return round(scoreNormalised(this.normalise(query), this.normalise(candidate), undefined, false).score);
  }

  /** Vocabulary tokens similar to `token`: exact, or sharing enough trigrams (typos, word breaks). */
  private expand(token: string): { id: number; sim: number }[] {
    // Expansions depend only on the token and the (immutable) index: cache them; names repeat tokens a lot.
    const cached = this.expansionCache.get(token);
    if (cached) return cached;
    const out = this.computeExpansions(token);
    if (this.expansionCache.size >= 20_000) this.expansionCache.clear();
    this.expansionCache.set(token, out);
    return out;
  }

  private computeExpansions(token: string): { id: number; sim: number }[] {
    const out = this.spellingExpansions(token);
    const seen = new Set(out.map((e) => e.id));
    const add = (id: number) => {
      if (seen.has(id)) return;
      seen.add(id);
      const sim = tokenSimilarity(token, this.vocabTokens[id]!);
      if (sim > 0) out.push({ id, sim });
    };
    // a folded name ("muhammad") stands for its spellings: their neighbours too ("mohamuad")
    const spellings = variantSpellings(token);
    if (spellings) for (const s of spellings) if (s !== token) for (const e of this.spellingExpansions(s)) add(e.id);
    // folded names near this word ("mohamuad" ~ "muhammad", whose letters differ more than its spellings')
    for (const c of VARIANT_CANONICALS) {
      const id = this.vocab.get(c);
      if (id !== undefined) add(id);
    }
    // a word in the other script (Arabic / Latin) with the same consonants
    const arabic = isArabicToken(token);
    for (const id of this.skeletonVocabulary().get(consonantSkeleton(token)) ?? []) {
      if (isArabicToken(this.vocabTokens[id]!) !== arabic) add(id);
    }
    out.sort((a, b) => b.sim - a.sim || a.id - b.id);
    return out;
  }

  /** The word itself and the words sharing enough trigrams with it (typos, word breaks). */
  private spellingExpansions(token: string): { id: number; sim: number }[] {
    const out: { id: number; sim: number }[] = [];
    const exact = this.vocab.get(token);
    if (exact !== undefined) out.push({ id: exact, sim: 1 });
    if (token.length <= 2) return out;
    const gen = ++this.generation;
    const touched: number[] = [];
    const grams = trigrams(token);
    for (const g of grams) {
      const list = this.trigramIndex.get(g);
      if (!list) continue;
      for (let k = 0; k < list.length; k++) {
        const id = list[k]!;
        if (this.trigramStamp[id] !== gen) {
          this.trigramStamp[id] = gen;
          this.trigramCounts[id] = 0;
          touched.push(id);
        }
        this.trigramCounts[id]!++;
      }
    }
    const prefix = token.slice(0, 3);
    for (const id of touched) {
      if (id === exact) continue;
      const dice = (2 * this.trigramCounts[id]!) / (grams.length + this.vocabTrigramCount[id]!);
      // Jaro-Winkler rewards a shared prefix, so a token with the same first three letters can score
      // high while sharing few trigrams ("abderrahmane" ~ "abdurakhmon"): never filter those out.
      if (dice < 0.25 && !this.vocabTokens[id]!.startsWith(prefix)) continue;
      const sim = tokenSimilarity(token, this.vocabTokens[id]!);
      // dice ≥ 0.5 without token similarity: kept for the whole-string ("joined") comparison
      if (sim > 0 || dice >= 0.5) out.push({ id, sim });
    }
    return out;
  }

  private skeletonVocabulary(): Map<string, number[]> {
    if (!this.skeletonVocab) {
      const map = new Map<string, number[]>();
      this.vocabTokens.forEach((t, id) => {
        if (/\d/.test(t)) return;
        const sk = consonantSkeleton(t);
        if (sk === '') return;
        const list = map.get(sk);
        if (list) list.push(id);
        else map.set(sk, [id]);
      });
      this.skeletonVocab = map;
    }
    return this.skeletonVocab;
  }

  private skeletonNameIndex(): Map<string, number[]> {
    if (!this.skeletonNames) {
      const map = new Map<string, number[]>();
      this.names.forEach((n, nameId) => {
        if (hasArabicScript(n.norm)) return;
        const sk = joinedSkeleton(n.norm);
        if (sk.length < 4) return;
        const list = map.get(sk);
        if (list) list.push(nameId);
        else map.set(sk, [nameId]);
      });
      this.skeletonNames = map;
    }
    return this.skeletonNames;
  }

  /** Names whose score against `query` reaches `possible`, best first. */
  search(query: string, possible: number, limit = 50): TNameHit<TRef>[] {
    const q = this.normalise(query);
    if (q.tokens.length === 0 || this.names.length === 0) return [];
    const expansions = q.tokens.map((t) => this.expand(t));
    const simMemo = q.tokens.map(() => new Map<number, number>());
    expansions.forEach((exp, i) => {
      for (const e of exp) simMemo[i]!.set(e.id, e.sim);
    });

    // Skip the most common query tokens while the names reachable only through them cannot reach `possible`.
    const order = q.tokens
      .map((_, i) => ({ i, cost: expansions[i]!.reduce((s, e) => s + this.postings[e.id]!.length, 0) }))
      .sort((a, b) => b.cost - a.cost || a.i - b.i);
    const minCoverage = minQueryCoverage(possible);
    const skip = new Set<number>();
    let skipped = 0;
    for (const { i } of order) {
      const share = q.weights[i]! / q.totalWeight;
      if (skipped + share < minCoverage - 1e-9) {
        skip.add(i);
        skipped += share;
      } else break;
    }

    const gen = ++this.generation;
    const candidates: number[] = [];
    for (let i = 0; i < q.tokens.length; i++) {
      if (skip.has(i)) continue;
      const wq = q.weights[i]!;
      const tokenGen = ++this.tokenGeneration; // count each query token once per name, at its best similarity
      for (const e of expansions[i]!) {
        const list = this.postings[e.id]!;
        const wc = this.vocabWeight[e.id]! * e.sim;
        for (let k = 0; k < list.length; k++) {
          const nameId = list[k]!;
          if (this.nameStamp[nameId] !== gen) {
            this.nameStamp[nameId] = gen;
            this.accQ[nameId] = 0;
            this.accC[nameId] = 0;
            this.nameTokenStamp[nameId] = -1;
            candidates.push(nameId);
          }
          if (this.nameTokenStamp[nameId] !== tokenGen) {
            this.nameTokenStamp[nameId] = tokenGen;
            this.accQ[nameId]! += wq * e.sim;
          }
          this.accC[nameId]! += wc;
        }
      }
    }

    // names with the same letters in other word breaks ("ALQAIDA", a transliterated CJK run), and
    // for a name in Arabic script, Latin names with the same consonants in other word breaks
    const sameJoined = new Set(this.joinedIndex.get(q.joined) ?? []);
    if (hasArabicScript(q)) for (const nameId of this.skeletonNameIndex().get(joinedSkeleton(q)) ?? []) sameJoined.add(nameId);
    for (const nameId of sameJoined) {
      if (this.nameStamp[nameId] === gen) continue;
      this.nameStamp[nameId] = gen;
      this.accQ[nameId] = 0;
      this.accC[nameId] = 0;
      candidates.push(nameId);
    }

    const hits: TNameHit<TRef>[] = [];
    const skippedTokens = [...skip];
    const sim = (qi: number, id: number): number => {
      const memo = simMemo[qi]!;
      let v = memo.get(id);
      if (v === undefined) {
        v = tokenSimilarity(q.tokens[qi]!, this.vocabTokens[id]!);
        memo.set(id, v);
      }
      return v;
    };
    for (const nameId of candidates) {
      const name = this.names[nameId]!;
      const ids = this.nameTokenIds[nameId]!;
      // Upper bound of the token score, every pair at similarity 1: retrieved tokens from the
      // accumulators, skipped (common) query tokens checked exactly against this name's tokens.
      let accQ = this.accQ[nameId]!;
      let accC = this.accC[nameId]!;
      for (const qi of skippedTokens) {
        let best = 0;
        const known = simMemo[qi]!; // expansions of the skipped token (same approximation as retrieval)
        for (let cj = 0; cj < ids.length; cj++) {
          const v = known.get(ids[cj]!) ?? 0;
          if (v > 0) {
            accC += this.vocabWeight[ids[cj]!]! * v;
            if (v > best) best = v;
          }
        }
        accQ += q.weights[qi]! * best;
      }
      const ubQ = Math.min(1, accQ / q.totalWeight + 1e-9);
      const ubC = Math.min(1, accC / name.norm.totalWeight + 1e-9);
      const ub = 0.6 * Math.max(ubQ, ubC) + 0.4 * Math.min(ubQ, ubC);
      // whole-string comparison: only for other word breaks of nearly the same letters (same first two)
      const joinedPossible =
        sameJoined.has(nameId) ||
        (q.tokens.length !== name.norm.tokens.length &&
        q.joined.length >= 5 &&
        Math.abs(q.joined.length - name.norm.joined.length) <= 2 &&
        q.joined.charCodeAt(0) === name.norm.joined.charCodeAt(0) &&
        q.joined.charCodeAt(1) === name.norm.joined.charCodeAt(1));
      if (ub < possible - 1e-9 && !joinedPossible) continue;
      const quick = scoreNormalised(q, name.norm, (qi, cj) => sim(qi, ids[cj]!), false);
      const score = round(quick.score);
      if (score >= possible) {
        const detail = scoreNormalised(q, name.norm, (qi, cj) => sim(qi, ids[cj]!), true);
        hits.push({ ref: name.ref, text: name.text, score, detail });
      }
    }
    hits.sort((a, b) => b.score - a.score || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    return hits.slice(0, limit);
  }
}
