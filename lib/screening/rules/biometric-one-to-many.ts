// The 1:N identification policy, any modality: a scope rule (which products count as 1:N — declared,
// or declared 1:1 with remote gallery access, a gallery above a threshold or live video — and which
// end users count as government or surveillance) and a
// ladder of steps ("biometric.one-to-many.<name>", first match in `order` wins). The steps are
// rules of their own (an admin edits, adds or disables them) whose params this check reads.
import { z } from 'zod';
import { makeFinding, placesWithEquivalents, worstPlace } from '../finding';
import { keyPart, type TScreenMemo } from '../memo';
import type { TRuleSet } from '../rule-set';
import type { TFinding, TRuleConfig, TScreeningApplication, TScreeningProduct } from '../types';
import { END_USE_CODES, END_USER_TYPE_CODES, FREEDOM_CODES, MATCHING_MODE_CODES, MODALITY_CODES, defineItemRule, definePartRule, p } from './define';
import { MODALITY_WORDS, biometricEvidence, identificationCapability } from './biometric-common';

const CHART_COLUMNS = ['CB1', 'CB2', 'CB3', 'NP1', 'NP2', 'NS1', 'NS2', 'MT1', 'RS1', 'RS2', 'FC1', 'CC1', 'CC2', 'CC3', 'AT1', 'AT2'] as const;

export const SCOPE_RULE = 'biometric.one-to-many.scope';
const STEP_PREFIX = 'biometric.one-to-many.';

export const ZOneToManyScopeParams = z.object({
  modalities: p.enumList(MODALITY_CODES, 'Biometric modalities the policy covers'),
  matchingModes: p.enumList(MATCHING_MODE_CODES, 'Matching modes'),
  remoteGalleryCountsAsOneToMany: p.boolean('Remote gallery access counts as 1:N'),
  oneToOneGalleryThreshold: p.integer('A 1:1 product with a larger gallery counts as 1:N', 1, 1_000_000_000, 'Number of enrolled templates').default(10_000),
  liveVideoCountsAsOneToMany: p.boolean('Live video counts as 1:N').default(true),
  governmentEndUserTypes: p.enumList(END_USER_TYPE_CODES, 'Government-type end users'),
  surveillanceEndUses: p.enumList(END_USE_CODES, 'Surveillance end uses'),
});

export const ZOneToManyStepParams = z.object({
  order: p.integer('Step order (first match wins)', 1, 99),
  when: z.object({
    modalities: p.optionalEnumList(MODALITY_CODES, 'Modalities this step covers'),
    governmentOrSurveillance: p.tri('Government-type end user or surveillance use'),
    freedomStatuses: p.optionalEnumList(FREEDOM_CODES, 'Freedom House statuses'),
    destinationInGroups: p.optionalGroups('Destination in country groups'),
    destinationNotInGroups: p.optionalGroups('Destination outside country groups'),
    chartColumnX: p.optionalEnumList(CHART_COLUMNS, 'Destination has an X in Country Chart column'),
    liveVideo: p.tri('Live video'),
  }),
  outcome: p.outcome('Outcome'),
  liveVideoOutcome: p.optionalOutcome('Outcome with live video', 'Optional: leave empty for the same outcome'),
});
export type TOneToManyScope = z.output<typeof ZOneToManyScopeParams>;
export type TOneToManyStepParams = z.output<typeof ZOneToManyStepParams>;

export const isStepId = (id: string) => id.startsWith(STEP_PREFIX) && id !== SCOPE_RULE && /^biometric\.one-to-many\.[a-z0-9-]+$/.test(id);

/** A ladder step: its params are read by the scope rule's check. */
export const oneToManyStepRule = definePartRule({
  id: 'biometric.one-to-many.<step>',
  matches: isStepId,
  partOf: SCOPE_RULE,
  params: ZOneToManyStepParams,
});

export const oneToManyRule = defineItemRule({
  id: SCOPE_RULE,
  params: ZOneToManyScopeParams,
  check({ product, app, rs, params: sp, memo }) {
    const bio = product?.biometric;
    if (!bio) return [];
    // The result depends on these biometric fields and the application only (the evidence records
    // exactly these): items declaring the same ones share it.
    const key = [bio.modality, bio.matchingMode, bio.remoteGalleryAccess, bio.liveVideo, bio.maxGallerySize].map(keyPart).join('|');
    return memo.get(`${SCOPE_RULE}|${key}`, () => ladderFor(product, app, rs, sp, memo));
  },
});

