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

import {
  VARIANT_CANONICALS,
  consonantSkeleton,
  isArabicToken,
  normaliseName,
  tokenWeight,
  variantSpellings,
  type TNormalisedName,
  type TWeightFn,
} from './normalise';
import { allowedEdits } from './edit-distance';
import {
  MAX_SIDE_WEIGHT,
  hasArabicScript,
  hasDigit,
  joinedSkeleton,
  minQueryCoverage,
  round,
  scoreNormalised,
  spellingSimilarity,
  tokenSimilarity,
  type TScoreDetail,
} from './score';

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

/** Lists of integers in one typed array: list k is items[start[k] .. start[k + 1]). */
class PackedLists {
  readonly start: Int32Array;
  readonly items: Int32Array;
  constructor(lists: readonly (readonly number[])[]) {
    this.start = new Int32Array(lists.length + 1);
    let total = 0;
    lists.forEach((l, k) => {
      this.start[k] = total;
      total += l.length;
    });
    this.start[lists.length] = total;
    this.items = new Int32Array(total);
    lists.forEach((l, k) => this.items.set(l, this.start[k]!));
  }
  length(k: number): number {
    return this.start[k + 1]! - this.start[k]!;
  }
  list(k: number): Int32Array {
    return this.items.subarray(this.start[k]!, this.start[k + 1]!);
  }
}

/** 32-bit FNV-1a of a string: the joined-form index is keyed by it (a collision only adds a candidate). */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/**
 * Token similarities known during one search, per query word × vocabulary word: typed arrays stamped
 * with the search's number (reused, nothing allocated per search) for the first SLOTS query words,
 * a Map for any further ones (a pathological name of hundreds of words costs no large arrays).
 */
class SimMemo {
  private static readonly SLOTS = 24;
  private readonly value: Float64Array[] = [];
  private readonly stamp: Int32Array[] = [];
  private readonly overflow = new Map<number, number>();
  private search = 0;
  constructor(private readonly vocabularySize: number) {}
  /** Starts a search: everything known before is forgotten. */
  reset(): void {
    this.search++;
    this.overflow.clear();
  }
  get(qi: number, id: number): number | undefined {
    if (qi >= SimMemo.SLOTS) return this.overflow.get(qi * this.vocabularySize + id);
    return this.stamp[qi] !== undefined && this.stamp[qi][id] === this.search ? this.value[qi]![id] : undefined;
  }
  /**
   * What is known for query word `qi` as two arrays and the stamp that marks this search's values
   * (word id → value where stamps[id] === stamp), for a loop over many words; null for words past
   * the typed slots (use get()).
   */
  slot(qi: number): { values: Float64Array; stamps: Int32Array; stamp: number } | null {
    if (qi >= SimMemo.SLOTS) return null;
    this.ensureSlots(qi);
    return { values: this.value[qi]!, stamps: this.stamp[qi]!, stamp: this.search };
  }
  /** Typed arrays for query words 0 … qi (made once, reused by every later search). */
  private ensureSlots(qi: number): void {
    while (this.stamp.length <= qi) {
      this.value.push(new Float64Array(this.vocabularySize));
      this.stamp.push(new Int32Array(this.vocabularySize));
    }
  }
  set(qi: number, id: number, v: number): void {
    if (qi >= SimMemo.SLOTS) {
      this.overflow.set(qi * this.vocabularySize + id, v);
      return;
    }
    this.ensureSlots(qi);
    this.value[qi]![id] = v;
    this.stamp[qi]![id] = this.search;
  }
}

/** The first three UTF-16 units of a word as one number; equal codes are then checked with startsWith. */
function prefixCode(word: string): number {
  return ((word.charCodeAt(0) & 0x3ff) << 20) | ((word.charCodeAt(1) & 0x3ff) << 10) | (word.charCodeAt(2) & 0x3ff);
}

