// Name normaliser shared by party screening, the index and the `match` CLI: every script
// transliterated to ASCII with any-ascii before tokenising (Cyrillic, Greek, Arabic, CJK…), case and
// punctuation dropped, trader abbreviations expanded ("Imp/Exp", "I/E", "Intl", "Mfg"…), common
// transliteration variants of given names folded, legal-form words ("Co., Ltd.", "LLC", "GmbH",
// "OOO", "ПАО"…) removed. Token order is kept (the scorer pairs tokens, so order does not matter there).

import anyAscii from 'any-ascii';
import { allowedEdits, boundedEditDistance } from './edit-distance';

export type TNormalisedName = {
  tokens: string[];
  /** per-token weight: sqrt(length), reduced for generic words */
  weights: number[];
  totalWeight: number;
  /** tokens joined without spaces, for names written with different word breaks ("AL QAIDA" / "ALQAIDA") */
  joined: string;
  /** order-insensitive key used to compare party names for cleared matches */
  key: string;
  /** the raw name carried a legal-form word (GmbH, LLC, OOO…): it names an organisation */
  legalForm: boolean;
};

/** Letters any-ascii renders differently from the lists' own romanisation. */
const CHAR_MAP: Record<string, string> = { ъ: '', ь: '', ı: 'i' };

/** CJK ideographs and kana: any-ascii writes each as a capitalised syllable ("华为" → "HuaWei"). */
const NON_ASCII = /[^\x00-\x7f]/;
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
/** Arabic script (Arabic, Persian, Urdu, Pashto letters; presentation forms). */
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;
/**
 * Words written in Arabic script carry this mark: the script leaves short vowels out ("صدام" →
 * "sdm", Saddam), so such a word cannot be compared letter by letter with a Latin list form. It
 * meets Latin words by consonant skeleton instead (consonantSkeleton, tokenSimilarity).
 */
export const ARABIC_MARK = '_';

/**
 * The most frequent words of Arabic names, written as the lists write them (the first spelling of
 * their VARIANT_GROUPS): these need no consonant guessing. Keys have alef without hamza.
 */
const ARABIC_WORDS = new Map<string, string>(
  Object.entries({
    محمد: 'muhammad',
    احمد: 'ahmad',
    محمود: 'mahmud',
    حسين: 'husayn',
    حسن: 'hasan',
    علي: 'ali',
    عمر: 'umar',
    عثمان: 'uthman',
    يوسف: 'yusuf',
    ابراهيم: 'ibrahim',
    مصطفى: 'mustafa',
    خالد: 'khalid',
    صالح: 'salih',
    اسامة: 'usama',
    عبد: 'abd',
    عبدالله: 'abdallah',
    الله: 'allah',
    ابو: 'abu',
    بن: 'bin',
    ابن: 'ibn',
    بنت: 'bint',
  }),
);
/**
 * "Abd al-…" has many Latin forms ("Abd al-Rahman", "Abdul Rahman", "Abdel Rahman", "Abd-ur-Rahman")
 * and is two words in Arabic script ("عبد الرحمن"): all are read as "abd al …" (in any word order,
 * as the lists also write "RAHMAN, Abd al").
 */
const ABD_FORMS = ['abdul', 'abdel', 'abdol', 'abdal', 'abdoul', 'abdur', 'abdus'];
/** An "Abdul" form, also with a typo within the budget of edit-distance.ts ("Abaul", "Abpul"). */
function isAbdForm(token: string): boolean {
  if (token.length < 5 || token.length > 7 || token[0] !== 'a') return false;
  for (const f of ABD_FORMS) {
    if (f === token) return true;
    const max = allowedEdits(Math.min(f.length, token.length), Math.max(f.length, token.length));
    if (max > 0 && boundedEditDistance(token, f, max) <= max) return true;
  }
  return false;
}
const ABD_ARTICLES = new Set(['al', 'el', 'ul', 'ar', 'ur', 'as', 'ad', 'an', 'at', 'az', 'ash']);
/** Trailing pinyin legal forms of a CJK run: 有限公司, 有限责任公司, 股份有限公司. */
const PINYIN_LEGAL_SUFFIX = /(gufen)?youxian(zeren)?gongsi$/;

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
  // common Arabic name words: the spellings the lists use for one name (and for the Arabic-script
  // word, see ARABIC_WORDS)
  ['abdallah', 'abdullah', 'abdalla', 'abdulla'],
  ['mahmud', 'mahmoud', 'mahmood'],
  ['umar', 'omar'],
  ['uthman', 'othman', 'osman', 'usman'],
  ['ibrahim', 'ebrahim', 'ibraheem'],
  ['mustafa', 'mostafa', 'moustafa', 'mustapha'],
  ['khalid', 'khaled'],
  ['salih', 'saleh'],
  ['abu', 'abou'],
];
const VARIANTS = new Map<string, string>();
for (const group of VARIANT_GROUPS) for (const v of group) VARIANTS.set(v, group[0]!);

