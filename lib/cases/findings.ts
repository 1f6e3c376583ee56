// Pure helpers over stored findings for the case file, the decision record and the data layer:
// grouping by kind (worst first), what changed between two screening runs, and reading the
// evidence of a restricted-party match (the ids a cleared match is recorded against).
import { OUTCOME_RANK } from '@/lib/screening/outcome';
import type { TFinding, TFindingKind, TOutcome } from '@/lib/screening/types';

export type TFindingGroup = { kind: TFindingKind; worst: TOutcome; findings: TFinding[] };

const effectiveRank = (f: TFinding) => (f.cleared ? -1 : OUTCOME_RANK[f.outcome]);

/** Groups findings by kind; groups and findings inside them ordered worst first (cleared hits last). */
export function groupFindings(findings: TFinding[]): TFindingGroup[] {
  const byKind = new Map<TFindingKind, TFinding[]>();
  for (const f of findings) {
    const list = byKind.get(f.kind) ?? [];
    list.push(f);
    byKind.set(f.kind, list);
  }
  const groups = [...byKind.entries()].map(([kind, list]) => {
    const sorted = [...list].sort((a, b) => effectiveRank(b) - effectiveRank(a));
    const top = sorted[0]!;
    return { kind, worst: top.outcome, findings: sorted, rank: effectiveRank(top) };
  });
  groups.sort((a, b) => b.rank - a.rank || a.kind.localeCompare(b.kind));
  return groups.map(({ kind, worst, findings: list }) => ({ kind, worst, findings: list }));
}

/**
 * Identity of a finding across runs. A party hit is the same hit while it names the same list entry
 * and party (its message carries the score and "cleared by …"); other findings are their rule and words.
 */
export function findingKey(f: TFinding): string {
  const party = partyMatchEvidence(f);
  if (party) return `${f.ruleId}\u0000${party.listCode}\u0000${party.entryId}\u0000${party.partyName}`;
  return `${f.ruleId}\u0000${f.message}`;
}

export type TFindingsDiff = {
  appeared: TFinding[];
  disappeared: TFinding[];
  nowCleared: TFinding[];
  noLongerCleared: TFinding[];
  /** The same finding (same identity, same clearance) with another outcome. */
  changed: { before: TFinding; after: TFinding }[];
};

/**
 * What changed between two screenings: the one diff used by the case history and the rule-set
 * impact preview. A party hit whose score (and so its message) changed is the same hit.
 */
export function diffFindings(before: TFinding[], after: TFinding[]): TFindingsDiff {
  const prev = new Map(before.map((f) => [findingKey(f), f]));
  const next = new Map(after.map((f) => [findingKey(f), f]));
  const diff: TFindingsDiff = { appeared: [], disappeared: [], nowCleared: [], noLongerCleared: [], changed: [] };
  for (const [key, f] of next) {
    const old = prev.get(key);
    if (!old) diff.appeared.push(f);
    else if (f.cleared && !old.cleared) diff.nowCleared.push(f);
    else if (!f.cleared && old.cleared) diff.noLongerCleared.push(f);
    else if (f.outcome !== old.outcome) diff.changed.push({ before: old, after: f });
  }
  for (const [key, f] of prev) if (!next.has(key)) diff.disappeared.push(f);
  return diff;
}

export const isDiffEmpty = (d: TFindingsDiff) =>
  d.appeared.length + d.disappeared.length + d.nowCleared.length + d.noLongerCleared.length + d.changed.length === 0;

export type TTokenPair = { query: string; candidate: string; similarity: number };

export type TPartyMatchEvidence = {
  listCode: string;
  listName: string | null;
  listAsOf: string | null;
  entryId: string;
  entryContentHash: string;
  entryName: string | null;
  entryPrograms: string[];
  partyName: string;
  partyRole: string | null;
  matchedName: string | null;
  matchedAlias: boolean;
  match: string | null;
  score: number | null;
  matchedTokens: TTokenPair[];
};

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const rec = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

function tokenPairs(v: unknown): TTokenPair[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((t) => {
    const r = rec(t);
    const query = str(r.query);
    const candidate = str(r.candidate);
    return query && candidate ? [{ query, candidate, similarity: typeof r.similarity === 'number' ? r.similarity : 0 }] : [];
  });
}

/** The list entry and party a PARTY_MATCH finding is about (engine: lib/screening/parties.ts), or null. */
export function partyMatchEvidence(f: TFinding): TPartyMatchEvidence | null {
  if (f.kind !== 'PARTY_MATCH') return null;
  const ev = rec(f.evidence);
  const party = rec(ev.party);
  const listCode = str(ev.list);
  const entryId = str(ev.entryId);
  const entryContentHash = str(ev.entryContentHash);
  const partyName = str(party.name);
  if (!listCode || !entryId || !entryContentHash || !partyName) return null;
  return {
    listCode,
    listName: str(ev.listName),
    listAsOf: str(ev.listAsOf),
    entryId,
    entryContentHash,
    entryName: str(ev.entryName),
    entryPrograms: Array.isArray(ev.entryPrograms) ? ev.entryPrograms.filter((p): p is string => typeof p === 'string') : [],
    partyName,
    partyRole: str(party.role),
    matchedName: str(ev.matchedName),
    matchedAlias: ev.matchedAlias === true,
    match: str(ev.match),
    score: typeof ev.score === 'number' ? ev.score : null,
    matchedTokens: tokenPairs(ev.matchedTokens),
  };
}
