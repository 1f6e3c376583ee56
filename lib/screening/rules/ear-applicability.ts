// Whether the EAR applies to a line item. For a US exporter, always (and nothing is said). For an
// exporter established elsewhere, only to items subject to the EAR (US origin, US content above de
// minimis, a foreign direct product): "Yes" → the EAR rules run; "No" → they are skipped for that
// item and this finding says why; not answered / "Don't know" → a DATA_GAP (REVIEW), and the EAR
// rules run as if it were (fail closed). screen.ts does the skipping.
import { z } from 'zod';
import { makeFinding } from '../finding';
import type { TScreeningApplication, TScreeningProduct, TSubjectToEar } from '../types';
import { defineItemRule, p } from './define';
import { exporterCountryOf } from './eu-regime';

export const EAR_APPLICABILITY_RULE = 'ear.applicability';

export const ZEarApplicabilityParams = z.object({
  unknownOutcome: p.outcome('Outcome: not known whether the item is subject to the EAR'),
});

/** YES when the EAR applies to the item, NO when the exporter says it does not, UNKNOWN otherwise. */
export function earApplies(product: TScreeningProduct | undefined, app: TScreeningApplication): TSubjectToEar {
  if (exporterCountryOf(app) === 'US') return 'YES';
  const v = product?.subjectToEar;
  return v === 'YES' || v === 'NO' ? v : 'UNKNOWN';
}

export const earApplicabilityRule = defineItemRule({
  id: EAR_APPLICABILITY_RULE,
  params: ZEarApplicabilityParams,
  regime: 'US_EAR',
  check({ product, app, rs, rule, params }) {
    const exporter = exporterCountryOf(app);
    if (exporter === 'US') return [];
    const applies = earApplies(product, app);
    const from = rs.countryName(exporter);
    if (applies === 'YES') return [];
    if (applies === 'NO') {
      return [
        makeFinding(rule, {
          outcome: 'CLEAR',
          licensePolicy: null,
          message: `The exporter (established in ${from}) declares this item not subject to the EAR (no US origin, no US content above de minimis, not a foreign direct product): the US EAR rules were not applied to it. Restricted-party screening still ran.`,
          evidence: { subjectToEar: 'NO', exporterCountry: exporter },
        }),
      ];
    }
    return [
      makeFinding(rule, {
        kind: 'DATA_GAP',
        outcome: params.unknownOutcome,
        licensePolicy: null,
        message: `The exporter is established in ${from}; whether this item is subject to the EAR (US origin, US content above de minimis, foreign direct product) is not known. The US EAR rules were applied as if it were; an officer confirms.`,
        evidence: { subjectToEar: product?.subjectToEar ?? null, exporterCountry: exporter },
      }),
    ];
  },
});
