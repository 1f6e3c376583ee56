// Regulation (EU) 2021/821 Art. 3: exporting an Annex I item out of the Union needs an authorisation,
// unless a Union General Export Authorisation (Annex II, EU001–EU008) covers item and destination.
// EU001 is evaluated in full (its destinations, the Annex II Section I exclusions, Annex IV, its
// conditions); the others are matched on items and destinations and listed with their conditions.
// A GEA turns LICENSE_REQUIRED into CLEAR or REVIEW as its `outcome` says (EU001: CLEAR, with its
// declaration and notification duties; GEAs with conditions the form cannot show: REVIEW; GEAs for
// a situation — repair, exhibition, intra-group — stay information). The item's EU control code
// comes from the exporter: not given = DATA_GAP.
import { z } from 'zod';
import { makeFinding, type TPlace } from '../finding';
import type { TRuleSet } from '../rule-set';
import type { TFinding, TOutcome } from '../types';
import { defineItemRule, p } from './define';
import { art4Concerns } from './eu-catch-all-art4';
import { annexIVRelation } from './eu-annex-iv-intra-eu';
import { EU_CITATION_URL, euExporterOf, euRegimeOf, nameOfCountries, placesOutsideEu, readEuCode, relationToAny } from './eu-regime';
import { EU_SANCTIONS_RULE, type TEuSanctionsParams } from './eu-sanctions-dual-use';

export const EU_ART3_RULE = 'eu.authorisation-art3';

const CODES = z.string().max(4000);
export const ZEuArt3Params = z.object({
  annexIIExclusions: p.lines(
    'Annex II Section I: items no general authorisation covers',
    { code: z.string().regex(/^\d[A-E]\d{3}(\.[a-z0-9]+)*$/, 'code: an Annex I code'), text: z.string().max(400) },
    'code | its words (all Annex IV items are excluded as well: see the Annex IV rule)',
  ),
  geas: p.lines(
    'Union General Export Authorisations',
    {
      id: z.string().regex(/^EU\d{3}$/, 'id: EU001 … EU008'),
      title: z.string().min(1).max(300),
      items: CODES,
      excludedItems: CODES,
      destinations: CODES,
      excludedDestinations: CODES,
      outcome: z.enum(['CLEAR', 'REVIEW', 'INFO'], { error: 'outcome: CLEAR, REVIEW or INFO' }),
      conditions: z.string().min(1).max(2000),
    },
    'id | title | items (ALL, D, E or Annex I codes) | excluded items (ANNEX_II, D, E or codes) | destinations (ALL or ISO codes) | excluded destinations (ISO codes, or a GEA id) | CLEAR, REVIEW or INFO | conditions and duties',
  ),
  outcome: p.outcome('Outcome: Annex I item out of the Union, no GEA'),
  unclassifiedOutcome: p.outcome('Outcome: item not classified against Annex I'),
  conditionsOutcome: p.outcome('Outcome: a GEA would cover it, but a catch-all concern bars it or is unresolved'),
});
export type TEuArt3Params = z.output<typeof ZEuArt3Params>;
type TGea = TEuArt3Params['geas'][number];

/** A cell's codes; "-" is an empty cell (the admin form needs every cell filled). */
const tokens = (s: string) => s.split(/[\s,]+/).filter((t) => t !== '' && t !== '-');

type TGeaMatch = { gea: TGea; relation: 'IN' | 'MAYBE' };

/** Whether a GEA covers the item (IN / MAYBE) and every place outside the Union. */
function geaCovers(gea: TGea, code: string, places: readonly TPlace[], rs: TRuleSet, params: TEuArt3Params, geasById: ReadonlyMap<string, TGea>): TGeaMatch | null {
  const group = code[2];
  const items = tokens(gea.items);
  let relation: 'IN' | 'MAYBE' | 'OUT' = 'OUT';
  if (items.includes('ALL') || (group && items.includes(group))) relation = 'IN';
  else relation = relationToAny(code, items.filter((t) => /^\d/.test(t)));
  if (relation === 'OUT') return null;
  const excluded = tokens(gea.excludedItems);
  const excl: string[] = excluded.filter((t) => /^\d/.test(t));
  if (group && excluded.includes(group)) return null;
  if (excluded.includes('ANNEX_II')) {
    excl.push(...params.annexIIExclusions.map((e) => e.code));
    const iv = annexIVRelation(code, rs);
    if (iv.relation === 'IN') return null;
    if (iv.relation === 'MAYBE') relation = 'MAYBE';
  }
  const ex = relationToAny(code, excl);
  if (ex === 'IN') return null;
  if (ex === 'MAYBE') relation = 'MAYBE';
  const dests = tokens(gea.destinations);
  const notDests = tokens(gea.excludedDestinations).flatMap((t) => (/^EU\d{3}$/.test(t) ? tokens(geasById.get(t)?.destinations ?? '') : [t]));
  for (const place of places) {
    const inList = dests.includes('ALL') || rs.countryIn(place.country, dests) !== null;
    if (!inList || rs.countryIn(place.country, notDests) !== null) return null;
  }
  return { gea, relation };
}

