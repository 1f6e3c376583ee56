// The case workflow as one table: for each action, the statuses it may start from, the status it
// leads to, and who may take it. The data layer builds its conditional UPDATEs from it (the status
// filter of each `updateMany`), the pages show a button only when allows() says so, and
// lib/workflow.test.ts checks the table's shape. Authorization beyond the role (not the
// submitter, not the approver, the exporter's own organisation) stays in the data layer's queries.
import type { ApplicationStatus, Outcome, Role } from '@/lib/generated/prisma/enums';

export type TCaseAction =
  | 'SAVE_DRAFT'
  | 'SUBMIT'
  | 'ANSWER'
  | 'WITHDRAW'
  | 'DELETE_DRAFT'
  | 'ASSIGN'
  | 'APPROVE'
  | 'DENY'
  | 'REQUEST_INFO'
  | 'ESCALATE'
  | 'COUNTERSIGN'
  | 'CLEAR_MATCH'
  | 'RESCREEN';

type TTransition = {
  from: readonly ApplicationStatus[];
  /** The next status; 'SAME' when the action leaves the status as it is. */
  to: ApplicationStatus | 'SAME';
  roles: readonly Role[];
  /** "This case is denied, so it cannot be <verb> now." */
  verb: string;
};

const OFFICERS = ['OFFICER', 'ADMIN'] as const satisfies readonly Role[];
const DECIDABLE = ['SUBMITTED', 'IN_REVIEW', 'ESCALATED'] as const satisfies readonly ApplicationStatus[];

export const WORKFLOW = {
  // Exporters: drafts and answers to an officer's question are edited in place; submitting screens.
  SAVE_DRAFT: { from: ['DRAFT', 'INFO_REQUESTED'], to: 'SAME', roles: ['EXPORTER'], verb: 'edited' },
  SUBMIT: { from: ['DRAFT', 'INFO_REQUESTED'], to: 'SUBMITTED', roles: ['EXPORTER'], verb: 'submitted' },
  ANSWER: { from: ['INFO_REQUESTED'], to: 'SAME', roles: ['EXPORTER'], verb: 'answered' },
  // Withdraw: submitted and not yet decided; it leaves the queue and stays in the record.
  WITHDRAW: {
    from: ['SUBMITTED', 'IN_REVIEW', 'ESCALATED', 'INFO_REQUESTED', 'AWAITING_COUNTERSIGNATURE'],
    to: 'WITHDRAWN',
    roles: ['EXPORTER'],
    verb: 'withdrawn',
  },
  // Delete: a draft never submitted (the data layer also requires no submission date); a soft delete.
  DELETE_DRAFT: { from: ['DRAFT'], to: 'SAME', roles: ['EXPORTER'], verb: 'deleted' },
  // Officers. "Assign to me" moves a submitted case into review and keeps any other status.
  ASSIGN: { from: ['SUBMITTED', 'IN_REVIEW', 'ESCALATED', 'AWAITING_COUNTERSIGNATURE'], to: 'SAME', roles: OFFICERS, verb: 'assigned' },
  // An approval of a licence-required or prohibited case waits for a second officer (see nextStatus).
  APPROVE: { from: DECIDABLE, to: 'APPROVED', roles: OFFICERS, verb: 'approved' },
  DENY: { from: DECIDABLE, to: 'DENIED', roles: OFFICERS, verb: 'denied' },
  REQUEST_INFO: { from: DECIDABLE, to: 'INFO_REQUESTED', roles: OFFICERS, verb: 'sent back for information' },
  ESCALATE: { from: ['SUBMITTED', 'IN_REVIEW'], to: 'ESCALATED', roles: OFFICERS, verb: 'escalated' },
  COUNTERSIGN: { from: ['AWAITING_COUNTERSIGNATURE'], to: 'APPROVED', roles: OFFICERS, verb: 'countersigned' },
  CLEAR_MATCH: { from: DECIDABLE, to: 'SAME', roles: OFFICERS, verb: 'changed' },
  RESCREEN: { from: DECIDABLE, to: 'SAME', roles: OFFICERS, verb: 're-screened' },
} as const satisfies Record<TCaseAction, TTransition>;

/** Approvals of these outcomes need a second officer's countersignature. */
export const COUNTERSIGN_OUTCOMES: readonly Outcome[] = ['LICENSE_REQUIRED', 'PROHIBITED'];

/** The statuses `action` may start from (the status filter of its conditional UPDATE). */
export const fromStatuses = (action: TCaseAction): ApplicationStatus[] => [...WORKFLOW[action].from];

/** May `action` be taken on a case in `status` (by someone with `role`, when given)? */
export function allows(action: TCaseAction, status: ApplicationStatus, role?: Role): boolean {
  const t: TTransition = WORKFLOW[action];
  return t.from.includes(status) && (role === undefined || t.roles.includes(role));
}

/** Where `action` takes a case now in `from` (the outcome decides whether an approval is final). */
export function nextStatus(action: TCaseAction, from: ApplicationStatus, outcome?: Outcome | null): ApplicationStatus {
  if (action === 'ASSIGN') return from === 'SUBMITTED' ? 'IN_REVIEW' : from;
  if (action === 'APPROVE' && outcome && COUNTERSIGN_OUTCOMES.includes(outcome)) return 'AWAITING_COUNTERSIGNATURE';
  const to: ApplicationStatus | 'SAME' = WORKFLOW[action].to;
  return to === 'SAME' ? from : to;
}
