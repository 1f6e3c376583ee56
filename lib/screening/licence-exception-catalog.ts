// The Part 740 licence exceptions (15 CFR 740.3–740.29, eCFR 2026-07-23), one row per symbol:
// the one list the form's "Licence exception claimed" select, the schema and the engine use. No
// imports, so client components can use it. licence-exceptions.test.ts checks it against
// data/reference/ear/license-exceptions-2026-07-23.json.

export const LICENCE_EXCEPTIONS_AS_OF = '2026-07-23';

export const LICENCE_EXCEPTIONS = [
  { symbol: 'LVS', section: '740.3', title: 'Shipments of limited value (LVS)' },
  { symbol: 'GBS', section: '740.4', title: 'Shipments to Country Group B countries (GBS)' },
  { symbol: 'SPP', section: '740.5', title: 'License Exception Syria Peace and Prosperity (SPP)' },
  { symbol: 'TSR', section: '740.6', title: 'Technology and software under restriction (TSR)' },
  { symbol: 'APP', section: '740.7', title: 'Computers (APP)' },
  { symbol: 'NAC', section: '740.8', title: 'Notified Advanced Computing (NAC) and Advanced Computing Authorized (ACA)' },
  { symbol: 'ACA', section: '740.8', title: 'Notified Advanced Computing (NAC) and Advanced Computing Authorized (ACA)' },
  { symbol: 'TMP', section: '740.9', title: 'Temporary imports, exports, reexports, and transfers (in-country) (TMP)' },
  { symbol: 'RPL', section: '740.10', title: 'License Exception Servicing and replacement of parts and equipment (RPL)' },
  {
    symbol: 'GOV',
    section: '740.11',
    title:
      'Governments, international organizations, international inspections under the Chemical Weapons Convention, and the International Space Station (GOV)',
  },
  { symbol: 'GFT', section: '740.12', title: 'Gift parcels and humanitarian donations (GFT)' },
  { symbol: 'TSU', section: '740.13', title: 'Technology and software—unrestricted (TSU)' },
  { symbol: 'BAG', section: '740.14', title: 'Baggage (BAG)' },
  { symbol: 'AVS', section: '740.15', title: 'Aircraft, vessels and spacecraft (AVS)' },
  { symbol: 'APR', section: '740.16', title: 'Additional permissive reexports (APR)' },
  { symbol: 'ENC', section: '740.17', title: 'Encryption commodities, software, and technology (ENC)' },
  { symbol: 'AGR', section: '740.18', title: 'Agricultural commodities (AGR)' },
  { symbol: 'CCD', section: '740.19', title: 'Consumer Communications Devices (CCD)' },
  { symbol: 'STA', section: '740.20', title: 'License Exception Strategic Trade Authorization (STA)' },
  { symbol: 'SCP', section: '740.21', title: 'Support for the Cuban People (SCP)' },
  { symbol: 'ACE', section: '740.22', title: 'Authorized Cybersecurity Exports (ACE)' },
  { symbol: 'MED', section: '740.23', title: 'Medical Devices (MED)' },
  { symbol: 'IEC', section: '740.24', title: 'Implemented Export Control (IEC)' },
  { symbol: 'HBM', section: '740.25', title: 'License Exception High Bandwidth Memory (HBM)' },
  { symbol: 'RFF', section: '740.26', title: 'License Exception Restricted Fabrication “Facility” (RFF)' },
  { symbol: 'AIA', section: '740.27', title: 'License Exception Artificial Intelligence Authorization (AIA)' },
  { symbol: 'ACM', section: '740.28', title: 'License Exception Advanced Compute Manufacturing (ACM)' },
  { symbol: 'LPP', section: '740.29', title: 'License Exception Low Processing Performance (LPP)' },
] as const;

export type TLicenceExceptionSymbol = (typeof LICENCE_EXCEPTIONS)[number]['symbol'];
export const LICENCE_EXCEPTION_SYMBOLS = LICENCE_EXCEPTIONS.map((e) => e.symbol) as [TLicenceExceptionSymbol, ...TLicenceExceptionSymbol[]];

export function isLicenceExceptionSymbol(value: unknown): value is TLicenceExceptionSymbol {
  return typeof value === 'string' && (LICENCE_EXCEPTION_SYMBOLS as readonly string[]).includes(value);
}

const EXCEPTION_BY_SYMBOL = new Map<string, (typeof LICENCE_EXCEPTIONS)[number]>(LICENCE_EXCEPTIONS.map((e) => [e.symbol, e]));

export function licenceExceptionInfo(symbol: string) {
  return EXCEPTION_BY_SYMBOL.get(symbol) ?? null;
}

/** eCFR link for a Part 740 section ("740.3" → https://www.ecfr.gov/current/title-15/section-740.3). */
export function ecfrSectionUrl(section: string): string {
  return `https://www.ecfr.gov/current/title-15/section-${section}`;
}
