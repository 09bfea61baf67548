/**
 * RIS export. Reference type `RPRT`: RIS has no preprint type, and of the candidates RPRT is the
 * one both big importers map to a scholarly, numbered work — Zotero imports it as a Report
 * (arXiv as institution `PB`, the id as report number `SN`) and citation-js as CSL `report`.
 * `GEN` becomes a Zotero journal article and a CSL `document`, `ELEC` a web page, and `UNPB` is
 * unknown to Zotero's importer (falls back to journal article).
 *
 * Lines end in CRLF as the RIS specification prescribes; every record ends with `ER  - `.
 * Values are one line each: RIS has no escaping, so a line break in untrusted text (an abstract,
 * a note) could otherwise start a forged `ER`/`TY` record. Paragraph breaks become spaces.
 */
import { absUrlOf, dateOfArxivId, toOneLine, type ExportPaper } from './export-paper';
import { parseAuthorName, type AuthorName } from './names';

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

function record(paper: ExportPaper): string {
  const lines: string[] = [];
  const add = (tag: string, value: string | undefined): void => {
    if (value === undefined) return;
    const line = toOneLine(value);
    if (line !== '') lines.push(`${tag}  - ${line}`);
  };
  add('TY', 'RPRT');
  add('TI', paper.title);
  for (const author of paper.authors) add('AU', toRISName(parseAuthorName(author)));
  const date = dateOfArxivId(paper.id);
  if (date !== undefined) {
    add('PY', String(date.year));
    add('DA', `${date.year}/${String(date.month).padStart(2, '0')}`);
  }
  add('AB', paper.abstract);
  add('PB', 'arXiv');
  add('SN', paper.id);
  add('UR', absUrlOf(paper));
  add('DO', paper.doi);
  for (const tag of paper.tags ?? []) add('KW', tag);
  if (paper.journalRef !== undefined && paper.journalRef.trim() !== '') add('N1', `Journal-ref: ${paper.journalRef}`);
  add('N1', paper.note);
  lines.push('ER  - ');
  return lines.join(EOL) + EOL;
}

/**
 * Serialises papers as an RIS file, one record per paper in input order, separated by a blank
 * line. Returns `''` for no papers.
 *
 * @example toRIS([paper]) // → 'TY  - RPRT\r\nTI  - …\r\nAU  - Ding, Yahao\r\n…\r\nER  - \r\n'
 */
export function toRIS(papers: readonly ExportPaper[]): string {
  return papers.map(record).join(EOL);
}
