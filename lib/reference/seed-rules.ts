// The seed rules (PRODUCT.md §3) as data: every group, status, category, threshold and country list
// the checks use is a parameter here, so an admin can change it and publish a new rule-set version.
// The rule id selects the check that runs it (lib/screening/rules/); every params object
// `satisfies` the input type of that rule's schema, so a renamed or mistyped param fails to compile.

import type { z } from 'zod';
import type { ZCountryEquivalencesParams } from '../screening/rules/country-equivalences';
import type { ZOneToManyScopeParams, ZOneToManyStepParams } from '../screening/rules/biometric-one-to-many';
import type { ZCarveOutParams } from '../screening/rules/biometric-one-to-one-carve-out';
import type { ZBiometricClassificationParams } from '../screening/rules/biometric-classification';
import type { ZEuAiActParams } from '../screening/rules/biometric-eu-ai-act-rbi';
import type { ZEuArt5Params } from '../screening/rules/biometric-eu-dual-use-art5';
import type { ZCityBanParams } from '../screening/rules/biometric-us-city-ban';
import type { ZXinjiangParams } from '../screening/rules/biometric-xinjiang';
import type { ZTrainingDataParams } from '../screening/rules/biometric-training-data-consent';
import type { ZDataApplicationParams } from '../screening/rules/data-application';
import type { ZEmbargoCountryGroupParams } from '../screening/rules/embargo-country-group';
import type { ZEmbargoRegionParams } from '../screening/rules/embargo-region';
import type { ZEmbargoRussiaBelarusParams } from '../screening/rules/embargo-russia-belarus';
import type { ZMilitaryEndUserParams } from '../screening/rules/end-user-military-744-21';
import type { ZMilitaryIntelligenceParams } from '../screening/rules/end-user-military-intelligence-744-22';
import type { ZRedFlagParams } from '../screening/rules/kyc-red-flags';
import type { ZLicenceCountryChartParams } from '../screening/rules/licence-country-chart';
import type { ZPartyParams } from '../screening/rules/party-restricted-lists';
import type { TRuleConfig } from '../screening/types';
import { PARTY_LIST_EFFECTS } from './party-list-effects';

type In<S extends z.ZodType> = z.input<S>;

import { EU_MEMBER_STATES, buildEuSeedRules } from './eu-seed';

export { EU_MEMBER_STATES };

export const RED_FLAG_WORDS: Record<string, string> = {
  REFUSES_END_USE_INFO: 'reluctant to say what the item is for',
  CAPABILITIES_MISMATCH: "the item does not fit the buyer's line of business",
  INCOMPATIBLE_WITH_DESTINATION: 'the item is incompatible with the technical level of the destination',
  UNUSUAL_PAYMENT: 'cash for an expensive item where financing is normal',
  NO_BUSINESS_BACKGROUND: 'little or no business background',
  UNFAMILIAR_WITH_PRODUCT: "unfamiliar with the item's performance but wants it",
  DECLINES_SERVICES: 'declines installation, training or maintenance',
  VAGUE_DELIVERY: 'vague delivery dates or out-of-the-way destinations',
  FORWARDER_AS_DESTINATION: 'a freight forwarder is the final destination',
  ABNORMAL_ROUTE: 'a shipping route abnormal for the item and destination',
  INCONSISTENT_PACKAGING: 'packaging inconsistent with shipment or destination',
  EVASIVE_ABOUT_REEXPORT: 'evasive about domestic use, export or re-export',
};

const GOVERNMENT_TYPES: ('GOVERNMENT' | 'LAW_ENFORCEMENT' | 'MILITARY' | 'INTELLIGENCE')[] = ['GOVERNMENT', 'LAW_ENFORCEMENT', 'MILITARY', 'INTELLIGENCE'];
const SURVEILLANCE_USES: 'PUBLIC_SPACE_SURVEILLANCE'[] = ['PUBLIC_SPACE_SURVEILLANCE'];
// Company policy, informed by (not required by) these sources. EU Reg. 2021/821 Art. 5 binds EU
// exporters only: it has its own rule (biometric.eu-dual-use-art5), keyed to the exporter's country.
const BIOMETRIC_CITATION =
  'Company policy, informed by IBM comments to BIS on facial recognition export controls (2020) and 89 FR 60998 (July 29, 2024, proposed)';

