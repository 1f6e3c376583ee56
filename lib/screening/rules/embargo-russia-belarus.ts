// Russia and Belarus sanctions (746.8): any CCL item is blocked; EAR99 items need review (many are
// listed in the Part 746 supplements). Runs per item, for every place the application names.
import { z } from 'zod';
import { describeLocation, itemClass, locationsOf, makeFinding } from '../finding';
import type { TFinding } from '../types';
import { defineItemRule, p } from './define';

export const ZEmbargoRussiaBelarusParams = z.object({
  countries: p.countries('Countries'),
  cclOutcome: p.outcome('Outcome for CCL items'),
  ear99Outcome: p.outcome('Outcome for EAR99 items'),
});

export const embargoRussiaBelarusRule = defineItemRule({
  id: 'embargo.russia-belarus',
  regime: 'US_EAR',
  params: ZEmbargoRussiaBelarusParams,
  check({ product, app, rs, rule, params }) {
    const cls = itemClass(product);
    const out: TFinding[] = [];
    const seen = new Set<string>();
    for (const loc of locationsOf(app)) {
      const matched = rs.countryIn(loc.country, params.countries);
      if (!matched) continue;
      const key = `${loc.role}:${loc.index ?? ''}:${loc.country}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const name = matched === loc.country ? rs.countryName(loc.country) : `${rs.countryName(loc.country)}, treated as ${rs.countryName(matched)}`;
      const outcome = cls === 'EAR99' ? params.ear99Outcome : params.cclOutcome;
      const item =
        cls === 'EAR99' ? 'EAR99 items' : cls === 'CCL' ? `${product.eccn} (a CCL item)` : 'an unclassified item (treated as a CCL item until classified)';
      const message =
        cls === 'EAR99'
          ? `${describeLocation(loc, name)} is under the Russia/Belarus sanctions (746.8): EAR99 items need review, as many are listed in the Part 746 supplements.`
          : `${describeLocation(loc, name)} is under the Russia/Belarus sanctions (746.8): a licence is required for ${item}, with a policy of denial.`;
      out.push(
        makeFinding(rule, {
          outcome,
          message,
          evidence: { role: loc.role, partyName: loc.name, country: loc.country, itemClass: cls, eccn: product?.eccn ?? null },
        }),
      );
    }
    return out;
  },
});
