// Military-intelligence end users (744.22): any item, in the listed countries. Looks at the country
// of ultimate destination and every other party's country, each with its equivalences.
import { z } from 'zod';
import { describePlace, makeFinding, placesWithEquivalents } from '../finding';
import { END_USER_TYPE_CODES, defineApplicationRule, p } from './define';

export const ZMilitaryIntelligenceParams = z.object({
  endUserTypes: p.enumList(END_USER_TYPE_CODES, 'Military-intelligence end-user types'),
  countries: p.countries('Countries'),
  outcome: p.outcome('Outcome'),
});

export const militaryIntelligenceRule = defineApplicationRule({
  id: 'end-user.military-intelligence-744-22',
  regime: 'US_EAR',
  params: ZMilitaryIntelligenceParams,
  check({ app, rs, rule, params }) {
    if (!(params.endUserTypes as readonly string[]).includes(app.endUser?.type)) return [];
    const nameOf = (c: string) => rs.countryName(c);
    return placesWithEquivalents(app, rs.equivalentsOf)
      .filter((place) => params.countries.includes(place.country))
      .map((place) => {
        const where = place.role === 'destination' && !place.via ? nameOf(place.country) : `${nameOf(place.country)}: ${describePlace(place, nameOf)}`;
        const eq = place.via ? rs.equivalence(place.via, place.country) : null;
        return makeFinding(rule, {
          outcome: params.outcome,
          message: `"${app.endUser.name}" is a military-intelligence end user in ${where}: 744.22 requires a licence for any item (presumption of denial).`,
          evidence: {
            country: place.country,
            role: place.role,
            partyName: place.name,
            treatedAsFrom: place.via ?? null,
            equivalenceCitation: eq?.citation ?? null,
            endUserType: app.endUser.type,
          },
        });
      });
  },
});
