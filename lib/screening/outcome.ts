// Outcome order and deterministic finding order (worst first).
import type { TFinding, TFindingKind, TOutcome } from './types';

export const OUTCOME_RANK: Record<TOutcome, number> = { CLEAR: 0, REVIEW: 1, LICENSE_REQUIRED: 2, PROHIBITED: 3 };
const KIND_ORDER: TFindingKind[] = [
  'EMBARGO', 'PARTY_MATCH', 'END_USER', 'END_USE', 'LICENSE_REQUIREMENT', 'BIOMETRIC_POLICY', 'KYC', 'DATA_GAP',
];

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
  return (
    OUTCOME_RANK[b.outcome] - OUTCOME_RANK[a.outcome] ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.message, b.message) ||
    cmp(JSON.stringify(a.evidence), JSON.stringify(b.evidence))
  );
}
