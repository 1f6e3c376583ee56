// Embargoed regions (Crimea, the so-called DNR/LNR): by ISO 3166-2 code; a destination country that
// contains such regions, given without a region, goes to review.
import { z } from 'zod';
import { makeFinding } from '../finding';
import type { TFinding } from '../types';
import { defineApplicationRule, p } from './define';

export const ZEmbargoRegionParams = z.object({
  regions: p.regions('Embargoed regions (ISO 3166-2 code and name, one per line)'),
  regionRequiredFor: p.countries('Countries where the region must be given'),
  outcome: p.outcome('Outcome'),
});

export const embargoRegionRule = defineApplicationRule({
  id: 'embargo.region',
  regime: 'US_EAR',
  params: ZEmbargoRegionParams,
  check({ app, rs, rule, params }) {
    const region = app.destination?.region ? String(app.destination.region).toUpperCase() : null;
    const country = app.destination?.country ?? '';
    const out: TFinding[] = [];
    if (region) {
      const hit = params.regions.find((r) => r.code === region);
      if (hit) {
        out.push(
          makeFinding(rule, {
            outcome: params.outcome,
            message: `The destination region ${region} (${hit.name}) is under embargo (15 CFR 746.6): exports are blocked.`,
            evidence: { region, regionName: hit.name, country },
          }),
        );
      }
      if (!region.startsWith(`${country}-`)) {
        out.push(
          makeFinding(rule, {
            kind: 'DATA_GAP',
            outcome: 'REVIEW',
            licensePolicy: null,
            message: `The region ${region} is not in the destination country ${country}; confirm the destination.`,
            evidence: { region, country },
          }),
        );
      }
    } else if (params.regionRequiredFor.includes(country)) {
      out.push(
        makeFinding(rule, {
          kind: 'DATA_GAP',
          outcome: 'REVIEW',
          licensePolicy: null,
          message: `The destination is in ${rs.countryName(country)} but no region is given; exports to Crimea and the so-called DNR/LNR regions are blocked, so give the region.`,
          evidence: { region: null, country },
        }),
      );
    }
    return out;
  },
});
