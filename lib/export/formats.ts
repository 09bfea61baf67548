/**
 * The table of export formats the UI offers, and the file names downloads get.
 */
import { toBibTeX } from './bibtex';
import { toCSLJSON } from './csl-json';
import { toCSV } from './csv';
import type { ExportPaper } from './export-paper';
import { toJSON } from './json';
import { toMarkdown } from './markdown';
import type { ExportFormatId, ExportOptions } from './options';
import { toRIS } from './ris';

export type { ExportFormatId };

export interface ExportFormat {
  id: ExportFormatId;
  /** Shown in the UI. */
  label: string;
  /** File extension without the dot. */
  extension: string;
  /** For the download `Blob`. */
  mime: string;
  /** Whether the format has citation keys, so the key style applies to it. */
  hasCitationKeys: boolean;
  serialize: (papers: readonly ExportPaper[], options?: ExportOptions) => string;
}

/**
 * Every export format in the order the UI lists them. MIME types: `application/x-bibtex` and
 * `application/x-research-info-systems` are the de-facto types reference managers register;
 * `application/vnd.citationstyles.csl+json` is registered with IANA; `text/markdown` is RFC 7763.
 * The labels are the formats' proper names, which stay the same in every language.
 */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  // i18n-exempt: the format's proper name
  { id: 'bibtex', label: 'BibTeX', extension: 'bib', mime: 'application/x-bibtex', hasCitationKeys: true, serialize: toBibTeX },
  // i18n-exempt: the format's proper name
  { id: 'ris', label: 'RIS', extension: 'ris', mime: 'application/x-research-info-systems', hasCitationKeys: false, serialize: toRIS },
  {
    id: 'csljson',
    // i18n-exempt: the format's proper name
    label: 'CSL-JSON',
    extension: 'json',
    mime: 'application/vnd.citationstyles.csl+json',
    hasCitationKeys: true,
    serialize: toCSLJSON,
  },
  // i18n-exempt: the format's proper name
  { id: 'markdown', label: 'Markdown', extension: 'md', mime: 'text/markdown', hasCitationKeys: false, serialize: toMarkdown },
  // i18n-exempt: the format's proper name
  { id: 'csv', label: 'CSV', extension: 'csv', mime: 'text/csv', hasCitationKeys: false, serialize: toCSV },
  {
    id: 'json',
    // i18n-exempt: the format's proper name
    label: 'JSON',
    extension: 'json',
    mime: 'application/json',
    hasCitationKeys: false,
    // Only the user-data choice: the export time stays out, so the function stays deterministic.
    serialize: (papers, options = {}) => toJSON(papers, { ...(options.includeUserData !== undefined && { includeUserData: options.includeUserData }) }),
  },
];

/** The format with this id. */
export function exportFormatOf(id: ExportFormatId): ExportFormat {
  const format = EXPORT_FORMATS.find((f) => f.id === id);
  // i18n-exempt: a programming error (ids come from this table), never shown to a reader
  if (format === undefined) throw new Error(`Unknown export format: ${id}`);
  return format;
}

/**
 * The download name for an export made at `date`, using the local calendar date (the day the
 * user sees): `arxiv-sift-2026-02-27.bib`. CSL-JSON gets `.csl.json` so it does not share a name
 * with the JSON export of the same day.
 *
 * @example exportFileName('csljson', new Date(2026, 1, 27)) // → 'arxiv-sift-2026-02-27.csl.json'
 */
export function exportFileName(format: ExportFormatId, date: Date): string {
  const day = [
    String(date.getFullYear()).padStart(4, '0'),
    String(date.getMonth() + 1).padStart(2, '0'),
    String(date.getDate()).padStart(2, '0'),
  ].join('-');
  const extension = format === 'csljson' ? 'csl.json' : exportFormatOf(format).extension;
  return `arxiv-sift-${day}.${extension}`;
}
