/**
 * The record every exporter reads: what the page said about a paper (`PaperMeta`) plus what the
 * user added to it (tags, a note, when it was starred), and the facts derived from it that more
 * than one format needs (the submission year and month encoded in the arXiv id).
 */
import type { PaperMeta } from '../arxiv/types';

/** A paper as the exporters see it: page metadata plus the user's tags, note and star time. */
export interface ExportPaper extends PaperMeta {
  tags?: string[];
  note?: string;
  /** Epoch milliseconds. */
  starredAt?: number;
}

/** The shape of a stored record that `toExportPaper` accepts (see lib/store). */
export interface StoredPaperRecord {
  meta: PaperMeta;
  tags: string[];
  note?: string;
  starredAt?: number;
}

/**
 * Converts a stored record into an `ExportPaper`. The result is a fresh object with only the
 * known fields, in one fixed key order, and without `undefined` values — so a `Paper` passed as
 * `meta` by mistake does not drag its DOM nodes along, and JSON output does not depend on the
 * order in which fields happened to be assigned.
 *
 * @example toExportPaper({ meta, tags: ['to-read'] }) // → { id, title, …, tags: ['to-read'] }
 */
export function toExportPaper(record: StoredPaperRecord): ExportPaper {
  return orderedExportPaper({
    ...record.meta,
    tags: record.tags,
    note: record.note,
    starredAt: record.starredAt,
  });
}

/**
 * Copies `paper` field by field in the canonical order (PaperMeta's declaration order, then the
 * user's fields), dropping absent optional fields and copying arrays so callers cannot alias them.
 */
export function orderedExportPaper(paper: ExportPaper): ExportPaper {
  const out: ExportPaper = {
    id: paper.id,
    ...(paper.version !== undefined && { version: paper.version }),
    title: paper.title,
    authors: [...paper.authors],
    ...(paper.affiliations !== undefined && { affiliations: [...paper.affiliations] }),
    ...(paper.abstract !== undefined && { abstract: paper.abstract }),
    ...(paper.comments !== undefined && { comments: paper.comments }),
    ...(paper.journalRef !== undefined && { journalRef: paper.journalRef }),
    ...(paper.doi !== undefined && { doi: paper.doi }),
    ...(paper.primarySubject !== undefined && {
      primarySubject: { name: paper.primarySubject.name, code: paper.primarySubject.code },
    }),
    subjects: paper.subjects.map((s) => ({ name: s.name, code: s.code })),
    section: paper.section,
    absUrl: paper.absUrl,
    ...(paper.pdfUrl !== undefined && { pdfUrl: paper.pdfUrl }),
    ...(paper.htmlUrl !== undefined && { htmlUrl: paper.htmlUrl }),
    ...(paper.tags !== undefined && { tags: [...paper.tags] }),
    ...(paper.note !== undefined && { note: paper.note }),
    ...(paper.starredAt !== undefined && { starredAt: paper.starredAt }),
  };
  return out;
}

/** One reading of arXiv ids for every format: `lib/arxiv/ids.ts`. */
export { dateOfArxivId, type ArxivIdDate } from '@/lib/arxiv/ids';

// Whitespace that is not a single plain space: what `toOneLine` has to rewrite. Replacing only
// these (not every space with a space) keeps a 10,000-abstract export from copying each abstract.
const UNTIDY_SPACE = /\s{2,}|[^\S ]/g;
const OTHER_SPACE = /[^\S ]/;

/** Collapses runs of whitespace (including line breaks) to one space and trims. */
export function toOneLine(text: string): string {
  // indexOf and a one-class test are much cheaper than the replace's alternation on long text.
  if (text.indexOf('  ') === -1 && !OTHER_SPACE.test(text)) return text.trim();
  return text.replace(UNTIDY_SPACE, ' ').trim();
}

/**
 * The paper's abstract-page URL if it is an http(s) URL, otherwise the canonical
 * `https://arxiv.org/abs/<id>`. Citation files end up as clickable links in PDFs and reference
 * managers, so a stored value like `javascript:…` must never reach them.
 */
export function absUrlOf(paper: ExportPaper): string {
  const url = paper.absUrl.trim();
  return /^https?:\/\/[^\s]+$/i.test(url) ? url : `https://arxiv.org/abs/${paper.id}`;
}

/** `%XX` for one ASCII character: `)` → `%29`, space → `%20`. */
export function toPercentEscape(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

// https://www.crossref.org/blog/dois-and-matching-regular-expressions/ — the pattern that
// matches 99.3% of registered DOIs.
const DOI = /^10\.\d{4,9}\/[-._;()/:a-z0-9<>[\]]+$/i;

/**
 * The journal DOI arXiv lists for the paper, when it lists a well-formed one (arXiv allows
 * several, space-separated; the first valid one wins), else `undefined`.
 */
export function journalDoiOf(paper: ExportPaper): string | undefined {
  if (paper.doi === undefined) return undefined;
  return paper.doi
    .split(/[\s,]+/)
    .map((doi) => doi.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/i, ''))
    .find((doi) => DOI.test(doi));
}

/**
 * The DataCite DOI arXiv registers for every paper, shown on its abstract page:
 * `10.48550/arXiv.2602.22290`, `10.48550/arXiv.math/0703845`.
 */
export function arxivDoiOf(paper: ExportPaper): string {
  return `10.48550/arXiv.${paper.id}`;
}

/**
 * The one DOI a citation should carry: the journal's when there is one (that is the version of
 * record), otherwise arXiv's DataCite DOI. Reference managers deduplicate and resolve by it.
 */
export function doiOf(paper: ExportPaper): string {
  return journalDoiOf(paper) ?? arxivDoiOf(paper);
}