/** Every spelling of a folded name, for its canonical (first) spelling; undefined for other words. */
const SPELLINGS = new Map<string, readonly string[]>(VARIANT_GROUPS.map((g) => [g[0]!, g]));

/**
 * The spellings a canonical name token stands for ("muhammad" → mohammed, mohamed, …), so that a
 * misspelt one ("Mohamuad", one edit from "Mohammad") is compared with the spelling it is near,
 * not only with the canonical one.
 */
export function variantSpellings(token: string): readonly string[] | undefined {
  return SPELLINGS.get(token);
}

/** The canonical tokens of the name groups (they stand for all their spellings). */
export const VARIANT_CANONICALS: readonly string[] = [...SPELLINGS.keys()];

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
  ['publichnoe', 'aktsionernoe', 'obshchestvo'],
  ['zakrytoe', 'aktsionernoe', 'obshchestvo'],
  ['otkrytoe', 'aktsionernoe', 'obshchestvo'],
  ['aktsionernoe', 'obshchestvo'],
  ['anonim', 'sirketi'],
  ['limited', 'sirketi'],
  ['sdn', 'bhd'],
  ['private', 'limited'],
  ['pty', 'ltd'],
];

const LEGAL_TOKENS = new Set([
  'co',
  'corp',
  'corporation',
  'company',
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'llc',
  'plc',
  'gmbh',
  'ag',
  'kg',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'ab',
  'oy',
  'oyj',
  'as',
  'asa',
  'aps',
  'kft',
  'sro',
  'doo',
  'ooo',
  'oao',
  'zao',
  'pao',
  'ao',
  'jsc',
  'pjsc',
  'ojsc',
  'cjsc',
  'llp',
  'lp',
  'sirketi',
  'fze',
  'fzco',
  'fzc',
  'fzllc',
  'fz',
  'pte',
  'pvt',
  'pty',
  'bhd',
  'tbk',
  'kk',
  'ltda',
  'cia',
  'sae',
  'sal',
  'wll',
  'sac',
  'saa',
  'eirl',
  'slu',
  'mbh',
  'ohg',
  'tov',
  'too',
  'ip',
]);

/**
 * Romanisations differ most at word ends: "-iy"/"-yy"/"-ii"/"-ij"/"-y"/"-ey"/"-ei" ("Antey"/"Antei",
 * "Khodorkovskiy"/"Khodorkovsky") all end in "i" here, on both sides of every comparison.
 */
export function foldEnding(token: string): string {
  if (token.length < 4 || /\d/.test(token) || token.startsWith(ARABIC_MARK)) return token;
  const m = /(iy|yy|ii|ij|y)$/.exec(token);
  return m ? `${token.slice(0, token.length - m[1]!.length)}i` : token;
}

