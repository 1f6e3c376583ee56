// Name normaliser shared by party screening, the index and the `match` CLI: case, diacritics,
// Cyrillic and a few Latin letters transliterated, punctuation dropped, common transliteration
// variants of given names folded, legal-form words ("Co., Ltd.", "LLC", "GmbH", "OOO"…) removed.
// Token order is kept (the scorer pairs tokens, so order does not matter there).

export type TNormalisedName = {
  tokens: string[];
  /** per-token weight: sqrt(length), reduced for generic words */
  weights: number[];
  totalWeight: number;
  /** tokens joined without spaces, for names written with different word breaks ("AL QAIDA" / "ALQAIDA") */
  joined: string;
  /** order-insensitive key used to compare party names for cleared matches */
  key: string;
};

const CHAR_MAP: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŋ: 'ng',
  // Cyrillic (BGN/PCGN-like, simplified)
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u',
};

/** Transliteration variants folded onto one spelling. */
const VARIANT_GROUPS: string[][] = [
  ['muhammad', 'mohammed', 'mohammad', 'mohamed', 'mohamad', 'muhammed', 'muhamad', 'muhamed', 'mukhammad', 'mokhammad', 'mohd'],
  ['ahmad', 'ahmed', 'akhmed', 'ahmet'],
  ['husayn', 'hussein', 'hussain', 'husain', 'husein', 'hosein', 'hossein', 'hussien'],
  ['hasan', 'hassan'],
  ['yusuf', 'yousef', 'youssef', 'yusef', 'yousif', 'yussuf', 'youssouf'],
  ['usama', 'osama'],
  ['qaida', 'qaeda', 'qaidah'],
  ['aleksandr', 'alexander', 'aleksander', 'alexandr', 'oleksandr'],
  ['sergei', 'sergey', 'serhiy', 'serhii'],
  ['evgeny', 'yevgeny', 'evgeniy', 'yevgeniy', 'evgenii', 'yevgenii'],
  ['dmitry', 'dmitri', 'dmitriy', 'dmytro', 'dmitrii'],
  ['andrei', 'andrey', 'andriy', 'andrii'],
  ['aleksei', 'alexey', 'alexei', 'aleksey', 'oleksiy'],
  ['yuri', 'yury', 'yuriy', 'iurii'],
  ['mikhail', 'mykhailo', 'michail'],
  ['nikolai', 'nikolay', 'mykola'],
  ['vladimir', 'volodymyr'],
  ['abdul', 'abdel', 'abdol'],
];
const VARIANTS = new Map<string, string>();
for (const group of VARIANT_GROUPS) for (const v of group) VARIANTS.set(v, group[0]!);

/** Words dropped outright. */
const STOP_WORDS = new Set(['the', 'of', 'and', 've', 'und', 'et', 'y']);

/** Legal-form phrases (token sequences) removed before single legal-form tokens. */
const LEGAL_PHRASES: string[][] = [
  ['limited', 'liability', 'company'],
  ['limited', 'liability', 'partnership'],
  ['public', 'joint', 'stock', 'company'],
  ['closed', 'joint', 'stock', 'company'],
  ['open', 'joint', 'stock', 'company'],
  ['joint', 'stock', 'company'],
  ['obshchestvo', 's', 'ogranichennoy', 'otvetstvennostyu'],
  ['obshchestvo', 's', 'ogranichennoi', 'otvetstvennostyu'],
  ['aktsionernoe', 'obshchestvo'],
  ['anonim', 'sirketi'],
  ['limited', 'sirketi'],
  ['sdn', 'bhd'],
  ['private', 'limited'],
  ['pty', 'ltd'],
];

const LEGAL_TOKENS = new Set([
  'co', 'corp', 'corporation', 'company', 'inc', 'incorporated', 'ltd', 'limited', 'llc', 'plc', 'gmbh',
  'ag', 'kg', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'ab', 'oy', 'oyj', 'as', 'asa', 'aps', 'kft',
  'sro', 'doo', 'ooo', 'oao', 'zao', 'pao', 'ao', 'jsc', 'pjsc', 'ojsc', 'cjsc', 'llp', 'lp', 'sirketi',
  'fze', 'fzco', 'fzc', 'fzllc', 'fz', 'pte', 'pvt', 'pty', 'bhd', 'tbk', 'kk', 'ltda', 'cia', 'sae', 'sal',
  'wll', 'sac', 'saa', 'eirl', 'slu', 'mbh', 'ohg', 'tov', 'too', 'ip',
]);

