/**
 * Citation keys shared by the BibTeX and CSL-JSON exports, so a document can switch between the
 * two files without touching its `\cite{…}` commands.
 *
 * Two styles. The default, `short`, is `<first author's surname><year><first significant title
 * word>`, ASCII-folded and lower-cased (`ding2026energy`), the shape Google Scholar uses. `arxiv`
 * is the key arXiv's own "Export BibTeX citation" writes (`rashid2026dialdecentralizedioautotuning`),
 * for readers who mix Sift's entries with entries copied from arXiv (see `arxivCitationKey`).
 * In both styles collisions get `a`, `b`, … suffixes (Better BibTeX's convention); who gets the bare key and
 * who gets which suffix is decided by arXiv id, never by input order, so re-exporting a shuffled
 * or filtered list gives each paper the same key whenever its collision group is unchanged.
 */
import { dateOfArxivId, type ExportPaper } from './export-paper';
import { familyWithParticle, parseAuthorName } from './names';
import type { CitationKeyStyle } from './options';

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
  if (/^[\x00-\x7F]*$/.test(text)) return text.toLowerCase().replace(/[^a-z0-9]/g, '');
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
  const stripped = title.replace(/\\[a-zA-Z]+/g, ' ');
  // The ASCII split is the same split for ASCII titles, without a slow Unicode-property regex.
  const words = /^[\x00-\x7F]*$/.test(stripped) ? stripped.split(/[^A-Za-z0-9]+/) : stripped.split(/[^\p{L}\p{N}]+/u);
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

// The stop words arXiv drops from titles when it makes keys (arxiv-browse,
// browse/formatting/cite.py: the Glasgow IR group's English list, as in scikit-learn).
const ARXIV_STOP_WORDS = new Set(
  (
    'a about above across after afterwards again against all almost alone along already also ' +
    'although always am among amongst amoungst amount an and another any anyhow anyone anything ' +
    'anyway anywhere are around as at back be became because become becomes becoming been before ' +
    'beforehand behind being below beside besides between beyond bill both bottom but by call can ' +
    'cannot cant co con could couldnt cry de describe detail do done down due during each eg ' +
    'eight either eleven else elsewhere empty enough etc even ever every everyone everything ' +
    'everywhere except few fifteen fify fill find fire first five for former formerly forty found ' +
    'four from front full further get give go had has hasnt have he hence her here hereafter ' +
    'hereby herein hereupon hers herself him himself his how however hundred ie if in inc indeed ' +
    'interest into is it its itself keep last latter latterly least less ltd made many may me ' +
    'meanwhile might mill mine more moreover most mostly move much must my myself name namely ' +
    'neither never nevertheless next nine no nobody none noone nor not nothing now nowhere of off ' +
    'often on once one only onto or other others otherwise our ours ourselves out over own part ' +
    'per perhaps please put rather re same see seem seemed seeming seems serious several she ' +
    'should show side since sincere six sixty so some somehow someone something sometime ' +
    'sometimes somewhere still such system take ten than that the their them themselves then ' +
    'thence there thereafter thereby therefore therein thereupon these they thickv thin third ' +
    'this those though three through throughout thru thus to together too top toward towards ' +
    'twelve twenty two un under until up upon us very via was we well were what whatever when ' +
    'whence whenever where whereafter whereas whereby wherein whereupon wherever whether which ' +
    'while whither who whoever whole whom whose why will with within without would yet you your ' +
    'yours yourself yourselves'
  ).split(' '),
);

// arXiv's author parser (arxiv-base, arxiv/authors: PREFIX_MATCH) keeps these words, in any
// case, with the family name.
const ARXIV_PREFIX = 'van|der|de|la|von|del|della|da|mac|ter|dem|di|vaziri';
const ARXIV_KEYNAME_PATTERNS = [
  new RegExp(`^.*\\s+((?:${ARXIV_PREFIX})\\s(?:${ARXIV_PREFIX})\\s\\S+)$`, 'i'),
  new RegExp(`^.*\\s+((?:${ARXIV_PREFIX})\\s\\S+)$`, 'i'),
  /^.*\s+(\S+)\s(?:I|II|III|IV|V|Sr|Jr|Sr\.|Jr\.)$/i,
  /^.*\s+(\S+)$/,
];
const ARXIV_COLLABORATION = /([a-z0-9\s]+\s+(?:collaboration|group|team))/i;

/** The surname arXiv's author parser picks for a display name: `van der Waals`, `Beethoven` for "Ludwig van Beethoven Jr.". */
function arxivKeyname(author: string): string {
  const name = author.replace(/\s+/g, ' ').trim();
  const collaboration = ARXIV_COLLABORATION.exec(name);
  if (collaboration) return collaboration[1] ?? name;
  for (const pattern of ARXIV_KEYNAME_PATTERNS) {
    const match = pattern.exec(name);
    if (match) return match[1] ?? name;
  }
  return name;
}

/**
 * The key arXiv's "Export BibTeX citation" gives a paper: the first author's surname, the year,
 * and the first four title words that are not stop words (split on single spaces, compared with
 * punctuation attached, as arXiv does), keeping only letters and digits of any script, lower-cased.
 * arXiv takes the year of the latest version; Sift knows only the id's year, so a paper revised
 * in a later year gets the year it was first submitted.
 *
 * @example arxivCitationKey(dial) // → 'rashid2026dialdecentralizedioautotuning'
 */
export function arxivCitationKey(paper: ExportPaper): string {
  const firstAuthor = paper.authors[0];
  const surname = firstAuthor === undefined ? 'unknown' : arxivKeyname(firstAuthor);
  const year = dateOfArxivId(paper.id)?.year ?? 'unknown';
  const words = paper.title
    .split(' ')
    .filter((word) => !ARXIV_STOP_WORDS.has(word.toLowerCase()))
    .slice(0, 4)
    .join('');
  return `${surname}${year}${words}`.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
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
 * base key. `style` picks the base keys (`short` by default, or arXiv's). Runs in O(n log n).
 *
 * @example toCitationKeys([p2602_22409, p2602_22392]) // → ['rashid2026adaptbf', 'rashid2026dial']
 */
export function toCitationKeys(papers: readonly ExportPaper[], style: CitationKeyStyle = 'short'): string[] {
  const bases = papers.map(style === 'arxiv' ? arxivCitationKey : baseCitationKey);
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