/** What tokenSimilarity asks of a word before comparing letters (vocabFlags bits). */
const ARABIC = 1;
const FOLDED = 2; // a folded name: it stands for several spellings
const DIGIT = 4;
function wordFlags(word: string): number {
  return (isArabicToken(word) ? ARABIC : 0) | (variantSpellings(word) ? FOLDED : 0) | (hasDigit(word) ? DIGIT : 0);
}

/**
 * Whether two different words of one script, neither a folded name, are certainly more than their
 * edit budget apart (so spellingSimilarity gives 0), from lengths and shared trigrams alone. Each
 * edit (a transposition too) changes at most 4 of a word's padded trigrams, so words within k
 * edits share at least max(length) - 4k trigram occurrences; counting distinct trigrams, as the
 * index does, loses at most the repeats of either word (length - distinct trigrams).
 */
function beyondEditBudget(la: number, lb: number, shared: number, repeatsA: number, repeatsB: number): boolean {
  const minLen = Math.min(la, lb);
  const maxLen = Math.max(la, lb);
  if (minLen <= 2) return true;
  const max = allowedEdits(minLen, maxLen);
  if (maxLen - minLen > max) return true;
  return shared < maxLen - 4 * max - Math.min(repeatsA, repeatsB);
}

/** Expansions of a query token, flat: [vocabulary id, similarity, vocabulary id, similarity, …]. */
type TExpansions = number[];

const EXPANSION_CACHE_SIZE = 5_000;

/**
 * The index keeps its names in typed arrays (token ids, weights, joined-form lengths) and one string
 * per vocabulary word, not one normalised-name object per name: the whole Consolidated Screening
 * List (62,000 names and aliases) costs about a fifth of the memory it did as objects, and a server
 * keeps one per cached rule-set version.
 */
export class NameIndex<TRef> {
  private readonly texts: string[] = [];
  private readonly refs: TRef[] = [];
  /** token ids of each name, in order */
  private readonly nameTokens: PackedLists;
  private readonly nameTotalWeight: Float64Array;
  private readonly nameLegalForm: Uint8Array;
  /** length and first two letters of each name's joined form (word breaks ignored) */
  private readonly nameJoinedLength: Int32Array;
  private readonly nameJoinedHead: Int32Array;
  /** hash of a joined form → first name with it; further names chained through `joinedNext` */
  private readonly joinedFirst = new Map<number, number>();
  private readonly joinedNext: Int32Array;
  private readonly vocab = new Map<string, number>();
  private readonly vocabTokens: string[] = [];
  /** number of indexed names that contain each vocabulary token */
  private readonly vocabFrequency: Int32Array;
  private readonly vocabTrigramCount: Int32Array;
  /** length of each vocabulary word (UTF-16 units) */
  private readonly vocabLength: Int32Array;
  /** ARABIC | FOLDED | DIGIT of each vocabulary word */
  private readonly vocabFlags: Uint8Array;
  private readonly vocabWeight: Float64Array;
  /** vocabulary id → names containing it (ascending) */
  private readonly postings: PackedLists;
  /** trigram → its id; trigram id → vocabulary ids containing it */
  private readonly trigramIds = new Map<string, number>();
  private readonly trigramVocab: PackedLists;
  /** weight of a token in this index (length, generic-word reduction, rarity in the list) */
  readonly weightOf: TWeightFn;
  // scratch buffers (the index is used synchronously, one query at a time)
  private readonly accQ: Float64Array;
  private readonly accC: Float64Array;
  private readonly nameStamp: Int32Array;
  private readonly nameTokenStamp: Int32Array;
  private readonly trigramCounts: Int32Array;
  private readonly touched: Int32Array;
  private generation = 0;
  private tokenGeneration = 0;
  private readonly expansionCache = new Map<string, TExpansions>();
  private readonly simMemo: SimMemo;
  /** first three letters of each vocabulary word as one number (a quick test before startsWith) */
  private readonly vocabPrefix: Int32Array;
  /** consonant skeleton → vocabulary tokens (Latin and Arabic-script words meet by it) */
  private skeletonVocab: Map<string, number[]> | null = null;
  /** consonant skeleton of a whole Latin name → its names; built on the first Arabic-script query */
  private skeletonNames: Map<string, number[]> | null = null;

