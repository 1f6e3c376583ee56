// Embargoed destinations and parties: the destination, the end user or any consignee in a country
// of an embargoed Country Group (E:1, E:2).
import { z } from 'zod';
import { describeLocation, locationsOf, makeFinding } from '../finding';
import { defineApplicationRule, p } from './define';

export const ZEmbargoCountryGroupParams = z.object({
  groups: p.groups('Embargoed Country Groups'),
  outcome: p.outcome('Outcome'),
  exceptCountries: p
    .countries('Countries of those groups not blocked here', 'Handled by another rule (Syria: the 746.9 licence requirement in licence.country-chart)')
    .optional(),
});

export const embargoCountryGroupRule = defineApplicationRule({
  id: 'embargo.country-group',
  regime: 'US_EAR',
  params: ZEmbargoCountryGroupParams,
  check({ app, rs, rule, params }) {
    return locationsOf(app).flatMap((loc) => {
      if (params.exceptCountries?.includes(loc.country)) return [];
      const hit = params.groups.filter((g) => rs.inGroup(loc.country, g));
      if (hit.length === 0) return [];
      const name = rs.countryName(loc.country);
      return [
        makeFinding(rule, {
          outcome: params.outcome,
          message: `${describeLocation(loc, name)} is in Country Group ${hit.join(', ')} (embargoed): exports are blocked.`,
          evidence: { role: loc.role, partyName: loc.name, partyIndex: loc.index ?? null, country: loc.country, groups: hit },
        }),
      ];
    });
  },
});
