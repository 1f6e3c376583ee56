// The EU regime's seed rules (issue 16): Regulation (EU) 2021/821 and the EU restrictive measures on
// dual-use items, as rule-set data with citations. Annex I and the Annex II texts come from the
// compacted EUR-Lex consolidation in data/reference/eu (scripts/compact-eu-annex-i.ts); the arms
// embargoes, Annex IV and the sanctions list are transcribed here from the Official Journal texts
// named in each line. Not legal advice: the Official Journal is authentic.

import type { z } from 'zod';
import annex from '../../data/reference/eu/eu-dual-use-annex-i-2025-11-15.compact.json';
import type { ZEarApplicabilityParams } from '../screening/rules/ear-applicability';
import type { ZEuAnnexIVParams } from '../screening/rules/eu-annex-iv-intra-eu';
import type { ZEuArt3Params } from '../screening/rules/eu-authorisation-art3';
import type { ZEuArt4Params } from '../screening/rules/eu-catch-all-art4';
import type { ZEuFinancialSanctionsParams } from '../screening/rules/eu-financial-sanctions';
import type { ZEuRegimeParams } from '../screening/rules/eu-regime';
import type { ZEuSanctionsParams } from '../screening/rules/eu-sanctions-dual-use';
import type { TDataset, TRuleConfig } from '../screening/types';

type In<S extends z.ZodType> = z.input<S>;

export const EU_ANNEX = annex as {
  source: string;
  attribution: string;
  corpusVersion: string;
  validFrom: string;
  sourceUrl: string;
  fileSha256: string;
  entries: { code: string; category: string; heading: string; provisions: string[] }[];
  geas: { id: string; title: string; text: string }[];
  annexII: { includesAnnexIV: boolean; items: { code: string; text: string }[] };
};

export const EU_MEMBER_STATES = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU',
  'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
];

const REG = 'Regulation (EU) 2021/821';
const REG_URL = 'https://eur-lex.europa.eu/eli/reg/2021/821/oj';

/** The dataset row the seed records for Annex I (source, consolidation date, SHA-256 of the file received). */
export const EU_ANNEX_DATASET: TDataset = {
  kind: 'EU_DUAL_USE_ANNEX_I',
  source: `${EU_ANNEX.source}. ${EU_ANNEX.attribution}`,
  asOf: EU_ANNEX.validFrom,
  sha256: EU_ANNEX.fileSha256,
};

// Common duties of EU001, EU002, EU005, EU006 (Annex II, Part 3 of each).
const STANDARD_DUTIES =
  'not usable if the exporter has been informed by its competent authority, or is aware, that the items are or may be intended for WMD or missile use, for a military end use in a country under an arms embargo, or for parts of military items exported without authorisation; not for exports to a customs-free zone or free warehouse in the destination. Declare the GEA number in the customs declaration; notify the competent authority of the first use within 30 days of the first export (or before the first use, where the Member State requires it); a Member State may require registration before the first use; record-keeping under Art. 27.';

const CN = 'CN HK MO';
const EU003_4_DESTINATIONS = `AL AR BA BR CL ${CN} IN KZ MX ME MA MK RU RS SG ZA KR TN TR UA AE`;