  constructor(entries: Iterable<{ ref: TRef; text: string }>) {
    // First pass: normalise every name, intern its tokens, count the names each token is in.
    const tokenLists: number[][] = [];
    const legal: number[] = [];
    const frequency: number[] = [];
    const trigramBuild: number[][] = [];
    for (const { ref, text } of entries) {
      const norm = normaliseName(text);
      if (norm.tokens.length === 0) continue;
      const ids = norm.tokens.map((tok) => {
        let id = this.vocab.get(tok);
        if (id === undefined) {
          id = this.vocabTokens.length;
          this.vocab.set(tok, id);
          this.vocabTokens.push(tok);
          frequency.push(0);
          for (const g of trigrams(tok)) {
            let gid = this.trigramIds.get(g);
            if (gid === undefined) {
              gid = trigramBuild.length;
              this.trigramIds.set(g, gid);
              trigramBuild.push([]);
            }
            trigramBuild[gid]!.push(id);
          }
        }
        return id;
      });
      for (const id of new Set(ids)) frequency[id]!++;
      this.texts.push(text);
      this.refs.push(ref);
      tokenLists.push(ids);
      legal.push(norm.legalForm ? 1 : 0);
    }
    const n = this.texts.length;
    const v = this.vocabTokens.length;
    this.vocabFrequency = Int32Array.from(frequency);
    this.vocabWeight = Float64Array.from(this.vocabTokens, (t, id) => tokenWeight(t) * rarityFactor(frequency[id]!, n));
    this.vocabTrigramCount = Int32Array.from(this.vocabTokens, (t) => trigrams(t).length);
    this.vocabLength = Int32Array.from(this.vocabTokens, (t) => t.length);
    this.vocabFlags = Uint8Array.from(this.vocabTokens, wordFlags);
    const vocab = this.vocab;
    const vocabWeight = this.vocabWeight;
    // a token the list does not have is in no indexed name: rarity 1
    this.weightOf = (token: string) => {
      const id = vocab.get(token);
      return id === undefined ? tokenWeight(token) : vocabWeight[id]!;
    };

    // Second pass: per-name arrays and the postings.
    this.nameTokens = new PackedLists(tokenLists);
    this.nameLegalForm = Uint8Array.from(legal);
    this.nameTotalWeight = new Float64Array(n);
    this.nameJoinedLength = new Int32Array(n);
    this.nameJoinedHead = new Int32Array(n);
    this.joinedNext = new Int32Array(n).fill(-1);
    const postingsBuild: number[][] = Array.from({ length: v }, () => []);
    const joinedLast = new Map<number, number>();
    for (let nameId = 0; nameId < n; nameId++) {
      const ids = tokenLists[nameId]!;
      let total = 0;
      for (const id of ids) {
        total += vocabWeight[id]!;
        const plist = postingsBuild[id]!;
        if (plist[plist.length - 1] !== nameId) plist.push(nameId);
      }
      this.nameTotalWeight[nameId] = total;
      const joined = ids.map((id) => this.vocabTokens[id]!).join('');
      this.nameJoinedLength[nameId] = joined.length;
      this.nameJoinedHead[nameId] = (joined.charCodeAt(0) << 16) | (joined.charCodeAt(1) || 0);
      const h = hash32(joined);
      const last = joinedLast.get(h);
      if (last === undefined) this.joinedFirst.set(h, nameId);
      else this.joinedNext[last] = nameId;
      joinedLast.set(h, nameId);
    }
    this.postings = new PackedLists(postingsBuild);
    this.trigramVocab = new PackedLists(trigramBuild);
    this.accQ = new Float64Array(n);
    this.accC = new Float64Array(n);
    this.nameStamp = new Int32Array(n);
    this.nameTokenStamp = new Int32Array(n);
    this.trigramCounts = new Int32Array(v);
    this.touched = new Int32Array(v);
    this.simMemo = new SimMemo(v);
    this.vocabPrefix = Int32Array.from(this.vocabTokens, prefixCode);
  }

