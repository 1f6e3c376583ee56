// EU restrictive measures that prohibit exporting Annex I dual-use items to a country, whatever
// Regulation 2021/821 would allow: Russia (Council Regulation (EU) No 833/2014, Art. 2), Belarus
// (Council Regulation (EC) No 765/2006, Art. 1e), and others as rule-set data. Items not in Annex I
// may still be caught by the same regulations' other annexes (e.g. 833/2014 Annex VII, XXIII): REVIEW.
// Binds exporters established in the EU.
import { z } from 'zod';
import { makeFinding, placesOf } from '../finding';
import type { TFinding } from '../types';
import { defineItemRule, p } from './define';
import { euExporterOf, euRegimeOf, readEuCode } from './eu-regime';

export const EU_SANCTIONS_RULE = 'eu.sanctions-dual-use';

export const ZEuSanctionsParams = z.object({
  measures: p.lines(
    'Countries under EU restrictive measures on dual-use items',
    {
      country: z.string().regex(/^[A-Z]{2}$/, 'country: an ISO alpha-2 code'),
      citation: z.string().min(1).max(400),
      url: z.url({ protocol: /^https$/, error: 'url: an https link to the regulation' }),
      otherItems: z.string().min(1).max(600),
    },
    'country | the regulation and article that prohibit Annex I items | its EUR-Lex link | what it says about other items',
  ),
  annexIOutcome: p.outcome('Outcome: Annex I item (or not yet classified)'),
  otherOutcome: p.outcome('Outcome: item not in Annex I'),
});
export type TEuSanctionsParams = z.output<typeof ZEuSanctionsParams>;

export const euSanctionsRule = defineItemRule({
  id: EU_SANCTIONS_RULE,
  params: ZEuSanctionsParams,
  regime: 'EU_SANCTIONS',
  check({ product, app, rs, rule, params }) {
    const exporter = euExporterOf(app, rs);
    const eu = euRegimeOf(rs);
    if (!exporter || !eu) return [];
    const code = readEuCode(product?.euControlCode, eu.annexI);
    const out: TFinding[] = [];
    const seen = new Set<string>();
    for (const place of placesOf(app)) {
      const m = params.measures.find((x) => rs.countryIn(place.country, [x.country]));
      if (!m || seen.has(m.country)) continue;
      seen.add(m.country);
      const who = place.role === 'destination' ? `the destination, ${rs.countryName(place.country)}` : `the ${place.role}${place.name ? ` "${place.name}"` : ''} (${rs.countryName(place.country)})`;
      const listed = code.kind === 'LISTED' || code.kind === 'UNCLASSIFIED' || code.kind === 'UNKNOWN_CODE';
      out.push(
        makeFinding(rule, {
          outcome: listed ? params.annexIOutcome : params.otherOutcome,
          citation: m.citation,
          citationUrl: m.url,
          message: listed
            ? `${code.kind === 'LISTED' ? `${code.code} is an Annex I dual-use item` : 'The item is not classified against Annex I, so it is treated as an Annex I item until it is'}: selling, supplying, transferring or exporting it, directly or indirectly, to ${who} is prohibited (${m.citation}).`
            : `Declared not listed in Annex I, but ${who} is under EU restrictive measures (${m.citation}): ${m.otherItems} An officer checks the item against them.`,
          evidence: { country: place.country, role: place.role, euControlCode: product?.euControlCode ?? null, exporterCountry: exporter },
        }),
      );
    }
    return out;
  },
});
