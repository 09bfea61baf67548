/**
 * Citation keys shared by the BibTeX and CSL-JSON exports, so a document can switch between the
 * two files without touching its `\cite{…}` commands.
 *
 * A key is `<first author's surname><year><first significant title word>`, ASCII-folded and
 * lower-cased — the shape arXiv's and Google Scholar's BibTeX exports use (`ding2026energy`).
 * Collisions get `a`, `b`, … suffixes (Better BibTeX's convention); who gets the bare key and
 * who gets which suffix is decided by arXiv id, never by input order, so re-exporting a shuffled
 * or filtered list gives each paper the same key whenever its collision group is unchanged.
 */
import { dateOfArxivId, type ExportPaper } from './export-paper';
import { familyWithParticle, parseAuthorName } from './names';

// Letters that NFKD does not decompose into base letter + combining mark.
const FOLD_EXTRA: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
};

/**
 * Folds text to lower-case ASCII letters and digits, dropping everything else:
 * `Żelasko` → `zelasko`, `Abd-Elhaleem` → `abdelhaleem`, `Søren` → `soren`.
 */
export function toAsciiKeyPart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæÆœŒøØłŁđĐðÐþÞı]/g, (c) => FOLD_EXTRA[c] ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

// Skipped when choosing the title word, like Google Scholar's keys do.
const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'on',
  'of',
  'in',
  'for',
  'to',
  'and',
  'with',
  'via',
  'at',
  'by',
  'from',
  'toward',
  'towards',
  'is',
  'are',
  'do',
  'does',
  'how',
  'what',
  'why',
  'when',
]);

function firstTitleWord(title: string): string {
  // Drop TeX control words (\tilde, \textbf) so they do not become the key's word.
  const words = title.replace(/\\[a-zA-Z]+/g, ' ').split(/[^\p{L}\p{N}]+/u);
  for (const word of words) {
    const folded = toAsciiKeyPart(word);
    if (folded.length > 1 && !STOP_WORDS.has(folded)) return folded;
  }
  return '';
}

/**
 * The key a paper would get if nothing collided with it: `ding2026energy`, `zelasko2026getbatch`.
 * Papers without authors use `anon`; ids that are not arXiv ids leave the year out.
 */
export function baseCitationKey(paper: ExportPaper): string {
  const firstAuthor = paper.authors[0];
  const surname =
    firstAuthor === undefined ? '' : toAsciiKeyPart(familyWithParticle(parseAuthorName(firstAuthor)));
  const year = dateOfArxivId(paper.id)?.year;
  return `${surname === '' ? 'anon' : surname}${year ?? ''}${firstTitleWord(paper.title)}`;
}

/** `a`, `b`, … `z`, `aa`, `ab`, … (bijective base 26). */
function suffixAt(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    n -= 1;
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26);
  }
  return out;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Unique citation keys for `papers`, one per paper, in input order. Within each group of papers
 * that share a base key, the paper with the smallest arXiv id keeps the bare key and the others
 * get `a`, `b`, … in id order; a suffixed key never takes a key that another paper has as its
 * base key. Runs in O(n log n).
 *
 * @example toCitationKeys([p2602_22409, p2602_22392]) // → ['rashid2026adaptbf', 'rashid2026dial']
 */
export function toCitationKeys(papers: readonly ExportPaper[]): string[] {
  const bases = papers.map(baseCitationKey);
  const groups = new Map<string, number[]>();
  bases.forEach((base, index) => {
    const group = groups.get(base);
    if (group === undefined) groups.set(base, [index]);
    else group.push(index);
  });
  const taken = new Set(groups.keys());
  const keys: string[] = new Array<string>(papers.length);
  // Groups are visited in key order so that which suffix a group gets when skipping a taken key
  // does not depend on the input order either.
  const sortedBases = [...groups.keys()].sort(compareStrings);
  for (const base of sortedBases) {
    const members = groups.get(base) ?? [];
    // Ties on id (the same paper twice) fall back to input position, the only order left.
    members.sort((a, b) => compareStrings(papers[a]?.id ?? '', papers[b]?.id ?? '') || a - b);
    let next = 0;
    members.forEach((member, rank) => {
      if (rank === 0) {
        keys[member] = base;
        return;
      }
      let candidate = `${base}${suffixAt(next)}`;
      next += 1;
      while (taken.has(candidate)) {
        candidate = `${base}${suffixAt(next)}`;
        next += 1;
      }
      taken.add(candidate);
      keys[member] = candidate;
    });
  }
  return keys;
}