function ladderFor(product: TScreeningProduct, app: TScreeningApplication, rs: TRuleSet, sp: TOneToManyScope, memo: TScreenMemo): TFinding[] {
  const bio = product.biometric!;
  const govTypes: readonly string[] = sp.governmentEndUserTypes;
  const survUses: readonly string[] = sp.surveillanceEndUses;
  const cap = identificationCapability(bio, sp);
  const inScope =
    (sp.modalities as readonly string[]).includes(bio.modality) && ((sp.matchingModes as readonly string[]).includes(bio.matchingMode) || cap.oneToMany);
  if (!inScope) return [];
  const isGov = govTypes.includes(app.endUser?.type);
  const isSurv = survUses.includes(app.endUse?.category);
  const govOrSurv = isGov || isSurv;
  const steps = memo.get(`${SCOPE_RULE}|steps`, () =>
    [...rs.rules.values()]
      .filter((r) => isStepId(r.id))
      .map((r) => ({ rule: r as TRuleConfig, params: r.params as TOneToManyStepParams }))
      .sort((a, b) => a.params.order - b.params.order || (a.rule.id < b.rule.id ? -1 : 1)),
  );
  const baseEvidence = biometricEvidence(product, app);
  const modality = MODALITY_WORDS[bio.modality] ?? 'biometric';
  const capability = cap.declared
    ? `1:N ${modality} identification`
    : `a ${modality} product declared 1:1 but treated as 1:N identification because ${cap.reasons.join(' and ')}`;
  const who = govOrSurv
    ? `${isGov ? `a ${String(app.endUser.type).toLowerCase().replace(/_/g, ' ')} end user` : ''}${isGov && isSurv ? ' and ' : ''}${isSurv ? 'public-space surveillance' : ''}`
    : 'a non-government end user';

  // The ladder for one country; first match wins.
  const ladder = (dest: string): TFinding[] => {
    // a transfer inside the United States is not an export: the export ladder does not apply
    // (the US city-ban rule covers domestic government use)
    if (dest === 'US') return [];
    const destName = rs.countryName(dest);
    const freedom = rs.freedom(dest);
    for (const { rule: step, params } of steps) {
      const when = params.when;
      const needsFreedom = when.freedomStatuses !== undefined;
      if (when.modalities !== undefined && !(when.modalities as readonly string[]).includes(bio.modality)) continue;
      if (when.governmentOrSurveillance === true && !govOrSurv) continue;
      if (when.governmentOrSurveillance === false && govOrSurv) continue;
      if (needsFreedom && freedom === null) {
        return [
          makeFinding(step, {
            kind: 'DATA_GAP',
            outcome: 'REVIEW',
            licensePolicy: null,
            message: `No Freedom House status is recorded for ${destName}, so the surveillance policy cannot be applied; an officer must decide.`,
            evidence: { ...baseEvidence, country: dest, freedomStatus: null },
          }),
        ];
      }
      if (needsFreedom && !(when.freedomStatuses as readonly string[]).includes(freedom as string)) continue;
      if (when.destinationInGroups !== undefined && !when.destinationInGroups.some((g) => rs.inGroup(dest, g))) continue;
      if (when.destinationNotInGroups !== undefined && when.destinationNotInGroups.some((g) => rs.inGroup(dest, g))) continue;
      if (when.liveVideo !== undefined && bio.liveVideo !== when.liveVideo) continue;
      const row = rs.chartRow(dest);
      if (when.chartColumnX !== undefined && !when.chartColumnX.some((c) => row?.row.x.includes(c) ?? false)) {
        // no chart row: whether the column applies cannot be read, so the step is not passed over
        if (row) continue;
      }
      const outcome = bio.liveVideo && params.liveVideoOutcome ? params.liveVideoOutcome : params.outcome;
      const status = freedom === 'NF' ? '"Not Free"' : freedom === 'PF' ? '"Partly Free"' : freedom === 'F' ? '"Free"' : 'unrated';
      const a1 =
        when.chartColumnX !== undefined
          ? `${row ? 'an X' : 'no chart row, so possibly an X'} in Country Chart ${when.chartColumnX.join('/')}`
          : rs.inGroup(dest, 'A:1')
            ? 'in Country Group A:1'
            : 'outside Country Group A:1';
      const verdict =
        outcome === 'PROHIBITED'
          ? 'blocked'
          : outcome === 'LICENSE_REQUIRED'
            ? 'a licence is required'
            : outcome === 'REVIEW'
              ? 'an officer must review it'
              : 'no policy restriction';
      return [
        makeFinding(step, {
          outcome,
          message: `${capability} for ${who}${bio.liveVideo ? ', with live video,' : ''} to ${destName} (${status}, ${a1}): ${verdict}.`,
          evidence: {
            ...baseEvidence,
            country: dest,
            freedomStatus: freedom,
            inA1: rs.inGroup(dest, 'A:1'),
            step: step.id,
            order: params.order,
            treatedAsOneToMany: cap.declared ? null : cap.reasons,
          },
        }),
      ];
    }
    return [];
  };
  // The country of ultimate destination, every other party's country and their equivalents: worst wins.
  return worstPlace(
    app,
    placesWithEquivalents(app, rs.equivalentsOf),
    (c) => rs.countryName(c),
    (place) => ladder(place.country),
  );
}
