/**
 * CSL-JSON export (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html), the
 * input format of citeproc, pandoc and Zotero. Papers are `type: 'article'` with
 * `genre: 'preprint'`, `publisher: 'arXiv'` and the id as `number` — what Zotero itself writes for
 * its Preprint items, and what makes APA render "(Preprint 2602.22290). arXiv." Item ids are the
 * same citation keys the BibTeX export uses.
 */
import { toCitationKeys } from './citation-keys';
import { absUrlOf, dateOfArxivId, toOneLine, type ExportPaper } from './export-paper';
import { parseAuthorName, type AuthorName } from './names';

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
  DOI?: string;
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
    title: toOneLine(paper.title),
    author: paper.authors.map((a) => toCslName(parseAuthorName(a))),
    ...(date !== undefined && { issued: { 'date-parts': [[date.year, date.month]] } }),
    URL: absUrlOf(paper),
    ...(paper.doi !== undefined && paper.doi.trim() !== '' && { DOI: paper.doi.trim() }),
    number: paper.id,
    publisher: 'arXiv',
    genre: 'preprint',
    ...(paper.abstract !== undefined && paper.abstract !== '' && { abstract: paper.abstract }),
    ...(tags.length > 0 && { keyword: tags.join(', ') }),
    ...(notes.length > 0 && { note: notes.join('\n') }),
  };
}

/**
 * Serialises papers as a CSL-JSON array (two-space indented, trailing newline), in input order,
 * with ids from `toCitationKeys`.
 */
export function toCSLJSON(papers: readonly ExportPaper[]): string {
  const keys = toCitationKeys(papers);
  const items = papers.map((paper, i) => toCslItem(paper, keys[i] ?? paper.id));
  return `${JSON.stringify(items, null, 2)}\n`;
}
