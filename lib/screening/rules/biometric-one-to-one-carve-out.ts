// 1:1 verification carve-out: comparing a person with one enrolled template, without vendor-hosted
// gallery access, is outside the surveillance policy.
import { z } from 'zod';
import { makeFinding } from '../finding';
import { MATCHING_MODE_CODES, MODALITY_CODES, defineItemRule, p } from './define';
import { biometricEvidence, identificationCapability } from './biometric-common';
import { SCOPE_RULE, type TOneToManyScope } from './biometric-one-to-many';

export const ZCarveOutParams = z.object({
  modalities: p.enumList(MODALITY_CODES, 'Biometric modalities'),
  matchingModes: p.enumList(MATCHING_MODE_CODES, 'Matching modes'),
  outcome: p.outcome('Outcome'),
});

export const oneToOneCarveOutRule = defineItemRule({
  id: 'biometric.one-to-one-carve-out',
  params: ZCarveOutParams,
  check({ product, app, rs, rule, params }) {
    const bio = product?.biometric;
    if (!bio) return [];
    if (!(params.modalities as readonly string[]).includes(bio.modality) || !(params.matchingModes as readonly string[]).includes(bio.matchingMode)) return [];
    // a 1:1 product that the 1:N scope treats as identification (gallery, live video, remote access) is not carved out
    const scope = rs.rules.get(SCOPE_RULE)?.params as TOneToManyScope | undefined;
    const cap = identificationCapability(bio, scope ?? { remoteGalleryCountsAsOneToMany: true, oneToOneGalleryThreshold: 1, liveVideoCountsAsOneToMany: true });
    if (cap.oneToMany) return [];
    return [
      makeFinding(rule, {
        outcome: params.outcome,
        message: `${bio.modality === 'FACE' ? 'Face' : bio.modality} verification (1:1) without remote gallery access, live video or a large gallery: the 1:1 carve-out applies; the surveillance policy does not restrict it.`,
        evidence: biometricEvidence(product, app),
      }),
    ];
  },
});
