// The rule checks other than licence determination and party matching: embargoes (country groups,
// regions, Russia/Belarus), military and military-intelligence end users (744.21/744.22), KYC red
// flags, the biometric / surveillance policy, and missing-data checks. Each reads its parameters
// from its rule in the rule set; a disabled rule produces nothing.

import { parseEccn } from './eccn';
import { describeLocation, locationsOf, makeFinding, outcomeParam, record, strings } from './finding';
import type { TRuleSet } from './rule-set';
import type { TFinding, TRuleConfig, TScreeningApplication, TScreeningProduct } from './types';

type TItemClass = 'EAR99' | 'CCL' | 'UNKNOWN';

export function itemClass(product: TScreeningProduct): TItemClass {
  const p = parseEccn(product?.eccn);
  if (p.kind === 'EAR99') return 'EAR99';
  if (p.kind === 'ECCN') return 'CCL';
  return 'UNKNOWN';
}

// ---------- data completeness ----------
export function checkApplicationData(app: TScreeningApplication, rs: TRuleSet): TFinding[] {
  const rule = rs.rules.get('data.application');
  if (!rule) return [];
  const p = record(rule.params);
  const outcome = outcomeParam(p.outcome, 'REVIEW');
  const out: TFinding[] = [];
  const gap = (field: string, message: string, value: unknown) =>
    out.push(makeFinding(rule, { outcome, message, evidence: { field, value: value === undefined ? null : value } }));
  const countryOk = (c: unknown) => typeof c === 'string' && rs.isKnownCountry(c);
  if (!countryOk(app.destination?.country)) gap('destination.country', `The destination country "${app.destination?.country ?? ''}" is missing or not a known ISO code.`, app.destination?.country);
  if (!app.endUser || typeof app.endUser.name !== 'string' || app.endUser.name.trim() === '') gap('endUser.name', 'The end user has no name, so it cannot be screened against the restricted-party lists.', app.endUser?.name);
  if (!countryOk(app.endUser?.country)) gap('endUser.country', `The end user's country "${app.endUser?.country ?? ''}" is missing or not a known ISO code.`, app.endUser?.country);
  if (!strings(p.endUserTypes).includes(app.endUser?.type as string)) gap('endUser.type', `The end-user type "${String(app.endUser?.type ?? '')}" is missing or unknown.`, app.endUser?.type);
  if (!strings(p.endUseCategories).includes(app.endUse?.category as string)) gap('endUse.category', `The end-use category "${String(app.endUse?.category ?? '')}" is missing or unknown.`, app.endUse?.category);
  (app.consignees ?? []).forEach((c, i) => {
    if (!c || typeof c.name !== 'string' || c.name.trim() === '') gap(`consignees.${i}.name`, `Consignee ${i + 1} has no name, so it cannot be screened.`, c?.name);
    if (!countryOk(c?.country)) gap(`consignees.${i}.country`, `Consignee ${i + 1}'s country "${c?.country ?? ''}" is missing or not a known ISO code.`, c?.country);
  });
  const dest = app.destination?.country;
  if (typeof dest === 'string' && countryOk(dest) && countryOk(app.endUser?.country) && app.endUser.country !== dest) {
    gap('endUser.country', `The end user is in ${rs.countryName(app.endUser.country)} but the destination is ${rs.countryName(dest)}; confirm where the item will be used.`, app.endUser.country);
  }
  return out;
}

/** Missing or malformed data of one line item (same rule as checkApplicationData: data.application). */
export function checkProductData(product: TScreeningProduct, rs: TRuleSet): TFinding[] {
  const rule = rs.rules.get('data.application');
  if (!rule) return [];
  const outcome = outcomeParam(record(rule.params).outcome, 'REVIEW');
  const bio = product?.biometric;
  if (!bio) return [];
  const okMode = bio.matchingMode === 'ONE_TO_ONE' || bio.matchingMode === 'ONE_TO_MANY';
  const okModality = ['FACE', 'FINGERPRINT', 'IRIS', 'VOICE', 'GAIT', 'OTHER'].includes(bio.modality);
  if (okMode && okModality && typeof bio.liveVideo === 'boolean' && typeof bio.remoteGalleryAccess === 'boolean') return [];
  return [makeFinding(rule, { outcome, message: 'The biometric details are incomplete (modality, matching mode, live video, remote gallery access).', evidence: { field: 'biometric', value: bio } })];
}

