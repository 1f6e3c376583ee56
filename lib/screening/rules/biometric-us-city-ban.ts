// Transfers inside the United States: 1:N face identification for a government or police end user
// in a city that bans government use of facial recognition → REVIEW (company policy), citing the
// ordinance. The city is read from the optional endUser.city field, else from the end user's address
// (the city name and its state, as a code or a name).
import { z } from 'zod';
import { makeFinding, ultimateDestination } from '../finding';
import { END_USER_TYPE_CODES, MODALITY_CODES, defineItemRule, p } from './define';
import { biometricEvidence, identificationCapability } from './biometric-common';
import { SCOPE_RULE, type TOneToManyScope } from './biometric-one-to-many';

export const ZCityBanParams = z.object({
  modalities: p.enumList(MODALITY_CODES, 'Modalities'),
  endUserTypes: p.enumList(END_USER_TYPE_CODES, 'Government or police end users'),
  cities: p.lines('Cities that ban government use of facial recognition', {
    city: z.string().min(1),
    state: z.string().regex(/^[A-Z]{2}$/, 'state: a two-letter code'),
    stateName: z.string().min(1),
    ordinance: z.string().min(1),
  }),
  outcome: p.outcome('Outcome'),
});

const norm = (s: unknown) =>
  typeof s === 'string'
    ? s
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim()
    : '';
const hasWords = (text: string, words: string) => words !== '' && ` ${text} `.includes(` ${words} `);

export const usCityBanRule = defineItemRule({
  id: 'biometric.us-city-ban',
  params: ZCityBanParams,
  check({ product, app, rs, rule, params }) {
    const bio = product?.biometric;
    if (!bio || !(params.modalities as readonly string[]).includes(bio.modality)) return [];
    if (ultimateDestination(app).country !== 'US') return [];
    if (!(params.endUserTypes as readonly string[]).includes(app.endUser?.type)) return [];
    const scope = rs.rules.get(SCOPE_RULE)?.params as TOneToManyScope | undefined;
    const cap = identificationCapability(
      bio,
      scope ?? { remoteGalleryCountsAsOneToMany: true, oneToOneGalleryThreshold: 10_000, liveVideoCountsAsOneToMany: true },
    );
    if (!cap.oneToMany) return [];
    const field = norm(app.endUser?.city);
    const address = norm(app.endUser?.address);
    const hit = params.cities.find((c) => {
      const city = norm(c.city);
      const inState = hasWords(address, norm(c.state)) || hasWords(address, norm(c.stateName));
      if (field !== '') return field === city && (inState || !params.cities.some((o) => o !== c && norm(o.city) === city));
      return hasWords(address, city) && inState;
    });
    if (!hit) return [];
    return [
      makeFinding(rule, {
        outcome: params.outcome,
        citation: `${hit.ordinance} (${hit.city}, ${hit.state})`,
        message: `1:N face identification for a ${String(app.endUser.type).toLowerCase().replace(/_/g, ' ')} end user in ${hit.city}, ${hit.state}: the city bans government use of facial recognition (${hit.ordinance}); company policy: review before any transfer.`,
        evidence: {
          ...biometricEvidence(product, app),
          city: hit.city,
          state: hit.state,
          ordinance: hit.ordinance,
          cityFrom: field !== '' ? 'endUser.city' : 'endUser.address',
        },
      }),
    ];
  },
});