  /** The normalised form of indexed name `nameId` with this index's weights (built on demand). */
  private nameNorm(nameId: number): TNormalisedName {
    const ids = this.nameTokens.list(nameId);
    const tokens: string[] = [];
    const weights: number[] = [];
    for (let k = 0; k < ids.length; k++) {
      tokens.push(this.vocabTokens[ids[k]!]!);
      weights.push(this.vocabWeight[ids[k]!]!);
    }
    return {
      tokens,
      weights,
      totalWeight: this.nameTotalWeight[nameId]!,
      joined: tokens.join(''),
      key: [...tokens].sort().join(' '),
      legalForm: this.nameLegalForm[nameId] === 1,
    };
  }

  /** The joined form of indexed name `nameId` (its tokens without spaces). */
  private joinedOf(nameId: number): string {
    let joined = '';
    for (const id of this.nameTokens.list(nameId)) joined += this.vocabTokens[id]!;
    return joined;
  }

  /** Names whose joined form is `joined`. */
  private namesJoined(joined: string): number[] {
    const out: number[] = [];
    for (let id = this.joinedFirst.get(hash32(joined)) ?? -1; id !== -1; id = this.joinedNext[id]!) {
      if (this.nameJoinedLength[id] === joined.length && this.joinedOf(id) === joined) out.push(id); // not a hash collision
    }
    return out;
  }

  /** Every indexed name with its reference, in index order (benchmarks and diagnostics). */
  *entries(): IterableIterator<{ ref: TRef; text: string }> {
    for (let nameId = 0; nameId < this.texts.length; nameId++) yield { ref: this.refs[nameId]!, text: this.texts[nameId]! };
  }

  get size(): number {
    return this.texts.length;
  }

