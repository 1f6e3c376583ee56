// Biometric training data collected without consent, or of unknown consent status, is reviewed.
import { z } from 'zod';
import { makeFinding } from '../finding';
import { CONSENT_CODES, defineItemRule, p } from './define';

export const ZTrainingDataParams = z.object({
  statuses: p.enumList(CONSENT_CODES, 'Training-data consent statuses'),
  outcome: p.outcome('Outcome'),
});

export const trainingDataConsentRule = defineItemRule({
  id: 'biometric.training-data-consent',
  params: ZTrainingDataParams,
  check({ product, rule, params }) {
    const bio = product?.biometric;
    if (!bio || !(params.statuses as readonly string[]).includes(bio.trainingDataConsent ?? 'UNKNOWN')) return [];
    return [
      makeFinding(rule, {
        outcome: params.outcome,
        message: `The biometric training data is ${bio.trainingDataConsent === 'NOT_CONSENTED' ? 'not collected with consent' : 'of unknown consent status'}; an officer must review its provenance.`,
        evidence: { trainingDataConsent: bio.trainingDataConsent ?? null },
      }),
    ];
  },
});