const GEAS: In<typeof ZEuArt3Params>['geas'] = [
  { id: 'EU001', title: 'Exports to Australia, Canada, Iceland, Japan, New Zealand, Norway, Switzerland including Liechtenstein, the United Kingdom and the United States', items: 'ALL', excludedItems: 'ANNEX_II', destinations: 'AU CA IS JP NZ NO CH LI GB US', excludedDestinations: '-', outcome: 'CLEAR', conditions: `EU001: ${STANDARD_DUTIES}` },
  { id: 'EU002', title: 'Exports of certain dual-use items to certain destinations', items: '1A001 1A003 1A004 1C003.b 1C003.c 1C004 1C005 1C006 1C008 1C009 2B008 3A001.a.3 3A001.a.6 3A001.a.7 3A001.a.9 3A001.a.10 3A001.a.11 3A001.a.12 3A002.c 3A002.d 3A002.e 3A002.f 3C001 3C002 3C003 3C004 3C005 3C006', excludedItems: 'ANNEX_II', destinations: 'AR ZA KR TR', excludedDestinations: '-', outcome: 'CLEAR', conditions: `EU002: ${STANDARD_DUTIES}` },
  { id: 'EU003', title: 'Export after repair/replacement', items: 'ALL', excludedItems: 'ANNEX_II D E 1A002.a 1C012.a 1C227 1C228 1C229 1C230 1C231 1C236 1C237 1C240 1C350 1C450 5A001.b.5 5A002.c 5A002.d 5A002.e 5A003.a 5A003.b 6A001.a.2.a.1 6A001.a.2.a.5 6A002.a.1.c 8A001.b 8A001.c.1 9A011', destinations: EU003_4_DESTINATIONS, excludedDestinations: '-', outcome: 'INFO', conditions: 'EU003 only for items reimported into the Union for maintenance, repair or replacement and returned to the original end user within 5 years of the original authorisation, without changes to their original characteristics; the initial export was authorised; declare EU003 in the customs declaration and notify the first use.' },
  { id: 'EU004', title: 'Temporary export for exhibition or fair', items: 'ALL', excludedItems: 'ANNEX_II D E 1A002.a 1C002.b.4 1C010 1C012.a 1C227 1C228 1C229 1C230 1C231 1C236 1C237 1C240 1C350 1C450 5A001.b.5 5A002.c 5A002.d 5A002.e 5A003.a 5A003.b 6A001 6A002.a 8A001.b 8A001.c.1 9A011', destinations: EU003_4_DESTINATIONS, excludedDestinations: '-', outcome: 'INFO', conditions: 'EU004 only for a temporary export to an exhibition or fair, the items staying under the exporter\'s control and returning within 120 days, without having been tested or demonstrated in a way that transfers technology; declare EU004 in the customs declaration and notify the first use.' },
  { id: 'EU005', title: 'Telecommunications', items: '5A001.b.2 5A001.c 5A001.d 5B001 5D001 5E001.a', excludedItems: 'ANNEX_II', destinations: `AR ${CN} IN ZA KR RU TR UA`, excludedDestinations: '-', outcome: 'REVIEW', conditions: 'EU005: 5B001 and 5D001 only for test, inspection and production equipment and software for the 5A001 items covered, 5E001.a only for their installation, operation, maintenance or repair and for the same end user; not for use in connection with human-rights violations through interception or monitoring technology; not if the exporter is aware of re-export to a destination outside Part 2; declare and notify the first use.' },
  { id: 'EU006', title: 'Chemicals', items: '1C350 1C450', excludedItems: 'ANNEX_II', destinations: 'AR KR TR UA', excludedDestinations: '-', outcome: 'REVIEW', conditions: 'EU006 covers only the chemicals of 1C350 and 1C450 named in its Part 1 (an officer checks the substance and CAS number); otherwise the EU001 conditions and duties.' },
  { id: 'EU007', title: 'Intra-group export of software and technology', items: 'D E', excludedItems: 'ANNEX_II 4A005 4D004 4E001.c 5A001.f 5A001.j', destinations: 'AR BR CL IN ID IL JO MY MX MA PH SG ZA KR TH TN', excludedDestinations: '-', outcome: 'INFO', conditions: 'EU007 only to a subsidiary wholly owned and controlled by the exporter, or a sister company, for product development; the software and technology must stay under the parent\'s control; register before the first use, notify it 30 days before the first export, report at least yearly; not for technology related to 4A005, 4D004, 4E001.c, 5A001.f, 5A001.j.' },
  { id: 'EU008', title: 'Encryption', items: '5A002.a.2 5A002.a.3 5A002.b 5D002.a.1 5D002.b 5D002.c.1 5E002.b', excludedItems: 'ANNEX_II', destinations: 'ALL', excludedDestinations: `EU001 AF AM AZ BY KH CF ${CN} CG CD EG ER GE IR IQ IL KZ KG LB LY MY ML MU MN MM KP OM PK QA RU SA SO SS SD SY TJ TM AE UZ VE YE ZW`, outcome: 'REVIEW', conditions: 'EU008 only for items using published or commercial cryptographic standards, not designed for government end users, not able to be changed by the user beyond the vendor\'s specifications (Part 1, point 2); register before the first use, notify it 10 days before the first export, report every six months; not to a destination under an arms embargo or EU restrictive measures on dual-use items.' },
];

