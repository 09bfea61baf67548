/**
 * Words of arXiv titles and abstracts for relevance ranking: TeX turned into the text a reader
 * sees, accents and case folded the way Sift's rules fold them, hyphenation undone, English
 * stop words dropped and plurals reduced, so `Self-Supervised Models`, `self supervised model`
 * and `self-supervised modelling` share their terms.
 */
import { foldText } from '../rules/fold';

/**
 * English function words, plus the few words that open nearly every abstract without saying
 * anything about its topic. Shared with the evaluation's arxiv-sanity baseline, which (like
 * scikit-learn's `stop_words='english'`) drops function words before counting terms.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above across after afterwards again against all almost alone along already also although always am among ' +
    'amongst an and another any anyhow anyone anything anyway anywhere are around as at be became because become ' +
    'becomes becoming been before beforehand behind being below beside besides between beyond both but by can cannot ' +
    'could did do does doing done down due during each eg either else elsewhere enough etc even ever every everyone ' +
    'everything everywhere except few for former formerly from further had has have having he hence her here ' +
    'hereafter hereby herein hereupon hers herself him himself his how however ie if in indeed into is it its itself ' +
    'just last latter latterly least less many may me meanwhile might more moreover most mostly much must my myself ' +
    'namely neither never nevertheless next no nobody none noone nor not nothing now nowhere of off often on once one ' +
    'only onto or other others otherwise our ours ourselves out over own per perhaps please rather re same seem seemed ' +
    'seeming seems several she should since so some somehow someone something sometime sometimes somewhere still such ' +
    'than that the their theirs them themselves then thence there thereafter thereby therefore therein thereupon these ' +
    'they this those though through throughout thru thus to together too toward towards under until up upon us very ' +
    'via was we well were what whatever when whence whenever where whereafter whereas whereby wherein whereupon ' +
    'wherever whether which while whither who whoever whole whom whose why will with within without would yet you ' +
    'your yours yourself yourselves'
  ).split(' '),
);

/** Greek letters keep their name (`$\Lambda$CDM` reads `LambdaCDM`); every other math command is notation. */
const GREEK =
  /^(?:alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|pi|varpi|rho|varrho|sigma|varsigma|tau|upsilon|phi|varphi|chi|psi|omega)$/i;

/** `\"o`, `\'{e}`, `\^ o`: symbol accent commands, with or without braces. */
const SYMBOL_ACCENT = /\\[`'^"~=.]\s*(?:\{\s*([A-Za-z])\s*\}|([A-Za-z]))/g;
/** `\v{s}`, `\c c`: letter accent commands need a brace or a space, or `\cdot` would lose its `\c`. */
const LETTER_ACCENT = /\\[uvHckrbd](?:\{\s*([A-Za-z])\s*\}|\s+([A-Za-z]))/g;
/** `{\o}`, `\ss`, `\ae`: letters TeX spells as commands. */
const LETTER_COMMAND = /\\(ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j)(?![A-Za-z])/g;
const TEX_LETTERS: Readonly<Record<string, string>> = {
  ss: 'ss', ae: 'ae', AE: 'AE', oe: 'oe', OE: 'OE', aa: 'a', AA: 'A', o: 'o', O: 'O', l: 'l', L: 'L', i: 'i', j: 'j',
};
/** Inline and display math: `$…$`, `$$…$$`, `\(…\)`, `\[…\]`. */
const MATH = /\$\$([^$]*)\$\$|\$([^$]*)\$|\\\(([\s\S]*?)\\\)|\\\[([\s\S]*?)\\\]/g;
const COMMAND = /\\([A-Za-z]+)\*?/g;
/** Braces, sub/superscripts and TeX's tie (`~`) only structure the text. */
const TEX_PUNCTUATION = /[{}^_~]/g;
/** A word broken at a line end by the author's editor (`com- putation`), but not `pre- and post-`. */
const LINE_BREAK_HYPHEN = /([a-z])- (?!(?:and|or|to|vs|nor|as)\b)([a-z])/g;
/** A word: letters and digits, possibly joined by hyphens or apostrophes. */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const DIGITS = /^\p{N}+$/u;
const JOINERS = /['’-]/;

function mathText(math: string): string {
  // Inside math only letters survive, and only Greek commands name anything a reader would search.
  const named = math.replace(COMMAND, (_all, name: string) => (GREEK.test(name) ? name : ' '));
  return named.replace(/[^A-Za-z0-9]+/g, (run) => (/^[{}^_]+$/.test(run) ? '' : ' '));
}

/**
 * The reading text of a TeX-bearing title or abstract: accent commands become the letter they
 * sit on, math keeps its letters and its Greek letters' names (`$\Lambda$CDM` → `LambdaCDM`,
 * `$k$-means` → `k-means`), text commands keep their argument (`\emph{sparse}` → `sparse`) and
 * other commands, braces and sub/superscripts go. Case and accents are left for `tokenize`.
 *
 * @example stripTex('Schr\\"{o}dinger $\\Lambda$CDM') === 'Schrödinger LambdaCDM'
 */
export function stripTex(text: string): string {
  if (!text.includes('\\') && !text.includes('$')) return text;
  return text
    .replace(SYMBOL_ACCENT, (all, braced?: string, bare?: string) => accented(all, braced ?? bare ?? ''))
    .replace(LETTER_ACCENT, (all, braced?: string, bare?: string) => accented(all, braced ?? bare ?? ''))
    .replace(LETTER_COMMAND, (_all, name: string) => TEX_LETTERS[name] ?? '')
    .replace(MATH, (_all, display?: string, inline?: string, paren?: string, bracket?: string) =>
      mathText(display ?? inline ?? paren ?? bracket ?? ''),
    )
    .replace(COMMAND, (_all, name: string) => (GREEK.test(name) ? name : ' '))
    .replace(TEX_PUNCTUATION, '');
}

/** The base letter with its combining accent, so folding strips it exactly like a typed `ö`. */
function accented(command: string, letter: string): string {
  const mark = ACCENT_MARKS[command.charAt(1)];
  return mark === undefined ? letter : `${letter}${mark}`.normalize('NFC');
}

const ACCENT_MARKS: Readonly<Record<string, string>> = {
  '`': '\u0300', "'": '\u0301', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  u: '\u0306', v: '\u030c', H: '\u030b', c: '\u0327', k: '\u0328', r: '\u030a', b: '\u0331', d: '\u0323',
};

