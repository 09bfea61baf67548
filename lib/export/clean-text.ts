/**
 * The exporters' input boundary: text from arXiv pages and from the user is normalised once,
 * here, before any format sees it, so no serialiser has to know about invisible characters.
 *
 * Why each class goes:
 * - C0/C1 controls (NUL, ESC, U+0085 NEL, U+001C–U+001E …): pdflatex stops on them, and readers
 *   that split lines the way Python's `str.splitlines` does treat NEL, U+001C–U+001E, VT, FF,
 *   U+2028 and U+2029 as line ends — in RIS that would start a forged `TY`/`ER` line. Those become
 *   a real line break (each format then decides what a break means); the rest are dropped.
 * - Bidi controls (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069): they reorder what a reader
 *   sees without changing what a tool reads ("Trojan Source", CVE-2021-42574), and pdflatex has no
 *   definition for them.
 * - Zero-width and invisible characters (U+200B–U+200D, U+2060–U+2064, U+FEFF, U+180E, the
 *   U+E0000 tag block, U+FFF9–U+FFFB): invisible in every viewer, undefined in pdflatex, and a
 *   way to make two equal-looking titles differ.
 * - Unusual spaces (U+2000–U+200A, U+202F, U+205F, U+3000, U+1680) become a plain space: LaTeX's
 *   UTF-8 input has no definition for most of them.
 * Text is also composed to NFC, so `Z` + combining dot arrives as the one letter `Ż` that LaTeX's
 * UTF-8 input and BibTeX's name handling know.
 */
import type { ExportPaper } from './export-paper';

const LINE_BREAKS = /\r\n|[\r\v\f\u001C-\u001E\u0085\u2028\u2029]/g;
const DROPPED =
  /[\u0000-\u0008\u000E-\u001B\u001F\u007F-\u0084\u0086-\u009F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB]|\uDB40[\uDC00-\uDC7F]/g;
const ODD_SPACES = /[\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
// Printable ASCII, tab and LF: text made only of these needs no work (most arXiv metadata).
const PLAIN = /^[\t\n\x20-\x7E]*$/;
// Any character one of the three rewrites touches; one scan decides whether they run at all.
const UNCLEAN =
  /[\r\v\f\u0000-\u0008\u000E-\u001F\u007F-\u009F\u061C\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F-\u2064\u2066-\u2069\u3000\uFEFF\uFFF9-\uFFFB]|\uDB40[\uDC00-\uDC7F]/;

/**
 * Normalises one string for export: NFC, line-break look-alikes to `\n`, controls, bidi and
 * zero-width characters removed, unusual spaces to U+0020.
 *
 * @example toCleanText('Title\u202E\u200B with\u0085NEL') // → 'Title with\nNEL'
 */
export function toCleanText(text: string): string {
  if (PLAIN.test(text)) return text;
  const composed = text.normalize('NFC');
  if (!UNCLEAN.test(composed)) return composed;
  return composed.replace(LINE_BREAKS, '\n').replace(DROPPED, '').replace(ODD_SPACES, ' ');
}

const cleanList = (items: readonly string[]): string[] => items.map(toCleanText);

/** The text fields of a paper that `toCleanExportPaper` can leave out (`subjects` becomes `[]`). */
export type OptionalTextField = 'abstract' | 'comments' | 'affiliations' | 'subjects';

/**
 * The paper every serialiser reads: every text field passed through `toCleanText`, and the
 * user's tags and note kept only when `includeUserData` is true (so they leave the browser only
 * when the user asked for them). Fields named in `omit` are left out instead of cleaned, for
 * formats that never write them (BibTeX writes no abstract). The input is not modified.
 */
export function toCleanExportPaper(
  paper: ExportPaper,
  includeUserData: boolean,
  omit: readonly OptionalTextField[] = [],
): ExportPaper {
  // Keys in the canonical order of `orderedExportPaper`, so the JSON export needs no second copy.
  // Filled field by field below; every required field is assigned before the function returns.
  const clean = { id: paper.id } as ExportPaper;
  if (paper.version !== undefined) clean.version = paper.version;
  clean.title = toCleanText(paper.title);
  clean.authors = cleanList(paper.authors);
  if (paper.affiliations !== undefined && !omit.includes('affiliations')) clean.affiliations = cleanList(paper.affiliations);
  if (paper.abstract !== undefined && !omit.includes('abstract')) clean.abstract = toCleanText(paper.abstract);
  if (paper.comments !== undefined && !omit.includes('comments')) clean.comments = toCleanText(paper.comments);
  if (paper.journalRef !== undefined) clean.journalRef = toCleanText(paper.journalRef);
  if (paper.doi !== undefined) clean.doi = toCleanText(paper.doi);
  if (paper.primarySubject !== undefined) {
    clean.primarySubject = { name: toCleanText(paper.primarySubject.name), code: toCleanText(paper.primarySubject.code) };
  }
  clean.subjects = omit.includes('subjects') ? [] : paper.subjects.map((s) => ({ name: toCleanText(s.name), code: toCleanText(s.code) }));
  clean.section = paper.section;
  clean.absUrl = paper.absUrl;
  if (paper.pdfUrl !== undefined) clean.pdfUrl = paper.pdfUrl;
  if (paper.htmlUrl !== undefined) clean.htmlUrl = paper.htmlUrl;
  if (includeUserData) {
    if (paper.tags !== undefined) clean.tags = cleanList(paper.tags);
    if (paper.note !== undefined) clean.note = toCleanText(paper.note);
  }
  if (paper.starredAt !== undefined) clean.starredAt = paper.starredAt;
  return clean;
}
