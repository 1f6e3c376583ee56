// Country equivalences the EAR makes, as rule-set data an admin edits (with a citation each):
// - a country treated as another country (Hong Kong as China since FR Doc. 2020-28101): used by every
//   check that reads a country list, by the chart and groups, and by party matching's country test;
// - a country treated as a member of a Country Group only where the EAR names both ("Macau or a
//   destination specified in Country Group D:5"): read through rs.inGroupOrNamed().
// The built rule set exposes them as equivalentsOf / countryIn / sameCountry / inGroupOrNamed.
import { z } from 'zod';
import { defineDataRule, p } from './define';

export const COUNTRY_EQUIVALENCES_RULE = 'country.equivalences';

export const ZCountryEquivalencesParams = z.object({
  equivalences: p.lines(
    'Equivalences',
    {
      country: z.string().regex(/^[A-Z]{2}$/, 'country: an ISO alpha-2 code'),
      treatedAs: z.string().regex(/^[A-Z]{2}$|^[A-Z](:\d)?$/, 'treatedAs: a country code (CN) or a Country Group (D:5)'),
      citation: z.string().min(1).max(300),
      url: z.url({ protocol: /^https$/, error: 'url: an https link to the regulation' }),
    },
    'treatedAs a country: everywhere; a Country Group: only where the EAR names the country with that group',
  ),
});
export type TCountryEquivalence = z.output<typeof ZCountryEquivalencesParams>['equivalences'][number];

export const countryEquivalencesRule = defineDataRule({ id: COUNTRY_EQUIVALENCES_RULE, params: ZCountryEquivalencesParams });
