/**
 * CSV export per RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): CRLF after every record
 * including the last, a header row, fields quoted when they hold `,`, `"`, CR or LF, quotes
 * doubled. The file starts with a UTF-8 byte order mark: without it Excel reads UTF-8 as the
 * local ANSI code page and "Żelasko" arrives as "Å»elasko"; RFC-conforming parsers (papaparse,
 * Python's csv with utf-8-sig, LibreOffice) skip it.
 *
 * Cells a spreadsheet would evaluate as a formula are neutralised with a leading `'` (OWASP
 * "CSV Injection"; ASVS 5.0 §1.2.10): arXiv titles and abstracts are untrusted text.
 */
import { toCleanExportPaper } from './clean-text';
import type { ExportPaper } from './export-paper';
import { resolveExportOptions, type ExportOptions } from './options';

export const CSV_COLUMNS = [
  'id',
  'version',
  'title',
  'authors',
  'abstract',
  'subjects',
  'primary',
  'comments',
  'journal_ref',
  'doi',
  'tags',
  'note',
  'abs_url',
  'pdf_url',
  'starred_at',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** What joins list cells (authors, subject codes, tags). */
export const CSV_LIST_SEPARATOR = '; ';

// OWASP's list (=, +, -, @, tab, CR) plus NUL from ASVS.
const FORMULA_TRIGGER = /^[=+\-@\t\r\0]/;

/**
 * Prefixes `'` to a cell that starts with a formula trigger (`=`, `+`, `-`, `@`, tab, CR, NUL),
 * so spreadsheets show it as text instead of evaluating it.
 *
 * @example neutraliseFormula('=HYPERLINK("http://x")') // → `'=HYPERLINK("http://x")`
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_TRIGGER.test(cell) ? `'${cell}` : cell;
}

/** Quotes a field when RFC 4180 requires it, doubling inner quotes. */
export function quoteCsvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * The unescaped cell values of one paper, keyed by column: lists joined with `; `, subjects as
 * codes (`cs.DC; cs.AI`), `starred_at` as an ISO 8601 UTC timestamp, absent (or invalid) values as `''`.
 */
export function toCsvRow(paper: ExportPaper): Record<CsvColumn, string> {
  return {
    id: paper.id,
    version: paper.version === undefined ? '' : String(paper.version),
    title: paper.title,
    authors: paper.authors.join(CSV_LIST_SEPARATOR),
    abstract: paper.abstract ?? '',
    subjects: paper.subjects.map((s) => s.code).join(CSV_LIST_SEPARATOR),
    primary: paper.primarySubject?.code ?? '',
    comments: paper.comments ?? '',
    journal_ref: paper.journalRef ?? '',
    doi: paper.doi ?? '',
    tags: (paper.tags ?? []).join(CSV_LIST_SEPARATOR),
    note: paper.note ?? '',
    abs_url: paper.absUrl,
    pdf_url: paper.pdfUrl ?? '',
    starred_at: isValidTime(paper.starredAt) ? new Date(paper.starredAt).toISOString() : '',
  };
}

// `toISOString` throws on NaN and on times beyond ±8.64e15 ms.
function isValidTime(ms: number | undefined): ms is number {
  return ms !== undefined && Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;
}

function line(cells: readonly string[]): string {
  return cells.map((cell) => quoteCsvField(neutraliseFormula(cell))).join(',');
}

/**
 * Serialises papers as CSV: BOM, header row, one record per paper in input order, every record
 * ended by CRLF. Columns are `CSV_COLUMNS`; `tags` and `note` stay empty unless
 * `options.includeUserData` (on by default for CSV).
 */
export function toCSV(papers: readonly ExportPaper[], options: ExportOptions = {}): string {
  const { includeUserData } = resolveExportOptions('csv', options);
  const rows = [line(CSV_COLUMNS)];
  for (const paper of papers) {
    const row = toCsvRow(toCleanExportPaper(paper, includeUserData));
    rows.push(line(CSV_COLUMNS.map((column) => row[column])));
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
