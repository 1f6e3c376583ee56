// Plain words for the codes officers see all day: outcomes, statuses, finding kinds, bases, decisions.
// Shared by the queue, the case file, the CSV export and the decision record.
import type { ApplicationStatus, DecisionType, Outcome } from '@/lib/generated/prisma/enums';
import type { TBasis, TFindingKind } from '@/lib/screening/types';

export const OUTCOME_LABEL: Record<Outcome, string> = {
  CLEAR: 'Clear',
  REVIEW: 'Review',
  LICENSE_REQUIRED: 'Licence required',
  PROHIBITED: 'Prohibited',
};

export const STATUS_LABEL: Record<ApplicationStatus, string> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted',
  IN_REVIEW: 'In review',
  INFO_REQUESTED: 'Information requested',
  ESCALATED: 'Escalated',
  AWAITING_COUNTERSIGNATURE: 'Awaiting countersignature',
  APPROVED: 'Approved',
  APPROVED_IN_PART: 'Approved in part',
  DENIED: 'Denied',
  WITHDRAWN: 'Withdrawn',
};

export const KIND_LABEL: Record<TFindingKind, string> = {
  EMBARGO: 'Embargo',
  PARTY_MATCH: 'Restricted-party match',
  END_USER: 'End user',
  END_USE: 'End use',
  LICENSE_REQUIREMENT: 'Licence requirement',
  BIOMETRIC_POLICY: 'Biometric / surveillance policy',
  KYC: 'Know your customer',
  DATA_GAP: 'Missing or unknown data',
};

export const BASIS_LABEL: Record<TBasis, string> = {
  LAW: 'Law (EAR / OFAC)',
  PROPOSED: 'Proposed rule',
  POLICY: 'Policy',
};

export const DECISION_LABEL: Record<DecisionType, string> = {
  APPROVE: 'Approved',
  APPROVE_IN_PART: 'Approved in part',
  DENY: 'Denied',
  REQUEST_INFO: 'Information requested',
  ESCALATE: 'Escalated',
};

export const TRIGGER_LABEL: Record<string, string> = {
  SUBMIT: 'Submission',
  RESUBMIT: 'Resubmission',
  RESCREEN: 'Re-screen after a rule-set change',
  MANUAL: 'Re-screen by an officer',
};

/** "LAW_ENFORCEMENT" → "Law enforcement" for enum-like values without their own map. */
export function humanize(code: string | null | undefined): string {
  if (!code) return '—';
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Statuses an officer still has work on. */
export const OPEN_STATUSES: ApplicationStatus[] = ['SUBMITTED', 'IN_REVIEW', 'ESCALATED', 'AWAITING_COUNTERSIGNATURE', 'INFO_REQUESTED'];
/** Every status a case can have once submitted (drafts are never cases). */
export const CASE_STATUSES: ApplicationStatus[] = [...OPEN_STATUSES, 'APPROVED', 'APPROVED_IN_PART', 'DENIED', 'WITHDRAWN'];
export const OUTCOMES: Outcome[] = ['CLEAR', 'REVIEW', 'LICENSE_REQUIRED', 'PROHIBITED'];

// Names of the data sets a rule-set version records (source + as-of), for the UI and the PDF.
const DATASET_LABEL: Record<string, string> = {
  COUNTRY_CHART: 'Commerce Country Chart',
  COUNTRY_GROUPS: 'Country Groups',
  CCL: 'Commerce Control List',
  FREEDOM_STATUS: 'Freedom House statuses',
  COUNTRY_NAMES: 'Country names',
  PARTY_LIST_SDN: 'OFAC SDN list',
  PARTY_LIST_ENTITY_LIST: 'BIS Entity List',
  PARTY_LIST_DPL: 'BIS Denied Persons List',
};

export function datasetLabel(kind: string): string {
  return DATASET_LABEL[kind] ?? (kind.startsWith('PARTY_LIST_') ? `List ${kind.slice('PARTY_LIST_'.length)}` : kind.replace(/_/g, ' ').toLowerCase().replace(/^\w/, (c) => c.toUpperCase()));
}
