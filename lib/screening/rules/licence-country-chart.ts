// Licence determination (ECCN × Commerce Country Chart), as a registry entry. The determination
// itself is lib/screening/licence.ts; this adapter declares its parameters and runs it per item,
// for the country of ultimate destination and every other party's country (the worst one wins).
import { z } from 'zod';
import { placesOf, worstPlace } from '../finding';
import { checkLicence } from '../licence';
import { keyPart } from '../memo';
import { defineItemRule, p } from './define';

export const ZLicenceCountryChartParams = z.object({
  licensePolicies: p.textMap('Licence policy per reason for control'),
  citations: p.textMap('Citation per reason for control'),
  unknownRowOutcome: p.outcome('Outcome when the destination has no chart row'),
  // Part 746 destinations whose chart row only points to Part 746 but which the regulation of the
  // rule set's date does not embargo outright (Syria since 2025-09-02): a licence for every item.
  part746: z
    .record(
      z.string().regex(/^[A-Z]{2}$/),
      z.object({
        section: p.text('EAR section', 40),
        requirement: p.text('Requirement (ALL_ITEMS_EXCEPT_EAR99_FOOD_MEDICINE)', 60),
        citation: p.text('Citation'),
        ecfrAsOf: p.text('Regulation as of (eCFR date)', 10),
        licensePolicy: p.text('Licence policy'),
      }),
    )
    .optional(),
});
export type TLicenceCountryChartParams = z.output<typeof ZLicenceCountryChartParams>;

export const licenceCountryChartRule = defineItemRule({
  id: 'licence.country-chart',
  regime: 'US_EAR',
  params: ZLicenceCountryChartParams,
  /** The chart for the country of ultimate destination and for every other party's country: worst wins. */
  check({ product, app, rs, rule, memo }) {
    // depends on the item's ECCN only (checkLicence reads nothing else of the product): once per ECCN per application
    return memo.get(`licence.country-chart|${keyPart(product?.eccn)}`, () => {
      const findings = worstPlace(
        app,
        placesOf(app),
        (c) => rs.countryName(c),
        (place) => checkLicence(product, place.country, rs),
      );
      return findings.map((f) => (f.citationUrl || !rule.citationUrl ? f : { ...f, citationUrl: citationUrlFor(f.citation, rule.citationUrl) }));
    });
  },
});

/** The eCFR page of the first section or part a citation names ("15 CFR 742.7; …" → section-742.7). */
export function citationUrlFor(citation: string, fallback: string): string {
  const section = /(?:15 CFR |§\s?)(\d{3}\.\d+)/.exec(citation);
  if (section) return `https://www.ecfr.gov/current/title-15/section-${section[1]}`;
  const part = /Part (7\d\d)/.exec(citation);
  if (part) return `https://www.ecfr.gov/current/title-15/part-${part[1]}`;
  return fallback;
}
