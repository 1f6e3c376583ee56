// Restricted-party screening, as a registry entry. The matching itself is lib/screening/parties.ts
// (and names/); this adapter declares its parameters and runs it once per application.
import { z } from 'zod';
import { ecfrUrlOf } from '../finding';
import { checkParties } from '../parties';
import type { TRegime } from '../types';
import { defineApplicationRule, p } from './define';

const ZListParams = z.object({
  strongOutcome: p.outcome('Outcome of a strong match'),
  citation: p.text('Citation'),
  citationUrl: z
    .url({ protocol: /^https$/ })
    .optional()
    .meta({ label: 'Link to the cited text (https)', field: 'text' }),
  licensePolicy: p.text('Licence policy'),
  // e.g. the UN list: each finding cites the entry's own regime and reference number after the list's citation
  citeEntry: p.tri('Cite the entry’s programme and reference number'),
  // the list's legal effect as data (lib/reference/party-list-effects.ts explains the seed's choices)
  meaning: p.text('What the list means (shown to the officer)', 1000).optional(),
  sourceListUrl: p.text('Official page of the list', 500).optional(),
  useEntryPolicy: p.tri('Use the entry’s own licence requirement and policy'),
  allItemsRequirement: p.text('Pattern: entry requirements that cover every item subject to the EAR', 500).optional(),
  ear99Outcome: p.optionalOutcome('Outcome for EAR99 items when the requirement covers CCL items only'),
  anyItemCountries: p.countries('Entries located here need a licence for any item').optional(),
  maxAgeDays: p.integer('Maximum age of this list (days; overrides the rule’s)', 1, 3650).optional(),
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
    maxListAgeDays: p.integer('Maximum list age (days, against the rule set’s as-of date)', 1, 3650).optional(),
    staleListOutcome: p.optionalOutcome('Outcome when a list is older than that'),
    commonNameMinListNames: p.integer('A personal name is common when each matched word is in at least this many list names', 1, 100_000).optional(),
    fullNameScore: p.number('Full-name match from score (never lowered for another country)', 0.9, 1, 0.01).optional(),
    lists: z.record(z.string(), ZListParams),
  })
  .refine((v) => v.possibleThreshold <= v.strongThreshold, {
    message: 'The possible-match score cannot be higher than the strong-match score',
    path: ['possibleThreshold'],
  });
export type TPartyParams = z.output<typeof ZPartyParams>;

// Which regime a list belongs to: the UN Security Council's list, EU lists (code EU_…), the BIS
// lists of the EAR, and the other US lists (OFAC, State).
const EAR_LISTS = new Set(['ENTITY_LIST', 'DPL', 'UVL', 'MEU']);
export function regimeOfList(code: string): TRegime {
  if (code === 'UN') return 'UN';
  if (code.startsWith('EU')) return 'EU_SANCTIONS';
  if (EAR_LISTS.has(code)) return 'US_EAR';
  return 'US_SANCTIONS';
}

export const partyRestrictedListsRule = defineApplicationRule({
  id: 'party.restricted-lists',
  params: ZPartyParams,
  check({ app, rs, rule, params, clearedMatches }) {
    // each list's link to its cited text (the matcher sets the list's citation)
    return checkParties(app, rs, clearedMatches).map((f) => {
      const list = typeof f.evidence.list === 'string' && Object.hasOwn(params.lists, f.evidence.list) ? params.lists[f.evidence.list] : undefined;
      const url =
        f.citationUrl ??
        (list && f.citation.startsWith(list.citation)
          ? (list.citationUrl ?? ecfrUrlOf(list.citation) ?? list.sourceListUrl)
          : (ecfrUrlOf(f.citation) ?? rule.citationUrl));
      const regime = regimeOfList(typeof f.evidence.list === 'string' ? f.evidence.list : '');
      return url ? { ...f, citationUrl: url, regime } : { ...f, regime };
    });
  },
});
