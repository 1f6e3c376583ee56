// Regulation (EU) 2021/821 Art. 4: the catch-all for items not listed in Annex I (and a condition of
// every GEA for listed ones). An authorisation is required when the items are or may be intended
// (a) for weapons of mass destruction or their delivery, or (b) for a military end use in a country
// under an arms embargo (EU Council decision or common position, OSCE, binding UN Security Council
// resolution). The embargoes are rule-set data with their Council decisions; declared red flags mean
// the exporter cannot exclude such a use (Art. 4(2): an exporter aware of it must notify).
import { z } from 'zod';
import { makeFinding } from '../finding';
import type { TRuleSet } from '../rule-set';
import type { TFinding, TScreeningApplication } from '../types';
import { END_USE_CODES, END_USER_TYPE_CODES, defineApplicationRule, p } from './define';
import { euExporterOf, euRegimeOf, placesOutsideEu } from './eu-regime';

export const EU_ART4_RULE = 'eu.catch-all-art4';

export const ZEuArt4Params = z.object({
  armsEmbargoes: p.lines(
    'EU arms embargoes',
    {
      country: z.string().regex(/^[A-Z]{2}$/, 'country: an ISO alpha-2 code'),
      scope: z.enum(['FULL', 'PARTIAL'], { error: 'scope: FULL (the whole country) or PARTIAL (non-governmental forces, named persons, some items)' }),
      measure: z.string().min(1).max(400),
    },
    'country | FULL or PARTIAL | the Council decision or common position (and UN resolution)',
  ),
  militaryEndUses: p.enumList(END_USE_CODES, 'End uses that are military'),
  militaryEndUserTypes: p.enumList(END_USER_TYPE_CODES, 'End-user types that are military'),
  wmdTerms: p.lines('Words in the end-use description that declare a WMD end use', { term: z.string().min(2).max(100) }),
  wmdOutcome: p.outcome('Outcome: WMD end use declared'),
  embargoOutcome: p.outcome('Outcome: military end use in a country under a full arms embargo'),
  partialEmbargoOutcome: p.outcome('Outcome: military end use in a country under a partial arms embargo'),
  redFlagOutcome: p.outcome('Outcome: red flags declared (the end use cannot be excluded)'),
});
export type TEuArt4Params = z.output<typeof ZEuArt4Params>;

export type TArt4Concern = { kind: 'WMD' | 'MILITARY_EMBARGO' | 'MILITARY_PARTIAL_EMBARGO' | 'RED_FLAGS'; detail: string; country?: string; measure?: string };

/** What about the application brings Art. 4 into play (also a bar to every GEA); [] when nothing does. */
export function art4Concerns(app: TScreeningApplication, rs: TRuleSet): TArt4Concern[] {
  const params = rs.rules.get(EU_ART4_RULE)?.params as TEuArt4Params | undefined;
  const eu = euRegimeOf(rs);
  if (!params || !eu) return [];
  const out: TArt4Concern[] = [];
  const description = `${app.endUse?.description ?? ''}`.toLowerCase();
  const term = params.wmdTerms.find((t) => description.includes(t.term.toLowerCase()));
  if (term) out.push({ kind: 'WMD', detail: `the end-use description mentions "${term.term}"` });
  const military = (params.militaryEndUses as readonly string[]).includes(app.endUse?.category) || (params.militaryEndUserTypes as readonly string[]).includes(app.endUser?.type);
  if (military) {
    for (const place of placesOutsideEu(app, eu.params.memberStates)) {
      const embargo = params.armsEmbargoes.find((e) => rs.countryIn(place.country, [e.country]));
      if (embargo) {
        out.push({
          kind: embargo.scope === 'FULL' ? 'MILITARY_EMBARGO' : 'MILITARY_PARTIAL_EMBARGO',
          detail: `a military end use or end user in ${rs.countryName(place.country)}, under ${embargo.scope === 'FULL' ? 'an' : 'a partial'} EU arms embargo (${embargo.measure})`,
          country: place.country,
          measure: embargo.measure,
        });
      }
    }
  }
  if (Array.isArray(app.redFlags) && app.redFlags.length > 0) out.push({ kind: 'RED_FLAGS', detail: `${app.redFlags.length} red flag${app.redFlags.length === 1 ? '' : 's'} declared (${app.redFlags.join(', ')})` });
  return out;
}

export const euArt4Rule = defineApplicationRule({
  id: EU_ART4_RULE,
  params: ZEuArt4Params,
  regime: 'EU_2021_821',
  check({ app, rs, rule, params }) {
    const exporter = euExporterOf(app, rs);
    const eu = euRegimeOf(rs);
    if (!exporter || !eu) return [];
    if (placesOutsideEu(app, eu.params.memberStates).length === 0) return [];
    const out: TFinding[] = [];
    for (const c of art4Concerns(app, rs)) {
      if (c.kind === 'WMD') {
        out.push(
          makeFinding(rule, {
            kind: 'END_USE',
            outcome: params.wmdOutcome,
            citation: 'Regulation (EU) 2021/821 Art. 4(1)(a), 4(2)',
            message: `The declared end use points to weapons of mass destruction or their delivery (${c.detail}): every item, listed in Annex I or not, needs an authorisation; an exporter aware of such a use must notify the competent authority of ${rs.countryName(exporter)} (Art. 4(2)), which decides.`,
            evidence: { concern: c.kind, detail: c.detail, exporterCountry: exporter },
          }),
        );
      } else if (c.kind === 'MILITARY_EMBARGO' || c.kind === 'MILITARY_PARTIAL_EMBARGO') {
        out.push(
          makeFinding(rule, {
            kind: 'END_USE',
            outcome: c.kind === 'MILITARY_EMBARGO' ? params.embargoOutcome : params.partialEmbargoOutcome,
            citation: `Regulation (EU) 2021/821 Art. 4(1)(b); ${c.measure}`,
            message:
              c.kind === 'MILITARY_EMBARGO'
                ? `Art. 4(1)(b) catch-all: ${c.detail}. Every item, listed in Annex I or not, needs an authorisation from the competent authority of ${rs.countryName(exporter)}.`
                : `Art. 4(1)(b) catch-all: ${c.detail}. The embargo covers some end users or items only: an officer checks whether this end user falls under it; if so, an authorisation is required.`,
            evidence: { concern: c.kind, country: c.country, measure: c.measure, exporterCountry: exporter },
          }),
        );
      } else {
        out.push(
          makeFinding(rule, {
            kind: 'KYC',
            outcome: params.redFlagOutcome,
            citation: 'Regulation (EU) 2021/821 Art. 4(2) (exporter aware of a catch-all end use must notify)',
            message: `${c.detail[0]!.toUpperCase()}${c.detail.slice(1)}: a WMD or embargoed military end use cannot be excluded. An officer resolves them; if the exporter becomes aware of such a use, it must notify the competent authority of ${rs.countryName(exporter)} (Art. 4(2)), and no Union general export authorisation may be used.`,
            evidence: { concern: c.kind, redFlags: app.redFlags, exporterCountry: exporter },
          }),
        );
      }
    }
    return out;
  },
});
