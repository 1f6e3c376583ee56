// Company policy for the Xinjiang Uyghur Autonomous Region (ISO 3166-2 CN-65, also written CN-XJ):
// surveillance and biometric items are refused, whatever the licence position. The region is read
// from the destination region, and from the end user's or any consignee's address.
import { z } from 'zod';
import { makeFinding } from '../finding';
import { END_USE_CODES, defineItemRule, p } from './define';
import { biometricEvidence } from './biometric-common';

export const ZXinjiangParams = z.object({
  regions: p.regions('Regions (ISO 3166-2 code and name, one per line)'),
  addressWords: p.textMap('Words that place an address in the region (one per key)'),
  surveillanceEndUses: p.enumList(END_USE_CODES, 'Surveillance end uses (any item)'),
  outcome: p.outcome('Outcome'),
});

const normalise = (s: unknown) =>
  typeof s === 'string'
    ? s
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
    : '';

export const xinjiangRule = defineItemRule({
  id: 'biometric.xinjiang-region',
  params: ZXinjiangParams,
  check({ product, app, rule, params, memo }) {
    const surveillanceUse = (params.surveillanceEndUses as readonly string[]).includes(app.endUse?.category);
    if (!product?.biometric && !surveillanceUse) return [];
    // where the application places the region: the same for every item
    const { byRegion, byAddress } = memo.get(`${rule.id}|where`, () => {
      const region = typeof app.destination?.region === 'string' ? app.destination.region.toUpperCase() : '';
      const byRegion = params.regions.find((r) => r.code === region);
      const words = Object.values(params.addressWords)
        .map(normalise)
        .filter((w) => w.length > 0);
      const addresses = [
        { who: 'the end user', text: app.endUser?.address },
        ...(app.consignees ?? []).map((c, i) => ({ who: `consignee ${i + 1}`, text: (c as { address?: string })?.address })),
      ];
      const byAddress = addresses
        .map((a) => ({ ...a, word: words.find((w) => new RegExp(`(^|[^a-z])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^a-z]|$)`).test(normalise(a.text))) }))
        .find((a) => a.word);
      return { byRegion, byAddress };
    });
    if (!byRegion && !byAddress) return [];
    const where = byRegion ? `the destination region ${byRegion.code} (${byRegion.name})` : `${byAddress!.who}'s address ("${byAddress!.word}")`;
    const item = product?.biometric ? 'a biometric product' : 'an item for public-space surveillance';
    return [
      makeFinding(rule, {
        outcome: params.outcome,
        message: `${item[0]!.toUpperCase()}${item.slice(1)} for the Xinjiang Uyghur Autonomous Region (${where}): company policy refuses surveillance and biometric items for Xinjiang.`,
        evidence: {
          ...biometricEvidence(product, app),
          region: byRegion?.code ?? null,
          addressMatch: byAddress ? { who: byAddress.who, word: byAddress.word } : null,
        },
      }),
    ];
  },
});