/** Generic words: they count, but much less than distinctive ones. */
const WEAK_TOKENS = new Set([
  'technology', 'technologies', 'tech', 'trading', 'trade', 'international', 'intl', 'group', 'holding',
  'holdings', 'industries', 'industry', 'industrial', 'enterprise', 'enterprises', 'services', 'service',
  'solutions', 'systems', 'system', 'electronics', 'electronic', 'engineering', 'development', 'science',
  'sciences', 'information', 'digital', 'investment', 'investments', 'import', 'export', 'logistics',
  'shipping', 'general', 'global', 'management', 'partners', 'bank', 'commercial', 'manufacturing',
  'products', 'equipment', 'resources', 'sanayi', 'ticaret', 'al', 'el', 'bin', 'ibn', 'bint', 'de', 'la',
  'del', 'da', 'van', 'von', 'der', 'le', 'du', 'des', 'national', 'public', 'security', 'bureau',
  'china', 'chinese', 'beijing', 'shanghai', 'shenzhen', 'hangzhou', 'zhejiang', 'guangzhou', 'guangdong',
  'xiamen', 'fujian', 'jiangsu', 'wuhan', 'hong', 'kong', 'russia', 'russian', 'moscow', 'iran', 'iranian',
  'tehran', 'syria', 'syrian', 'dubai', 'emirates', 'uae', 'turkey', 'istanbul', 'korea', 'korean',
  'pyongyang', 'new', 'first', 'district', 'city', 'municipal', 'province', 'provincial', 'region',
]);
const WEAK_FACTOR = 0.3;

export function isWeakToken(token: string): boolean {
  return WEAK_TOKENS.has(token);
}

export function tokenWeight(token: string): number {
  const w = Math.sqrt(token.length);
  return WEAK_TOKENS.has(token) ? w * WEAK_FACTOR : w;
}

function foldCharacters(input: string): string {
  const lower = input.toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '');
  let out = '';
  for (const ch of lower) {
    const mapped = CHAR_MAP[ch];
    out += mapped === undefined ? ch : mapped;
  }
  return out;
}

/** Splits a raw name into lower-case ASCII-ish tokens, before legal forms and stop words are removed. */
export function tokenise(input: string): string[] {
  const folded = foldCharacters(input)
    .replace(/['’‘`´ʼ.]/g, '') // apostrophes and dots join: "S.A." → "sa", "Co." → "co", "O'Brien" → "obrien"
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
  return folded.split(' ').filter((t) => t.length > 0);
}

function removeLegalForms(tokens: string[]): string[] {
  let out = tokens;
  for (const phrase of LEGAL_PHRASES) {
    if (out.length < phrase.length) continue;
    const next: string[] = [];
    for (let i = 0; i < out.length; ) {
      let hit = i + phrase.length <= out.length;
      for (let k = 0; hit && k < phrase.length; k++) if (out[i + k] !== phrase[k]) hit = false;
      if (hit) i += phrase.length;
      else next.push(out[i++]!);
    }
    out = next;
  }
  return out.filter((t) => !LEGAL_TOKENS.has(t));
}

export function normaliseName(input: string): TNormalisedName {
  const raw = tokenise(typeof input === 'string' ? input : '');
  const folded = raw.map((t) => VARIANTS.get(t) ?? t);
  const withoutStops = folded.filter((t) => !STOP_WORDS.has(t));
  const base = withoutStops.length > 0 ? withoutStops : folded;
  const stripped = removeLegalForms(base);
  // A name made only of legal-form words ("Limited") keeps them rather than vanishing.
  const tokens = stripped.length > 0 ? stripped : base;
  const weights = tokens.map(tokenWeight);
  let totalWeight = 0;
  for (const w of weights) totalWeight += w;
  return {
    tokens,
    weights,
    totalWeight,
    joined: tokens.join(''),
    key: [...tokens].sort().join(' '),
  };
}
