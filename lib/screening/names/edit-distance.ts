// Bounded edit distance between two tokens (the name scorer's typo budget). Allocation-light: it
// runs in the inner loop of party screening, so it reuses module-level rows.

/**
 * Edits allowed between two tokens, by the shorter one's length: none up to 4 letters; at 5 letters
 * one substitution or transposition between words of the same length ("hotel" / "hptel", "james" /
 * "jamse"), never a letter added or dropped; one up to 8, two up to 12, three beyond. This is what
 * stops a short token from matching a longer one it merely starts like ("promo" / "promoil",
 * "mustafa" / "musterfirma"): Jaro-Winkler alone rewards the prefix.
 */
export function allowedEdits(minLen: number, maxLen: number): number {
  if (minLen <= 4) return 0;
  if (minLen === 5) return maxLen === 5 ? 1 : 0;
  return minLen <= 8 ? 1 : minLen <= 12 ? 2 : 3;
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
