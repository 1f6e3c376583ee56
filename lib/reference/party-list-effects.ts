// The legal effect of a strong match on each Consolidated Screening List list, as rule-set data
// (the party rule's `params.lists`): outcome, citation, licence policy and what the list means.
// The engine has no list-specific branches; an admin edits these values like any rule parameter.
//
// Decisions (the compact CSL carries no item data, so the item scope is judged on the application):
// - Entity List: the entry's own licence requirement and policy. Entries whose requirement covers
//   "all items subject to the EAR" need a licence even for EAR99; the few scoped ones ("items on the
//   CCL and listed in supp. no. 7 to part 746", "when used in projects specified in 746.8(a)(4)")
//   need one for CCL items and an officer's review for EAR99 items.
// - Military End-User List (744.21): the licence requirement covers the items in Supplement No. 2 to
//   part 744, which we cannot resolve item by item here: an item with an ECCN (not EAR99) needs a
//   licence; an EAR99 item is reviewed. For Russian and Belarusian military end users the 2022
//   amendments (87 FR 12226) extend 744.21 to all items subject to the EAR except EAR99 food and
//   medicine, so entries located there need a licence for any item.
// - Unverified List: a UVL statement is needed and no licence exception may be used (744.15(b)); a
//   match is at least REVIEW, never CLEAR.

export type TListEffect = {
  strongOutcome: 'PROHIBITED' | 'LICENSE_REQUIRED' | 'REVIEW';
  citation: string;
  licensePolicy: string;
  /** what the list means, in plain words for the officer */
  meaning: string;
  /** the list's official page (used when the entry carries none) */
  sourceListUrl: string;
  /** take the licence policy (and requirement) from the matched entry (Entity List) */
  useEntryPolicy?: boolean;
  /** regular expression: an entry requirement matching it covers every item subject to the EAR */
  allItemsRequirement?: string;
  /** outcome for EAR99 (or unclassified) items when the requirement covers CCL items only */
  ear99Outcome?: 'LICENSE_REQUIRED' | 'REVIEW';
  /** entries located in these countries need a licence for any item (MEU: Russia, Belarus) */
  anyItemCountries?: string[];
};

