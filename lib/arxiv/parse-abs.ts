/**
 * The abstract page of one paper (arxiv-browse `abs/abs.html` with arxiv-base `base/macros.abs`):
 * title, authors, abstract and a metatable of comments, journal-ref, DOI and subjects.
 */
import { findDoi } from './doi';
import { authorsAndAffiliations, subjectsOf, textOf } from './fields';
import { fieldsOf, toPaper } from './entries';
import { parseArxivId, type ParsedArxivId } from './ids';
import { absUrlOf, toArxivUrl } from './links';
import {
  ABS_ABSTRACT,
  ABS_AUTHORS,
  ABS_COMMENTS,
  ABS_CONTAINERS,
  ABS_DATELINE,
  ABS_DOI,
  ABS_HTML_LINKS,
  ABS_ID_LINK,
  ABS_JOURNAL_REF,
  ABS_META_DOI,
  ABS_META_ID,
  ABS_PDF_LINKS,
  ABS_SUBJECTS,
  ABS_THIS_VERSION_LINK,
  ABS_TITLE,
  firstMatching,
} from './selectors';
import { collapseWhitespace } from './text';
import { paperOfAbsUrl } from './url';
import type { Paper } from './types';

/** `[Submitted on 25 Feb 2026 (v1), last revised 26 Feb 2026 (this version, v2)]`. */
const THIS_VERSION = /this version, v(\d{1,4})\b/;

/** The abs page's main block (`div#abs`), or `undefined` when the page has none. */
export function absBlockOf(doc: Document): Element | undefined {
  return firstMatching(doc, ABS_CONTAINERS);
}

/**
 * Reads the paper of an abs page, or says why it cannot. The id comes from the page ("this
 * version" citation, the citation line, the `citation_arxiv_id` meta tag) and falls back to the
 * URL; the version likewise, then from the dateline.
 */
export function parseAbsPaper(doc: Document, block: Element, url: string | URL): Paper | string {
  const fromUrl = paperOfAbsUrl(url);
  const paper = idOfPage(doc, block) ?? fromUrl;
  // i18n-exempt: parser diagnostic, never shown (see ParseProblem)
  if (!paper) return 'no arXiv id on the page or in its URL';
  const version = paper.version ?? versionOfDateline(block) ?? (fromUrl?.id === paper.id ? fromUrl.version : undefined);
  const titleElement = block.querySelector(ABS_TITLE);
  const authorsElement = block.querySelector(ABS_AUTHORS);
  const abstractElement = block.querySelector(ABS_ABSTRACT);
  const commentsElement = block.querySelector(ABS_COMMENTS);
  const subjectsElement = block.querySelector(ABS_SUBJECTS);
  const { authors, affiliations } = authorsAndAffiliations(authorsElement);
  const journalRef = textOf(block.querySelector(ABS_JOURNAL_REF));
  const doiCell = textOf(block.querySelector(ABS_DOI));
  const metaDoi = doc.querySelector(ABS_META_DOI)?.getAttribute('content') ?? undefined;
  const { primarySubject, subjects } = subjectsOf(subjectsElement);

  return toPaper({
    id: paper.id,
    version,
    title: textOf(titleElement) ?? '',
    authors,
    affiliations,
    abstract: textOf(abstractElement),
    comments: textOf(commentsElement),
    journalRef,
    doi: firstDoi([doiCell, metaDoi, journalRef]),
    primarySubject,
    subjects,
    section: 'abs',
    absUrl: absUrlOf(paper.id, fromUrl?.id === paper.id ? fromUrl.version : undefined),
    pdfUrl: toArxivUrl(firstMatching(doc, ABS_PDF_LINKS)?.getAttribute('href')),
    htmlUrl: toArxivUrl(firstMatching(doc, ABS_HTML_LINKS)?.getAttribute('href')),
    element: {
      head: block,
      nodes: [block],
      fields: fieldsOf({ title: titleElement, authors: authorsElement, abstract: abstractElement, comments: commentsElement, subjects: subjectsElement }),
    },
  });
}

function idOfPage(doc: Document, block: Element): ParsedArxivId | undefined {
  const thisVersion = block.querySelector(ABS_THIS_VERSION_LINK);
  const citation = block.querySelector(ABS_ID_LINK);
  const candidates = [
    thisVersion && collapseWhitespace(thisVersion.textContent ?? ''),
    citation && collapseWhitespace(citation.textContent ?? ''),
    doc.querySelector(ABS_META_ID)?.getAttribute('content'),
  ];
  for (const candidate of candidates) {
    const parsed = candidate ? parseArxivId(candidate) : undefined;
    if (parsed) return parsed;
  }
  return undefined;
}

function versionOfDateline(block: Element): number | undefined {
  const match = THIS_VERSION.exec(block.querySelector(ABS_DATELINE)?.textContent ?? '');
  return match ? Number(match[1]) : undefined;
}

function firstDoi(texts: readonly (string | undefined)[]): string | undefined {
  for (const text of texts) {
    const doi = text === undefined ? undefined : findDoi(text);
    if (doi) return doi;
  }
  return undefined;
}
