// Military-intelligence end users (744.22): any item, in the listed countries.
import { z } from 'zod';
import { makeFinding } from '../finding';
import { END_USER_TYPE_CODES, defineApplicationRule, p } from './define';

export const ZMilitaryIntelligenceParams = z.object({
  endUserTypes: p.enumList(END_USER_TYPE_CODES, 'Military-intelligence end-user types'),
  countries: p.countries('Countries'),
  outcome: p.outcome('Outcome'),
});

export const militaryIntelligenceRule = defineApplicationRule({
  id: 'end-user.military-intelligence-744-22',
  params: ZMilitaryIntelligenceParams,
  check({ app, rs, rule, params }) {
    if (!(params.endUserTypes as readonly string[]).includes(app.endUser?.type)) return [];
    const countries = [...new Set([app.endUser?.country, app.destination?.country].filter((c): c is string => typeof c === 'string'))];
    return countries
      .filter((c) => params.countries.includes(c))
      .map((country) =>
        makeFinding(rule, {
          outcome: params.outcome,
          message: `"${app.endUser.name}" is a military-intelligence end user in ${rs.countryName(country)}: 744.22 requires a licence for any item (presumption of denial).`,
          evidence: { country, endUserType: app.endUser.type },
        }),
      );
  },
});
