/**
 * CSL-JSON export (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html), the
 * input format of citeproc, pandoc and Zotero. Papers are `type: 'article'` with
 * `genre: 'preprint'`, `publisher: 'arXiv'` and the id as `number` — what Zotero itself writes for
 * its Preprint items, and what makes APA render "(Preprint 2602.22290). arXiv." Item ids are the
 * same citation keys the BibTeX export uses. `DOI` is the journal DOI when arXiv lists one,
 * otherwise arXiv's DataCite DOI `10.48550/arXiv.<id>`. Tags (`keyword`) and the user's note are
 * written only when the user asks for them.
 */
import { toCitationKeys } from './citation-keys';
import { toCleanExportPaper } from './clean-text';
import { absUrlOf, dateOfArxivId, doiOf, toOneLine, type ExportPaper } from './export-paper';
import { parseAuthorName, type AuthorName } from './names';
import { resolveExportOptions, type ExportOptions } from './options';
import { mathSpans } from './tex-math';

export type CslName =
  | { family: string; given?: string; 'non-dropping-particle'?: string; suffix?: string }
  | { literal: string };

export interface CslItem {
  id: string;
  type: 'article';
  title: string;
  author: CslName[];
  issued?: { 'date-parts': [[number, number]] };
  URL: string;
  DOI: string;
  number: string;
  publisher: 'arXiv';
  genre: 'preprint';
  abstract?: string;
  keyword?: string;
  note?: string;
}

/**
 * One author as a CSL name: `{ family, given }`, the particle in `non-dropping-particle` (kept
 * in front of the family name when sorting and printing, as Dutch and most arXiv usage want),
 * and mononyms or groups as `{ literal }`.
 */
export function toCslName(name: AuthorName): CslName {
  if (name.kind === 'literal') return { literal: name.literal };
  return {
    family: name.family,
    ...(name.given !== '' && { given: name.given }),
    ...(name.particle !== undefined && { 'non-dropping-particle': name.particle }),
    ...(name.suffix !== undefined && { suffix: name.suffix }),
  };
}

// A token title-casing would change but must not: lower-case words with a digit (`x86`, `l2`),
// a dot, slash or underscore between letters (`torch.compile`, `x_i`), an upper-case letter after
// a lower-case one (`nanoGPT`, `gRPC`, which sentence-casing styles would lower), or a TeX command.
// One pass over the characters: the equivalent regex backtracked on every word of every title.
function isCodeLike(word: string): boolean {
  let lower = false;
  let digit = false;
  for (let i = 0; i < word.length; i += 1) {
    const c = word.charCodeAt(i);
    if (c === 92 || c === 95) return true; // \ _
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) {
      if (lower) return true;
    } else if (c >= 48 && c <= 57) digit = true;
    else if ((c === 46 || c === 47) && i > 0 && /[a-zA-Z]/.test(word[i - 1] ?? '') && /[a-z]/.test(word[i + 1] ?? '')) return true;
  }
  return lower && digit;
}

// Punctuation around a word that belongs to the sentence, not to the token.
const TOKEN = /^([("'“‘\[]*)(.*?)([)"'”’\],.:;!?]*)$/;

// i18n-exempt: CSL's rich-text markup that keeps a word's case, read by citation processors
const nocase = (text: string): string => `<span class="nocase">${text}</span>`;

function protectWords(text: string): string {
  const words = text.split(' ');
  if (!words.some(isCodeLike)) return text;
  return words
    .map((word) => {
      if (!isCodeLike(word)) return word;
      const [, before = '', core = '', after = ''] = TOKEN.exec(word) ?? [];
      return core !== '' && isCodeLike(core) ? `${before}${nocase(core)}${after}` : word;
    })
    .join(' ');
}

/**
 * A title for CSL processors. Styles that title-case (Chicago, IEEE, pandoc's default) capitalise
 * every lower-case word, TeX included: pandoc's citeproc turns `$\tilde O(D)$` into
 * `$\Tilde O(D)$` and `x86` into `X86`. Math spans and code-like tokens are therefore wrapped in
 * CSL's rich-text `<span class="nocase">…</span>`, which citeproc-js, pandoc and Zotero honour and
 * which leaves the text itself unchanged; converting math to Unicode instead would lose the TeX
 * that math-aware outputs (LaTeX, MathJax in HTML) can still typeset.
 *
 * @example toCslTitle('Faster $\tilde O(D)$ on x86') // → 'Faster <span class="nocase">$\tilde O(D)$</span> on <span class="nocase">x86</span>'
 */
export function toCslTitle(title: string): string {
  const text = toOneLine(title);
  let out = '';
  let at = 0;
  for (const span of mathSpans(text)) {
    out += protectWords(text.slice(at, span.start)) + nocase(text.slice(span.start, span.end));
    at = span.end;
  }
  return out + protectWords(text.slice(at));
}

/**
 * Maps one paper to a CSL item with the given id. `note` carries the user's note and, on its own
 * line, the journal reference (CSL has no field for "published as"; Zotero keeps such extras in
 * `note` too). `keyword` is the tags joined with `, ` as CSL's schema wants one string.
 */
export function toCslItem(paper: ExportPaper, id: string): CslItem {
  const date = dateOfArxivId(paper.id);
  const tags = (paper.tags ?? []).map(toOneLine).filter((t) => t !== '');
  const journalRef = paper.journalRef === undefined ? '' : toOneLine(paper.journalRef);
  const notes = [paper.note?.trim() ?? '', journalRef === '' ? '' : `Journal-ref: ${journalRef}`].filter(
    (n) => n !== '',
  );
  return {
    id,
    type: 'article',
    title: toCslTitle(paper.title),
    author: paper.authors.map((a) => toCslName(parseAuthorName(a))),
    ...(date !== undefined && { issued: { 'date-parts': [[date.year, date.month]] } }),
    URL: absUrlOf(paper),
    DOI: doiOf(paper),
    number: paper.id,
    publisher: 'arXiv',
    genre: 'preprint',
    ...(paper.abstract !== undefined && paper.abstract !== '' && { abstract: paper.abstract }),
    ...(tags.length > 0 && { keyword: tags.join(', ') }),
    ...(notes.length > 0 && { note: notes.join('\n') }),
  };
}

/**
 * Serialises papers as a CSL-JSON array, one item per line, in input order,
 * with ids from `toCitationKeys` in `options.citationKeyStyle`; tags and notes only with
 * `options.includeUserData`.
 */
export function toCSLJSON(papers: readonly ExportPaper[], options: ExportOptions = {}): string {
  const { includeUserData, citationKeyStyle } = resolveExportOptions('csljson', options);
  const clean = papers.map((paper) => toCleanExportPaper(paper, includeUserData, ['comments', 'affiliations', 'subjects']));
  const keys = toCitationKeys(clean, citationKeyStyle);
  if (clean.length === 0) return '[]\n';
  // One item per line: compact JSON.stringify is several times faster than indented output, and
  // the file still diffs and greps item by item.
  const lines = clean.map((paper, i) => `  ${JSON.stringify(toCslItem(paper, keys[i] ?? paper.id))}`);
  return `[\n${lines.join(',\n')}\n]\n`;
}
