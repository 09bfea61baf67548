/** The file of an `export.build` request, written in the background where the exporters live. */
import type { TextFile } from '@/lib/platform/save-file';
import type { ExportRequest } from '@/lib/schemas/export-request';
import { toExportPaper } from './export-paper';
import { exportFileName, exportFormatOf } from './formats';

/**
 * The export of `request.papers` (in the order given) in `request.format`, with the reader's tags
 * and notes written only where `request.options` say so, named for the local day of `date`.
 *
 * @example toRequestedExport({ papers: [{ meta, tags: [] }], format: 'bibtex', options: {} }, new Date(2026, 1, 27)).name // 'arxiv-sift-2026-02-27.bib'
 */
export function toRequestedExport(request: ExportRequest, date: Date): TextFile {
  const { mime, serialize } = exportFormatOf(request.format);
  return { name: exportFileName(request.format, date), mime, text: serialize(request.papers.map(toExportPaper), request.options) };
}
