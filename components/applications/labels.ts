// Plain words for the application's codes (PRODUCT.md §2, §3), shared by the form and the pages.
export const PRODUCT_KIND_LABEL = { HARDWARE: 'Hardware', SOFTWARE: 'Software', TECHNOLOGY: 'Technology' } as const;
export const MODALITY_LABEL = { FACE: 'Face', FINGERPRINT: 'Fingerprint', IRIS: 'Iris', VOICE: 'Voice', GAIT: 'Gait', OTHER: 'Other' } as const;
export const MATCHING_MODE_LABEL = { ONE_TO_ONE: '1:1 verification', ONE_TO_MANY: '1:N identification' } as const;
export const CONSENT_LABEL = { CONSENTED: 'Collected with consent', NOT_CONSENTED: 'Not collected with consent', UNKNOWN: 'Unknown' } as const;
export const END_USER_TYPE_LABEL = {
  COMMERCIAL: 'Commercial', GOVERNMENT: 'Government (civil)', LAW_ENFORCEMENT: 'Law enforcement', MILITARY: 'Military',
  INTELLIGENCE: 'Intelligence', ACADEMIC: 'Academic or research', INDIVIDUAL: 'Individual',
} as const;
export const CONSIGNEE_ROLE_LABEL = { INTERMEDIATE: 'Intermediate consignee', ULTIMATE: 'Ultimate consignee' } as const;
export const END_USE_LABEL = {
  ACCESS_CONTROL: 'Access control', DEVICE_UNLOCK: 'Device unlock', BORDER_CONTROL: 'Border control',
  LAW_ENFORCEMENT_INVESTIGATION: 'Law-enforcement investigation', PUBLIC_SPACE_SURVEILLANCE: 'Surveillance of public spaces',
  RETAIL_ANALYTICS: 'Retail analytics', RESEARCH: 'Research', MILITARY: 'Military', OTHER: 'Other',
} as const;
export const BASIS_LABEL = { LAW: 'Law', PROPOSED: 'Proposed rule', POLICY: 'Company policy' } as const;
export const FINDING_KIND_LABEL = {
  EMBARGO: 'Embargo', LICENSE_REQUIREMENT: 'Licence requirement', END_USER: 'End user', END_USE: 'End use',
  PARTY_MATCH: 'Restricted party', BIOMETRIC_POLICY: 'Biometric policy', KYC: 'Know your customer', DATA_GAP: 'Missing data',
} as const;
export const DECISION_LABEL = { APPROVE: 'Approved', APPROVE_IN_PART: 'Approved in part', DENY: 'Denied', REQUEST_INFO: 'Information requested', ESCALATE: 'Referred to a senior officer' } as const;
export const TRIGGER_LABEL = { SUBMIT: 'Screened on submission', RESUBMIT: 'Screened again on resubmission', RESCREEN: 'Re-screened under new rules', MANUAL: 'Screened again by an officer' } as const;

export const optionsOf = <T extends Record<string, string>>(labels: T) => Object.entries(labels).map(([value, label]) => ({ value, label }));
export const labelOf = (labels: Record<string, string>, code: string | null | undefined) => (code ? (labels[code] ?? code) : '');
