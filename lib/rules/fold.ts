/**
 * Text folding for rule matching: lower-casing, diacritic stripping and whitespace collapsing,
 * with a map from every folded UTF-16 unit back to the original characters it came from. Folding
 * changes length (`ß` → `ss`, `e` + U+0301 → `e`, a newline and indentation → one space), so a
 * match found in folded text is only paintable through that map.
 */

export interface FoldOptions {
  /** Lower-case (the rule is case-insensitive). */
  caseFold: boolean;
  /** Strip diacritics and map letters that do not decompose (the rule is diacritic-insensitive). */
  diacriticFold: boolean;
}

/**
 * Folded text plus, unless folding kept every unit in place, the original range of each unit:
 * folded unit `i` came from `original.slice(starts[i], ends[i])`.
 */
export interface FoldedText {
  text: string;
  starts?: Int32Array;
  ends?: Int32Array;
}

/**
 * Letters that NFD leaves whole but that a reader of a name or a word treats as the plain letter
 * (`Łukasz`, `Søren`, `Đorđe`, `Straße`, `Ærø`, `œuvre`, dotless `ı` of Turkish names).
 * Upper-case forms are listed for case-sensitive rules; `ẞ` already lower-cases to `ß`.
 */
const UNDECOMPOSABLE: Readonly<Record<string, string>> = {
  ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', ħ: 'h', Ħ: 'H',
  ŧ: 't', Ŧ: 'T', ŀ: 'l', Ŀ: 'L', ı: 'i', ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE',
  œ: 'oe', Œ: 'OE', þ: 'th', Þ: 'TH', ĳ: 'ij', Ĳ: 'IJ',
};

/**
 * The combining-mark blocks whose marks are accents on Latin, Greek and Cyrillic letters. Marks of
 * other scripts (Devanagari vowel signs, Hebrew points…) carry meaning and are kept.
 */
const DIACRITIC_MARK = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/gu;
/** Anything but printable ASCII, tab and newline, or a whitespace run: text that needs the offset map. */
const NEEDS_MAP = /[^\t\n\x20-\x7e]|\s\s/;
const TAB_OR_NEWLINE = /[\t\n]/g;
const WHITESPACE = /^\s$/u;

/** Memo of folded clusters per variant: a listing repeats the same few non-ASCII letters. */
const clusterCache = new Map<string, string>();
const CLUSTER_CACHE_LIMIT = 10_000;

/** A letter with its combining marks, a run of marks with no letter before them, or a lone code point. */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gsu;

function foldCluster(cluster: string, options: FoldOptions): string {
  const key = `${options.caseFold ? 'c' : '-'}${options.diacriticFold ? 'd' : '-'}${cluster}`;
  const cached = clusterCache.get(key);
  if (cached !== undefined) return cached;
  let s = options.caseFold ? cluster.toLowerCase() : cluster;
  // Unicode lower-cases final sigma `ς` only by context; fold it so `σ` finds it either way.
  if (options.caseFold) s = s.replace('ς', 'σ');
  if (options.diacriticFold) {
    const decomposed = s.normalize('NFD');
    const stripped = decomposed.replace(DIACRITIC_MARK, '');
    // Keep the cluster whole when there was no accent to strip, so Hangul syllables (which NFD
    // splits into jamo) stay as typed.
    if (stripped !== decomposed) s = stripped;
    let mapped = '';
    for (const ch of s) mapped += UNDECOMPOSABLE[ch] ?? ch;
    s = mapped;
  } else {
    // Accents count, but `é` typed precomposed must still find `e` + U+0301 (and the reverse).
    s = s.normalize('NFC');
  }
  if (clusterCache.size >= CLUSTER_CACHE_LIMIT) clusterCache.clear();
  clusterCache.set(key, s);
  return s;
}

/**
 * Fold `text` for matching: optionally lower-case and strip diacritics (see `FoldOptions`),
 * compose accents (NFC) when they count, and always collapse each run of whitespace to one space,
 * so a phrase typed with single spaces finds arXiv's hard-wrapped abstracts. Each letter is folded
 * together with its combining marks, so a match never splits a letter from its accents. Printable
 * ASCII text without whitespace runs (most of a listing) keeps every unit in place and carries no map.
 *
 * @example foldText('Straße', { caseFold: true, diacriticFold: true }).text === 'strasse'
 */
