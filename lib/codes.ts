// The one list of every code the product uses (outcomes, statuses, decisions, roles, finding kinds,
// bases, triggers), each checked against its Prisma enum or screening type: adding a value to the
// schema without adding it here (or the other way round) fails the typecheck. Words for people
// live in lib/labels.ts; which status may go where in lib/workflow.ts.
import type { ApplicationStatus, DecisionType, Outcome, Role, ScreeningTrigger } from '@/lib/generated/prisma/enums';
import type { TBasis, TFindingKind, TOutcome } from '@/lib/screening/types';

/** True when the tuple holds every member of U (and, through `satisfies`, nothing else). */
type TCovers<T extends readonly unknown[], U> = [U] extends [T[number]] ? T : never;
const every =
  <U>() =>
  <const T extends readonly U[]>(values: TCovers<T, U>) =>
    values;

/** Outcomes from best to worst (severity order). */
export const OUTCOMES = every<Outcome & TOutcome>()(['CLEAR', 'REVIEW', 'LICENSE_REQUIRED', 'PROHIBITED']);

export const APPLICATION_STATUSES = every<ApplicationStatus>()([
  'DRAFT',
  'SUBMITTED',
  'IN_REVIEW',
  'INFO_REQUESTED',
  'ESCALATED',
  'AWAITING_COUNTERSIGNATURE',
  'APPROVED',
  'APPROVED_IN_PART',
  'DENIED',
  'WITHDRAWN',
]);

export const DECISION_TYPES = every<DecisionType>()(['APPROVE', 'APPROVE_IN_PART', 'DENY', 'REQUEST_INFO', 'ESCALATE']);
export const ROLES = every<Role>()(['EXPORTER', 'OFFICER', 'ADMIN']);
export const SCREENING_TRIGGERS = every<ScreeningTrigger>()(['SUBMIT', 'RESUBMIT', 'RESCREEN', 'MANUAL']);
export const FINDING_KINDS = every<TFindingKind>()([
  'EMBARGO',
  'PARTY_MATCH',
  'END_USER',
  'END_USE',
  'LICENSE_REQUIREMENT',
  'BIOMETRIC_POLICY',
  'KYC',
  'DATA_GAP',
]);
export const BASES = every<TBasis>()(['LAW', 'PROPOSED', 'POLICY']);

/** Statuses an officer still has work on. */
export const OPEN_STATUSES: ApplicationStatus[] = ['SUBMITTED', 'IN_REVIEW', 'ESCALATED', 'AWAITING_COUNTERSIGNATURE', 'INFO_REQUESTED'];
/** Final decisions. */
export const DECIDED_STATUSES: ApplicationStatus[] = ['APPROVED', 'APPROVED_IN_PART', 'DENIED'];
/** Every status a case can have once submitted (drafts are never cases). */
export const CASE_STATUSES: ApplicationStatus[] = [...OPEN_STATUSES, ...DECIDED_STATUSES, 'WITHDRAWN'];
