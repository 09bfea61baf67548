/**
 * RIS export, shaped for Zotero's RIS importer (zotero/translators `RIS.js`) without losing
 * other readers (EndNote, Mendeley, citation-js):
 * - `TY  - RPRT`: RIS has no preprint type and Zotero's importer maps no `TY` to its Preprint
 *   item type. RPRT is a numbered scholarly work everywhere (Zotero: Report; citation-js: CSL
 *   `report`), with `PB` as the institution (`arXiv`) and `SN` as the report number (the id).
 * - `M2` lines land in Zotero's Extra (RIS.js maps `M2` to `extra` for every item type, one line
 *   per tag), and when Zotero saves an imported item it moves `Type:`, `Repository:` and
 *   `Archive ID:` lines of Extra into the real fields (`Zotero.Item#fromJSON` →
 *   `extractExtraFields`; see the no-break space below for why `Archive ID:` needs care). So the item becomes a Preprint with repository `arXiv` and archive ID
 *   `arXiv:<id>`, and `PB`/`SN`, now the same fields' report versions, are dropped as duplicates.
 *   The journal reference stays in Extra as `Journal-ref: …`; `N1` would make it a child note.
 * - `DO` is the journal DOI when there is one, else arXiv's DataCite DOI: one `DO` only, because
 *   Zotero keeps the first and turns a second into a note.
 * - Only when the user asks (`includeUserData`): `KW` per tag and `N1` for the note (a Zotero
 *   child note). Zotero splits a `KW` value on `;` and, when a record has a single `KW`, on
 *   commas too; those characters in a tag are written as their full-width forms (`；`, `，`) so
 *   the tag arrives whole.
 *
 * Lines end in CRLF as the RIS specification prescribes; every record ends with `ER  - `.
 * Values are one line each: RIS has no escaping, so a line break in untrusted text (an abstract,
 * a note) could otherwise start a forged `ER`/`TY` record. Paragraph breaks become spaces, and
 * every character a line-splitting reader treats as a line end was already made a line break
 * by `toCleanText`.
 */
import { toCleanExportPaper } from './clean-text';
import { absUrlOf, dateOfArxivId, doiOf, toOneLine, type ExportPaper } from './export-paper';
import { parseAuthorName, type AuthorName } from './names';
import { resolveExportOptions, type ExportOptions } from './options';

const EOL = '\r\n';

/**
 * One author as RIS wants it: `Last, First` or `Last, First, Suffix`, with the particle kept in
 * front of the family name (`van der Waals, Johannes Diderik`); mononyms stay whole.
 */
export function toRISName(name: AuthorName): string {
  if (name.kind === 'literal') return name.literal;
  const last = name.particle === undefined ? name.family : `${name.particle} ${name.family}`;
  return name.suffix === undefined ? `${last}, ${name.given}` : `${last}, ${name.given}, ${name.suffix}`;
}

/** Appends the lines of one record (each without its line end) to `lines`. */
function record(paper: ExportPaper, lines: string[]): void {
  const add = (tag: string, value: string | undefined): void => {
    if (value === undefined) return;
    const line = toOneLine(value);
    if (line !== '') lines.push(`${tag}  - ${line}`);
  };
  add('TY', 'RPRT');
  add('TI', paper.title);
  for (const author of paper.authors) add('AU', toRISName(parseAuthorName(author)));
  add('AB', paper.abstract);
  const date = dateOfArxivId(paper.id);
  if (date !== undefined) {
    add('DA', `${date.year}/${String(date.month).padStart(2, '0')}`);
    add('PY', String(date.year));
  }
  add('DO', doiOf(paper));
  add('DP', 'arXiv.org');
  add('PB', 'arXiv');
  add('SN', paper.id);
  add('UR', absUrlOf(paper));
  add('M2', 'Type: preprint');
  add('M2', 'Repository: arXiv');
  // A no-break space after the label: Zotero reads `Label: value` lines with a greedy
  // /^([a-z][a-z -_]+):(.+)/i, whose `[ -_]` range spans `:` and letters, so with a plain space
  // the label would run on to "Archive ID: arXiv" and the line would stay in Extra. U+00A0 is
  // outside that range and trimmed off the value, so the label stops where it should.
  // i18n-exempt: RIS tag and the Extra-field label Zotero parses, not prose
  lines.push(`M2  - Archive ID:\u00A0arXiv:${paper.id}`);
  if (paper.journalRef !== undefined && paper.journalRef.trim() !== '') add('M2', `Journal-ref: ${paper.journalRef}`);
  const tags = (paper.tags ?? []).map(toOneLine).filter((t) => t !== '');
  for (const tag of tags) add('KW', toZoteroTag(tag, tags.length === 1));
  add('N1', paper.note);
  lines.push('ER  - ');
}

function toZoteroTag(tag: string, alone: boolean): string {
  const kept = tag.replace(/;/g, '\uFF1B');
  return alone ? kept.replace(/,/g, '\uFF0C') : kept;
}

/**
 * Serialises papers as an RIS file, one record per paper in input order, separated by a blank
 * line; tags and notes only with `options.includeUserData`. Returns `''` for no papers.
 *
 * @example toRIS([paper]) // → 'TY  - RPRT\r\nTI  - …\r\nAU  - Ding, Yahao\r\n…\r\nER  - \r\n'
 */
export function toRIS(papers: readonly ExportPaper[], options: ExportOptions = {}): string {
  const { includeUserData } = resolveExportOptions('ris', options);
  if (papers.length === 0) return '';
  // One array of lines joined once: appending to per-record strings made V8 flatten thousands of
  // string ropes at the end, which cost more than everything else together.
  const lines: string[] = [];
  papers.forEach((paper, i) => {
    if (i > 0) lines.push('');
    record(toCleanExportPaper(paper, includeUserData, ['comments', 'affiliations', 'subjects']), lines);
  });
  return lines.join(EOL) + EOL;
}
