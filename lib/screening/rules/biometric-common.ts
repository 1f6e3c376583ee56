// What the biometric rules share: the evidence they record about the product and the sale.
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
