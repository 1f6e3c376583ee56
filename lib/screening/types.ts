// Types of the pure screening engine: the application it screens (PRODUCT.md §2), the result it
// returns (§3), and the plain-JSON rule-set data (TRuleSetData) that the database stores and an
// admin edits. Everything here is JSON-serialisable except the built TRuleSet.

export type TOutcome = 'CLEAR' | 'REVIEW' | 'LICENSE_REQUIRED' | 'PROHIBITED';
export type TFindingKind = 'EMBARGO' | 'LICENSE_REQUIREMENT' | 'END_USER' | 'END_USE' | 'PARTY_MATCH' | 'BIOMETRIC_POLICY' | 'KYC' | 'DATA_GAP';
export type TBasis = 'LAW' | 'PROPOSED' | 'POLICY';
/**
 * The legal regime (or company policy) a finding belongs to, so officers see the regimes side by
 * side: the US EAR, US sanctions (OFAC), the EU Dual-Use Regulation 2021/821, EU sanctions
 * regulations, UN Security Council sanctions, company policy.
 */
export type TRegime = 'US_EAR' | 'US_SANCTIONS' | 'EU_2021_821' | 'EU_SANCTIONS' | 'UN' | 'POLICY';
/** Whether a line item is subject to the EAR (US origin, US content above de minimis, foreign direct product). */
export type TSubjectToEar = 'YES' | 'NO' | 'UNKNOWN';

export type TFinding = {
  ruleId: string;
  kind: TFindingKind;
  outcome: TOutcome;
  basis: TBasis;
  citation: string;
  /** link to the cited text (eCFR, Federal Register, OFAC, EUR-Lex) */
  citationUrl?: string;
  licensePolicy: string | null;
  message: string;
  evidence: Record<string, unknown>;
  cleared?: { by: string; at: string; justification: string };
  /** 0-based position of the line item the finding concerns; absent for application-wide findings */
  lineItem?: number;
  /** the regime the finding belongs to (absent in results stored before regimes: read as US_EAR / POLICY by basis) */
  regime?: TRegime;
};

/** One line item's own result: its findings plus the application-wide ones that bind it. */
export type TLineItemResult = { position: number; outcome: TOutcome; findings: TFinding[] };

export type TScreeningResult = {
  outcome: TOutcome;
  ruleSetVersion: string;
  findings: TFinding[];
  /** one per line item, in position order (issue 12); absent in results stored before line items */
  lineItems?: TLineItemResult[];
};

// ---- application (PRODUCT.md §2) ----
export type TProductKind = 'HARDWARE' | 'SOFTWARE' | 'TECHNOLOGY';
export type TBiometricModality = 'FACE' | 'FINGERPRINT' | 'IRIS' | 'VOICE' | 'GAIT' | 'OTHER';
export type TMatchingMode = 'ONE_TO_ONE' | 'ONE_TO_MANY';
export type TTrainingDataConsent = 'CONSENTED' | 'NOT_CONSENTED' | 'UNKNOWN';
export type TEndUserType = 'COMMERCIAL' | 'GOVERNMENT' | 'LAW_ENFORCEMENT' | 'MILITARY' | 'INTELLIGENCE' | 'ACADEMIC' | 'INDIVIDUAL';
export type TConsigneeRole = 'INTERMEDIATE' | 'ULTIMATE';
export type TEndUseCategory =
  | 'ACCESS_CONTROL'
  | 'DEVICE_UNLOCK'
  | 'BORDER_CONTROL'
  | 'LAW_ENFORCEMENT_INVESTIGATION'
  | 'PUBLIC_SPACE_SURVEILLANCE'
  | 'RETAIL_ANALYTICS'
  | 'RESEARCH'
  | 'MILITARY'
  | 'OTHER';
export type TRedFlag =
  | 'REFUSES_END_USE_INFO'
  | 'CAPABILITIES_MISMATCH'
  | 'INCOMPATIBLE_WITH_DESTINATION'
  | 'UNUSUAL_PAYMENT'
  | 'NO_BUSINESS_BACKGROUND'
  | 'UNFAMILIAR_WITH_PRODUCT'
  | 'DECLINES_SERVICES'
  | 'VAGUE_DELIVERY'
  | 'FORWARDER_AS_DESTINATION'
  | 'ABNORMAL_ROUTE'
  | 'INCONSISTENT_PACKAGING'
  | 'EVASIVE_ABOUT_REEXPORT';

