import { describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES, DECIDED_STATUSES, OPEN_STATUSES } from '@/lib/codes';
import { allows, nextStatus, WORKFLOW, type TCaseAction } from '@/lib/workflow';

const ACTIONS = Object.keys(WORKFLOW) as TCaseAction[];

describe('the case workflow table', () => {
  it('takes no action on a decided or withdrawn case', () => {
    for (const action of ACTIONS) for (const s of [...DECIDED_STATUSES, 'WITHDRAWN' as const]) expect(allows(action, s), `${action} from ${s}`).toBe(false);
  });

  it('only exporters act on drafts, and officers act only on open cases', () => {
    for (const action of ACTIONS) {
      if (allows(action, 'DRAFT')) expect(WORKFLOW[action].roles).toEqual(['EXPORTER']);
      if ((WORKFLOW[action].roles as readonly string[]).includes('OFFICER')) for (const s of WORKFLOW[action].from) expect(OPEN_STATUSES).toContain(s);
    }
  });

  it('lets nobody the wrong role through', () => {
    expect(allows('APPROVE', 'IN_REVIEW', 'EXPORTER')).toBe(false);
    expect(allows('APPROVE', 'IN_REVIEW', 'OFFICER')).toBe(true);
    expect(allows('SUBMIT', 'DRAFT', 'OFFICER')).toBe(false);
  });

  it.each([
    ['ASSIGN', 'SUBMITTED', null, 'IN_REVIEW'],
    ['ASSIGN', 'ESCALATED', null, 'ESCALATED'],
    ['APPROVE', 'IN_REVIEW', 'CLEAR', 'APPROVED'],
    ['APPROVE', 'IN_REVIEW', 'LICENSE_REQUIRED', 'AWAITING_COUNTERSIGNATURE'],
    ['APPROVE', 'ESCALATED', 'PROHIBITED', 'AWAITING_COUNTERSIGNATURE'],
    ['DENY', 'SUBMITTED', 'PROHIBITED', 'DENIED'],
    ['REQUEST_INFO', 'IN_REVIEW', 'REVIEW', 'INFO_REQUESTED'],
    ['COUNTERSIGN', 'AWAITING_COUNTERSIGNATURE', 'LICENSE_REQUIRED', 'APPROVED'],
    ['SUBMIT', 'INFO_REQUESTED', null, 'SUBMITTED'],
  ] as const)('%s from %s (outcome %s) → %s', (action, from, outcome, to) => {
    expect(allows(action, from)).toBe(true);
    expect(nextStatus(action, from, outcome)).toBe(to);
  });

  it('leads only to statuses the schema has', () => {
    for (const action of ACTIONS) for (const from of WORKFLOW[action].from) expect(APPLICATION_STATUSES).toContain(nextStatus(action, from, 'PROHIBITED'));
  });
});
