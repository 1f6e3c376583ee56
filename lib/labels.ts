// Words for people: one label per code, used by every page (exporter and officer alike), the CSV
// export and the decision record. The codes themselves are in lib/codes.ts.
import type { ApplicationStatus, DecisionType, Outcome, ScreeningTrigger } from '@/lib/generated/prisma/enums';
import type { TBasis, TFindingKind, TRegime, TSubjectToEar } from '@/lib/screening/types';
import type {
  CONSENT_VALUES,
  CONSIGNEE_ROLES,
  END_USE_CATEGORIES,
  END_USER_TYPES,
  MATCHING_MODES,
  MODALITIES,
  PRODUCT_KINDS,
} from '@/lib/validation/application';

type TLabels<T extends readonly string[]> = Record<T[number], string>;

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
  BIOMETRIC_POLICY: 'Biometric policy',
  KYC: 'Know your customer',
  DATA_GAP: 'Missing or unknown data',
};

export const REGIME_LABEL: Record<TRegime, string> = {
  US_EAR: 'US EAR (15 CFR 730–774)',
  US_SANCTIONS: 'US sanctions and restricted lists (OFAC, State)',
  EU_2021_821: 'EU Dual-Use Regulation (EU) 2021/821',
  EU_SANCTIONS: 'EU sanctions (restrictive measures)',
  UN: 'UN Security Council sanctions',
  POLICY: 'Company policy',
};

export const SUBJECT_TO_EAR_LABEL: Record<TSubjectToEar, string> = { YES: 'Yes', NO: 'No', UNKNOWN: 'Don’t know' };

/** What a line item says about the regimes (exporters outside the US): null when it says nothing. */
export function itemRegimeWords(item: { subjectToEar?: string | null; euControlCode?: string | null }): string | null {
  if (item.subjectToEar === undefined && item.euControlCode === undefined) return null;
  const ear = `subject to the EAR: ${item.subjectToEar ? labelOf(SUBJECT_TO_EAR_LABEL, item.subjectToEar) : 'not answered'}`;
  const eu = `EU control code: ${item.euControlCode === 'NOT_LISTED' ? 'not listed in Annex I' : (item.euControlCode ?? 'not classified yet')}`;
  return `${ear} · ${eu}`;
}

export const BASIS_LABEL: Record<TBasis, string> = {
  LAW: 'Law',
  PROPOSED: 'Proposed rule',
  POLICY: 'Company policy',
};

export const DECISION_LABEL: Record<DecisionType, string> = {
  APPROVE: 'Approved',
  APPROVE_IN_PART: 'Approved in part',
  DENY: 'Denied',
  REQUEST_INFO: 'Information requested',
  ESCALATE: 'Referred to a senior officer',
};

export const TRIGGER_LABEL: Record<ScreeningTrigger, string> = {
  SUBMIT: 'Screened on submission',
  RESUBMIT: 'Screened again on resubmission',
  RESCREEN: 'Re-screened under new rules',
  MANUAL: 'Re-screen by an officer',
};

