// Restricted-party screening, as a registry entry. The matching itself is lib/screening/parties.ts
// (and names/); this adapter declares its parameters and runs it once per application.
import { z } from 'zod';
import { checkParties } from '../parties';
import { defineApplicationRule, p } from './define';

const ZListParams = z.object({
  strongOutcome: p.outcome('Outcome of a strong match'),
  citation: p.text('Citation'),
  citationUrl: z.url({ protocol: /^https$/ }).optional().meta({ label: 'Link to the cited text (https)', field: 'text' }),
  licensePolicy: p.text('Licence policy'),
  // e.g. the UN list: each finding cites the entry's own regime and reference number after the list's citation
  citeEntry: p.tri('Cite the entry’s programme and reference number'),
});

export const ZPartyParams = z
  .object({
    strongThreshold: p.number('Strong match from score', 0.5, 1, 0.01),
    possibleThreshold: p.number('Possible match from score', 0.5, 1, 0.01),
    countryMismatchPenalty: p.number('Score reduction when countries differ', 0, 0.5, 0.01),
    maxMatchesPerParty: p.integer('Matches shown per party', 1, 50),
    possibleOutcome: p.outcome('Outcome of a possible match'),
    expiredOutcome: p.outcome('Outcome of an expired listing'),
    defaultStrongOutcome: p.outcome('Outcome of a strong match on other lists'),
    lists: z.record(z.string(), ZListParams),
  })
  .refine((v) => v.possibleThreshold <= v.strongThreshold, { message: 'The possible-match score cannot be higher than the strong-match score', path: ['possibleThreshold'] });
export type TPartyParams = z.output<typeof ZPartyParams>;

export const partyRestrictedListsRule = defineApplicationRule({
  id: 'party.restricted-lists',
  params: ZPartyParams,
  check({ app, rs, rule, params, clearedMatches }) {
    // each list's link to its cited text (the matcher sets the list's citation)
    return checkParties(app, rs, clearedMatches).map((f) => {
      const list = typeof f.evidence.list === 'string' && Object.hasOwn(params.lists, f.evidence.list) ? params.lists[f.evidence.list] : undefined;
      const url = list && f.citation === list.citation ? list.citationUrl : f.citation === rule.citation ? rule.citationUrl : undefined;
      return url ? { ...f, citationUrl: url } : f;
    });
  },
});