// ---------- embargoes ----------
export function checkEmbargoGroups(app: TScreeningApplication, rs: TRuleSet): TFinding[] {
  const rule = rs.rules.get('embargo.country-group');
  if (!rule) return [];
  const p = record(rule.params);
  const groups = strings(p.groups);
  const outcome = outcomeParam(p.outcome, 'PROHIBITED');
  const out: TFinding[] = [];
  for (const loc of locationsOf(app)) {
    const hit = groups.filter((g) => rs.inGroup(loc.country, g));
    if (hit.length === 0) continue;
    const name = rs.countryName(loc.country);
    out.push(
      makeFinding(rule, {
        outcome,
        message: `${describeLocation(loc, name)} is in Country Group ${hit.join(', ')} (embargoed): exports are blocked.`,
        evidence: { role: loc.role, partyName: loc.name, partyIndex: loc.index ?? null, country: loc.country, groups: hit },
      }),
    );
  }
  return out;
}

export function checkEmbargoRegions(app: TScreeningApplication, rs: TRuleSet): TFinding[] {
  const rule = rs.rules.get('embargo.region');
  if (!rule) return [];
  const p = record(rule.params);
  const regions = (Array.isArray(p.regions) ? p.regions : []).map(record);
  const region = app.destination?.region ? String(app.destination.region).toUpperCase() : null;
  const country = app.destination?.country ?? '';
  const out: TFinding[] = [];
  if (region) {
    const hit = regions.find((r) => r.code === region);
    if (hit) {
      out.push(
        makeFinding(rule, {
          outcome: outcomeParam(p.outcome, 'PROHIBITED'),
          message: `The destination region ${region} (${String(hit.name)}) is under embargo (15 CFR 746.6): exports are blocked.`,
          evidence: { region, regionName: hit.name, country },
        }),
      );
    }
    if (!region.startsWith(`${country}-`)) {
      out.push(makeFinding(rule, { kind: 'DATA_GAP', outcome: 'REVIEW', licensePolicy: null, message: `The region ${region} is not in the destination country ${country}; confirm the destination.`, evidence: { region, country } }));
    }
  } else if (strings(p.regionRequiredFor).includes(country)) {
    out.push(
      makeFinding(rule, {
        kind: 'DATA_GAP',
        outcome: 'REVIEW',
        licensePolicy: null,
        message: `The destination is in ${rs.countryName(country)} but no region is given; exports to Crimea and the so-called DNR/LNR regions are blocked, so give the region.`,
        evidence: { region: null, country },
      }),
    );
  }
  return out;
}

