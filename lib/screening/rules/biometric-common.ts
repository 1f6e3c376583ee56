// What the biometric rules share: the evidence they record about the product and the sale.
import { formatNumber } from '../format';
import type { TScreeningApplication, TScreeningProduct } from '../types';

export function biometricEvidence(product: TScreeningProduct, app: TScreeningApplication): Record<string, unknown> {
  const bio = product?.biometric;
  return {
    modality: bio?.modality,
    matchingMode: bio?.matchingMode,
    remoteGalleryAccess: bio?.remoteGalleryAccess,
    liveVideo: bio?.liveVideo,
    maxGallerySize: bio?.maxGallerySize,
    destination: app.destination?.country ?? '',
    endUserType: app.endUser?.type,
    endUseCategory: app.endUse?.category,
  };
}

export const MODALITY_WORDS: Record<string, string> = {
  FACE: 'face',
  FINGERPRINT: 'fingerprint',
  IRIS: 'iris',
  VOICE: 'voice',
  GAIT: 'gait',
  OTHER: 'biometric',
};

export type TOneToManyTest = {
  remoteGalleryCountsAsOneToMany: boolean;
  oneToOneGalleryThreshold: number;
  liveVideoCountsAsOneToMany: boolean;
};

/**
 * Whether a biometric product can identify people 1:N, and why: declared 1:N, or declared 1:1 but
 * with remote gallery access, a gallery above the threshold, or live video. Unknown gallery size on
 * a 1:1 product counts as "cannot rule it out".
 */
export function identificationCapability(bio: TScreeningProduct['biometric'], t: TOneToManyTest): { oneToMany: boolean; declared: boolean; reasons: string[] } {
  if (!bio) return { oneToMany: false, declared: false, reasons: [] };
  if (bio.matchingMode === 'ONE_TO_MANY') return { oneToMany: true, declared: true, reasons: ['declared 1:N identification'] };
  const reasons: string[] = [];
  if (t.remoteGalleryCountsAsOneToMany && bio.remoteGalleryAccess === true) reasons.push('it has remote gallery access');
  const size = bio.maxGallerySize;
  if (typeof size !== 'number' || !Number.isFinite(size) || size < 0) reasons.push('its gallery size is not known');
  else if (size > t.oneToOneGalleryThreshold)
    reasons.push(`its gallery holds up to ${formatNumber(size)} templates (more than ${formatNumber(t.oneToOneGalleryThreshold)})`);
  if (t.liveVideoCountsAsOneToMany && bio.liveVideo === true) reasons.push('it works on live video');
  return { oneToMany: reasons.length > 0, declared: false, reasons };
}
