// Regulation (EU) 2021/821 Art. 11(1): the Annex IV items need an authorisation even for a transfer
// inside the Union. The Annex IV list is rule-set data (entry or provision codes, each marked ENTRY
// when Annex IV covers all of it, PART when only part of it — then an officer checks the text).
import { z } from 'zod';
import { makeFinding } from '../finding';
import type { TRuleSet } from '../rule-set';
import type { TFinding } from '../types';
import { defineItemRule, p } from './define';
import { codeRelation, euExporterOf, euRegimeOf, nameOfCountries, placesInOtherMemberStates, readEuCode } from './eu-regime';

export const EU_ANNEX_IV_RULE = 'eu.annex-iv-intra-eu';

export const ZEuAnnexIVParams = z.object({
  items: p.lines(
    'Annex IV items',
    {
      code: z.string().regex(/^\d[A-E]\d{3}(\.[a-z0-9]+)*$/, 'code: an Annex I code such as 1C001 or 1C351.d.4'),
      coverage: z.enum(['ENTRY', 'PART'], { error: 'coverage: ENTRY or PART' }),
      part: z.string().max(200),
    },
    'code | ENTRY (all of it is in Annex IV) or PART (only some of it: an officer checks) | Annex IV part and group',
  ),
  outcome: p.outcome('Outcome for an Annex IV item to another member state'),
  partOutcome: p.outcome('Outcome when Annex IV covers only part of the entry'),
});
export type TEuAnnexIVParams = z.output<typeof ZEuAnnexIVParams>;

/** How an item's code stands to Annex IV: IN (listed), MAYBE (part of its entry is), OUT. */
export function annexIVRelation(code: string, rs: TRuleSet): { relation: 'IN' | 'MAYBE' | 'OUT'; line: TEuAnnexIVParams['items'][number] | null } {
  const params = rs.rules.get(EU_ANNEX_IV_RULE)?.params as TEuAnnexIVParams | undefined;
  if (!params) return { relation: 'OUT', line: null };
  let best: { relation: 'IN' | 'MAYBE' | 'OUT'; line: TEuAnnexIVParams['items'][number] | null } = { relation: 'OUT', line: null };
  for (const line of params.items) {
    const r = codeRelation(code, line.code);
    if (r === 'IN' && line.coverage === 'ENTRY') return { relation: 'IN', line };
    if (r !== 'OUT' && best.relation === 'OUT') best = { relation: 'MAYBE', line };
  }
  return best;
}

export const euAnnexIVRule = defineItemRule({
  id: EU_ANNEX_IV_RULE,
  params: ZEuAnnexIVParams,
  regime: 'EU_2021_821',
  check({ product, app, rs, rule, params }) {
    const exporter = euExporterOf(app, rs);
    const eu = euRegimeOf(rs);
    if (!exporter || !eu) return [];
    const code = readEuCode(product?.euControlCode, eu.annexI);
    if (code.kind !== 'LISTED') return [];
    const places = placesInOtherMemberStates(app, eu.params.memberStates, exporter);
    if (places.length === 0) return [];
    const { relation, line } = annexIVRelation(code.code, rs);
    if (relation === 'OUT' || !line) return [];
    const where = nameOfCountries(rs, places.map((pl) => pl.country));
    const out: TFinding[] = [
      makeFinding(rule, {
        outcome: relation === 'IN' ? params.outcome : params.partOutcome,
        message:
          relation === 'IN'
            ? `${code.code} is listed in Annex IV (${line.part}): its transfer from ${rs.countryName(exporter)} to ${where}, inside the Union, needs an authorisation (Art. 11(1) of Regulation (EU) 2021/821).`
            : `Annex IV lists part of ${line.code} (${line.part}); ${code.code} may fall under it: if it does, its transfer from ${rs.countryName(exporter)} to ${where}, inside the Union, needs an authorisation (Art. 11(1)). An officer checks the Annex IV text.`,
        evidence: { euControlCode: code.code, annexIV: line.code, coverage: line.coverage, part: line.part, exporterCountry: exporter, memberStates: places.map((pl) => pl.country) },
      }),
    ];
    return out;
  },
});
