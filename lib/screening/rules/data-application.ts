// Missing or unknown application data: every field the checks need, if missing, empty or not a
// known code, sends the case to review. Never CLEAR on data the engine cannot read.
import { z } from 'zod';
import { makeFinding } from '../finding';
import { itemsOf } from '../items';
import type { TFinding } from '../types';
import { END_USE_CODES, END_USER_TYPE_CODES, MODALITY_CODES, defineApplicationRule, p } from './define';

export const ZDataApplicationParams = z.object({
  endUserTypes: p.enumList(END_USER_TYPE_CODES, 'Known end-user types', 'Any other value is a data gap'),
  endUseCategories: p.enumList(END_USE_CODES, 'Known end-use categories', 'Any other value is a data gap'),
  outcome: p.outcome('Outcome'),
});

export const dataApplicationRule = defineApplicationRule({
  id: 'data.application',
  params: ZDataApplicationParams,
  check({ app, rs, rule, params }) {
    const out: TFinding[] = [];
    const gap = (field: string, message: string, value: unknown) =>
      out.push(makeFinding(rule, { outcome: params.outcome, message, evidence: { field, value: value === undefined ? null : value } }));
    const countryOk = (c: unknown) => typeof c === 'string' && rs.isKnownCountry(c);
    const endUserTypes: readonly string[] = params.endUserTypes;
    const endUses: readonly string[] = params.endUseCategories;
    if (!countryOk(app.destination?.country))
      gap('destination.country', `The destination country "${app.destination?.country ?? ''}" is missing or not a known ISO code.`, app.destination?.country);
    if (!app.endUser || typeof app.endUser.name !== 'string' || app.endUser.name.trim() === '')
      gap('endUser.name', 'The end user has no name, so it cannot be screened against the restricted-party lists.', app.endUser?.name);
    if (!countryOk(app.endUser?.country))
      gap('endUser.country', `The end user's country "${app.endUser?.country ?? ''}" is missing or not a known ISO code.`, app.endUser?.country);
    if (!endUserTypes.includes(app.endUser?.type as string))
      gap('endUser.type', `The end-user type "${String(app.endUser?.type ?? '')}" is missing or unknown.`, app.endUser?.type);
    if (!endUses.includes(app.endUse?.category as string))
      gap('endUse.category', `The end-use category "${String(app.endUse?.category ?? '')}" is missing or unknown.`, app.endUse?.category);
    (app.consignees ?? []).forEach((c, i) => {
      if (!c || typeof c.name !== 'string' || c.name.trim() === '')
        gap(`consignees.${i}.name`, `Consignee ${i + 1} has no name, so it cannot be screened.`, c?.name);
      if (!countryOk(c?.country))
        gap(`consignees.${i}.country`, `Consignee ${i + 1}'s country "${c?.country ?? ''}" is missing or not a known ISO code.`, c?.country);
    });
    const dest = app.destination?.country;
    if (typeof dest === 'string' && countryOk(dest) && countryOk(app.endUser?.country) && app.endUser.country !== dest) {
      gap(
        'endUser.country',
        `The end user is in ${rs.countryName(app.endUser.country)} but the destination is ${rs.countryName(dest)}; confirm where the item will be used.`,
        app.endUser.country,
      );
    }
    // Per line item: the finding carries the item's position, so it counts for that item only.
    itemsOf(app).forEach((product, lineItem) => {
      const bio = product?.biometric;
      if (!bio) return;
      const okMode = bio.matchingMode === 'ONE_TO_ONE' || bio.matchingMode === 'ONE_TO_MANY';
      const okModality = (MODALITY_CODES as readonly string[]).includes(bio.modality);
      if (!okMode || !okModality || typeof bio.liveVideo !== 'boolean' || typeof bio.remoteGalleryAccess !== 'boolean') {
        gap(`lineItems.${lineItem}.biometric`, 'The biometric details are incomplete (modality, matching mode, live video, remote gallery access).', bio);
        out[out.length - 1]!.lineItem = lineItem;
      }
      const size = bio.maxGallerySize;
      if (typeof size !== 'number' || !Number.isFinite(size) || size < 0) {
        gap(
          `lineItems.${lineItem}.biometric.maxGallerySize`,
          'The largest gallery the product supports is not known; it decides whether a 1:1 product can identify people.',
          Number.isFinite(size) ? size : null,
        );
        out[out.length - 1]!.lineItem = lineItem;
      }
    });
    if (itemsOf(app).length === 0) gap('lineItems', 'The application lists no line items, so no licence determination could be made.', []);
    return out;
  },
});
