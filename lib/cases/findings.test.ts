import { describe, expect, it } from 'vitest';
import type { TFinding } from '@/lib/screening/types';
import { findingDiff } from '@/lib/jobs/rescreen';
import { diffFindings, groupFindings, isDiffEmpty, partyMatchEvidence } from './findings';

const finding = (o: Partial<TFinding> & Pick<TFinding, 'kind' | 'outcome'>): TFinding => ({
  ruleId: `rule.${o.kind.toLowerCase()}`,
  basis: 'LAW',
  citation: '15 CFR 742.7',
  licensePolicy: null,
  message: `${o.kind} ${o.outcome}`,
  evidence: {},
  ...o,
});

const partyHit = (partyName: string, entryId: string, outcome: TFinding['outcome'], cleared = false): TFinding =>
  finding({
    kind: 'PARTY_MATCH',
    outcome,
    ruleId: 'party.restricted-lists',
    message: `"${partyName}" matches entry ${entryId}${cleared ? ' Cleared as a false positive.' : ''}`,
    evidence: {
      party: { role: 'END_USER', name: partyName },
      list: 'SDN',
      entryId,
      entryContentHash: `h-${entryId}`,
      score: 0.9,
      matchedTokens: [{ query: 'acme', candidate: 'acme', similarity: 1 }],
    },
    ...(cleared ? { cleared: { by: 'Olivia', at: '2026-11-27', justification: 'other firm' } } : {}),
  });

describe('groupFindings', () => {
  it('orders groups and findings worst first, cleared hits last', () => {
    const groups = groupFindings([
      finding({ kind: 'KYC', outcome: 'REVIEW' }),
      partyHit('Acme', '1', 'CLEAR', true),
      finding({ kind: 'LICENSE_REQUIREMENT', outcome: 'CLEAR' }),
      finding({ kind: 'LICENSE_REQUIREMENT', outcome: 'LICENSE_REQUIRED' }),
      partyHit('Acme', '2', 'REVIEW'),
    ]);
    expect(groups.map((g) => g.kind)).toEqual(['LICENSE_REQUIREMENT', 'KYC', 'PARTY_MATCH']);
    expect(groups[0]!.findings.map((f) => f.outcome)).toEqual(['LICENSE_REQUIRED', 'CLEAR']);
    expect(groups[2]!.findings.map((f) => partyMatchEvidence(f)?.entryId)).toEqual(['2', '1']);
  });
});

describe('diffFindings', () => {
  it('reports appeared, disappeared and clearance changes, matching party hits by entry and party', () => {
    const kyc = finding({ kind: 'KYC', outcome: 'REVIEW' });
    const before = [kyc, partyHit('Acme', '1', 'REVIEW'), partyHit('Acme', '2', 'REVIEW', true)];
    const after = [partyHit('Acme', '1', 'CLEAR', true), partyHit('Acme', '2', 'REVIEW'), finding({ kind: 'EMBARGO', outcome: 'PROHIBITED' })];
    const d = diffFindings(before, after);
    expect(d.appeared.map((f) => f.kind)).toEqual(['EMBARGO']);
    expect(d.disappeared).toEqual([kyc]);
    expect(d.nowCleared.map((f) => partyMatchEvidence(f)?.entryId)).toEqual(['1']);
    expect(d.noLongerCleared.map((f) => partyMatchEvidence(f)?.entryId)).toEqual(['2']);
    expect(d.changed).toEqual([]);
    expect(isDiffEmpty(diffFindings(after, after))).toBe(true);
  });

  it('is the one diff of the history and the impact preview: a party hit whose score changed is the same hit', () => {
    const before = [partyHit('Acme', '1', 'REVIEW')];
    const rescored = [{ ...partyHit('Acme', '1', 'REVIEW'), message: 'Acme matches entry 1 (score 0.95)' }];
    expect(isDiffEmpty(diffFindings(before, rescored))).toBe(true);
    expect(findingDiff(before, rescored)).toEqual({ appeared: [], disappeared: [], changed: [] });
    const worse = [partyHit('Acme', '1', 'PROHIBITED')];
    expect(diffFindings(before, worse).changed.map((c) => [c.before.outcome, c.after.outcome])).toEqual([['REVIEW', 'PROHIBITED']]);
    // The impact preview shows it once, as a change of outcome (not as one "+" and one "−" line).
    expect(findingDiff(before, worse).appeared).toEqual([]);
    expect(findingDiff(before, worse).disappeared).toEqual([]);
    expect(findingDiff(before, worse).changed.map((f) => [f.from, f.outcome])).toEqual([['REVIEW', 'PROHIBITED']]);
  });
});

describe('partyMatchEvidence', () => {
  it('reads the ids a clearance is recorded against, and refuses incomplete evidence', () => {
    expect(partyMatchEvidence(partyHit('Acme', '7', 'REVIEW'))).toMatchObject({
      listCode: 'SDN',
      entryId: '7',
      entryContentHash: 'h-7',
      partyName: 'Acme',
      partyRole: 'END_USER',
      score: 0.9,
    });
    expect(partyMatchEvidence(finding({ kind: 'PARTY_MATCH', outcome: 'REVIEW', evidence: { party: { name: 'Acme' }, hidden: 3 } }))).toBeNull();
    expect(partyMatchEvidence(finding({ kind: 'KYC', outcome: 'REVIEW' }))).toBeNull();
  });
});