export const PARTY_LIST_EFFECTS: Record<string, TListEffect> = {
  SDN: {
    strongOutcome: 'PROHIBITED',
    citation: '31 CFR 501.603 and the programme regulations of 31 CFR Chapter V (IEEPA executive orders); 15 CFR 744.8',
    licensePolicy: 'Blocked person: all property and interests in property are blocked; no dealings without an OFAC licence',
    meaning:
      'Specially Designated National: blocked by OFAC under the listed sanctions programmes. US persons may not deal with the party; 15 CFR 744.8 adds an EAR licence requirement for several programmes.',
    sourceListUrl: 'https://sanctionslist.ofac.treas.gov/Home/SdnList',
  },
  DPL: {
    strongOutcome: 'PROHIBITED',
    citation: '15 CFR 736.2(b)(4) (General Prohibition Four); 15 CFR 764.3(a)(2); Supp. No. 2 to Part 764',
    licensePolicy: 'Denial order: no participation in any transaction involving items subject to the EAR',
    meaning:
      'Denied person: a BIS denial order bars the party from any transaction involving items subject to the EAR, including forwarding, financing and servicing.',
    sourceListUrl: 'https://www.bis.gov/licensing/end-user-guidance/denied-persons-list-dpl',
  },
  ENTITY_LIST: {
    strongOutcome: 'LICENSE_REQUIRED',
    citation: '15 CFR 744.11 and 744.16; Supp. No. 4 to Part 744 (Entity List)',
    licensePolicy: 'As stated in the entry (presumption of denial for most entries); no licence exception (744.16(b))',
    meaning:
      "Entity List: a licence is needed for the items named in the entry's licence requirement, reviewed under the entry's licence policy; no licence exception may be used.",
    sourceListUrl: 'https://www.bis.gov/regulations/ear/744#supplement-4-744',
    useEntryPolicy: true,
    allItemsRequirement: '^\\s*(for\\s+)?(all|any)\\s+items\\s+subject\\s+to\\s+the\\s+EAR(?![^.(]*\\bwhen\\s+used\\b)',
    ear99Outcome: 'REVIEW',
  },
  MEU: {
    strongOutcome: 'LICENSE_REQUIRED',
    citation: '15 CFR 744.21; Supp. No. 2 (items) and Supp. No. 7 (Military End-User List) to Part 744',
    licensePolicy: 'Presumption of denial (744.21(e)); only License Exception GOV (740.11(b)(2)(i) and (ii))',
    meaning:
      'Military end user: a licence is needed for items listed in Supplement No. 2 to Part 744 (for Russia and Belarus, any item subject to the EAR except EAR99 food and medicine).',
    sourceListUrl: 'https://www.bis.gov/regulations/ear/744#supplement-7-744',
    ear99Outcome: 'REVIEW',
    anyItemCountries: ['RU', 'BY'],
  },
  UVL: {
    strongOutcome: 'REVIEW',
    citation: '15 CFR 744.15; Supp. No. 6 to Part 744 (Unverified List)',
    licensePolicy: 'UVL statement from the party required before export (744.15(b)); no licence exceptions',
    meaning: "Unverified List: BIS could not verify the party's bona fides. Obtain a UVL statement before shipping; no licence exception may be used.",
    sourceListUrl: 'https://www.bis.gov/regulations/ear/744#supplement-6-744',
  },
  DTC: {
    strongOutcome: 'REVIEW',
    citation: '22 CFR 127.7 (ITAR statutory and administrative debarment)',
    licensePolicy: 'Debarred from participating in ITAR-controlled exports (defense articles and services)',
    meaning:
      'ITAR debarred: the party may not take part in exports of defense articles or services; for items subject to the EAR it is a serious red flag to review.',
    sourceListUrl: 'https://www.pmddtc.state.gov/ddtc_public?id=ddtc_kb_article_page&sys_id=c22d1833dbb8d300d0a370131f9619f0',
  },
  SSI: {
    strongOutcome: 'REVIEW',
    citation: '31 CFR Part 589; E.O. 13662 Directives 1-4 (OFAC Sectoral Sanctions Identifications)',
    licensePolicy:
      'Directive-specific prohibitions (new debt or equity, deep-water, Arctic offshore or shale projects); read the directive named in the programmes',
    meaning: 'Sectoral sanctions: not blocked, but certain dealings (new debt or equity, some energy projects) are prohibited under the directive listed.',
    sourceListUrl: 'https://sanctionslist.ofac.treas.gov/Home/ConsolidatedList',
  },
  CMIC: {
    strongOutcome: 'REVIEW',
    citation: 'E.O. 13959 as amended by E.O. 14032 (OFAC Non-SDN Chinese Military-Industrial Complex Companies List)',
    licensePolicy: 'Restricts purchases of publicly traded securities; not an export licence requirement by itself',
    meaning:
      'Chinese military-industrial complex company: securities dealings are restricted; a strong diversion red flag, often together with Entity List or MEU treatment.',
    sourceListUrl: 'https://sanctionslist.ofac.treas.gov/Home/ConsolidatedList',
  },
  NS_MBS: {
    strongOutcome: 'REVIEW',
    citation: 'OFAC Non-SDN Menu-Based Sanctions (e.g. CAATSA section 231, E.O. 14024 menu items)',
    licensePolicy: 'Only the sanctions selected from the menu for this party apply; read the entry and its programme',
    meaning: 'Menu-based sanctions: specific measures (not full blocking) apply to the party; read the programme.',
    sourceListUrl: 'https://sanctionslist.ofac.treas.gov/Home/ConsolidatedList',
  },
  ISN: {
    strongOutcome: 'REVIEW',
    citation: 'State Department nonproliferation sanctions (INKSNA, EO 12938, EO 13382, CBW Act, etc.; see the Federal Register notice)',
    licensePolicy: 'Measures vary by determination (often denial of export licences for USML and CCL items); read the Federal Register notice',
    meaning: 'Nonproliferation sanctions: the State Department imposed measures on the party; which ones depends on the determination in the Federal Register.',
    sourceListUrl: 'https://www.state.gov/key-topics-bureau-of-international-security-and-nonproliferation/nonproliferation-sanctions/',
  },
  PLC: {
    strongOutcome: 'REVIEW',
    citation: 'OFAC Non-SDN Palestinian Legislative Council (NS-PLC) List; Global Terrorism Sanctions Regulations, 31 CFR Part 594',
    licensePolicy: 'Members of the PLC elected on a slate of a designated terrorist organisation; dealings need OFAC review',
    meaning: 'Palestinian Legislative Council list: individuals elected on the slate of a designated organisation; not blocked, but dealings need review.',
    sourceListUrl: 'https://sanctionslist.ofac.treas.gov/Home/ConsolidatedList',
  },
  CAP: {
    strongOutcome: 'REVIEW',
    citation: '31 CFR Part 561 (CAPTA List, correspondent and payable-through accounts)',
    licensePolicy: 'US financial institutions may not open or keep correspondent or payable-through accounts for the party',
    meaning: 'CAPTA list: a foreign financial institution restricted from US correspondent banking; payment routes need review.',
    sourceListUrl: 'https://sanctionslist.ofac.treas.gov/Home/ConsolidatedList',
  },
};
