// Country names for people, ISO 3166-1 alpha-2 codes for data. Names come from the maintained
// i18n-iso-countries package (English), never from a hand-typed list. Safe on server and client.
//   countryName('CN') → "China"; countryCodeFrom('china' | 'People's Republic of China' | 'cn') → "CN";
//   COUNTRY_OPTIONS → [{ code, name }] sorted by name, for pickers.
// The package's core without its 80 bundled locales (its Node entry registers them all: ~2 MB of
// source and objects in every server bundle that shows a country name).
import countries from 'i18n-iso-countries/index';
import en from 'i18n-iso-countries/langs/en.json';

countries.registerLocale(en);

/** The everyday short name: the alias when it reads like a name ("China", "Russia"), else the official name. */
function displayName(code: string): string | undefined {
  const all = countries.getName(code, 'en', { select: 'all' }) as string[] | undefined;
  if (!all || all.length === 0) return undefined;
  const [official, alias] = all;
  if (alias && alias.length > 3 && !/[,.]/.test(alias)) return alias;
  return official;
}

export type TCountryOption = { code: string; name: string };

export const COUNTRY_OPTIONS: readonly TCountryOption[] = Object.keys(countries.getAlpha2Codes())
  .map((code) => ({ code, name: displayName(code) ?? code }))
  .sort((a, b) => a.name.localeCompare(b.name, 'en'));

const NAME_BY_CODE = new Map(COUNTRY_OPTIONS.map((c) => [c.code, c.name]));

// Every spelling the package knows (official, aliases, our display name) → code, case- and accent-insensitive.
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase().replace(/\s+/g, ' ');
const CODE_BY_NAME = new Map<string, string>();
for (const { code, name } of COUNTRY_OPTIONS) {
  CODE_BY_NAME.set(fold(name), code);
  for (const n of (countries.getName(code, 'en', { select: 'all' }) as string[] | undefined) ?? []) {
    if (!CODE_BY_NAME.has(fold(n))) CODE_BY_NAME.set(fold(n), code);
  }
}

/** "CN" → "China". Unknown codes come back as given (never throws), null/empty → "". */
/** Whether `code` is an ISO 3166-1 alpha-2 code (upper case). */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

export function countryName(code: string | null | undefined): string {
  if (!code) return '';
  return NAME_BY_CODE.get(code.toUpperCase()) ?? code;
}

/** What a person typed ("Germany", "germany", "DE", "Federal Republic…" aliases) → ISO code, or null. */
export function countryCodeFrom(input: string | null | undefined): string | null {
  if (!input) return null;
  const text = input.trim();
  if (/^[A-Za-z]{2}$/.test(text) && NAME_BY_CODE.has(text.toUpperCase())) return text.toUpperCase();
  return CODE_BY_NAME.get(fold(text)) ?? null;
}

/** "China (CN)" — name and code, for tables where officers scan by code. */
export function countryLabel(code: string | null | undefined): string {
  if (!code) return '';
  const name = countryName(code);
  return name === code ? code : `${name} (${code.toUpperCase()})`;
}