/** Generic words: they count, but much less than distinctive ones. */
const WEAK_TOKENS = new Set(
  [
    'technology',
    'technologies',
    'tech',
    'trading',
    'trade',
    'international',
    'intl',
    'group',
    'holding',
    'holdings',
    'industries',
    'industry',
    'industrial',
    'enterprise',
    'enterprises',
    'services',
    'service',
    'solutions',
    'systems',
    'system',
    'electronics',
    'electronic',
    'engineering',
    'development',
    'science',
    'sciences',
    'information',
    'digital',
    'investment',
    'investments',
    'import',
    'export',
    'logistics',
    'shipping',
    'general',
    'global',
    'management',
    'partners',
    'bank',
    'commercial',
    'manufacturing',
    'products',
    'equipment',
    'resources',
    'sanayi',
    'ticaret',
    'al',
    'el',
    'bin',
    'ibn',
    'bint',
    'de',
    'la',
    'del',
    'da',
    'van',
    'von',
    'der',
    'le',
    'du',
    'des',
    'national',
    'public',
    'security',
    'bureau',
    'china',
    'chinese',
    'beijing',
    'shanghai',
    'shenzhen',
    'hangzhou',
    'zhejiang',
    'guangzhou',
    'guangdong',
    'xiamen',
    'fujian',
    'jiangsu',
    'wuhan',
    'hong',
    'kong',
    'russia',
    'russian',
    'moscow',
    'iran',
    'iranian',
    'tehran',
    'syria',
    'syrian',
    'dubai',
    'emirates',
    'uae',
    'turkey',
    'istanbul',
    'korea',
    'korean',
    'pyongyang',
    'new',
    'first',
    'district',
    'city',
    'municipal',
    'province',
    'provincial',
    'region',
    // words of legal-form phrases left over when the phrase is not whole ("Joint Stock Konar") or
    // not in order: they say what kind of company it is, not which
    ...new Set(LEGAL_PHRASES.flat().filter((w) => w.length >= 3)),
  ].map((t) => foldEnding(t)),
);
const WEAK_FACTOR = 0.3;

/**
 * Abbreviations traders write, expanded before legal forms are removed (so "Corp"/"Co" still drop
 * out and "Imp/Exp" meets "IMPORT/EXPORT"). Single tokens; "I/E" and "Imp-Exp" arrive as two tokens.
 */
const ABBREVIATIONS = new Map<string, string>(
  Object.entries({
    imp: 'import',
    exp: 'export',
    impex: 'import export',
    impexp: 'import export',
    imex: 'import export',
    intl: 'international',
    intnl: 'international',
    internat: 'international',
    mfg: 'manufacturing',
    mfr: 'manufacturer',
    mfrs: 'manufacturers',
    manuf: 'manufacturing',
    tech: 'technology',
    techn: 'technology',
    technol: 'technology',
    techs: 'technologies',
    natl: 'national',
    ind: 'industries',
    inds: 'industries',
    indus: 'industrial',
    eng: 'engineering',
    engg: 'engineering',
    engr: 'engineering',
    dev: 'development',
    devt: 'development',
    elec: 'electronics',
    electr: 'electronics',
    sci: 'science',
    inst: 'institute',
    univ: 'university',
    mach: 'machinery',
    mchy: 'machinery',
    equip: 'equipment',
    eqpt: 'equipment',
    svc: 'service',
    svcs: 'services',
    serv: 'services',
    hldg: 'holding',
    hldgs: 'holdings',
    grp: 'group',
    trdg: 'trading',
    assn: 'association',
    assoc: 'association',
    bros: 'brothers',
    mgmt: 'management',
    mgt: 'management',
    dist: 'distribution',
    distr: 'distribution',
    comm: 'communications',
    comms: 'communications',
    telecom: 'telecommunications',
    telecoms: 'telecommunications',
    chem: 'chemical',
    pharm: 'pharmaceutical',
    pharma: 'pharmaceutical',
    petrochem: 'petrochemical',
    sys: 'systems',
    govt: 'government',
    dept: 'department',
    acad: 'academy',
    ctr: 'center',
    cntr: 'center',
    centre: 'center',
    st: 'saint',
  }),
);
/** Two-token abbreviations: "I/E" and "I & E" (import/export), "R&D". */
const ABBREVIATION_PAIRS: [string, string, string[]][] = [
  ['i', 'e', ['import', 'export']],
  ['e', 'i', ['export', 'import']],
  ['r', 'd', ['research', 'development']],
];

/**
 * Legal-form words of seven letters or more are recognised with one typo ("Limitsd", "Incopporated",
 * "Companb"): a misspelt legal form is still a legal form, not a distinctive word of the name.
 */
const LONG_LEGAL_WORDS = [...new Set([...LEGAL_TOKENS, ...LEGAL_PHRASES.flat()])].filter((w) => w.length >= 7);
function isLegalWord(token: string, word: string): boolean {
  if (token === word) return true;
  return word.length >= 7 && Math.abs(token.length - word.length) <= 1 && boundedEditDistance(token, word, 1) <= 1;
}
function isLegalToken(token: string): boolean {
  if (LEGAL_TOKENS.has(token)) return true;
  if (token.length < 6 || token.startsWith(ARABIC_MARK)) return false;
  for (const w of LONG_LEGAL_WORDS) if (isLegalWord(token, w)) return true;
  return false;
}

