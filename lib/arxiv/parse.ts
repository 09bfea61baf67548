/**
 * `parseArxivPage`: one arXiv page's DOM in, plain records out, with a handle on each paper's
 * own nodes so the overlay can decorate, filter and hide entries in place.
 *
 * The parser reads only the document it is given and never changes it. It never throws: an
 * entry it cannot read is reported in `problems` with the reason, and the rest still parse.
 */
import { parseDayDate, parseMonthDate } from './dates';
import { EntryCollector } from './entries';
import { absBlockOf, parseAbsPaper } from './parse-abs';
import { parseListingSections, type EntryMemo } from './parse-listing';
import { parseSearchResults } from './parse-search';
import { ABS_SUBHEADER, ABS_TITLE, LISTING_PAGE, LISTING_PAGING, SEARCH_PAGE_TITLE, SEARCH_RESULT } from './selectors';
import { collapseWhitespace } from './text';
import { archiveOf, pageKindOf } from './url';
import type { ArxivPage, PageKind, Paper, Section } from './types';

export type {
  ArxivId,
  ArxivPage,
  EntryElement,
  PageKind,
  Paper,
  PaperMeta,
  PaperSection,
  ParseProblem,
  Section,
  SectionKind,
  Subject,
} from './types';

/** `Total of 29 entries` (list_macros.page_divs, catchup.html), `[ total of 1234 entries` (list/base.html, classic `<small>`). */
const TOTAL_ENTRIES = /total of\s+([\d,]+)\s+entr/i;
/** `Showing 1–50 of 1,234 results for all: …` (arxiv-search search.html title). */
const TOTAL_RESULTS = /\bof\s+([\d,]+)\s+results?\b/i;

type Body = Omit<ArxivPage, 'kind' | 'archive'>;

/**
 * Parses an arXiv page: its kind and archive (from `url`), heading, date (ISO `YYYY-MM-DD`, or
 * `YYYY-MM`/`YYYY` on month and year archives), total entry count, sections and papers, and the
 * entries it had to skip. The page kind comes from the URL; when the URL is not a known arXiv
 * page the markup decides how to read it. Pure apart from reading `doc`. `memo` holds entries
 * read while the page streamed in (read-ahead.ts), which are not read again.
 *
 * @example
 * const { papers, problems } = parseArxivPage(document, location.href);
 * const ids = papers.map((paper) => paper.id); // ['2602.22290', …]
 */
export function parseArxivPage(doc: Document, url: string | URL, memo?: EntryMemo): ArxivPage {
  const kind = pageKindOf(url);
  const archive = archiveOf(url);
  const page: ArxivPage = { kind, sections: [], papers: [], problems: [] };
  if (archive !== undefined) page.archive = archive;
  try {
    return Object.assign(page, parseBody(doc, kind, url, memo));
  } catch (error) {
    // Nothing below is expected to throw; this keeps the promise to callers if a DOM does.
    // i18n-exempt: parser diagnostic, never shown (see ParseProblem)
    page.problems.push({ index: 0, reason: `page could not be read: ${error instanceof Error ? error.message : String(error)}` });
    return page;
  }
}

function parseBody(doc: Document, kind: PageKind, url: string | URL, memo: EntryMemo | undefined): Body {
  switch (kind) {
    case 'search':
      return parseSearchPage(doc);
    case 'abs':
      return parseAbsPage(doc, url);
    case 'unknown':
      if (doc.querySelector(SEARCH_RESULT)) return parseSearchPage(doc);
      if (absBlockOf(doc)?.querySelector(ABS_TITLE)) return parseAbsPage(doc, url);
      return parseListingPage(doc, kind, memo);
    default:
      return parseListingPage(doc, kind, memo);
  }
}

function parseListingPage(doc: Document, kind: PageKind, memo: EntryMemo | undefined): Body {
  const collector = new EntryCollector();
  const sections = parseListingSections(doc, kind, collector, memo);
  const papers = sections.flatMap((section) => section.papers);
  const info = listingInfo(doc);
  const body: Body = { sections, papers, problems: collector.problems };
  const title = info.title ?? documentTitle(doc);
  if (title) body.title = title;
  const date = listingDate(kind, info, sections);
  if (date) body.date = date;
  if (info.total !== undefined) body.total = info.total;
  return body;
}

