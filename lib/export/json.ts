/**
 * The extension's own JSON export: every field of every paper, for backups and for tools that
 * want more than a citation format carries.
 *
 *     { "format": "arxiv-sift-papers", "version": 1, "papers": [ … ] }
 */
import { toCleanExportPaper } from './clean-text';
import type { ExportPaper } from './export-paper';
import { resolveExportOptions, type ExportOptions } from './options';

export const JSON_EXPORT_FORMAT = 'arxiv-sift-papers';
export const JSON_EXPORT_VERSION = 1;

export interface JsonExport {
  format: typeof JSON_EXPORT_FORMAT;
  version: typeof JSON_EXPORT_VERSION;
  /** ISO 8601; present only when the caller passes it, so the function stays deterministic. */
  exportedAt?: string;
  papers: ExportPaper[];
}

export interface JsonExportOptions extends ExportOptions {
  exportedAt?: Date;
}

/**
 * Serialises papers as a `JsonExport` document, two-space indented with a trailing newline.
 * Keys come in one fixed order (document keys as in `JsonExport`, paper keys as in
 * `orderedExportPaper`, which `toCleanExportPaper` follows), so the same papers always give the
 * same bytes. Tags and notes are included unless `options.includeUserData` is false.
 *
 * @example toJSON([], { exportedAt: new Date(0) })
 *   // → '{\n  "format": "arxiv-sift-papers",\n  "version": 1,\n  "exportedAt": "1970-01-01T00:00:00.000Z",\n  "papers": []\n}\n'
 */
export function toJSON(papers: readonly ExportPaper[], options: JsonExportOptions = {}): string {
  const { includeUserData } = resolveExportOptions('json', options);
  const doc: JsonExport = {
    format: JSON_EXPORT_FORMAT,
    version: JSON_EXPORT_VERSION,
    ...(options.exportedAt !== undefined && { exportedAt: options.exportedAt.toISOString() }),
    // toCleanExportPaper writes the keys in orderedExportPaper's order, so its copy is enough.
    papers: papers.map((paper) => toCleanExportPaper(paper, includeUserData)),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
