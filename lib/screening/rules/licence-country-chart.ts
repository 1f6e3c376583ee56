// Licence determination (ECCN × Commerce Country Chart), as a registry entry. The determination
// itself is lib/screening/licence.ts; this adapter declares its parameters and runs it per item,
// for the country of ultimate destination and every other party's country (the worst one wins).
import { z } from 'zod';
import { placesOf, worstPlace } from '../finding';
import { checkLicence } from '../licence';
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
  params: ZLicenceCountryChartParams,
  /** The chart for the country of ultimate destination and for every other party's country: worst wins. */
  check({ product, app, rs }) {
    return worstPlace(app, placesOf(app), (c) => rs.countryName(c), (place) => checkLicence(product, place.country, rs));
  },
});
