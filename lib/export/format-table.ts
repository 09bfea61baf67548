/**
 * The export formats as the UI lists them and downloads name them, without their serialisers: a
 * listing shows this menu, while the files themselves are written in the background
 * (`export.build`, see formats.ts and listing-export.ts), so the content script carries no exporter.
 */
import type { ExportFormatId } from './options';

export interface ExportFormatInfo {
  id: ExportFormatId;
  /** Shown in the UI. */
  label: string;
  /** File extension without the dot. */
  extension: string;
  /** For the download `Blob`. */
  mime: string;
  /** Whether the format has citation keys, so the key style applies to it. */
  hasCitationKeys: boolean;
}

/**
 * Every export format in the order the UI lists them. MIME types: `application/x-bibtex` and
 * `application/x-research-info-systems` are the de-facto types reference managers register;
 * `application/vnd.citationstyles.csl+json` is registered with IANA; `text/markdown` is RFC 7763.
 * The labels are the formats' proper names, which stay the same in every language.
 */
export const EXPORT_FORMAT_TABLE: readonly ExportFormatInfo[] = [
  // i18n-exempt: the format's proper name
  { id: 'bibtex', label: 'BibTeX', extension: 'bib', mime: 'application/x-bibtex', hasCitationKeys: true },
  // i18n-exempt: the format's proper name
  { id: 'ris', label: 'RIS', extension: 'ris', mime: 'application/x-research-info-systems', hasCitationKeys: false },
  // i18n-exempt: the format's proper name
  { id: 'csljson', label: 'CSL-JSON', extension: 'json', mime: 'application/vnd.citationstyles.csl+json', hasCitationKeys: true },
  // i18n-exempt: the format's proper name
  { id: 'markdown', label: 'Markdown', extension: 'md', mime: 'text/markdown', hasCitationKeys: false },
  // i18n-exempt: the format's proper name
  { id: 'csv', label: 'CSV', extension: 'csv', mime: 'text/csv', hasCitationKeys: false },
  // i18n-exempt: the format's proper name
  { id: 'json', label: 'JSON', extension: 'json', mime: 'application/json', hasCitationKeys: false },
];

/** The ids of {@link EXPORT_FORMAT_TABLE}, in order, for schemas. */
export const EXPORT_FORMAT_IDS = ['bibtex', 'ris', 'csljson', 'markdown', 'csv', 'json'] as const satisfies readonly ExportFormatId[];

/** The table row of format `id`. */
export function formatInfoOf(id: ExportFormatId): ExportFormatInfo {
  const format = EXPORT_FORMAT_TABLE.find((f) => f.id === id);
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
  const extension = format === 'csljson' ? 'csl.json' : formatInfoOf(format).extension;
  return `arxiv-sift-${day}.${extension}`;
}
