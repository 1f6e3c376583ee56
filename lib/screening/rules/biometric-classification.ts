// A biometric identification product declared EAR99 is a classification gap: such systems are
// normally on the CCL (3A981 fingerprint/identification equipment, 4A003/4D001 or 4A980/4D980
// fingerprint computers, 5A002/5D002 for their cryptographic parts). REVIEW, naming the usual ECCNs.
import { z } from 'zod';
import { makeFinding } from '../finding';
import { parseEccn } from '../eccn';
import { MODALITY_CODES, defineItemRule, p } from './define';
import { MODALITY_WORDS, biometricEvidence, identificationCapability } from './biometric-common';
import { SCOPE_RULE, type TOneToManyScope } from './biometric-one-to-many';

export const ZBiometricClassificationParams = z.object({
  modalities: p.enumList(MODALITY_CODES, 'Modalities'),
  usualEccns: p.text('The ECCNs such systems usually have (shown in the finding)', 500),
  outcome: p.outcome('Outcome'),
});

export const biometricClassificationRule = defineItemRule({
  id: 'biometric.classification',
  regime: 'US_EAR',
  params: ZBiometricClassificationParams,
  check({ product, app, rs, rule, params }) {
    const bio = product?.biometric;
    if (!bio || parseEccn(product.eccn).kind !== 'EAR99') return [];
    if (!(params.modalities as readonly string[]).includes(bio.modality)) return [];
    const scope = rs.rules.get(SCOPE_RULE)?.params as TOneToManyScope | undefined;
    const cap = identificationCapability(
      bio,
      scope ?? { remoteGalleryCountsAsOneToMany: true, oneToOneGalleryThreshold: 10_000, liveVideoCountsAsOneToMany: true },
    );
    if (!cap.oneToMany) return [];
    const what = cap.declared
      ? `a 1:N ${MODALITY_WORDS[bio.modality]} identification system`
      : `a ${MODALITY_WORDS[bio.modality]} product that can identify people (${cap.reasons.join('; ')})`;
    return [
      makeFinding(rule, {
        kind: 'DATA_GAP',
        outcome: params.outcome,
        licensePolicy: null,
        message: `"${product.name}" is ${what} but is declared EAR99; such systems are normally classified ${params.usualEccns}. Confirm the classification (a CCJ or self-classification record) before a licence decision.`,
        evidence: { ...biometricEvidence(product, app), eccn: product.eccn, usualEccns: params.usualEccns },
      }),
    ];
  },
});
