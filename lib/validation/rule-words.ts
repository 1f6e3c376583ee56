// The words the rule pages show for codes (outcomes, bases, kinds, Freedom House statuses). Kept apart
// from rules.ts so client components can use them without importing the screening engine.
export const OUTCOMES = ['CLEAR', 'REVIEW', 'LICENSE_REQUIRED', 'PROHIBITED'] as const;
export const OUTCOME_WORDS: Record<(typeof OUTCOMES)[number], string> = {
  CLEAR: 'Clear',
  REVIEW: 'Review',
  LICENSE_REQUIRED: 'Licence required',
  PROHIBITED: 'Prohibited',
};
export const BASIS_WORDS = { LAW: 'Law', PROPOSED: 'Proposed rule', POLICY: 'Company policy' } as const;
export const KIND_WORDS: Record<string, string> = {
  EMBARGO: 'Embargo',
  LICENSE_REQUIREMENT: 'Licence requirement',
  END_USER: 'End user',
  END_USE: 'End use',
  PARTY_MATCH: 'Restricted party',
  BIOMETRIC_POLICY: 'Biometric policy',
  KYC: 'Know your customer',
  DATA_GAP: 'Missing data',
};
export const FREEDOM_STATUSES = ['F', 'PF', 'NF'] as const;
export const FREEDOM_WORDS: Record<string, string> = { F: 'Free', PF: 'Partly Free', NF: 'Not Free' };

const words = (code: string) => {
  const w = code.toLowerCase().replace(/_/g, ' ');
  return w.charAt(0).toUpperCase() + w.slice(1);
};
const ENUM_WORDS: Record<string, string> = {
  ONE_TO_ONE: '1:1 verification',
  ONE_TO_MANY: '1:N identification',
  NOT_CONSENTED: 'Not consented',
  ...FREEDOM_WORDS,
  ...OUTCOME_WORDS,
};
export const codeWords = (code: string) => ENUM_WORDS[code] ?? words(code);
