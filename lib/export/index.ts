/**
 * Exporters for starred papers. Every serialiser is pure and deterministic: same papers in, same
 * string out, in time linear in the number of papers (up to the sort in citation-key dedup).
 */
export { toBibTeX, toBibTeXName, toBibTeXText } from './bibtex';
export { arxivCitationKey, baseCitationKey, toAsciiKeyPart, toCitationKeys } from './citation-keys';
export { toCleanExportPaper, toCleanText } from './clean-text';
export { toCSLJSON, toCslItem, toCslName, toCslTitle, type CslItem, type CslName } from './csl-json';
export { CSV_COLUMNS, CSV_LIST_SEPARATOR, neutraliseFormula, toCSV, type CsvColumn } from './csv';
export {
  absUrlOf,
  arxivDoiOf,
  dateOfArxivId,
  doiOf,
  journalDoiOf,
  toExportPaper,
  type ArxivIdDate,
  type ExportPaper,
  type StoredPaperRecord,
} from './export-paper';
export { EXPORT_FORMATS, exportFileName, exportFormatOf, type ExportFormat, type ExportFormatId } from './formats';
export { JSON_EXPORT_FORMAT, JSON_EXPORT_VERSION, toJSON, type JsonExport, type JsonExportOptions } from './json';
export { UNTAGGED_HEADING, toMarkdown, toMarkdownText } from './markdown';
export { parseAuthorName, type AuthorName, type LiteralName, type PersonName } from './names';
export {
  CITATION_KEY_STYLES,
  includesUserDataByDefault,
  resolveExportOptions,
  type CitationKeyStyle,
  type ExportOptions,
  type ResolvedExportOptions,
} from './options';
export { toRIS, toRISName } from './ris';