export function foldText(text: string, options: FoldOptions): FoldedText {
  if (!NEEDS_MAP.test(text)) {
    const lowered = options.caseFold ? text.toLowerCase() : text;
    return { text: lowered.replace(TAB_OR_NEWLINE, ' ') };
  }
  return NON_ASCII.test(text) ? foldByClusters(text, options) : foldAscii(text, options);
}

/** Anything outside ASCII's printable characters and its whitespace (tab to carriage return). */
const NON_ASCII = /[^\x09-\x0d\x20-\x7e]/;
const asciiDecoder = new TextDecoder('ascii');

/**
 * `foldByClusters` for ASCII text, which is most of a listing: every character is its own
 * cluster and folds to itself (lower-cased), so only whitespace runs need collapsing. One pass
 * over char codes into typed arrays, where the general path allocates a match per character; on a
 * 2000-entry listing that is the difference between a few and a hundred milliseconds.
 */
function foldAscii(text: string, options: FoldOptions): FoldedText {
  const source = options.caseFold ? text.toLowerCase() : text;
  const codes = new Uint8Array(source.length);
  const starts = new Int32Array(source.length);
  const ends = new Int32Array(source.length);
  let length = 0;
  let previousWasSpace = false;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    const isSpace = code === 0x20 || (code >= 0x09 && code <= 0x0d);
    if (isSpace && previousWasSpace) {
      ends[length - 1] = i + 1;
      continue;
    }
    codes[length] = isSpace ? 0x20 : code;
    starts[length] = i;
    ends[length] = i + 1;
    length++;
    previousWasSpace = isSpace;
  }
  return { text: asciiDecoder.decode(codes.subarray(0, length)), starts: starts.slice(0, length), ends: ends.slice(0, length) };
}

/**
 * The general folding path: cluster by cluster (a letter with its combining marks), each folded
 * through `foldCluster`, with whitespace runs collapsed. `foldText` uses it for text with
 * characters outside ASCII; it is exported so tests can check the ASCII path against it.
 */
export function foldByClusters(text: string, options: FoldOptions): FoldedText {
  const units: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let previousWasSpace = false;
  for (const match of text.matchAll(CLUSTER)) {
    const cluster = match[0];
    const start = match.index;
    const end = start + cluster.length;
    if (WHITESPACE.test(cluster)) {
      if (previousWasSpace) {
        ends[ends.length - 1] = end;
      } else {
        units.push(' ');
        starts.push(start);
        ends.push(end);
      }
      previousWasSpace = true;
      continue;
    }
    const folded = foldCluster(cluster, options);
    for (let i = 0; i < folded.length; i++) {
      units.push(folded[i] ?? '');
      starts.push(start);
      ends.push(end);
    }
    // A stripped lone accent between two spaces leaves them adjacent: still one run.
    if (folded.length > 0) previousWasSpace = false;
  }
  return { text: units.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/**
 * The original-text range `[start, end)` that the non-empty folded range `[foldedStart, foldedEnd)`
 * covers. A match that begins or ends inside an expansion (the second `s` of `ß` → `ss`) widens
 * to the whole original character.
 */
export function toOriginalRange(
  folded: FoldedText,
  foldedStart: number,
  foldedEnd: number,
): [start: number, end: number] {
  if (!folded.starts || !folded.ends) return [foldedStart, foldedEnd];
  return [folded.starts[foldedStart] ?? 0, folded.ends[foldedEnd - 1] ?? 0];
}

const SEARCH_FOLD: FoldOptions = { caseFold: true, diacriticFold: true };

/**
 * Text as the quick filters compare it: the same folding as a case- and accent-insensitive rule,
 * so `lukasz` finds `Łukasz` in the listing filter exactly as a rule does.
 *
 * @example foldForSearch('Łódź') // 'lodz'
 */
export function foldForSearch(text: string): string {
  return foldText(text, SEARCH_FOLD).text;
}