/** Whether a token was written in Arabic script (see ARABIC_MARK). */
export function isArabicToken(token: string): boolean {
  return token.charCodeAt(0) === 95; // '_'
}

/**
 * The consonants of a word as Arabic script writes them, for comparing an Arabic-script word with
 * Latin romanisations: vowels and the letters that double as long vowels (y, w) dropped, the
 * romanisations' letter choices folded (French dj/ch/c, q/k, an h after t or d), doubled
 * letters written once. "SADDAM" and "صدام" (sdm) → "sdm"; "HUSSEIN" and "حسين" (hsyn) → "hsn";
 * "TAHIR" and "طاهر" (thr) → "tr".
 */
export function consonantSkeleton(token: string): string {
  const t = isArabicToken(token) ? token.slice(1) : token.replace(/_/g, '');
  return t
    .replace(/dj/g, 'j') // French romanisation of ج
    .replace(/ch/g, 'sh')
    .replace(/c(?=[ei])/g, 's')
    .replace(/c/g, 'k')
    .replace(/q/g, 'k')
    .replace(/[aeiouyw]/g, '')
    .replace(/([td])h/g, '$1')
    .replace(/(.)\1+/g, '$1');
}

export function tokenWeight(token: string): number {
  const w = Math.sqrt(isArabicToken(token) ? token.length - 1 : token.length);
  return WEAK_TOKENS.has(token) ? w * WEAK_FACTOR : w;
}

/** Lower-case ASCII: any-ascii for every script, CJK runs kept together as one token each. */
function foldCharacters(input: string): string {
  if (!NON_ASCII.test(input)) return input.toLowerCase();
  let out = '';
  let cjkRun = '';
  const flushCjk = () => {
    if (cjkRun === '') return;
    const syllables = anyAscii(cjkRun)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
    out += ` ${syllables.replace(PINYIN_LEGAL_SUFFIX, '') || syllables} `;
    cjkRun = '';
  };
  let arabicRun = '';
  const flushArabic = () => {
    if (arabicRun === '') return;
    let word = arabicRun.normalize('NFKC').replace(/\u0640/g, ''); // tatweel (letter stretching)
    arabicRun = '';
    const known = ARABIC_WORDS.get(word.replace(/[\u0622\u0623\u0625]/g, '\u0627'));
    if (known) {
      out += ` ${known} `;
      return;
    }
    // the article written joined to its word ("التكريتي" → al + Tikriti), as Latin forms write it apart
    let article = '';
    if (word.length > 3 && /^[\u0627\u0671]\u0644/.test(word)) {
      article = ' al ';
      word = word.slice(2);
    }
    // ta marbuta ends a word in a vowel ("حمزة" Hamza), not in the "h" any-ascii writes
    const latin = anyAscii(word.replace(/\u0629/g, 'a'))
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
    out += `${article} ${latin === '' || /^\d+$/.test(latin) ? latin : ARABIC_MARK + latin} `;
  };
  for (const ch of input.normalize('NFC')) {
    if (ch.charCodeAt(0) < 0x80) {
      flushCjk();
      flushArabic();
      out += ch;
    } else if (CJK.test(ch)) {
      flushArabic();
      cjkRun += ch;
    } else if (ARABIC.test(ch)) {
      flushCjk();
      arabicRun += ch;
    } else {
      flushCjk();
      flushArabic();
      const lower = ch.toLowerCase();
      out += Object.hasOwn(CHAR_MAP, lower) ? CHAR_MAP[lower]! : anyAscii(lower);
    }
  }
  flushCjk();
  flushArabic();
  return out.toLowerCase();
}

