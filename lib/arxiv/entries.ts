/**
 * Bookkeeping shared by the page parsers: numbering entries, turning unreadable ones into
 * problems, and assembling `Paper` records without empty optional fields.
 */
import type { EntryElement, EntryFields, Paper, PaperMeta, ParseProblem } from './types';

/**
 * Hands out entry positions in page order and records why an entry was skipped. One bad entry
 * never stops the others: a returned reason or a thrown error becomes a problem.
 */
export class EntryCollector {
  readonly problems: ParseProblem[] = [];
  private count = 0;

  /** Reads the next entry; returns the paper, or `undefined` after recording the problem. */
  read(readEntry: () => Paper | string): Paper | undefined {
    const index = this.count;
    this.count += 1;
    try {
      const result = readEntry();
      if (typeof result !== 'string') return result;
      this.problems.push({ index, reason: result });
    } catch (error) {
      // i18n-exempt: parser diagnostic, never shown (see ParseProblem)
      this.problems.push({ index, reason: `unreadable entry: ${error instanceof Error ? error.message : String(error)}` });
    }
    return undefined;
  }

  /** Records an entry that cannot be read at all (a `<dt>` without its `<dd>`, …). */
  unreadable(reason: string): void {
    this.problems.push({ index: this.count, reason });
    this.count += 1;
  }
}

type Optional<T> = { [K in keyof T]?: T[K] | undefined };

export type PaperFields = Pick<PaperMeta, 'id' | 'title' | 'authors' | 'subjects' | 'section' | 'absUrl'> &
  Optional<Omit<PaperMeta, 'id' | 'title' | 'authors' | 'subjects' | 'section' | 'absUrl'>> & {
    element: EntryElement;
  };

/** Builds a `Paper`, leaving out optional fields that are absent or empty. */
export function toPaper(fields: PaperFields): Paper {
  const paper: Paper = {
    id: fields.id,
    title: fields.title,
    authors: fields.authors,
    subjects: fields.subjects,
    section: fields.section,
    absUrl: fields.absUrl,
    element: fields.element,
  };
  if (fields.version !== undefined) paper.version = fields.version;
  if (fields.affiliations && fields.affiliations.length > 0) paper.affiliations = fields.affiliations;
  if (fields.abstract) paper.abstract = fields.abstract;
  if (fields.comments) paper.comments = fields.comments;
  if (fields.journalRef) paper.journalRef = fields.journalRef;
  if (fields.doi) paper.doi = fields.doi;
  if (fields.primarySubject) paper.primarySubject = fields.primarySubject;
  if (fields.pdfUrl) paper.pdfUrl = fields.pdfUrl;
  if (fields.htmlUrl) paper.htmlUrl = fields.htmlUrl;
  return paper;
}

/**
 * The field elements an entry's parser read, without the ones the entry lacks, so highlighting
 * matches exactly the nodes the parser took each field from, on every page kind.
 */
export function fieldsOf(found: { [K in keyof EntryFields]: Element | null | undefined }): EntryFields {
  const fields: EntryFields = {};
  for (const [name, element] of Object.entries(found) as [keyof EntryFields, Element | null | undefined][]) {
    if (element) fields[name] = element;
  }
  return fields;
}
