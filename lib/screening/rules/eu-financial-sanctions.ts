// EU financial sanctions: an organisation established in the EU must not make funds or economic
// resources available to persons on the EU consolidated financial sanctions list (FSF). That list is
// not in the reference data: until an admin uploads it (list code below), every EU organisation's
// application gets a DATA_GAP saying its parties were not screened against it.
import { z } from 'zod';
import { makeFinding } from '../finding';
import { defineApplicationRule, p } from './define';
import { euExporterOf } from './eu-regime';

export const ZEuFinancialSanctionsParams = z.object({
  listCode: p.text('List code of the EU consolidated financial sanctions list', 40),
  outcome: p.outcome('Outcome while the list is missing'),
});

export const euFinancialSanctionsRule = defineApplicationRule({
  id: 'eu.financial-sanctions',
  params: ZEuFinancialSanctionsParams,
  regime: 'EU_SANCTIONS',
  check({ app, rs, rule, params }) {
    const exporter = euExporterOf(app, rs);
    if (!exporter) return [];
    if (rs.lists.some((l) => l.code === params.listCode && l.entries.length > 0)) return [];
    return [
      makeFinding(rule, {
        kind: 'DATA_GAP',
        outcome: params.outcome,
        licensePolicy: null,
        message: `The exporter is established in ${rs.countryName(exporter)} (EU): its parties must also be screened against the EU consolidated financial sanctions list, which is not loaded in this rule set. An officer screens them by hand (EU Sanctions Map / FSF) until an admin uploads the list.`,
        evidence: { exporterCountry: exporter, listCode: params.listCode },
      }),
    ];
  },
});