/**
 * A light plural stemmer (after Harman's "S" stemmer): `models` → `model`, `studies` → `study`,
 * `classes` → `class`, leaving `analysis`, `corpus`, `gas` and `glass` alone. A full Porter stemmer
 * would also merge `learning` and `learned`, but it merges unrelated words too (`general`,
 * `generate`), and ranking needs topics kept apart more than inflections joined.
 */
export function stemPlural(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && !word.endsWith('eies') && !word.endsWith('aies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('s') && !/(?:ss|us|is|ys|as|os)$/.test(word)) return word.slice(0, -1);
  return word;
}

export interface TokenizeOptions {
  /** Reduce plurals with `stemPlural` (default true). */
  stem?: boolean;
}

/**
 * The terms of a title or abstract, in order: TeX stripped (`stripTex`), case and accents folded
 * (Sift's rule folding, so `Schrödinger` and `Schr\"odinger` agree), words broken at a line end
 * rejoined, stop words, one-letter words and bare numbers dropped. A hyphenated compound gives its
 * parts (`self-supervised` → `self`, `supervised`, so it meets `self supervised`), except when a part
 * is a single character, where the compound is the word (`k-means` → `kmeans`, `X-ray` → `xray`).
 *
 * @example tokenize('Self-Supervised $k$-means for Schr\\"odinger Equations') → ['self', 'supervised', 'kmeans', 'schrodinger', 'equation']
 */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  const stem = options.stem ?? true;
  const folded = foldText(stripTex(text), { caseFold: true, diacriticFold: true }).text.replace(LINE_BREAK_HYPHEN, '$1$2');
  const out: string[] = [];
  const push = (word: string, stemmable = true): void => {
    if (word.length < 2 || DIGITS.test(word) || STOP_WORDS.has(word)) return;
    out.push(stem && stemmable ? stemPlural(word) : word);
  };
  for (const match of folded.matchAll(WORD)) {
    const word = match[0];
    if (!JOINERS.test(word)) {
      push(word);
      continue;
    }
    const parts = word.split(JOINERS);
    // `model's` is `model`; `k-means` is one word; `self-supervised` is two.
    if (/['’]/.test(word)) {
      const [head] = parts;
      if (head !== undefined) push(head);
      continue;
    }
    // A joined compound is a name (`kmeans`, `nbody`), not a plural.
    if (parts.some((part) => part.length === 1)) push(parts.join(''), false);
    else for (const part of parts) push(part);
  }
  return out;
}

/**
 * An author name as the evaluation's users file spells it, and as the model keys authors:
 * compatibility-decomposed, accents stripped, lower case, punctuation but apostrophes turned to spaces,
 * spaces collapsed.
 *
 * @example normalizeAuthorName("A. A. C.  D'Aloisio-Müller") === "a a c d'aloisio muller"
 */
export function normalizeAuthorName(name: string): string {
  return foldText(stripTex(name).normalize('NFKD'), { caseFold: true, diacriticFold: true })
    .text.replace(/[^\p{L}\p{N}\s']+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