  /** How many indexed names contain `token` (a normalised token). */
  frequency(token: string): number {
    const id = this.vocab.get(token);
    return id === undefined ? 0 : this.vocabFrequency[id]!;
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
  private expand(token: string): TExpansions {
    // Expansions depend only on the token and the (immutable) index: cache them; names repeat tokens a lot.
    const cached = this.expansionCache.get(token);
    if (cached) return cached;
    const out = this.computeExpansions(token);
    if (this.expansionCache.size >= EXPANSION_CACHE_SIZE) this.expansionCache.clear();
    this.expansionCache.set(token, out);
    return out;
  }

  private computeExpansions(token: string): TExpansions {
    const found = this.spellingExpansions(token);
    const seen = new Set(found.map((e) => e.id));
    const add = (id: number) => {
      if (seen.has(id)) return;
      seen.add(id);
      const sim = tokenSimilarity(token, this.vocabTokens[id]!);
      if (sim > 0) found.push({ id, sim });
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
    found.sort((a, b) => b.sim - a.sim || a.id - b.id);
    const out: TExpansions = [];
    for (const e of found) out.push(e.id, e.sim);
    return out;
  }

  /** The word itself and the words sharing enough trigrams with it (typos, word breaks). */
  private spellingExpansions(token: string): { id: number; sim: number }[] {
    const out: { id: number; sim: number }[] = [];
    const exact = this.vocab.get(token);
    if (exact !== undefined) out.push({ id: exact, sim: 1 });
    if (token.length <= 2) return out;
    // shared trigrams per vocabulary word; `counts` is all zeros between calls (reset below)
    const counts = this.trigramCounts;
    const touched = this.touched; // the first `nTouched` entries: the words sharing a trigram, in order met
    let nTouched = 0;
    const grams = trigrams(token);
    const { start, items } = this.trigramVocab;
    for (const g of grams) {
      const gid = this.trigramIds.get(g);
      if (gid === undefined) continue;
      for (let k = start[gid]!, end = start[gid + 1]!; k < end; k++) {
        const id = items[k]!;
        if (counts[id]!++ === 0) touched[nTouched++] = id;
      }
    }
    const prefix = token.slice(0, 3);
    const code = prefixCode(token);
    const flags = wordFlags(token);
    const repeats = token.length - grams.length;
    const g = grams.length;
    const { vocabTrigramCount, vocabPrefix, vocabFlags, vocabLength, vocabTokens } = this;
    for (let t = 0; t < nTouched; t++) {
      const id = touched[t]!;
      const shared = counts[id]!;
      counts[id] = 0;
      if (id === exact) continue;
      // Dice coefficient of the trigram sets, 2·shared / (g + gw), compared without dividing
      const gw = vocabTrigramCount[id]!;
      // Jaro-Winkler rewards a shared prefix, so a token with the same first three letters can score
      // high while sharing few trigrams ("abderrahmane" ~ "abdurakhmon"): never filter those out.
      if (8 * shared < g + gw && (vocabPrefix[id] !== code || !vocabTokens[id]!.startsWith(prefix))) continue; // dice < 0.25
      const wflags = vocabFlags[id]!;
      const wlen = vocabLength[id]!;
      let sim: number;
      if (((flags | wflags) & FOLDED) !== 0 || (flags & ARABIC) !== (wflags & ARABIC)) sim = tokenSimilarity(token, vocabTokens[id]!);
      else if (((flags | wflags) & DIGIT) !== 0)
        sim = 0; // spellingSimilarity: numbers match exactly or not at all
      else if (beyondEditBudget(token.length, wlen, shared, repeats, wlen - gw)) sim = 0;
      else sim = spellingSimilarity(token, vocabTokens[id]!); // what tokenSimilarity does for such a pair
      // dice ≥ 0.5 without token similarity: kept for the whole-string ("joined") comparison
      if (sim > 0 || 4 * shared >= g + gw) out.push({ id, sim });
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
      for (let nameId = 0; nameId < this.texts.length; nameId++) {
        const norm = this.nameNorm(nameId);
        if (hasArabicScript(norm)) continue;
        const sk = joinedSkeleton(norm);
        if (sk.length < 4) continue;
        const list = map.get(sk);
        if (list) list.push(nameId);
        else map.set(sk, [nameId]);
      }
      this.skeletonNames = map;
    }
    return this.skeletonNames;
  }

  /** Names whose score against `query` reaches `possible`, best first. */
  search(query: string, possible: number, limit = 50): TNameHit<TRef>[] {
    const q = this.normalise(query);
    if (q.tokens.length === 0 || this.texts.length === 0) return [];
    const expansions = q.tokens.map((t) => this.expand(t));
    const memo = this.simMemo;
    memo.reset();
    expansions.forEach((exp, i) => {
      for (let k = 0; k < exp.length; k += 2) memo.set(i, exp[k]!, exp[k + 1]!);
    });
    const postingStart = this.postings.start;
    const postingItems = this.postings.items;

    // Skip the most common query tokens while the names reachable only through them cannot reach `possible`.
    const order = q.tokens
      .map((_, i) => {
        const exp = expansions[i]!;
        let cost = 0;
        for (let k = 0; k < exp.length; k += 2) cost += this.postings.length(exp[k]!);
        return { i, cost };
      })
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
    const { nameStamp, nameTokenStamp, accQ, accC, vocabWeight } = this;
    for (let i = 0; i < q.tokens.length; i++) {
      if (skip.has(i)) continue;
      const wq = q.weights[i]!;
      const tokenGen = ++this.tokenGeneration; // count each query token once per name, at its best similarity
      const exp = expansions[i]!;
      for (let e = 0; e < exp.length; e += 2) {
        const id = exp[e]!;
        const esim = exp[e + 1]!;
        const wc = vocabWeight[id]! * esim;
        const wqs = wq * esim;
        for (let k = postingStart[id]!, end = postingStart[id + 1]!; k < end; k++) {
          const nameId = postingItems[k]!;
          if (nameStamp[nameId] !== gen) {
            nameStamp[nameId] = gen;
            accQ[nameId] = 0;
            accC[nameId] = 0;
            nameTokenStamp[nameId] = -1;
            candidates.push(nameId);
          }
          if (nameTokenStamp[nameId] !== tokenGen) {
            nameTokenStamp[nameId] = tokenGen;
            accQ[nameId]! += wqs;
          }
          accC[nameId]! += wc;
        }
      }
    }

    // names with the same letters in other word breaks ("ALQAIDA", a transliterated CJK run), and
    // for a name in Arabic script, Latin names with the same consonants in other word breaks
    const sameJoined = new Set(this.namesJoined(q.joined));
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
      let v = memo.get(qi, id);
      if (v === undefined) {
        v = tokenSimilarity(q.tokens[qi]!, this.vocabTokens[id]!);
        memo.set(qi, id, v);
      }
      return v;
    };
    const qHead = (q.joined.charCodeAt(0) << 16) | (q.joined.charCodeAt(1) || 0);
    // the skipped tokens' known similarities as arrays (no lookup per name token)
    const skippedSlots = skippedTokens.map((qi) => ({ qi, weight: q.weights[qi]!, slot: memo.slot(qi) }));
    const { start: tokenStart, items: tokenItems } = this.nameTokens;
    for (const nameId of candidates) {
      const from = tokenStart[nameId]!;
      const to = tokenStart[nameId + 1]!;
      // Upper bound of the token score, every pair at similarity 1: retrieved tokens from the
      // accumulators, skipped (common) query tokens checked exactly against this name's tokens.
      let boundQ = accQ[nameId]!;
      let boundC = accC[nameId]!;
      for (const { qi, weight, slot } of skippedSlots) {
        let best = 0;
        // expansions of the skipped token (same approximation as retrieval)
        for (let k = from; k < to; k++) {
          const id = tokenItems[k]!;
          const v = slot ? (slot.stamps[id] === slot.stamp ? slot.values[id]! : 0) : (memo.get(qi, id) ?? 0);
          if (v > 0) {
            boundC += vocabWeight[id]! * v;
            if (v > best) best = v;
          }
        }
        boundQ += weight * best;
      }
      const ubQ = Math.min(1, boundQ / q.totalWeight + 1e-9);
      const ubC = Math.min(1, boundC / this.nameTotalWeight[nameId]! + 1e-9);
      const ub = MAX_SIDE_WEIGHT * Math.max(ubQ, ubC) + (1 - MAX_SIDE_WEIGHT) * Math.min(ubQ, ubC); // the scorer's own weighting
      // whole-string comparison: only for other word breaks of nearly the same letters (same first two)
      const joinedPossible =
        sameJoined.has(nameId) ||
        (q.tokens.length !== to - from &&
          q.joined.length >= 5 &&
          Math.abs(q.joined.length - this.nameJoinedLength[nameId]!) <= 2 &&
          qHead === this.nameJoinedHead[nameId]);
      if (ub < possible - 1e-9 && !joinedPossible) continue;
      const ids = this.nameTokens.list(nameId);
      const norm = this.nameNorm(nameId);
      const quick = scoreNormalised(q, norm, (qi, cj) => sim(qi, ids[cj]!), false);
      const score = round(quick.score);
      if (score >= possible) {
        const detail = scoreNormalised(q, norm, (qi, cj) => sim(qi, ids[cj]!), true);
        const text = this.texts[nameId]!;
        hits.push({ ref: this.refs[nameId]!, text, score, detail });
      }
    }
    hits.sort((a, b) => b.score - a.score || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    return hits.slice(0, limit);
  }
}
