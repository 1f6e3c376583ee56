// Outcome order and deterministic finding order (worst first).
import type { TFinding, TFindingKind, TOutcome } from './types';

export const OUTCOME_RANK: Record<TOutcome, number> = { CLEAR: 0, REVIEW: 1, LICENSE_REQUIRED: 2, PROHIBITED: 3 };
const KIND_ORDER: TFindingKind[] = ['EMBARGO', 'PARTY_MATCH', 'END_USER', 'END_USE', 'LICENSE_REQUIREMENT', 'BIOMETRIC_POLICY', 'KYC', 'DATA_GAP'];

const KIND_RANK: Readonly<Record<string, number>> = Object.fromEntries(KIND_ORDER.map((k, i) => [k, i]));
const kindRank = (k: TFindingKind) => (Object.hasOwn(KIND_RANK, k) ? KIND_RANK[k]! : -1);

export function worstOutcome(outcomes: Iterable<TOutcome>): TOutcome {
  let worst: TOutcome = 'CLEAR';
  for (const o of outcomes) if (OUTCOME_RANK[o] > OUTCOME_RANK[worst]) worst = o;
  return worst;
}

export function isOutcome(value: unknown): value is TOutcome {
  return value === 'CLEAR' || value === 'REVIEW' || value === 'LICENSE_REQUIRED' || value === 'PROHIBITED';
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareFindings(a: TFinding, b: TFinding): number {
  return compareWith(a, b, JSON.stringify);
}

function compareWith(a: TFinding, b: TFinding, json: (evidence: Record<string, unknown>) => string): number {
  return (
    OUTCOME_RANK[b.outcome] - OUTCOME_RANK[a.outcome] ||
    kindRank(a.kind) - kindRank(b.kind) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.message, b.message) ||
    (a.evidence === b.evidence ? 0 : cmp(json(a.evidence), json(b.evidence))) // one evidence object: equal without serialising it
  );
}

/**
 * compareFindings for one screening: the last tie-break serialises evidence, and the items of one
 * application share evidence objects (lib/screening/memo.ts), so each is serialised once here.
 * Use it only while the findings' evidence does not change.
 */
export function findingComparator(): (a: TFinding, b: TFinding) => number {
  const cache = new Map<object, string>();
  const json = (evidence: Record<string, unknown>): string => {
    if (evidence === null || typeof evidence !== 'object') return JSON.stringify(evidence);
    let s = cache.get(evidence);
    if (s === undefined) {
      s = JSON.stringify(evidence);
      cache.set(evidence, s);
    }
    return s;
  };
  return (a, b) => compareWith(a, b, json);
}
