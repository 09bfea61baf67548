/** Turning reading-list papers into an export file: text, file name and MIME type. */
import { exportFileName, exportFormatOf, toExportPaper, type ExportFormatId, type ExportOptions } from '@/lib/export';
import { exportOptionsOf, sharedExportPreferences } from '@/lib/export/preferences';
import type { PaperRecord } from '@/lib/store/db';

export interface ExportFile {
  name: string;
  mime: string;
  text: string;
}

/**
 * Serialises `records` (in the order given) in `format`, named for the local day of `date`.
 * `options` default to the user's remembered export choices (see lib/export/preferences.ts), so
 * tags and notes go into the file only when the user asked for them in that format.
 *
 * @example toExportFile(records, 'bibtex', new Date(2026, 1, 27)).name // 'arxiv-sift-2026-02-27.bib'
 */
export function toExportFile(
  records: readonly PaperRecord[],
  format: ExportFormatId,
  date: Date,
  options: ExportOptions = exportOptionsOf(sharedExportPreferences().preferences.value, format),
): ExportFile {
  const { mime, serialize } = exportFormatOf(format);
  return { name: exportFileName(format, date), mime, text: serialize(records.map(toExportPaper), options) };
}
