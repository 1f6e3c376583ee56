// Military end users and end uses (744.21): any item for Belarus and Russia; items other than
// EAR99 for Burma, Cambodia, China, Nicaragua and Venezuela. Looks at the country of ultimate
// destination and every other party's country, each with its equivalences (Hong Kong is China).
import { z } from 'zod';
import { describePlace, itemClass, makeFinding, placesWithEquivalents } from '../finding';
import type { TFinding } from '../types';
import { END_USE_CODES, END_USER_TYPE_CODES, defineItemRule, p } from './define';

export const ZMilitaryEndUserParams = z.object({
  endUserTypes: p.enumList(END_USER_TYPE_CODES, 'Military end-user types'),
  endUseCategories: p.enumList(END_USE_CODES, 'Military end uses'),
  anyItemCountries: p.countries('Countries where any item needs a licence'),
  nonEar99Countries: p.countries('Countries where items other than EAR99 need a licence'),
  anyItemOutcome: p.outcome('Outcome in "any item" countries'),
  nonEar99Outcome: p.outcome('Outcome in "non-EAR99" countries'),
});

export const militaryEndUserRule = defineItemRule({
  id: 'end-user.military-744-21',
  regime: 'US_EAR',
  params: ZMilitaryEndUserParams,
  check({ product, app, rs, rule, params }) {
    const byType = (params.endUserTypes as readonly string[]).includes(app.endUser?.type);
    const byUse = (params.endUseCategories as readonly string[]).includes(app.endUse?.category);
    if (!byType && !byUse) return [];
    const cls = itemClass(product);
    const out: TFinding[] = [];
    const nameOf = (c: string) => rs.countryName(c);
    for (const place of placesWithEquivalents(app, rs.equivalentsOf)) {
      const anyItem = params.anyItemCountries.includes(place.country);
      const nonEar99 = params.nonEar99Countries.includes(place.country) && cls !== 'EAR99';
      if (!anyItem && !nonEar99) continue;
      const who = byType ? `a military end user ("${app.endUser.name}")` : 'a military end use';
      const kind = byType ? 'END_USER' : 'END_USE';
      const where = place.role === 'destination' && !place.via ? nameOf(place.country) : `${nameOf(place.country)}: ${describePlace(place, nameOf)}`;
      const eq = place.via ? rs.equivalence(place.via, place.country) : null;
      const evidence = {
        country: place.country,
        role: place.role,
        partyName: place.name,
        treatedAsFrom: place.via ?? null,
        equivalenceCitation: eq?.citation ?? null,
        endUserType: app.endUser?.type,
        endUseCategory: app.endUse?.category,
        itemClass: cls,
        eccn: product?.eccn ?? null,
      };
      if (anyItem) {
        out.push(
          makeFinding(rule, {
            kind,
            outcome: params.anyItemOutcome,
            message: `This is ${who} in ${where}: 744.21 requires a licence for any item, with a policy of denial.`,
            evidence,
          }),
        );
      } else {
        const item = cls === 'CCL' ? `${product.eccn}` : 'an unclassified item (treated as not EAR99 until classified)';
        out.push(
          makeFinding(rule, {
            kind,
            outcome: params.nonEar99Outcome,
            message: `This is ${who} in ${where}: 744.21 requires a licence for ${item} (presumption of denial).`,
            evidence,
          }),
        );
      }
    }
    return out;
  },
});
