/**
 * What the user chooses per export: whether their tags and notes go into the file, and which
 * citation-key style BibTeX and CSL-JSON use. The defaults keep private data in the browser
 * for the formats people share: a `.bib`, `.ris` or CSL-JSON file usually goes to co-authors or
 * into a shared reference library, while the Markdown, CSV and JSON lists are the reader's own.
 */
/** The six export formats, by id. */
export type ExportFormatId = 'bibtex' | 'ris' | 'csljson' | 'markdown' | 'csv' | 'json';

/**
 * `short`: Sift's stable `<surname><year><first title word>` (`ding2026energy`).
 * `arxiv`: the key arXiv's "Export BibTeX citation" writes (`rashid2026dialdecentralizedioautotuning`).
 */
export type CitationKeyStyle = 'short' | 'arxiv';

export const CITATION_KEY_STYLES: readonly CitationKeyStyle[] = ['short', 'arxiv'];

export interface ExportOptions {
  /** Write the user's tags and note; the format's default when absent (see `includesUserDataByDefault`). */
  includeUserData?: boolean;
  /** `short` when absent. */
  citationKeyStyle?: CitationKeyStyle;
}

export type ResolvedExportOptions = Required<ExportOptions>;

const USER_DATA_BY_DEFAULT: Readonly<Record<ExportFormatId, boolean>> = {
  bibtex: false,
  ris: false,
  csljson: false,
  markdown: true,
  csv: true,
  json: true,
};

/** Whether `format` carries tags and notes when the user has not said otherwise. */
export function includesUserDataByDefault(format: ExportFormatId): boolean {
  return USER_DATA_BY_DEFAULT[format];
}

/** `options` with every absent choice filled in with `format`'s default. */
export function resolveExportOptions(format: ExportFormatId, options: ExportOptions): ResolvedExportOptions {
  return {
    includeUserData: options.includeUserData ?? USER_DATA_BY_DEFAULT[format],
    citationKeyStyle: options.citationKeyStyle ?? 'short',
  };
}
