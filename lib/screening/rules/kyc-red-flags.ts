// Know-your-customer red flags (Supp. 3 to Part 732): every declared red flag goes to an officer.
import { z } from 'zod';
import { makeFinding } from '../finding';
import { defineApplicationRule, p } from './define';

export const ZRedFlagParams = z.object({
  flags: p.textMap('Red flags (plain words per code)'),
  outcome: p.outcome('Outcome'),
});

export const redFlagsRule = defineApplicationRule({
  id: 'kyc.red-flags',
  regime: 'US_EAR',
  params: ZRedFlagParams,
  check({ app, rule, params }) {
    const flags = [...new Set(Array.isArray(app.redFlags) ? app.redFlags : [])].sort();
    return flags.map((flag) => {
      const words = params.flags[flag];
      return makeFinding(rule, {
        outcome: params.outcome,
        message: `Red flag declared: ${typeof words === 'string' ? `${words} (${flag})` : String(flag)}. An officer must resolve it before export.`,
        evidence: { redFlag: flag },
      });
    });
  },
});