// Cities whose ordinances ban government (city agency) use of face recognition; only bans we are
// sure were enacted. Columns as the admin form edits them: city | state | stateName | ordinance.
const US_CITY_BANS: In<typeof ZCityBanParams>['cities'] = [
  {
    city: 'San Francisco',
    state: 'CA',
    stateName: 'California',
    ordinance: 'San Francisco Administrative Code Chapter 19B (Stop Secret Surveillance Ordinance, 2019)',
  },
  {
    city: 'Oakland',
    state: 'CA',
    stateName: 'California',
    ordinance: 'Oakland Municipal Code Chapter 9.64 (surveillance technology), amended 2019 to ban face recognition',
  },
  { city: 'Berkeley', state: 'CA', stateName: 'California', ordinance: 'Berkeley ordinance banning city use of face recognition technology (2019)' },
  { city: 'Somerville', state: 'MA', stateName: 'Massachusetts', ordinance: 'Somerville ordinance banning municipal use of facial recognition (2019)' },
  { city: 'Brookline', state: 'MA', stateName: 'Massachusetts', ordinance: 'Brookline town by-law banning municipal use of face surveillance (2019)' },
  { city: 'Northampton', state: 'MA', stateName: 'Massachusetts', ordinance: 'Northampton ordinance banning municipal use of facial recognition (2019)' },
  { city: 'Boston', state: 'MA', stateName: 'Massachusetts', ordinance: 'Boston City Code Chapter 16-62, ordinance banning face surveillance (2020)' },
  { city: 'Cambridge', state: 'MA', stateName: 'Massachusetts', ordinance: 'Cambridge ordinance banning city use of face recognition technology (2020)' },
  { city: 'Portland', state: 'OR', stateName: 'Oregon', ordinance: "Portland ordinance prohibiting City bureaus' use of face recognition technologies (2020)" },
  { city: 'Minneapolis', state: 'MN', stateName: 'Minnesota', ordinance: 'Minneapolis ordinance banning city use of facial recognition technology (2021)' },
  { city: 'Madison', state: 'WI', stateName: 'Wisconsin', ordinance: 'Madison ordinance banning city use of facial recognition technology (2020)' },
];