export function checkRussiaBelarus(product: TScreeningProduct, app: TScreeningApplication, rs: TRuleSet): TFinding[] {
  const rule = rs.rules.get('embargo.russia-belarus');
  if (!rule) return [];
  const p = record(rule.params);
  const countries = strings(p.countries);
  const cls = itemClass(product);
  const out: TFinding[] = [];
  const seen = new Set<string>();
  for (const loc of locationsOf(app)) {
    if (!countries.includes(loc.country)) continue;
    const key = `${loc.role}:${loc.index ?? ''}:${loc.country}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const name = rs.countryName(loc.country);
    const outcome = cls === 'EAR99' ? outcomeParam(p.ear99Outcome, 'REVIEW') : outcomeParam(p.cclOutcome, 'PROHIBITED');
    const item = cls === 'EAR99' ? 'EAR99 items' : cls === 'CCL' ? `${product.eccn} (a CCL item)` : 'an unclassified item (treated as a CCL item until classified)';
    const message =
      cls === 'EAR99'
        ? `${describeLocation(loc, name)} is under the Russia/Belarus sanctions (746.8): EAR99 items need review, as many are listed in the Part 746 supplements.`
        : `${describeLocation(loc, name)} is under the Russia/Belarus sanctions (746.8): a licence is required for ${item}, with a policy of denial.`;
    out.push(makeFinding(rule, { outcome, message, evidence: { role: loc.role, partyName: loc.name, country: loc.country, itemClass: cls, eccn: product?.eccn ?? null } }));
  }
  return out;
}

// ---------- end users ----------
export function checkMilitaryEndUser(product: TScreeningProduct, app: TScreeningApplication, rs: TRuleSet): TFinding[] {
  const rule = rs.rules.get('end-user.military-744-21');
  if (!rule) return [];
  const p = record(rule.params);
  const byType = strings(p.endUserTypes).includes(app.endUser?.type);
  const byUse = strings(p.endUseCategories).includes(app.endUse?.category);
  if (!byType && !byUse) return [];
  const cls = itemClass(product);
  const countries = [...new Set([app.endUser?.country, app.destination?.country].filter((c): c is string => typeof c === 'string'))];
  const out: TFinding[] = [];
  for (const country of countries) {
    const name = rs.countryName(country);
    const who = byType ? `a military end user ("${app.endUser.name}")` : 'a military end use';
    const kind = byType ? 'END_USER' : 'END_USE';
    const ev = { country, endUserType: app.endUser?.type, endUseCategory: app.endUse?.category, itemClass: cls, eccn: product?.eccn ?? null };
    if (strings(p.anyItemCountries).includes(country)) {
      out.push(makeFinding(rule, { kind, outcome: outcomeParam(p.anyItemOutcome, 'PROHIBITED'), message: `This is ${who} in ${name}: 744.21 requires a licence for any item, with a policy of denial.`, evidence: ev }));
    } else if (strings(p.nonEar99Countries).includes(country) && cls !== 'EAR99') {
      const item = cls === 'CCL' ? `${product.eccn}` : 'an unclassified item (treated as not EAR99 until classified)';
      out.push(makeFinding(rule, { kind, outcome: outcomeParam(p.nonEar99Outcome, 'LICENSE_REQUIRED'), message: `This is ${who} in ${name}: 744.21 requires a licence for ${item} (presumption of denial).`, evidence: ev }));
    }
  }
  return out;
}

export function checkMilitaryIntelligenceEndUser(app: TScreeningApplication, rs: TRuleSet): TFinding[] {
  const rule = rs.rules.get('end-user.military-intelligence-744-22');
  if (!rule) return [];
  const p = record(rule.params);
  if (!strings(p.endUserTypes).includes(app.endUser?.type)) return [];
  const countries = [...new Set([app.endUser?.country, app.destination?.country].filter((c): c is string => typeof c === 'string'))];
  return countries
    .filter((c) => strings(p.countries).includes(c))
    .map((country) =>
      makeFinding(rule, {
        outcome: outcomeParam(p.outcome, 'LICENSE_REQUIRED'),
        message: `"${app.endUser.name}" is a military-intelligence end user in ${rs.countryName(country)}: 744.22 requires a licence for any item (presumption of denial).`,
        evidence: { country, endUserType: app.endUser.type },
      }),
    );
}

// ---------- KYC ----------
export function checkRedFlags(app: TScreeningApplication, rs: TRuleSet): TFinding[] {
  const rule = rs.rules.get('kyc.red-flags');
  if (!rule) return [];
  const p = record(rule.params);
  const words = record(p.flags);
  const flags = [...new Set(Array.isArray(app.redFlags) ? app.redFlags : [])].sort();
  return flags.map((flag) =>
    makeFinding(rule, {
      outcome: outcomeParam(p.outcome, 'REVIEW'),
      message: `Red flag declared: ${typeof words[flag] === 'string' ? `${String(words[flag])} (${flag})` : String(flag)}. An officer must resolve it before export.`,
      evidence: { redFlag: flag },
    }),
  );
}

// ---------- biometric / surveillance policy ----------
type TBiometricWhen = {
  governmentOrSurveillance?: boolean;
  freedomStatuses?: string[];
  destinationInGroups?: string[];
  destinationNotInGroups?: string[];
  liveVideo?: boolean;
};

export function checkBiometric(product: TScreeningProduct, app: TScreeningApplication, rs: TRuleSet): TFinding[] {
  const bio = product?.biometric;
  if (!bio) return [];
  const out: TFinding[] = [];
  const dest = app.destination?.country ?? '';
  const destName = rs.countryName(dest);
  const scope = rs.rules.get('biometric.one-to-many.scope');
  const sp = record(scope?.params);
  const govTypes = strings(sp.governmentEndUserTypes);
  const survUses = strings(sp.surveillanceEndUses);
  const govOrSurv = govTypes.includes(app.endUser?.type) || survUses.includes(app.endUse?.category);
  const baseEvidence = {
    modality: bio.modality,
    matchingMode: bio.matchingMode,
    remoteGalleryAccess: bio.remoteGalleryAccess,
    liveVideo: bio.liveVideo,
    maxGallerySize: bio.maxGallerySize,
    destination: dest,
    endUserType: app.endUser?.type,
    endUseCategory: app.endUse?.category,
  };

  // 1:1 carve-out
  const carve = rs.rules.get('biometric.one-to-one-carve-out');
  const cp = record(carve?.params);
  if (carve && strings(cp.modalities).includes(bio.modality) && strings(cp.matchingModes).includes(bio.matchingMode) && !bio.remoteGalleryAccess) {
    out.push(
      makeFinding(carve, {
        outcome: outcomeParam(cp.outcome, 'CLEAR'),
        message: `${bio.modality === 'FACE' ? 'Face' : bio.modality} verification (1:1) without remote gallery access: the 1:1 carve-out applies; the surveillance policy does not restrict it.`,
        evidence: baseEvidence,
      }),
    );
  }

  // 1:N ladder, first match wins
  const inScope =
    scope &&
    strings(sp.modalities).includes(bio.modality) &&
    (strings(sp.matchingModes).includes(bio.matchingMode) || (sp.remoteGalleryCountsAsOneToMany === true && bio.remoteGalleryAccess === true));
  if (inScope) {
    const steps = [...rs.rules.values()]
      .filter((r) => r.id.startsWith('biometric.one-to-many.') && r.id !== 'biometric.one-to-many.scope')
      .sort((a, b) => Number(record(a.params).order ?? 99) - Number(record(b.params).order ?? 99) || (a.id < b.id ? -1 : 1));
    const freedom = rs.freedom(dest);
    const capability = bio.matchingMode === 'ONE_TO_MANY' ? '1:N face identification' : 'remote gallery access (treated as 1:N identification)';
    const who = govOrSurv
      ? `${govTypes.includes(app.endUser?.type) ? `a ${String(app.endUser.type).toLowerCase().replace(/_/g, ' ')} end user` : ''}${govTypes.includes(app.endUser?.type) && survUses.includes(app.endUse?.category) ? ' and ' : ''}${survUses.includes(app.endUse?.category) ? 'public-space surveillance' : ''}`
      : 'a non-government end user';
    for (const step of steps) {
      const p = record(step.params);
      const when = record(p.when) as TBiometricWhen;
      const needsFreedom = Array.isArray(when.freedomStatuses);
      if (when.governmentOrSurveillance === true && !govOrSurv) continue;
      if (needsFreedom && freedom === null) {
        out.push(makeFinding(step, { kind: 'DATA_GAP', outcome: 'REVIEW', licensePolicy: null, message: `No Freedom House status is recorded for ${destName}, so the surveillance policy cannot be applied; an officer must decide.`, evidence: { ...baseEvidence, freedomStatus: null } }));
        break;
      }
      if (needsFreedom && !strings(when.freedomStatuses).includes(freedom as string)) continue;
      if (Array.isArray(when.destinationInGroups) && !strings(when.destinationInGroups).some((g) => rs.inGroup(dest, g))) continue;
      if (Array.isArray(when.destinationNotInGroups) && strings(when.destinationNotInGroups).some((g) => rs.inGroup(dest, g))) continue;
      if (typeof when.liveVideo === 'boolean' && bio.liveVideo !== when.liveVideo) continue;
      const outcome = bio.liveVideo && p.liveVideoOutcome ? outcomeParam(p.liveVideoOutcome, 'PROHIBITED') : outcomeParam(p.outcome, 'REVIEW');
      const status = freedom === 'NF' ? '"Not Free"' : freedom === 'PF' ? '"Partly Free"' : freedom === 'F' ? '"Free"' : 'unrated';
      const a1 = rs.inGroup(dest, 'A:1') ? 'in Country Group A:1' : 'outside Country Group A:1';
      const verdict = outcome === 'PROHIBITED' ? 'blocked' : outcome === 'LICENSE_REQUIRED' ? 'a licence is required' : outcome === 'REVIEW' ? 'an officer must review it' : 'no policy restriction';
      out.push(
        makeFinding(step, {
          outcome,
          message: `${capability} for ${who}${bio.liveVideo ? ', with live video,' : ''} to ${destName} (${status}, ${a1}): ${verdict}.`,
          evidence: { ...baseEvidence, freedomStatus: freedom, inA1: rs.inGroup(dest, 'A:1'), step: step.id, order: p.order ?? null },
        }),
      );
      break;
    }
  }

  // training-data consent
  const consent = rs.rules.get('biometric.training-data-consent');
  const tp = record(consent?.params);
  if (consent && strings(tp.statuses).includes(bio.trainingDataConsent ?? 'UNKNOWN')) {
    out.push(
      makeFinding(consent, {
        outcome: outcomeParam(tp.outcome, 'REVIEW'),
        message: `The biometric training data is ${bio.trainingDataConsent === 'NOT_CONSENTED' ? 'not collected with consent' : 'of unknown consent status'}; an officer must review its provenance.`,
        evidence: { trainingDataConsent: bio.trainingDataConsent ?? null },
      }),
    );
  }

  // EU AI Act Art. 5(1)(h)
  const eu = rs.rules.get('biometric.eu-ai-act-rbi');
  const ep = record(eu?.params);
  if (
    eu &&
    strings(ep.destinationCountries).includes(dest) &&
    strings(ep.endUserTypes).includes(app.endUser?.type) &&
    strings(ep.endUseCategories).includes(app.endUse?.category) &&
    (typeof ep.liveVideo !== 'boolean' || ep.liveVideo === bio.liveVideo)
  ) {
    out.push(
      makeFinding(eu, {
        outcome: outcomeParam(ep.outcome, 'REVIEW'),
        message: `Live biometric identification in public spaces for law enforcement in ${destName}: the EU AI Act prohibits it (Art. 5(1)(h)) except narrow, authorised cases; an officer must review.`,
        evidence: baseEvidence,
      }),
    );
  }
  return out;
}

export type TProductCheck = (product: TScreeningProduct, app: TScreeningApplication, rs: TRuleSet) => TFinding[];
export type TApplicationCheck = (app: TScreeningApplication, rs: TRuleSet) => TFinding[];

export const KNOWN_RULE_IDS = [
  'data.application',
  'embargo.country-group',
  'embargo.region',
  'embargo.russia-belarus',
  'licence.country-chart',
  'end-user.military-744-21',
  'end-user.military-intelligence-744-22',
  'party.restricted-lists',
  'biometric.one-to-one-carve-out',
  'biometric.one-to-many.scope',
  'biometric.training-data-consent',
  'biometric.eu-ai-act-rbi',
  'kyc.red-flags',
];

/** Rules the engine knows: fixed ids plus any 1:N policy step ("biometric.one-to-many.<name>"). */
export function isKnownRuleId(id: string): boolean {
  return KNOWN_RULE_IDS.includes(id) || /^biometric\.one-to-many\.[a-z0-9-]+$/.test(id);
}

export type { TRuleConfig };
