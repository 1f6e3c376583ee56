// Test support for lib/screening's tests (kept out of lib/screening: it reads the seed files): the real seed rule set, built once per test file, and an application builder.
import { loadSeedRuleSetData } from '@/lib/reference/load-seed';
import { buildRuleSet, type TRuleSet } from '@/lib/screening/rule-set';
import type { TRuleSetData, TScreeningApplication } from '@/lib/screening/types';

let cachedData: TRuleSetData | null = null;
let cachedRuleSet: TRuleSet | null = null;

export function seedData(): TRuleSetData {
  cachedData ??= loadSeedRuleSetData();
  return cachedData;
}

export function seedRuleSet(): TRuleSet {
  cachedRuleSet ??= buildRuleSet(seedData());
  return cachedRuleSet;
}

export type TAppOverrides = {
  eccn?: string | null;
  country?: string;
  region?: string | null;
  endUserName?: string;
  endUserCountry?: string;
  endUserType?: TScreeningApplication['endUser']['type'];
  endUse?: TScreeningApplication['endUse']['category'];
  biometric?: TScreeningApplication['product']['biometric'];
  consignees?: TScreeningApplication['consignees'];
  redFlags?: TScreeningApplication['redFlags'];
};

/** A plain commercial application (EAR99 to Germany by default), with overrides. */
export function app(o: TAppOverrides = {}): TScreeningApplication {
  const country = o.country ?? 'DE';
  return {
    product: {
      name: 'Test product',
      description: 'A test product',
      eccn: o.eccn === undefined ? 'EAR99' : o.eccn,
      kind: 'HARDWARE',
      quantity: 1,
      unitValueUsd: 1000,
      biometric: o.biometric ?? null,
    },
    destination: { country, region: o.region ?? null },
    endUser: {
      name: o.endUserName ?? 'Northwind Precision Instruments',
      country: o.endUserCountry ?? country,
      address: '1 Main Street',
      type: o.endUserType ?? 'COMMERCIAL',
    },
    consignees: o.consignees ?? [],
    endUse: { category: o.endUse ?? 'ACCESS_CONTROL', description: 'Door access' },
    redFlags: o.redFlags ?? [],
  };
}

export function face(o: Partial<NonNullable<TScreeningApplication['product']['biometric']>> = {}): NonNullable<TScreeningApplication['product']['biometric']> {
  return {
    modality: 'FACE',
    matchingMode: 'ONE_TO_MANY',
    maxGallerySize: 1_000_000,
    liveVideo: false,
    remoteGalleryAccess: false,
    trainingDataConsent: 'CONSENTED',
    ...o,
  };
}