// The application's own codes (PRODUCT.md §2, §3).
export const PRODUCT_KIND_LABEL: TLabels<typeof PRODUCT_KINDS> = { HARDWARE: 'Hardware', SOFTWARE: 'Software', TECHNOLOGY: 'Technology' };
export const MODALITY_LABEL: TLabels<typeof MODALITIES> = {
  FACE: 'Face',
  FINGERPRINT: 'Fingerprint',
  IRIS: 'Iris',
  VOICE: 'Voice',
  GAIT: 'Gait',
  OTHER: 'Other',
};
export const MATCHING_MODE_LABEL: TLabels<typeof MATCHING_MODES> = { ONE_TO_ONE: '1:1 verification', ONE_TO_MANY: '1:N identification' };
export const CONSENT_LABEL: TLabels<typeof CONSENT_VALUES> = {
  CONSENTED: 'Collected with consent',
  NOT_CONSENTED: 'Not collected with consent',
  UNKNOWN: 'Unknown',
};
export const END_USER_TYPE_LABEL: TLabels<typeof END_USER_TYPES> = {
  COMMERCIAL: 'Commercial',
  GOVERNMENT: 'Government (civil)',
  LAW_ENFORCEMENT: 'Law enforcement',
  MILITARY: 'Military',
  INTELLIGENCE: 'Intelligence',
  ACADEMIC: 'Academic or research',
  INDIVIDUAL: 'Individual',
};
export const CONSIGNEE_ROLE_LABEL: TLabels<typeof CONSIGNEE_ROLES> = { INTERMEDIATE: 'Intermediate consignee', ULTIMATE: 'Ultimate consignee' };
export const END_USE_LABEL: TLabels<typeof END_USE_CATEGORIES> = {
  ACCESS_CONTROL: 'Access control',
  DEVICE_UNLOCK: 'Device unlock',
  BORDER_CONTROL: 'Border control',
  LAW_ENFORCEMENT_INVESTIGATION: 'Law-enforcement investigation',
  PUBLIC_SPACE_SURVEILLANCE: 'Surveillance of public spaces',
  RETAIL_ANALYTICS: 'Retail analytics',
  RESEARCH: 'Research',
  MILITARY: 'Military',
  OTHER: 'Other',
};

/** Select options in the label table's order. */
export const optionsOf = <T extends Record<string, string>>(labels: T) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** The label of a code, the code itself when it has none (a value stored before a rename), '' for none. */
export const labelOf = (labels: Record<string, string>, code: string | null | undefined) => (code ? (labels[code] ?? code) : '');

/** "LAW_ENFORCEMENT" → "Law enforcement": only for codes without a table (audit actions, evidence keys). */
export function humanize(code: string | null | undefined): string {
  if (!code) return '—';
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// Names of the data sets a rule-set version records (source + as-of), for the UI and the PDF.
const DATASET_LABEL: Record<string, string> = {
  COUNTRY_CHART: 'Commerce Country Chart',
  COUNTRY_GROUPS: 'Country Groups',
  CCL: 'Commerce Control List',
  CCL_2025_PARAGRAPHS: 'Commerce Control List paragraphs (2025)',
  LICENCE_EXCEPTIONS: 'Licence exceptions (15 CFR 740)',
  FREEDOM_STATUS: 'Freedom House statuses',
  COUNTRY_NAMES: 'Country names',
  PARTY_LIST_SDN: 'OFAC SDN list',
  PARTY_LIST_ENTITY_LIST: 'BIS Entity List',
  PARTY_LIST_DPL: 'BIS Denied Persons List',
  PARTY_LIST_UN: 'UN Security Council Consolidated List',
  EU_DUAL_USE_ANNEX_I: 'EU Annex I (Reg. 2021/821)',
};

export function datasetLabel(kind: string): string {
  return (
    DATASET_LABEL[kind] ??
    (kind.startsWith('PARTY_LIST_')
      ? listLabel(kind.slice('PARTY_LIST_'.length))
      : kind
          .replace(/_/g, ' ')
          .toLowerCase()
          .replace(/^\w/, (c) => c.toUpperCase()))
  );
}

// Restricted-party list codes (rule parameters, findings, the lists page) in words.
const LIST_LABEL: Record<string, string> = {
  SDN: 'Specially Designated Nationals (OFAC)',
  ENTITY_LIST: 'Entity List (BIS)',
  DPL: 'Denied Persons List (BIS)',
  UVL: 'Unverified List (BIS)',
  MEU: 'Military End User List (BIS)',
  DTC: 'ITAR Debarred (State)',
  ISN: 'Nonproliferation Sanctions (State)',
  SSI: 'Sectoral Sanctions Identifications (OFAC)',
  CMIC: 'Chinese Military-Industrial Complex Companies (OFAC)',
  NS_MBS: 'Non-SDN Menu-Based Sanctions (OFAC)',
  PLC: 'Palestinian Legislative Council List (OFAC)',
  CAP: 'CAPTA List (OFAC)',
  UN: 'UN Security Council Consolidated List',
};

/** "ENTITY_LIST" → "Entity List (BIS)"; an unknown code is shown as it is (it is the list's own id). */
export function listLabel(code: string): string {
  return LIST_LABEL[code] ?? code;
}