// Annex IV of Regulation (EU) 2021/821 (Art. 11: authorisation even inside the Union), transcribed by
// entry: ENTRY where Annex IV covers the whole entry or provision, PART where it names only part of
// it (an officer then checks the Annex IV text). Not in the republished data file; check against the OJ.
const ANNEX_IV: In<typeof ZEuAnnexIVParams>['items'] = [
  ...['1C001', '1C101', '1D103', '6B008', '6B108'].map((code) => ({ code, coverage: 'ENTRY' as const, part: 'Part I, stealth technology' })),
  ...['1E101', '1E102'].map((code) => ({ code, coverage: 'PART' as const, part: 'Part I, stealth technology (technology for 1C101 or 1D103 only)' })),
  ...['5A004', '5D002', '5E002'].map((code) => ({ code, coverage: 'PART' as const, part: 'Part I, Union strategic control: cryptanalytic items of Category 5 Part 2' })),
  ...['7A117', '9A004', '9A005', '9A104', '9A116', '9A119', '9B115', '9B116', '9D101', '9D103', '9D104'].map((code) => ({ code, coverage: 'ENTRY' as const, part: 'Part I/II, MTCR technology items' })),
  ...['7B001', '7B002', '7B003', '7B103', '7D101', '7D102', '7E001', '7E002', '7E101', '9A007', '9A008', '9A009', '9A010', '9A105', '9A106', '9A108', '9A109', '9D105', '9E001', '9E002', '9E101', '9E102'].map((code) => ({ code, coverage: 'PART' as const, part: 'Part I/II, MTCR technology items (some provisions or uses only)' })),
  { code: '1C351.d.4', coverage: 'ENTRY', part: 'Part II, CWC items (ricin)' },
  { code: '1C351.d.5', coverage: 'ENTRY', part: 'Part II, CWC items (saxitoxin)' },
  ...['0A001', '0B001', '0B002', '0B003', '0B004', '0B005', '0B006', '0B007', '0C005'].map((code) => ({ code, coverage: 'ENTRY' as const, part: 'Part II, NSG items (Category 0)' })),
  ...['0C002', '0C003', '0C004', '0D001', '0E001'].map((code) => ({ code, coverage: 'PART' as const, part: 'Part II, NSG items (Category 0; partly)' })),
  ...['1B226', '1B231', '1B233', '1C012.a', '1C233', '1C235', '3A228', '3A231'].map((code) => ({ code, coverage: 'ENTRY' as const, part: 'Part II, NSG items' })),
  ...['1E001', '1E201', '3E201'].map((code) => ({ code, coverage: 'PART' as const, part: 'Part II, NSG items (technology for the listed NSG items only)' })),
];