/** Splits a raw name into lower-case ASCII tokens, before legal forms and stop words are removed. */
export function tokenise(input: string): string[] {
  const folded = foldCharacters(input.replace(/_/g, ' ')) // "_" is ARABIC_MARK from here on
    .replace(/['’‘`´ʼ.]/g, '') // apostrophes and dots join: "S.A." → "sa", "Co." → "co", "O'Brien" → "obrien"
    .replace(/&/g, ' & ')
    .replace(/[^a-z0-9&_]+/g, ' ');
  return folded.split(' ').filter((t) => t.length > 0);
}

function expandAbbreviations(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (isAbdForm(t)) {
      out.push('abd', 'al');
      continue;
    }
    if (t === 'abd' && i + 1 < tokens.length) {
      const next = tokens[i + 1]!;
      if (next === 'allah' || next === 'ullah') {
        out.push('abdallah');
        i += 1;
        continue;
      }
      if (ABD_ARTICLES.has(next)) {
        out.push('abd', 'al');
        i += 1;
        continue;
      }
    }
    // "I/E", "I & E", "R&D"
    const next = tokens[i + 1] === '&' ? tokens[i + 2] : tokens[i + 1];
    const pair = ABBREVIATION_PAIRS.find(([a, b]) => a === t && b === next);
    if (pair) {
      out.push(...pair[2]);
      i += tokens[i + 1] === '&' ? 2 : 1;
      continue;
    }
    if (t === '&') {
      out.push('and');
      continue;
    }
    const expanded = ABBREVIATIONS.get(t);
    if (expanded) out.push(...expanded.split(' '));
    else out.push(t);
  }
  return out;
}

function removeLegalForms(tokens: string[]): string[] {
  let out = tokens;
  for (const phrase of LEGAL_PHRASES) {
    if (out.length < phrase.length) continue;
    const next: string[] = [];
    for (let i = 0; i < out.length;) {
      let hit = i + phrase.length <= out.length;
      // within a phrase one shorter word may carry a typo too ("Joint Stoyk Company")
      let typos = 0;
      for (let k = 0; hit && k < phrase.length; k++) {
        const t = out[i + k]!;
        const w = phrase[k]!;
        if (isLegalWord(t, w)) continue;
        const max = w.length >= 5 ? allowedEdits(Math.min(t.length, w.length), Math.max(t.length, w.length)) : 0;
        if (typos === 0 && max > 0 && boundedEditDistance(t, w, max) <= max) typos += 1;
        else hit = false;
      }
      if (hit) i += phrase.length;
      else next.push(out[i++]!);
    }
    out = next;
  }
  return out.filter((t) => !isLegalToken(t));
}

export type TWeightFn = (token: string) => number;

/**
 * Normalises a name. `weightOf` gives each token's weight; the default is the static one (length,
 * generic words reduced); the party index passes one that also uses each token's frequency in the list.
 */
export function normaliseName(input: string, weightOf: TWeightFn = tokenWeight): TNormalisedName {
  const raw = expandAbbreviations(tokenise(typeof input === 'string' ? input : ''));
  const folded = raw.map((t) => VARIANTS.get(t) ?? t);
  const withoutStops = folded.filter((t) => !STOP_WORDS.has(t));
  const base = withoutStops.length > 0 ? withoutStops : folded;
  const stripped = removeLegalForms(base);
  // A name made only of legal-form words ("Limited") keeps them rather than vanishing.
  const tokens = (stripped.length > 0 ? stripped : base).map(foldEnding);
  const weights = tokens.map(weightOf);
  let totalWeight = 0;
  for (const w of weights) totalWeight += w;
  return {
    tokens,
    weights,
    totalWeight,
    joined: tokens.join(''),
    key: [...tokens].sort().join(' '),
    legalForm: stripped.length < base.length,
  };
}

/**
 * Further forms of a list name worth indexing: without a parenthetical ("Rostec (Russian
 * Technologies State Corporation)" → "Rostec"), the parenthetical itself when it is a name of two or
 * more words, and without a trailing "; and any successor, sub-unit, or subsidiary thereof".
 */
export function derivedNameForms(name: string): string[] {
  const out: string[] = [];
  const add = (form: string) => {
    const f = form.replace(/\s+/g, ' ').replace(/^[\s,;:-]+|[\s,;:-]+$/g, '');
    if (f && f !== name && !out.includes(f)) out.push(f);
  };
  const noSuccessor = name.replace(/[;,]\s*(and\s+)?(any|its|all)\s+(successors?|sub-units?|subsidiar\w*)\b.*$/i, '');
  if (noSuccessor !== name) add(noSuccessor);
  if (/\([^()]+\)/.test(noSuccessor)) {
    add(noSuccessor.replace(/\([^()]*\)/g, ' '));
    for (const m of noSuccessor.matchAll(/\(([^()]+)\)/g)) {
      if (tokenise(m[1]!).length >= 2) add(m[1]!);
    }
  }
  return out;
}
