// EU Regulation 2021/821 Art. 5: non-listed cyber-surveillance items need an authorisation when the
// exporter is aware they are or may be intended for internal repression or serious human-rights
// violations. It binds exporters established in the EU only: the exporting organisation's country
// of establishment (application.exporter.country; absent = US) decides whether the rule runs.
import { z } from 'zod';
import { makeFinding, ultimateDestination } from '../finding';
import { END_USE_CODES, END_USER_TYPE_CODES, defineItemRule, p } from './define';
import { biometricEvidence, identificationCapability } from './biometric-common';
import { SCOPE_RULE, type TOneToManyScope } from './biometric-one-to-many';
import { exporterCountryOf } from './eu-regime';
import type { TRuleSet } from '../rule-set';
import type { TFinding, TScreeningApplication } from '../types';

export const ZEuArt5Params = z.object({
  exporterCountries: p.countries('Exporter established in (EU member states)'),
  endUserTypes: p.enumList(END_USER_TYPE_CODES, 'Government-type end users'),
  endUseCategories: p.enumList(END_USE_CODES, 'Surveillance end uses'),
  outcome: p.outcome('Outcome'),
});

export const euArt5Rule = defineItemRule({
  id: 'biometric.eu-dual-use-art5',
  params: ZEuArt5Params,
  regime: 'EU_2021_821',
  check({ product, app, rs, rule, params }) {
    const exporter = typeof app.exporter?.country === 'string' ? app.exporter.country : 'US';
    if (!params.exporterCountries.includes(exporter)) return [];
    const bio = product?.biometric;
    const scope = rs.rules.get(SCOPE_RULE)?.params as TOneToManyScope | undefined;
    const cap = identificationCapability(
      bio ?? null,
      scope ?? { remoteGalleryCountsAsOneToMany: true, oneToOneGalleryThreshold: 10_000, liveVideoCountsAsOneToMany: true },
    );
    const surveillance = (params.endUseCategories as readonly string[]).includes(app.endUse?.category);
    if (!cap.oneToMany && !surveillance) return [];
    const gov = (params.endUserTypes as readonly string[]).includes(app.endUser?.type);
    if (!gov && !surveillance) return [];
    const dest = ultimateDestination(app);
    if (params.exporterCountries.includes(dest.country)) return []; // Art. 5 concerns exports out of the Union
    return [
      makeFinding(rule, {
        outcome: params.outcome,
        message: `The exporter is established in ${rs.countryName(exporter)} (EU): a cyber-surveillance item (${cap.oneToMany ? 'biometric identification' : 'for public-space surveillance'}) for ${gov ? 'a government-type end user' : 'surveillance use'} in ${rs.countryName(dest.country)} needs an export authorisation under Art. 5 of Regulation (EU) 2021/821 if the exporter is aware of, or has been informed of, a possible use for internal repression or serious human-rights violations; an officer must assess and record it.`,
        evidence: { ...biometricEvidence(product, app), exporterCountry: exporter, ultimateDestination: dest.country },
      }),
    ];
  },
});

/**
 * For an exporter established in the EU, the 1:N policy ladder's findings also cite Art. 5 (the
 * authorisation itself is the Art. 5 finding above): officers see the law behind the policy.
 */
export function citeArt5ForEuExporter(findings: TFinding[], app: TScreeningApplication, rs: TRuleSet): TFinding[] {
  const params = rs.rules.get(euArt5Rule.id)?.params as z.output<typeof ZEuArt5Params> | undefined;
  if (!params || !params.exporterCountries.includes(exporterCountryOf(app))) return findings;
  return findings.map((f) =>
    f.ruleId.startsWith('biometric.one-to-many.') && f.outcome !== 'CLEAR' && !f.citation.includes('2021/821')
      ? { ...f, citation: `${f.citation}; for an exporter established in the EU: Regulation (EU) 2021/821 Art. 5 (authorisation for cyber-surveillance items)` }
      : f,
  );
}
