/**
 * The export formats with their serialisers, for the background and the extension pages (the
 * table alone, for menus and file names, is format-table.ts).
 */
import { toBibTeX } from './bibtex';
import { toCSLJSON } from './csl-json';
import { toCSV } from './csv';
import type { ExportPaper } from './export-paper';
import { EXPORT_FORMAT_TABLE, exportFileName, type ExportFormatInfo } from './format-table';
import { toJSON } from './json';
import { toMarkdown } from './markdown';
import type { ExportFormatId, ExportOptions } from './options';
import { toRIS } from './ris';

export type { ExportFormatId };
export { exportFileName };

export interface ExportFormat extends ExportFormatInfo {
  serialize: (papers: readonly ExportPaper[], options?: ExportOptions) => string;
}

const SERIALIZERS: Readonly<Record<ExportFormatId, ExportFormat['serialize']>> = {
  bibtex: toBibTeX,
  ris: toRIS,
  csljson: toCSLJSON,
  markdown: toMarkdown,
  csv: toCSV,
  // Only the user-data choice: the export time stays out, so the function stays deterministic.
  json: (papers, options = {}) => toJSON(papers, { ...(options.includeUserData !== undefined && { includeUserData: options.includeUserData }) }),
};

/** Every export format in the order the UI lists them (see `EXPORT_FORMAT_TABLE`), with its serialiser. */
export const EXPORT_FORMATS: readonly ExportFormat[] = EXPORT_FORMAT_TABLE.map((info) => ({ ...info, serialize: SERIALIZERS[info.id] }));

/** The format with this id. */
export function exportFormatOf(id: ExportFormatId): ExportFormat {
  const format = EXPORT_FORMATS.find((f) => f.id === id);
  // i18n-exempt: a programming error (ids come from this table), never shown to a reader
  if (format === undefined) throw new Error(`Unknown export format: ${id}`);
  return format;
}
