/**
 * Search results (arxiv-search `search-macros.html`, macro `search_results`): one
 * `li.arxiv-result` per paper, in `<ol class="breathe-horizontal">`.
 */
import { findDoi } from './doi';
import { authorsAndAffiliations, textOf } from './fields';
import { EntryCollector, fieldsOf, toPaper } from './entries';
import { parseArxivId, type ParsedArxivId } from './ids';
import { absUrlOf, toArxivUrl, versionOfHtmlUrl } from './links';
import {
  SEARCH_ABSTRACT_FULL,
  SEARCH_ABSTRACT_SHORT,
  SEARCH_AUTHORS,
  SEARCH_COMMENT_LINES,
  SEARCH_DOI_LINK,
  SEARCH_ID_LINE,
  SEARCH_ID_LINE_LINKS,
  SEARCH_LINE_LABEL,
  SEARCH_RESULT,
  SEARCH_SUBJECT_TAGS,
  SEARCH_TITLE,
} from './selectors';
import { parseSubject } from './subjects';
import { collapseWhitespace } from './text';
import { paperOfAbsUrl } from './url';
import type { Paper, Subject } from './types';

/** The "▽ More" / "△ Less" links that toggle the short and full abstract. */
const ABSTRACT_TOGGLE = /[▽△]|^(?:more|less)$/i;

/** Reads every search result of `doc`, in page order. */
export function parseSearchResults(doc: Document, collector: EntryCollector): Paper[] {
  const papers: Paper[] = [];
  for (const result of doc.querySelectorAll(SEARCH_RESULT)) {
    const paper = collector.read(() => parseSearchResult(result));
    if (paper) papers.push(paper);
  }
  return papers;
}

/** Reads one `li.arxiv-result`, or says why it cannot. */
function parseSearchResult(result: Element): Paper | string {
  // i18n-exempt: parser diagnostic, never shown (see ParseProblem)
  if (result.querySelector(SEARCH_RESULT)) return 'unexpected nesting: a result inside the result';
  const idLine = result.querySelector(SEARCH_ID_LINE);
  // i18n-exempt: parser diagnostic, never shown (see ParseProblem)
  if (!idLine) return 'no p.list-title line with the arXiv id';
  const links = [...idLine.querySelectorAll(SEARCH_ID_LINE_LINKS)];
  const [absLink, ...formatLinks] = links;
  const paper = absLink ? idOfResultLink(absLink) : undefined;
  // i18n-exempt: parser diagnostic, never shown (see ParseProblem)
  if (!paper) return `unreadable arXiv id: "${collapseWhitespace(idLine.textContent ?? '').slice(0, 60)}"`;

  const authorsElement = result.querySelector(SEARCH_AUTHORS);
  const titleElement = result.querySelector(SEARCH_TITLE);
  const abstractElement = abstractElementOf(result);
  const { comments, journalRef, commentsElement } = commentLines(result);
  const { authors, affiliations } = authorsAndAffiliations(authorsElement);
  const subjects = subjectTags(result);
  // The tags row holds one `span.tag` per category; the row itself is the subjects field.
  const subjectsElement = result.querySelector(SEARCH_SUBJECT_TAGS)?.parentElement;
  const doiText = collapseWhitespace(result.querySelector(SEARCH_DOI_LINK)?.textContent ?? '');
  const htmlUrl = formatUrl(formatLinks, 'html');

  return toPaper({
    id: paper.id,
    version: paper.version ?? versionOfHtmlUrl(htmlUrl, paper.id),
    title: textOf(titleElement) ?? '',
    authors,
    affiliations,
    abstract: textOf(abstractElement, { omit: isAbstractToggle }),
    comments,
    journalRef,
    doi: findDoi(doiText) ?? (journalRef !== undefined ? findDoi(journalRef) : undefined),
    primarySubject: subjects[0],
    subjects,
    section: 'results',
    absUrl: absUrlOf(paper.id, paper.version),
    pdfUrl: formatUrl(formatLinks, 'pdf'),
    htmlUrl,
    element: {
      head: result,
      nodes: [result],
      fields: fieldsOf({ title: titleElement, authors: authorsElement, abstract: abstractElement, comments: commentsElement, subjects: subjectsElement }),
    },
  });
}

/** `<a href="https://arxiv.org/abs/2602.22290v2">arXiv:2602.22290v2</a>`: text first, then href. */
function idOfResultLink(link: Element): ParsedArxivId | undefined {
  const fromText = parseArxivId(collapseWhitespace(link.textContent ?? ''));
  if (fromText) return fromText;
  const href = link.getAttribute('href');
  return href ? paperOfAbsUrl(href.trim()) : undefined;
}

/** `[<a>pdf</a>, <a>html</a>, <a>other</a>]` after the id, found by their text. */
function formatUrl(links: readonly Element[], format: 'pdf' | 'html'): string | undefined {
  const link = links.find((candidate) => collapseWhitespace(candidate.textContent ?? '').toLowerCase() === format);
  return toArxivUrl(link?.getAttribute('href'));
}

function isAbstractToggle(element: Element): boolean {
  return element.localName === 'a' && ABSTRACT_TOGGLE.test(collapseWhitespace(element.textContent ?? ''));
}

/** The full abstract (read without its "△ Less" toggle), or the short one when no full one is shown. */
function abstractElementOf(result: Element): Element | undefined {
  const full = result.querySelector(SEARCH_ABSTRACT_FULL);
  if (full && textOf(full, { omit: isAbstractToggle }) !== undefined) return full;
  return result.querySelector(SEARCH_ABSTRACT_SHORT) ?? undefined;
}

/**
 * `<p class="comments">` lines start with a plain `<span>` label: `Comments:`, `Journal ref:`
 * (and `Report number:`/`MSC Class:`, not read). The value is the rest of the line.
 */
function commentLines(result: Element): { comments?: string; journalRef?: string; commentsElement?: Element } {
  const lines: { comments?: string; journalRef?: string; commentsElement?: Element } = {};
  for (const line of result.querySelectorAll(SEARCH_COMMENT_LINES)) {
    const label = line.querySelector(SEARCH_LINE_LABEL);
    const name = collapseWhitespace(label?.textContent ?? '').toLowerCase();
    const value = textOf(line, { omit: (element) => element === label });
    if (value === undefined) continue;
    if (name === 'comments:' && lines.comments === undefined) {
      lines.comments = value;
      lines.commentsElement = line;
    }
    if (name === 'journal ref:' && lines.journalRef === undefined) lines.journalRef = value;
  }
  return lines;
}

/** `<span class="tag" data-tooltip="Machine Learning">cs.LG</span>`, primary first. */
function subjectTags(result: Element): Subject[] {
  const subjects: Subject[] = [];
  for (const tag of result.querySelectorAll(SEARCH_SUBJECT_TAGS)) {
    const code = collapseWhitespace(tag.textContent ?? '');
    const name = collapseWhitespace(tag.getAttribute('data-tooltip') ?? '');
    const subject = parseSubject(`${name} (${code})`);
    if (subject && !subjects.some((known) => known.code === subject.code)) subjects.push(subject);
  }
  return subjects;
}