interface ListingInfo {
  title?: string;
  headings: string[];
  total?: number;
}

/**
 * One pass over the children of `div#dlpage`: the `<h1>`, the `<h2>`/`<h3>` outside the
 * sections (the /new date, the month heading) and the first "Total of N entries".
 */
function listingInfo(doc: Document): ListingInfo {
  const info: ListingInfo = { headings: [] };
  const page = doc.querySelector(LISTING_PAGE);
  const children = page ? page.children : doc.querySelectorAll(LISTING_PAGING);
  for (const child of children) {
    switch (child.localName) {
      case 'h1':
        info.title ??= collapseWhitespace(child.textContent ?? '');
        break;
      case 'h2':
      case 'h3':
        info.headings.push(collapseWhitespace(child.textContent ?? ''));
        break;
      case 'div':
      case 'small':
        info.total ??= countIn(child.textContent ?? '', TOTAL_ENTRIES);
        break;
    }
  }
  return info;
}

/**
 * /new: `Showing new listings for Friday, 27 February 2026` (classic: `Submissions received from
 * … announced Fri, 27 Feb 26`); catchup: the `<h1>` `Catchup results for … on Fri, 20 Feb 2026`;
 * /recent and /pastweek: the first day heading; month and year archives: `Authors and titles for
 * January 2006`.
 */
function listingDate(kind: PageKind, info: ListingInfo, sections: readonly Section[]): string | undefined {
  const sectionHeadings = sections.map((section) => section.heading);
  switch (kind) {
    case 'recent':
    case 'pastweek':
      return firstOf(sectionHeadings, parseDayDate);
    case 'month':
      return firstOf(info.headings, parseMonthDate) ?? firstOf(info.headings, yearOf);
    case 'catchup':
      return firstOf([info.title ?? '', ...info.headings, ...sectionHeadings], parseDayDate);
    default:
      return firstOf([...info.headings.map(fromAnnouncement), ...sectionHeadings], parseDayDate);
  }
}

/** Classic headings name the submission window first: read only what follows `announced`. */
function fromAnnouncement(heading: string): string {
  const at = heading.toLowerCase().lastIndexOf('announced');
  return at === -1 ? heading : heading.slice(at);
}

/** `Authors and titles for 2006` (year archives). */
function yearOf(text: string): string | undefined {
  return /\bfor\s+(\d{4})\b/.exec(text)?.[1];
}

function firstOf(texts: readonly string[], read: (text: string) => string | undefined): string | undefined {
  for (const text of texts) {
    const value = read(text);
    if (value !== undefined) return value;
  }
  return undefined;
}

function parseSearchPage(doc: Document): Body {
  const collector = new EntryCollector();
  const papers = parseSearchResults(doc, collector);
  const title = collapseWhitespace(doc.querySelector(SEARCH_PAGE_TITLE)?.textContent ?? '') || documentTitle(doc);
  const body: Body = { sections: [{ kind: 'results', heading: title ?? '', papers }], papers, problems: collector.problems };
  if (title) body.title = title;
  const total = countIn(title ?? '', TOTAL_RESULTS);
  if (total !== undefined) body.total = total;
  return body;
}

/** An abs page has one paper and no sections; a missing block or id is its one problem. */
function parseAbsPage(doc: Document, url: string | URL): Body {
  const collector = new EntryCollector();
  const block = absBlockOf(doc);
  const papers: Paper[] = [];
  if (block) {
    const paper = collector.read(() => parseAbsPaper(doc, block, url));
    if (paper) papers.push(paper);
  } else {
    // i18n-exempt: parser diagnostic, never shown (see ParseProblem)
    collector.unreadable('no abstract block (div#abs) on the page');
  }
  const body: Body = { sections: [], papers, problems: collector.problems };
  const title = collapseWhitespace(doc.querySelector(ABS_SUBHEADER)?.textContent ?? '') || documentTitle(doc);
  if (title) body.title = title;
  return body;
}

function countIn(text: string, pattern: RegExp): number | undefined {
  const digits = pattern.exec(text)?.[1];
  return digits === undefined ? undefined : Number(digits.replaceAll(',', ''));
}

function documentTitle(doc: Document): string | undefined {
  return collapseWhitespace(doc.title ?? '') || undefined;
}
