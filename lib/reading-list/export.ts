/** Turning reading-list papers into an export file: text, file name and MIME type. */
import { exportFileName, exportFormatOf, toExportPaper, type ExportFormatId } from '@/lib/export';
import type { PaperRecord } from '@/lib/store/db';

export interface ExportFile {
  name: string;
  mime: string;
  text: string;
}

/**
 * Serialises `records` (in the order given) in `format`, with the user's tags, note and star
 * time, named for the local day of `date`.
 *
 * @example toExportFile(records, 'bibtex', new Date(2026, 1, 27)).name // 'arxiv-sift-2026-02-27.bib'
 */
export function toExportFile(records: readonly PaperRecord[], format: ExportFormatId, date: Date): ExportFile {
  const { mime, serialize } = exportFormatOf(format);
  return { name: exportFileName(format, date), mime, text: serialize(records.map(toExportPaper)) };
}