export type TBiometricSpec = {
  modality: TBiometricModality;
  matchingMode: TMatchingMode;
  maxGallerySize: number;
  liveVideo: boolean;
  remoteGalleryAccess: boolean;
  trainingDataConsent: TTrainingDataConsent;
};

/** One product / line item; the engine screens each on its own. */
export type TScreeningProduct = {
  name: string;
  description: string;
  eccn: string | null;
  kind: TProductKind;
  quantity: number;
  unitValueUsd: number;
  biometric: TBiometricSpec | null;
  /** Part 740 licence exception the exporter claims for this item (a symbol such as "LVS"), if any */
  licenseExceptionClaimed?: string | null;
  /** for exporters outside the US: is the item subject to the EAR? absent/null = not answered (UNKNOWN) */
  subjectToEar?: TSubjectToEar | null;
  /** for exporters in the EU: the Annex I code of Regulation (EU) 2021/821 ("2B001.a"), "NOT_LISTED", or null = not classified */
  euControlCode?: string | null;
};

export type TScreeningApplication = {
  /** the exporting organisation's country of establishment (ISO alpha-2); absent = US */
  exporter?: { country: string };
  /** the line items (1–50), each screened on its own; see itemsOf() in screen.ts */
  lineItems?: TScreeningProduct[];
  /** one-item shorthand (applications stored before line items); ignored when lineItems is given */
  product?: TScreeningProduct;
  destination: { country: string; region: string | null };
  endUser: { name: string; country: string; address: string; type: TEndUserType; /** optional; else read from the address */ city?: string | null };
  consignees: { name: string; country: string; role: TConsigneeRole }[];
  /** further named parties where the form has them (purchaser, freight forwarder…); each is screened */
  otherParties?: { name: string; country: string; role: string }[];
  endUse: { category: TEndUseCategory; description: string };
  redFlags: TRedFlag[];
};

// ---- rule-set data (plain JSON) ----
export type TRuleConfig = {
  id: string; // also selects the check that runs it (see rules.ts: KNOWN_RULE_IDS)
  kind: TFindingKind;
  enabled: boolean;
  basis: TBasis;
  citation: string;
  /** link to the cited text (eCFR, Federal Register, OFAC, EUR-Lex) */
  citationUrl?: string;
  licensePolicy: string | null;
  title: string;
  description: string; // plain words for officers
  params: Record<string, unknown>;
};

export type TPartyEntry = {
  id: string; // list-local id, e.g. SDN ent_num
  name: string;
  aliases: string[];
  type: string | null;
  countries: string[];
  programs: string[];
  licensePolicy: string | null;
  remarks: string | null;
  contentHash: string; // stable hash of the content, so a cleared match lapses when the entry changes
  /** ISO date after which the listing no longer applies (DPL denial orders); null/absent = open-ended */
  expiresOn?: string | null;
  /** the entry's own licence requirement text (Entity List, MEU: "For all items subject to the EAR…") */
  licenseRequirement?: string | null;
  /** Federal Register citation(s) of the listing, as the source writes them */
  federalRegister?: string | null;
  /** the list's official page for this entry (CSL source_list_url) */
  sourceListUrl?: string | null;
};

export type TPartyList = {
  code: 'SDN' | 'ENTITY_LIST' | 'DPL' | (string & {});
  name: string;
  source: string;
  asOf: string;
  entries: TPartyEntry[];
};

export type TClearedMatch = {
  listCode: string;
  entryId: string;
  entryContentHash: string;
  partyName: string;
  clearedBy: string;
  clearedAt: string;
  justification: string;
};

export type TFreedomStatus = 'F' | 'PF' | 'NF';

export type TChartRow = {
  earName: string;
  x: string[]; // columns with an X
  footnotes: number[];
  /** Set for rows that carry no marks and point elsewhere (CU, IR, KP, SY: "See part 746…") */
  pointer: string | null;
};

/** A reference to (part of) an ECCN, e.g. { eccn: '0A501', exceptParagraphs: ['y'] } */
export type TItemRef = { eccn: string; paragraphs?: string[]; exceptParagraphs?: string[] };

export type TChartFootnoteEffect =
  | { kind: 'ITEMS_LICENSE_REQUIRED'; items: TItemRef[] }
  | { kind: 'ITEMS_REVIEW'; items: TItemRef[] }
  | { kind: 'CCL_ITEMS_REVIEW' }
  | { kind: 'HANDLED_BY_RULE'; ruleId: string };

export type TChartFootnote = { text: string; effect: TChartFootnoteEffect };

