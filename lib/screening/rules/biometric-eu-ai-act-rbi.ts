// EU AI Act Art. 5(1)(h): real-time remote biometric identification in public spaces for law
// enforcement is prohibited in the EU except narrow, authorised cases; such a sale is reviewed.
import { z } from 'zod';
import { makeFinding, placesOf } from '../finding';
import { END_USE_CODES, END_USER_TYPE_CODES, defineItemRule, p } from './define';
import { biometricEvidence } from './biometric-common';

export const ZEuAiActParams = z.object({
  destinationCountries: p.countries('Destination countries'),
  endUserTypes: p.enumList(END_USER_TYPE_CODES, 'End-user types'),
  endUseCategories: p.enumList(END_USE_CODES, 'End-use categories'),
  liveVideo: p.tri('Live video'),
  outcome: p.outcome('Outcome'),
});

export const euAiActRule = defineItemRule({
  id: 'biometric.eu-ai-act-rbi',
  params: ZEuAiActParams,
  check({ product, app, rs, rule, params }) {
    const bio = product?.biometric;
    if (!bio) return [];
    // where the identification is used: the country of ultimate destination or any party's country in the list
    const dest =
      placesOf(app)
        .map((place) => rs.countryIn(place.country, params.destinationCountries))
        .find((c) => c !== null) ?? null;
    if (
      dest === null ||
      !(params.endUserTypes as readonly string[]).includes(app.endUser?.type) ||
      !(params.endUseCategories as readonly string[]).includes(app.endUse?.category) ||
      (params.liveVideo !== undefined && params.liveVideo !== bio.liveVideo)
    ) {
      return [];
    }
    return [
      makeFinding(rule, {
        outcome: params.outcome,
        message: `Live biometric identification in public spaces for law enforcement in ${rs.countryName(dest)}: the EU AI Act prohibits it (Art. 5(1)(h)) except narrow, authorised cases; an officer must review.`,
        evidence: biometricEvidence(product, app),
      }),
    ];
  },
});