// EU arms embargoes (Art. 4(1)(b): Council decision or common position, OSCE decision, binding UNSC
// resolution). FULL: the whole country; PARTIAL: non-governmental forces, named persons or regions.
const ARMS_EMBARGOES: In<typeof ZEuArt4Params>['armsEmbargoes'] = [
  { country: 'AF', scope: 'PARTIAL', measure: 'Council Decision 2011/486/CFSP (persons and entities associated with the Taliban; UNSCR 1988 (2011))' },
  { country: 'AM', scope: 'PARTIAL', measure: 'OSCE decision of 28 February 1992 (forces engaged in combat in the Nagorno-Karabakh area)' },
  { country: 'AZ', scope: 'PARTIAL', measure: 'OSCE decision of 28 February 1992 (forces engaged in combat in the Nagorno-Karabakh area)' },
  { country: 'BY', scope: 'FULL', measure: 'Council Decision 2012/642/CFSP' },
  { country: 'CF', scope: 'PARTIAL', measure: 'Council Decision 2013/798/CFSP (armed groups; UNSCR 2127 (2013) as amended)' },
  { country: 'CN', scope: 'PARTIAL', measure: 'European Council Declaration of 27 June 1989 (Madrid), a political commitment: Member States\' practice varies' },
  { country: 'CD', scope: 'PARTIAL', measure: 'Council Decision 2010/788/CFSP (non-governmental entities and individuals)' },
  { country: 'HT', scope: 'PARTIAL', measure: 'Council Decision (CFSP) 2022/2319 (listed persons; UNSCR 2653 (2022))' },
  { country: 'IQ', scope: 'PARTIAL', measure: 'Council Common Position 2003/495/CFSP (other than the Government of Iraq; UNSCR 1483 (2003))' },
  { country: 'IR', scope: 'FULL', measure: 'Council Decision 2010/413/CFSP' },
  { country: 'KP', scope: 'FULL', measure: 'Council Decision (CFSP) 2016/849' },
  { country: 'LB', scope: 'PARTIAL', measure: 'Council Common Position 2006/625/CFSP (other than the Government of Lebanon and UNIFIL; UNSCR 1701 (2006))' },
  { country: 'LY', scope: 'FULL', measure: 'Council Decision (CFSP) 2015/1333' },
  { country: 'MM', scope: 'FULL', measure: 'Council Decision 2013/184/CFSP' },
  { country: 'RU', scope: 'FULL', measure: 'Council Decision 2014/512/CFSP' },
  { country: 'SD', scope: 'FULL', measure: 'Council Decision 2014/450/CFSP' },
  { country: 'SO', scope: 'PARTIAL', measure: 'Council Decision 2010/231/CFSP (al-Shabaab and others; UNSCR 2713 (2023))' },
  { country: 'SS', scope: 'FULL', measure: 'Council Decision (CFSP) 2015/740' },
  { country: 'SY', scope: 'FULL', measure: 'Council Decision 2013/255/CFSP (arms embargo maintained when economic sanctions were lifted in 2025)' },
  { country: 'VE', scope: 'FULL', measure: 'Council Decision (CFSP) 2017/2074' },
  { country: 'YE', scope: 'PARTIAL', measure: 'Council Decision 2014/932/CFSP (listed persons, the Houthis; UNSCR 2216 (2015))' },
  { country: 'ZW', scope: 'FULL', measure: 'Council Decision 2011/101/CFSP' },
];

const SANCTIONS: In<typeof ZEuSanctionsParams>['measures'] = [
  { country: 'RU', citation: 'Council Regulation (EU) No 833/2014, Art. 2(1)', url: 'https://eur-lex.europa.eu/eli/reg/2014/833/oj', otherItems: 'Art. 2a (Annex VII, advanced technology items), Art. 3k (Annex XXIII, industrial goods) and the other articles prohibit many items not in Annex I.' },
  { country: 'BY', citation: 'Council Regulation (EC) No 765/2006, Art. 1e(1)', url: 'https://eur-lex.europa.eu/eli/reg/2006/765/oj', otherItems: 'its other articles and annexes (advanced technology items, industrial goods, firearms) prohibit many items not in Annex I.' },
  { country: 'KP', citation: 'Council Regulation (EU) 2017/1509, Art. 3(1)', url: 'https://eur-lex.europa.eu/eli/reg/2017/1509/oj', otherItems: 'its other articles and annexes prohibit many further items (nuclear, missile, military, industrial and luxury goods).' },
  { country: 'IR', citation: 'Council Regulation (EU) No 267/2012, Art. 2 (measures reinstated in September 2025)', url: 'https://eur-lex.europa.eu/eli/reg/2012/267/oj', otherItems: 'its annexes restrict further goods and technology (nuclear, missile, metals, software for industrial processes).' },
];