export type TCountriesData = {
  chart: {
    source: string;
    asOf: string;
    columns: string[];
    rows: Record<string, TChartRow>;
    /** destinations governed by another country's row: HK → CN, LI → CH */
    inherits: Record<string, string>;
    footnotes: Record<string, TChartFootnote>;
  };
  groups: {
    source: string;
    asOf: string;
    labels: Record<string, string>;
    membership: Record<string, string[]>;
    /** destinations that take another country's group membership: HK → CN, LI → CH */
    inherits: Record<string, string>;
  };
  freedom: Record<string, TFreedomStatus>;
  names: Record<string, string>;
};

/**
 * Which paragraphs of an ECCN a control covers. `except` paragraphs are excluded outright;
 * `conditionalExcept` paragraphs are excluded only under a condition the application cannot show
 * (an end use, a parameter), so they "may" be covered; `qualified` means the text has a condition
 * that touches the whole scope.
 */
export type TParagraphScope =
  | { kind: 'ENTIRE'; except: string[]; qualified: boolean; conditionalExcept?: string[] }
  | { kind: 'PARAGRAPHS'; paragraphs: string[]; except: string[]; qualified: boolean; conditionalExcept?: string[] }
  | { kind: 'UNRESOLVED' };

export type TControlDestinations =
  | { kind: 'CHART'; column: string }
  | { kind: 'ALL'; exceptCountries: string[] }
  | { kind: 'GROUPS'; include: string[]; excludeIfIn: string[]; extraCountries: string[] }
  | { kind: 'COUNTRIES'; countries: string[] }
  | { kind: 'NONE' }
  | { kind: 'UNKNOWN' };

export type TCclControl = {
  reason: string;
  column: string | null;
  appliesTo: string;
  chartText: string;
  scope: TParagraphScope;
  destinations: TControlDestinations;
  /** outcome when the control applies: LICENSE_REQUIRED, or REVIEW where the text is conditional */
  outcome: 'LICENSE_REQUIRED' | 'REVIEW';
  /** the EAR section the control's chart text cites (e.g. "742.6(a)(6)(iii)(A)"), if any */
  section?: string | null;
  /** a reviewed reading that replaced the generic parse of a complex clause (why, in words) */
  reading?: string | null;
  /** a condition on the destinations the text states but the form cannot show (e.g. "except to Russia for use in the ISS") */
  destinationCondition?: string | null;
  /** where the row comes from: the 2026 CCL, or the 2025 file where the 2026 data has no table */
  source?: string;
};

export type TLvsRule = {
  /** value limit per shipment in USD; null = LVS not available */
  usd: number | null;
  /** paragraphs the rule is for (empty = the whole entry) */
  paragraphs: string[];
  /** reasons for control the rule is for ("N/A for MT"); empty = any */
  reasons: string[];
  /** the rule has a condition the data cannot show (a range, a destination, a date…) */
  uncertain: boolean;
};

export type TGbsRule = { only: string[]; except: string[]; naReasons: string[]; uncertain: boolean };

export type TCclEntry = {
  eccn: string;
  title: string;
  controls: TCclControl[];
  /** the "Reason for Control" line */
  reasonForControl?: string | null;
  /** List Based License Exceptions of the entry, symbol → text ("LVS" → "$1500", "GBS" → "N/A") */
  licenceExceptions?: Record<string, string>;
  /** the LVS cell read into rules: a value limit (usd) or N/A (usd null), for some paragraphs or reasons or all */
  lvs?: TLvsRule[];
  /** the GBS cell read: available for the whole entry, only some paragraphs, or with exceptions */
  gbs?: TGbsRule | null;
  /** "Special Conditions for STA" text, if any */
  staConditions?: string | null;
  /** paragraph ids of the List of Items Controlled ("a", "a.1", …), where the data has them */
  paragraphs?: string[];
  /** which file the paragraph list comes from */
  paragraphSource?: string | null;
};

export type TCclData = {
  source: string;
  asOf: string | null;
  entries: Record<string, TCclEntry>;
  /** how the data was put together (shown with the dataset) */
  notes?: string[];
};

export type TDataset = { kind: string; source: string; asOf: string; sha256?: string };

export type TRuleSetData = {
  version: string;
  /** the date the rule set speaks for (ISO); DPL expiry is judged against it. Defaults to the latest dataset as-of. */
  asOf?: string;
  rules: TRuleConfig[];
  countries: TCountriesData;
  ccl: TCclData;
  lists: TPartyList[];
  datasets: TDataset[];
};

export type TMatchThresholds = { strong: number; possible: number };
export type TNameMatch = 'STRONG' | 'POSSIBLE' | 'NONE';