export const euArt3Rule = defineItemRule({
  id: EU_ART3_RULE,
  params: ZEuArt3Params,
  regime: 'EU_2021_821',
  check({ product, app, rs, rule, params }) {
    const exporter = euExporterOf(app, rs);
    const eu = euRegimeOf(rs);
    if (!exporter || !eu) return [];
    const annex = `Annex I (consolidated ${eu.annexI.validFrom})`;
    const code = readEuCode(product?.euControlCode, eu.annexI);
    if (code.kind === 'UNCLASSIFIED' || code.kind === 'UNKNOWN_CODE') {
      return [
        makeFinding(rule, {
          kind: 'DATA_GAP',
          outcome: params.unclassifiedOutcome,
          licensePolicy: null,
          message:
            code.kind === 'UNCLASSIFIED'
              ? `The exporter is established in ${rs.countryName(exporter)} (EU), but "${product?.name ?? 'this item'}" has no EU control code: classify it against ${annex} of Regulation (EU) 2021/821 (a code such as 2B001.a, or "Not listed"). Until then whether Art. 3 requires an authorisation is unknown.`
              : `The EU control code "${code.code}" is not in ${annex}: correct the classification.`,
          evidence: { euControlCode: product?.euControlCode ?? null, exporterCountry: exporter, annexI: eu.annexI.version },
        }),
      ];
    }
    const places = placesOutsideEu(app, eu.params.memberStates);
    if (code.kind === 'NOT_LISTED') {
      if (places.length === 0) return [];
      return [
        makeFinding(rule, {
          outcome: 'CLEAR',
          licensePolicy: null,
          message: `Declared not listed in ${annex}: Art. 3 does not require an authorisation. The catch-alls (Art. 4 WMD / embargoed military end use, Art. 5 cyber-surveillance) still apply and are checked separately.`,
          evidence: { euControlCode: 'NOT_LISTED', exporterCountry: exporter },
        }),
      ];
    }
    if (places.length === 0) return []; // inside the Union: only Annex IV items need an authorisation (Art. 11)
    const where = nameOfCountries(rs, places.map((pl) => pl.country));
    const listed = `${code.code} is listed in ${annex} ("${code.entry.heading}")`;
    const evidence = { euControlCode: code.code, entry: code.entry.code, exporterCountry: exporter, countriesOutsideEu: places.map((pl) => pl.country) };
    const sanctions = rs.rules.get(EU_SANCTIONS_RULE)?.params as TEuSanctionsParams | undefined;
    const sanctioned = places.filter((pl) => sanctions?.measures.some((m) => rs.countryIn(pl.country, [m.country])));
    const geasById = new Map(params.geas.map((g) => [g.id, g]));
    const matches = sanctioned.length > 0 ? [] : params.geas.map((g) => geaCovers(g, code.code, places, rs, params, geasById)).filter((m): m is TGeaMatch => m !== null);
    const concerns = art4Concerns(app, rs);
    const barring = concerns.filter((c) => c.kind !== 'RED_FLAGS');
    const usable = matches.filter((m) => m.gea.outcome !== 'INFO');
    const usableCovering = usable.filter((m) => m.relation === 'IN');
    const best = usableCovering.find((m) => m.gea.outcome === 'CLEAR') ?? usableCovering[0] ?? usable[0];
    const others = matches.filter((m) => m !== best);
    const othersText = others.length
      ? ` Other general authorisations that may apply, if their conditions are met: ${others.map((m) => `${m.gea.id} (${m.gea.title}${m.relation === 'MAYBE' ? '; only part of this entry is covered' : ''}): ${m.gea.conditions}`).join(' ')}`
      : '';
    const geaEvidence = { ...evidence, geas: matches.map((m) => ({ id: m.gea.id, covers: m.relation, outcome: m.gea.outcome })) };
    if (!best || barring.length > 0) {
      const why = sanctioned.length
        ? ` ${nameOfCountries(rs, sanctioned.map((pl) => pl.country))} is under EU restrictive measures on dual-use items: no general authorisation applies (see the EU sanctions finding).`
        : barring.length && best
          ? ` ${best.gea.id} would cover it, but it cannot be used: ${barring.map((c) => c.detail).join('; ')}.`
          : ' No Union general export authorisation covers this item to this destination.';
      return [
        makeFinding(rule, {
          outcome: params.outcome,
          message: `${listed}: its export from ${rs.countryName(exporter)} to ${where} needs an individual or global export authorisation from the competent authority of ${rs.countryName(exporter)} (Art. 3(1), Art. 12).${why}${othersText}`,
          evidence: geaEvidence,
        }),
      ];
    }
    const redFlags = concerns.some((c) => c.kind === 'RED_FLAGS');
    const outcome: TOutcome = redFlags || best.relation === 'MAYBE' ? params.conditionsOutcome : (best.gea.outcome as TOutcome);
    const hedge = best.relation === 'MAYBE' ? ` ${best.gea.id} covers only part of ${code.entry.code}: an officer confirms that ${code.code} is among the items it covers.` : '';
    const flags = redFlags ? ' Red flags are declared: the GEA may not be used if they point to a WMD or embargoed military end use (Part 3, point 1), so an officer resolves them first.' : '';
    const findings: TFinding[] = [
      makeFinding(rule, {
        outcome,
        citation: `Regulation (EU) 2021/821 Art. 3(1), Art. 12(1)(d), Annex II (Union General Export Authorisation ${best.gea.id})`,
        citationUrl: EU_CITATION_URL,
        licensePolicy: `Union General Export Authorisation ${best.gea.id}`,
        message: `${listed}: its export from ${rs.countryName(exporter)} to ${where} needs an authorisation (Art. 3(1)); Union General Export Authorisation ${best.gea.id} (${best.gea.title}) covers item and destination.${hedge}${flags} Conditions and duties: ${best.gea.conditions}${othersText}`,
        evidence: { ...geaEvidence, gea: best.gea.id },
      }),
    ];
    return findings;
  },
});