export function buildSeedRules(): TRuleConfig[] {
  return [
    {
      id: 'country.equivalences',
      kind: 'LICENSE_REQUIREMENT',
      enabled: true,
      basis: 'LAW',
      citation:
        'FR Doc. 2020-28101 (Dec. 23, 2020: Hong Kong removed as a separate destination); 15 CFR 742.4(a)(4), 742.6(a)(6) ("Macau or a destination specified in Country Group D:5")',
      citationUrl: 'https://www.federalregister.gov/d/2020-28101',
      licensePolicy: null,
      title: 'Country equivalences',
      description:
        'Countries the EAR treats as another country everywhere (Hong Kong as China), and countries it names together with a Country Group ("Macau or D:5"). Every check that reads a country list, the Country Chart, the Country Groups and party matching use them.',
      params: {
        equivalences: [
          {
            country: 'HK',
            treatedAs: 'CN',
            citation: 'FR Doc. 2020-28101 (Dec. 23, 2020): Hong Kong is treated as China; its Country Chart and Country Group entries were removed',
            url: 'https://www.federalregister.gov/d/2020-28101',
          },
          {
            country: 'MO',
            treatedAs: 'D:5',
            citation: '15 CFR 742.6(a)(6), 742.4(a)(4): "Macau or a destination specified in Country Group D:5"',
            url: 'https://www.ecfr.gov/current/title-15/section-742.6',
          },
        ],
      } satisfies In<typeof ZCountryEquivalencesParams>,
    },
    {
      id: 'data.application',
      kind: 'DATA_GAP',
      enabled: true,
      basis: 'POLICY',
      citation: 'Clearance policy: missing or unknown data never yields CLEAR',
      licensePolicy: null,
      title: 'Missing or unknown application data',
      description: 'Any field the checks need that is missing, empty or not a known code sends the case to review.',
      params: {
        outcome: 'REVIEW',
        endUserTypes: ['COMMERCIAL', 'GOVERNMENT', 'LAW_ENFORCEMENT', 'MILITARY', 'INTELLIGENCE', 'ACADEMIC', 'INDIVIDUAL'],
        endUseCategories: [
          'ACCESS_CONTROL',
          'DEVICE_UNLOCK',
          'BORDER_CONTROL',
          'LAW_ENFORCEMENT_INVESTIGATION',
          'PUBLIC_SPACE_SURVEILLANCE',
          'RETAIL_ANALYTICS',
          'RESEARCH',
          'MILITARY',
          'OTHER',
        ],
      } satisfies In<typeof ZDataApplicationParams>,
    },
    {
      id: 'embargo.country-group',
      kind: 'EMBARGO',
      enabled: true,
      basis: 'LAW',
      citation: '15 CFR Part 746 (746.2 Cuba, 746.4 North Korea, 746.7 Iran, 746.9 Syria); Country Groups E:1/E:2, Supp. 1 to Part 740',
      citationUrl: 'https://www.ecfr.gov/current/title-15/part-746',
      licensePolicy: 'Embargo: general policy of denial',
      title: 'Embargoed destinations and parties',
      description: 'The destination, the end user or any consignee is in an embargoed country (Country Group E:1 or E:2).',
      // SY: E:1 still, but since 2025-09-02 (90 FR 42320; OFAC's Syria programme revoked, E.O. 14312)
      // exports need a licence under 746.9 rather than being blocked: licence.country-chart handles it.
      params: { groups: ['E:1', 'E:2'], outcome: 'PROHIBITED', exceptCountries: ['SY'] } satisfies In<typeof ZEmbargoCountryGroupParams>,
    },
    {
      id: 'embargo.region',
      kind: 'EMBARGO',
      enabled: true,
      basis: 'LAW',
      citation: '15 CFR 746.6; Supp. 1 to Part 738, footnotes 8 and 9',
      citationUrl: 'https://www.ecfr.gov/current/title-15/section-746.6',
      licensePolicy: 'Policy of denial (746.6)',
      title: 'Crimea and the so-called DNR / LNR regions of Ukraine',
      description:
        "Exports to the Crimea region and the so-called Donetsk and Luhansk People's Republics are blocked. The ISO region codes only approximate these regions, so a Ukrainian destination without a region goes to review.",
      params: {
        regions: [
          { code: 'UA-43', name: 'Crimea' },
          { code: 'UA-40', name: 'Sevastopol (Crimea)' },
          { code: 'UA-14', name: "so-called Donetsk People's Republic (DNR) region" },
          { code: 'UA-09', name: "so-called Luhansk People's Republic (LNR) region" },
        ],
        regionRequiredFor: ['UA'],
        outcome: 'PROHIBITED',
      } satisfies In<typeof ZEmbargoRegionParams>,
    },
    {
      id: 'embargo.russia-belarus',
      kind: 'EMBARGO',
      enabled: true,
      basis: 'LAW',
      citation: '15 CFR 746.8; 87 FR 22130 (Apr. 14, 2022); Supp. 1 to Part 738, footnote 6',
      citationUrl: 'https://www.ecfr.gov/current/title-15/section-746.8',
      licensePolicy: 'Policy of denial with limited exceptions (746.8(b))',
      title: 'Russia and Belarus sanctions',
      description:
        'Any item on the Commerce Control List to Russia or Belarus is blocked; EAR99 items need review because many are listed in the Part 746 supplements.',
      params: { countries: ['RU', 'BY'], cclOutcome: 'PROHIBITED', ear99Outcome: 'REVIEW' } satisfies In<typeof ZEmbargoRussiaBelarusParams>,
    },
    {
      id: 'licence.country-chart',
      kind: 'LICENSE_REQUIREMENT',
      enabled: true,
      basis: 'LAW',
      citation: '15 CFR 738.4; Supp. 1 to Part 738 (Commerce Country Chart); Supp. 1 to Part 774 (CCL)',
      citationUrl: 'https://www.ecfr.gov/current/title-15/section-738.4',
      licensePolicy: null,
      title: 'ECCN reasons for control × Commerce Country Chart',
      description:
        "The ECCN's reasons for control are looked up in the destination's row of the Country Chart; an X means a licence is required. Hong Kong uses China's row and Liechtenstein Switzerland's. A destination without a row, an unknown ECCN or an unclassified product goes to review.",
      params: {
        licensePolicies: {
          CC: 'Case-by-case; generally favourable unless civil disorder or a risk of human-rights abuse (742.7(b)); human-rights review (742.7(b)(2))',
          NS: 'Case-by-case / approval unless significant contribution to military potential of D:1 countries (742.4(b)); human-rights review (742.7(b)(2))',
          RS: 'Case-by-case (742.6(b)); human-rights review (742.7(b)(2))',
          MT: 'Case-by-case (742.5(b))',
          NP: 'Case-by-case (742.3(b))',
          CB: 'Case-by-case (742.2(b))',
          FC: 'Case-by-case (742.17)',
          SL: 'See 742.13',
          EI: 'See 742.15 (License Exception ENC may apply)',
          UN: 'See 746.1(b)',
          AT: 'See 742.8–742.10, 742.19',
        },
        citations: {
          CC: '15 CFR 742.7',
          NS: '15 CFR 742.4',
          RS: '15 CFR 742.6',
          MT: '15 CFR 742.5',
          NP: '15 CFR 742.3',
          CB: '15 CFR 742.2',
          FC: '15 CFR 742.17',
          SL: '15 CFR 742.13',
          EI: '15 CFR 742.15',
          UN: '15 CFR 746.1(b)',
          AT: '15 CFR 742.8–742.10, 742.19',
          SS: '15 CFR Part 754',
          CW: '15 CFR 742.18',
          SI: '15 CFR 742.14',
        },
        unknownRowOutcome: 'REVIEW',
        // Part 746 destinations whose chart row only points to Part 746 but which are not under a
        // blanket embargo in the rule set's data (h3: Syria as in the eCFR of 2026-07-23).
        part746: {
          SY: {
            section: '746.9',
            requirement: 'ALL_ITEMS_EXCEPT_EAR99_FOOD_MEDICINE',
            citation: '15 CFR 746.9 (as amended by 90 FR 42320, Sept. 2, 2025)',
            ecfrAsOf: '2026-07-23',
            licensePolicy:
              'Review policy of 746.9 as amended on 2025-09-02 (90 FR 42320); only the licence exceptions of 746.9(b), including SPP (740.5) for EAR99 items',
          },
        },
      } satisfies In<typeof ZLicenceCountryChartParams>,
    },
    {
      id: 'end-user.military-744-21',
      kind: 'END_USER',
      enabled: true,
      basis: 'LAW',
      citation: '15 CFR 744.21',
      citationUrl: 'https://www.ecfr.gov/current/title-15/section-744.21',
      licensePolicy:
        'Presumption of denial (Burma, Cambodia, China, Nicaragua, Venezuela); policy of denial for Belarus and Russia except EAR99 food and medicine. Only License Exception GOV.',
      title: 'Military end users and end uses (744.21)',
      description:
        'A military end user, or a military end use, in Belarus or Russia (any item) or in Burma, Cambodia, China, Nicaragua or Venezuela (any item other than EAR99).',
      params: {
        endUserTypes: ['MILITARY'],
        endUseCategories: ['MILITARY'],
        anyItemCountries: ['BY', 'RU'],
        anyItemOutcome: 'PROHIBITED',
        nonEar99Countries: ['CN', 'MM', 'KH', 'NI', 'VE'],
        nonEar99Outcome: 'LICENSE_REQUIRED',
      } satisfies In<typeof ZMilitaryEndUserParams>,
    },
    {
      id: 'end-user.military-intelligence-744-22',
      kind: 'END_USER',
      enabled: true,
      basis: 'LAW',
      citation: '15 CFR 744.22',
      citationUrl: 'https://www.ecfr.gov/current/title-15/section-744.22',
      licensePolicy: 'Presumption of denial; only License Exception GOV (740.11(b)(2)(ii))',
      title: 'Military-intelligence end users (744.22)',
      description: 'A military-intelligence end user in Belarus, Burma, Cambodia, China, Russia, Venezuela or an E:1/E:2 country needs a licence for any item.',
      params: {
        endUserTypes: ['INTELLIGENCE'],
        countries: ['BY', 'MM', 'KH', 'CN', 'RU', 'VE', 'CU', 'IR', 'KP', 'SY'],
        outcome: 'LICENSE_REQUIRED',
      } satisfies In<typeof ZMilitaryIntelligenceParams>,
    },
    {
      id: 'party.restricted-lists',
      kind: 'PARTY_MATCH',
      enabled: true,
      basis: 'LAW',
      citation: 'Consolidated Screening List (15 CFR 744, 764; 31 CFR Chapter V; 22 CFR 127.7)',
      citationUrl: 'https://www.trade.gov/consolidated-screening-list',
      licensePolicy: null,
      title: 'Restricted-party screening',
      description:
        'Every named party (end user, each consignee, and any other party given) is compared with every name and alias on the twelve lists of the Consolidated Screening List and the UN Security Council Consolidated List; each list has its own legal effect, and a list older than the rule set allows is a data gap.',
      params: {
        strongThreshold: 0.92,
        possibleThreshold: 0.8,
        countryMismatchPenalty: 0.04,
        maxMatchesPerParty: 12,
        possibleOutcome: 'REVIEW',
        expiredOutcome: 'CLEAR',
        maxListAgeDays: 35,
        staleListOutcome: 'REVIEW',
        commonNameMinListNames: 25,
        lists: {
          ...structuredClone(PARTY_LIST_EFFECTS),
          UN: {
            // UN Security Council sanctions bind every member state (UN Charter Art. 25 and 41)
            strongOutcome: 'PROHIBITED',
            citation: 'UN Charter Art. 25 and 41; UN Security Council Consolidated List',
            citationUrl: 'https://www.un.org/securitycouncil/content/un-sc-consolidated-list',
            licensePolicy: 'UN sanctions (asset freeze, travel ban, arms embargo): no dealings',
            citeEntry: true,
            // the bundled UN snapshot (2026-02-27) predates the CSL by five months; the UN list changes
            // less often than the US lists: its own age limit (an admin setting; review when updating)
            maxAgeDays: 180,
          },
        },
        defaultStrongOutcome: 'REVIEW',
      } satisfies In<typeof ZPartyParams>,
    },
    {
      id: 'biometric.one-to-one-carve-out',
      kind: 'BIOMETRIC_POLICY',
      enabled: true,
      basis: 'POLICY',
      citation: `${BIOMETRIC_CITATION}; IBM (2020) recommended excluding 1:1 verification`,
      citationUrl: 'https://www.federalregister.gov/citation/89-FR-60998',
      licensePolicy: null,
      title: '1:1 face verification carve-out',
      description:
        'Face verification that compares a person with one enrolled template, without vendor-hosted gallery access, is outside the surveillance policy.',
      params: { modalities: ['FACE'], matchingModes: ['ONE_TO_ONE'], outcome: 'CLEAR' } satisfies In<typeof ZCarveOutParams>,
    },
    {
      id: 'biometric.one-to-many.scope',
      kind: 'BIOMETRIC_POLICY',
      enabled: true,
      basis: 'POLICY',
      citation: BIOMETRIC_CITATION,
      citationUrl: 'https://www.federalregister.gov/citation/89-FR-60998',
      licensePolicy: null,
      title: '1:N identification (any modality): who and what counts',
      description:
        'Which products the 1:N policy steps cover — 1:N identification in any listed modality, and 1:1 products treated as 1:N because of remote gallery access, a gallery above the threshold or live video — and which end users and end uses count as government-type or surveillance.',
      params: {
        modalities: ['FACE', 'FINGERPRINT', 'IRIS', 'VOICE', 'GAIT', 'OTHER'],
        matchingModes: ['ONE_TO_MANY'],
        remoteGalleryCountsAsOneToMany: true,
        oneToOneGalleryThreshold: 10_000,
        liveVideoCountsAsOneToMany: true,
        governmentEndUserTypes: GOVERNMENT_TYPES,
        surveillanceEndUses: SURVEILLANCE_USES,
      } satisfies In<typeof ZOneToManyScopeParams>,
    },
    {
      id: 'biometric.one-to-many.not-free',
      kind: 'BIOMETRIC_POLICY',
      enabled: true,
      basis: 'POLICY',
      citation: `${BIOMETRIC_CITATION}; Freedom House, Freedom in the World 2023`,
      citationUrl: 'https://www.federalregister.gov/citation/89-FR-60998',
      licensePolicy: 'Company policy: refuse',
      title: '1:N identification for government or surveillance use in a "Not Free" country',
      description: 'Government-type end user or public-space surveillance, in a destination Freedom House rates "Not Free".',
      params: { order: 1, when: { governmentOrSurveillance: true, freedomStatuses: ['NF'] }, outcome: 'PROHIBITED' } satisfies In<typeof ZOneToManyStepParams>,
    },
    {
      id: 'biometric.one-to-many.partly-free',
      kind: 'BIOMETRIC_POLICY',
      enabled: true,
      basis: 'POLICY',
      citation: `${BIOMETRIC_CITATION}; Freedom House, Freedom in the World 2023`,
      citationUrl: 'https://www.federalregister.gov/citation/89-FR-60998',
      licensePolicy: 'Company policy: refuse with live video; otherwise a licence decision by an officer',
      title: '1:N identification for government or surveillance use in a "Partly Free" country',
      description:
        'Government-type end user or public-space surveillance, in a destination rated "Partly Free": blocked with live video, licence required without.',
      params: {
        order: 2,
        when: { governmentOrSurveillance: true, freedomStatuses: ['PF'] },
        outcome: 'LICENSE_REQUIRED',
        liveVideoOutcome: 'PROHIBITED',
      } satisfies In<typeof ZOneToManyStepParams>,
    },
    {
      id: 'biometric.one-to-many.cc-column-1',
      kind: 'BIOMETRIC_POLICY',
      enabled: true,
      basis: 'PROPOSED',
      citation: '89 FR 60998 (July 29, 2024, proposed rule: facial-recognition controls, modelled on CC Column 1); Supp. 1 to Part 738 (CC Column 1)',
      citationUrl: 'https://www.federalregister.gov/citation/89-FR-60998',
      licensePolicy: 'Case-by-case with human-rights review (as proposed; not yet law)',
      title: '1:N identification to a destination with an X in CC Column 1 (proposed rule)',
      description:
        'Identification to a destination with an X in Country Chart column CC1 would need a licence under the 2024 proposal; the company applies it now.',
      params: { order: 3, when: { chartColumnX: ['CC1'] }, outcome: 'LICENSE_REQUIRED' } satisfies In<typeof ZOneToManyStepParams>,
    },
    {
      id: 'biometric.one-to-many.a1-live-surveillance',
      kind: 'BIOMETRIC_POLICY',
      enabled: true,
      basis: 'POLICY',
      citation: BIOMETRIC_CITATION,
      citationUrl: 'https://www.federalregister.gov/citation/89-FR-60998',
      licensePolicy: null,
      title: '1:N identification in A:1 with live video for government or surveillance use',
      description: 'In an A:1 destination, live-video identification for a government-type end user or public-space surveillance is reviewed.',
      params: {
        order: 4,
        when: { destinationInGroups: ['A:1'], liveVideo: true, governmentOrSurveillance: true },
        outcome: 'REVIEW',
      } satisfies In<typeof ZOneToManyStepParams>,
    },
    {
      id: 'biometric.one-to-many.a1-other',
      kind: 'BIOMETRIC_POLICY',
      enabled: true,
      basis: 'POLICY',
      citation: BIOMETRIC_CITATION,
      citationUrl: 'https://www.federalregister.gov/citation/89-FR-60998',
      licensePolicy: null,
      title: '1:N identification in A:1, other uses',
      description: 'Other identification to A:1 destinations: no policy restriction.',
      params: { order: 5, when: { destinationInGroups: ['A:1'] }, outcome: 'CLEAR' } satisfies In<typeof ZOneToManyStepParams>,
    },
    {
      id: 'biometric.training-data-consent',
      kind: 'BIOMETRIC_POLICY',
      enabled: true,
      basis: 'POLICY',
      citation: 'IBM comments to BIS (2020) on training-data provenance; EU AI Act (Reg. (EU) 2024/1689) Art. 5(1)(e)',
      citationUrl: 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj',
      licensePolicy: null,
      title: 'Biometric training data without consent',
      description: 'A biometric product whose training data was not collected with consent, or whose consent status is unknown, is reviewed.',
      params: { statuses: ['NOT_CONSENTED', 'UNKNOWN'], outcome: 'REVIEW' } satisfies In<typeof ZTrainingDataParams>,
    },
    {
      id: 'biometric.eu-ai-act-rbi',
      kind: 'BIOMETRIC_POLICY',
      enabled: true,
      basis: 'POLICY',
      citation: 'Regulation (EU) 2024/1689 (AI Act) Art. 5(1)(h) and 5(2)–(7)',
      citationUrl: 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj',
      licensePolicy: 'Prohibited in the EU except narrow, authorised law-enforcement exceptions',
      title: 'EU: real-time remote biometric identification in public spaces',
      description:
        'The AI Act prohibits real-time remote biometric identification in publicly accessible spaces for law enforcement, with narrow authorised exceptions; such a sale to an EU law-enforcement customer is reviewed.',
      params: {
        destinationCountries: EU_MEMBER_STATES,
        endUserTypes: ['LAW_ENFORCEMENT'],
        endUseCategories: ['PUBLIC_SPACE_SURVEILLANCE'],
        liveVideo: true,
        outcome: 'REVIEW',
      } satisfies In<typeof ZEuAiActParams>,
    },
    {
      id: 'biometric.classification',
      kind: 'DATA_GAP',
      enabled: true,
      basis: 'POLICY',
      citation: 'Supp. No. 1 to 15 CFR Part 774 (3A981, 4A003, 4D001, 4A980, 4D980, 5A002, 5D002); 15 CFR 748.3 (classification requests)',
      citationUrl: 'https://www.ecfr.gov/current/title-15/part-774',
      licensePolicy: null,
      title: 'Biometric identification declared EAR99',
      description:
        'A product that can identify people by a biometric (declared 1:N, or 1:1 treated as 1:N) but is declared EAR99 goes to review: such systems are normally on the CCL.',
      params: {
        modalities: ['FACE', 'FINGERPRINT', 'IRIS', 'VOICE', 'GAIT', 'OTHER'],
        usualEccns:
          '3A981 (fingerprint analysers and automated identification equipment), 4A003/4D001 or 4A980/4D980 (fingerprint computers and their software), 5A002/5D002 (their cryptographic parts)',
        outcome: 'REVIEW',
      } satisfies In<typeof ZBiometricClassificationParams>,
    },
    {
      id: 'biometric.xinjiang-region',
      kind: 'BIOMETRIC_POLICY',
      enabled: true,
      basis: 'POLICY',
      citation:
        'Company policy, informed by the Uyghur Human Rights Policy Act of 2020 (Pub. L. 116-145) and the Entity List additions of Xinjiang public-security bureaus and surveillance vendors',
      citationUrl: 'https://www.congress.gov/bill/116th-congress/senate-bill/3744',
      licensePolicy: 'Company policy: refuse',
      title: 'Xinjiang: surveillance and biometric items',
      description:
        'Biometric products, and any item for public-space surveillance, for the Xinjiang Uyghur Autonomous Region (ISO 3166-2 CN-65, formerly CN-XJ, or an address there) are refused.',
      params: {
        regions: [
          { code: 'CN-65', name: 'Xinjiang Uyghur Autonomous Region' },
          { code: 'CN-XJ', name: 'Xinjiang Uyghur Autonomous Region (former ISO code)' },
        ],
        addressWords: { XINJIANG: 'Xinjiang', URUMQI: 'Urumqi', KASHGAR: 'Kashgar', HOTAN: 'Hotan', XINJIANG_ZH: '新疆', URUMQI_ZH: '乌鲁木齐' },
        surveillanceEndUses: SURVEILLANCE_USES,
        outcome: 'PROHIBITED',
      } satisfies In<typeof ZXinjiangParams>,
    },
    {
      id: 'biometric.eu-dual-use-art5',
      kind: 'BIOMETRIC_POLICY',
      enabled: true,
      basis: 'LAW',
      citation:
        'Regulation (EU) 2021/821 Art. 5 (cyber-surveillance catch-all; binds exporters established in the EU); Commission Recommendation (EU) 2024/2659',
      citationUrl: 'https://eur-lex.europa.eu/eli/reg/2021/821/oj',
      licensePolicy: 'Authorisation required if the exporter is aware of, or informed of, use for internal repression or serious human-rights violations',
      title: 'EU exporters: cyber-surveillance catch-all (Art. 5)',
      description:
        "For an organisation established in the EU only: biometric identification or surveillance items (cyber-surveillance items, listed or not) for a government-type end user or surveillance use outside the EU need an authorisation under Art. 5 of the EU Dual-Use Regulation; the 1:N policy ladder's findings cite Art. 5 for these organisations.",
      params: {
        exporterCountries: EU_MEMBER_STATES,
        endUserTypes: GOVERNMENT_TYPES,
        endUseCategories: SURVEILLANCE_USES,
        // Art. 5(1)-(2): an authorisation is required (the competent authority decides); issue 16
        outcome: 'LICENSE_REQUIRED',
      } satisfies In<typeof ZEuArt5Params>,
    },
    {
      id: 'biometric.us-city-ban',
      kind: 'BIOMETRIC_POLICY',
      enabled: true,
      basis: 'POLICY',
      citation: 'Company policy, following city ordinances that ban government use of facial recognition',
      licensePolicy: 'Company policy: review',
      title: 'US cities that ban government facial recognition',
      description:
        "Inside the United States, 1:N face identification for a government or police end user in a city that bans government use of facial recognition is reviewed. The city comes from the end user's city field or address.",
      params: {
        modalities: ['FACE'],
        endUserTypes: GOVERNMENT_TYPES,
        cities: US_CITY_BANS,
        outcome: 'REVIEW',
      } satisfies In<typeof ZCityBanParams>,
    },
    {
      id: 'kyc.red-flags',
      kind: 'KYC',
      enabled: true,
      basis: 'LAW',
      citation: 'Supp. No. 3 to 15 CFR Part 732 (BIS "Know Your Customer" guidance and red flags)',
      citationUrl: 'https://www.ecfr.gov/current/title-15/part-732',
      licensePolicy: null,
      title: 'Know-your-customer red flags',
      description: 'Any declared red flag must be resolved by an officer before the export.',
      params: { flags: RED_FLAG_WORDS, outcome: 'REVIEW' } satisfies In<typeof ZRedFlagParams>,
    },
    ...buildEuSeedRules(),
  ];
}