export function buildEuSeedRules(): TRuleConfig[] {
  return [
    {
      id: 'eu.regime',
      kind: 'LICENSE_REQUIREMENT',
      enabled: true,
      basis: 'LAW',
      citation: `${REG}, Art. 2(3) (exporter), Annex I (consolidated ${EU_ANNEX.validFrom})`,
      citationUrl: REG_URL,
      licensePolicy: null,
      title: 'EU regime: member states and Annex I',
      description: `An organisation established in an EU member state is an EU exporter: every line item is screened under ${REG}. Annex I (${EU_ANNEX.corpusVersion}): each entry's code, heading and provision codes. ${EU_ANNEX.attribution}`,
      params: {
        memberStates: EU_MEMBER_STATES,
        annexIVersion: EU_ANNEX.corpusVersion,
        annexIValidFrom: EU_ANNEX.validFrom,
        annexISource: EU_ANNEX.source,
        // the admin form edits these as "code | heading | provisions" lines: no "|" inside a cell, "-" for none
        annexI: EU_ANNEX.entries.map((e) => ({ code: e.code, heading: e.heading.replace(/\|/g, '/') || '-', provisions: e.provisions.join(' ') || '-' })),
      } satisfies In<typeof ZEuRegimeParams>,
    },
    {
      id: 'eu.authorisation-art3',
      kind: 'LICENSE_REQUIREMENT',
      enabled: true,
      basis: 'LAW',
      citation: `${REG}, Art. 3(1), Art. 12; Annex II (Union General Export Authorisations)`,
      citationUrl: REG_URL,
      licensePolicy: 'Individual or global export authorisation from the competent authority of the Member State where the exporter is established (Art. 12(2))',
      title: 'EU: Annex I items out of the Union (Art. 3) and the general authorisations',
      description:
        'An Annex I item exported out of the Union needs an authorisation, unless a Union General Export Authorisation covers item and destination: EU001 (Australia, Canada, Iceland, Japan, New Zealand, Norway, Switzerland and Liechtenstein, the UK, the US) is evaluated with the Annex II Section I exclusions and Annex IV; the others are listed with their conditions. An item not classified against Annex I is a data gap.',
      params: {
        annexIIExclusions: EU_ANNEX.annexII.items.map((i) => ({ code: i.code, text: i.text.replace(/\|/g, '/').slice(0, 400) })),
        geas: GEAS,
        outcome: 'LICENSE_REQUIRED',
        unclassifiedOutcome: 'REVIEW',
        conditionsOutcome: 'REVIEW',
      } satisfies In<typeof ZEuArt3Params>,
    },
    {
      id: 'eu.annex-iv-intra-eu',
      kind: 'LICENSE_REQUIREMENT',
      enabled: true,
      basis: 'LAW',
      citation: `${REG}, Art. 11(1), Annex IV`,
      citationUrl: REG_URL,
      licensePolicy: 'Authorisation for the intra-Union transfer from the Member State where the supplier is established',
      title: 'EU: Annex IV items inside the Union (Art. 11)',
      description: 'The most sensitive items (Annex IV: stealth, cryptanalytic, MTCR, NSG and CWC items) need an authorisation even for a transfer to another member state. Transcribed from Annex IV by entry; PART lines go to an officer.',
      params: { items: ANNEX_IV, outcome: 'LICENSE_REQUIRED', partOutcome: 'REVIEW' } satisfies In<typeof ZEuAnnexIVParams>,
    },
    {
      id: 'eu.catch-all-art4',
      kind: 'END_USE',
      enabled: true,
      basis: 'LAW',
      citation: `${REG}, Art. 4`,
      citationUrl: REG_URL,
      licensePolicy: 'Authorisation required where the competent authority informs the exporter, or the exporter is aware and notifies (Art. 4(1), 4(2))',
      title: 'EU: catch-all for WMD and embargoed military end uses (Art. 4)',
      description: 'For EU exporters, any item (listed or not): a declared WMD end use, or a military end use or end user in a country under an EU, OSCE or UN arms embargo, needs an authorisation; declared red flags go to an officer. The embargoes carry their Council decisions.',
      params: {
        armsEmbargoes: ARMS_EMBARGOES,
        militaryEndUses: ['MILITARY'],
        militaryEndUserTypes: ['MILITARY'],
        wmdTerms: ['nuclear weapon', 'nuclear explosive', 'chemical weapon', 'biological weapon', 'weapons of mass destruction', 'WMD', 'ballistic missile', 'nerve agent', 'warhead'].map((term) => ({ term })),
        wmdOutcome: 'LICENSE_REQUIRED',
        embargoOutcome: 'LICENSE_REQUIRED',
        partialEmbargoOutcome: 'REVIEW',
        redFlagOutcome: 'REVIEW',
      } satisfies In<typeof ZEuArt4Params>,
    },
    {
      id: 'eu.sanctions-dual-use',
      kind: 'EMBARGO',
      enabled: true,
      basis: 'LAW',
      citation: 'EU restrictive measures on dual-use items (Council Regulations (EU) No 833/2014, (EC) No 765/2006, (EU) 2017/1509, (EU) No 267/2012)',
      citationUrl: 'https://eur-lex.europa.eu/eli/reg/2014/833/oj',
      licensePolicy: 'Prohibited (derogations only by the competent authority, as the regulation allows)',
      title: 'EU sanctions: Annex I items to Russia, Belarus, North Korea, Iran',
      description: 'For EU exporters: selling, supplying, transferring or exporting Annex I dual-use items to these countries is prohibited; items not in Annex I may be caught by the same regulations\' other annexes and go to an officer.',
      params: { measures: SANCTIONS, annexIOutcome: 'PROHIBITED', otherOutcome: 'REVIEW' } satisfies In<typeof ZEuSanctionsParams>,
    },
    {
      id: 'eu.financial-sanctions',
      kind: 'DATA_GAP',
      enabled: true,
      basis: 'LAW',
      citation: 'EU restrictive measures (asset freezes), Consolidated list of persons, groups and entities subject to EU financial sanctions (FSF)',
      citationUrl: 'https://data.europa.eu/data/datasets/consolidated-list-of-persons-groups-and-entities-subject-to-eu-financial-sanctions',
      licensePolicy: null,
      title: 'EU financial sanctions list (not loaded)',
      description: 'EU organisations must also screen their parties against the EU consolidated financial sanctions list. Until it is uploaded (list code EU_FSF), every EU organisation\'s application says so.',
      params: { listCode: 'EU_FSF', outcome: 'REVIEW' } satisfies In<typeof ZEuFinancialSanctionsParams>,
    },
    {
      id: 'ear.applicability',
      kind: 'DATA_GAP',
      enabled: true,
      basis: 'LAW',
      citation: '15 CFR 734.3 (items subject to the EAR), 734.4 (de minimis), 734.9 (foreign direct product rules)',
      citationUrl: 'https://www.ecfr.gov/current/title-15/section-734.3',
      licensePolicy: null,
      title: 'Whether the EAR applies (exporters outside the US)',
      description: 'For an exporter established outside the US, the US EAR rules apply to a line item only when it is subject to the EAR; "No" skips them for that item, "Don\'t know" or no answer is a data gap.',
      params: { unknownOutcome: 'REVIEW' } satisfies In<typeof ZEarApplicabilityParams>,
    },
  ];
}
