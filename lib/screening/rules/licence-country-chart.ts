// Licence determination (ECCN × Commerce Country Chart), as a registry entry. The determination
// itself is lib/screening/licence.ts; this adapter declares its parameters and runs it per item.
import { z } from 'zod';
import { checkLicence } from '../licence';
import { defineItemRule, p } from './define';

export const ZLicenceCountryChartParams = z.object({
  licensePolicies: p.textMap('Licence policy per reason for control'),
  citations: p.textMap('Citation per reason for control'),
  unknownRowOutcome: p.outcome('Outcome when the destination has no chart row'),
});
export type TLicenceCountryChartParams = z.output<typeof ZLicenceCountryChartParams>;

export const licenceCountryChartRule = defineItemRule({
  id: 'licence.country-chart',
  params: ZLicenceCountryChartParams,
  check({ product, app, rs }) {
    return checkLicence(product, app.destination?.country ?? '', rs);
  },
});
