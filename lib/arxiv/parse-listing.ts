/**
 * Listing pages (/new, /recent, /pastweek, month and year archives, catchup): sections of
 * `dt`/`dd` pairs, markup from arxiv-browse `list_macros.html` (or classic arXiv, see selectors).
 *
 * Speed: each section's children are walked once and every query is scoped to one entry, and
 * entries read while the page streamed in (read-ahead.ts) are taken from an {@link EntryMemo}
 * instead of read again.
 */
import { authorsAndAffiliations, subjectsOf, textOf } from './fields';
import { findDoi } from './doi';
import { EntryCollector, fieldsOf, toPaper } from './entries';
import { parseArxivId, type ParsedArxivId } from './ids';
import { absUrlOf, toArxivUrl, versionOfHtmlUrl } from './links';
import {
  ENTRY_ABSTRACT,
  ENTRY_ABS_LINKS,
  ENTRY_AUTHORS,
  ENTRY_COMMENTS,
  ENTRY_DOI,
  ENTRY_HTML_LINKS,
  ENTRY_JOURNAL_REF,
  ENTRY_NESTED_LIST,
  ENTRY_PDF_LINKS,
  ENTRY_SUBJECTS,
  ENTRY_TITLE,
  LISTING_CONTAINERS,
  firstMatching,
} from './selectors';
import { collapseWhitespace } from './text';
import { paperOfAbsUrl } from './url';
import type { PageKind, Paper, PaperSection, Section, SectionKind } from './types';

/** Day headings of /recent and /pastweek: `Fri, 27 Feb 2026 (showing 11 of 11 entries )`. */
const DAY_HEADING = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,/i;
/**
 * What an href must hold to spell a version (`v2` in `/abs/2602.22290v2`): a `v` and a digit, with
 * perhaps the tabs and newlines a URL parser drops between them, or a percent-escape that decodes to one.
 */
const VERSION_MARK = /v[\t\n\r]*\d|%/;
/** How far back from a classic `<dl>` to look for its `<h3>`. */
const HEADING_LOOKBACK = 4;

/**
 * Entries already read, by their `dd`: what `readListingEntry` answered for that `dt` + `dd` in
 * a section of that kind. The parse takes an entry from here only if all three still match.
 */
export type EntryMemo = WeakMap<Element, { readonly dt: Element; readonly kind: SectionKind; readonly result: Paper | string }>;

/**
 * Reads every listing section of `doc` in page order. Empty sections (`No updates for this time
 * period.`) are kept with no papers. Unreadable entries go to `collector` and are skipped.
 */
export function parseListingSections(doc: Document, pageKind: PageKind, collector: EntryCollector, memo?: EntryMemo): Section[] {
  const sections: Section[] = [];
  for (const alternate of LISTING_CONTAINERS) {
    const containers = doc.querySelectorAll(alternate.selector);
    if (containers.length === 0) continue;
    for (const container of containers) {
      const heading = alternate.heading === 'inside' ? headingInside(container) : headingBefore(container);
      const kind = sectionKindOf(heading, pageKind);
      const section: Section = { kind, heading, papers: [] };
      readEntries(container, kind, section.papers, collector, memo);
      sections.push(section);
    }
    break;
  }
  return sections;
}

/**
 * The section kind of a listing container (`dl`) on a page of `pageKind`, from its heading; or
 * `undefined` when `container` is not one the parser reads. What read-ahead.ts needs to read an
 * entry before the rest of the page exists: the heading comes before the section's entries.
 */
export function sectionKindOfContainer(container: Element, pageKind: PageKind): SectionKind | undefined {
  const alternate = LISTING_CONTAINERS.find((candidate) => container.matches(candidate.selector));
  if (!alternate) return undefined;
  return sectionKindOf(alternate.heading === 'inside' ? headingInside(container) : headingBefore(container), pageKind);
}

/** arxiv-browse: the `<h3>` is the section's first child, before any `<dt>`. */
function headingInside(container: Element): string {
  for (const child of container.children) {
    if (child.localName === 'h3') return collapseWhitespace(child.textContent ?? '');
    if (child.localName === 'dt') break;
  }
  return '';
}

/** Classic arXiv: the `<h3>` is a sibling just before the `<dl>`. */
function headingBefore(container: Element): string {
  let sibling = container.previousElementSibling;
  for (let step = 0; sibling !== null && step < HEADING_LOOKBACK; step += 1) {
    if (sibling.localName === 'h3') return collapseWhitespace(sibling.textContent ?? '');
    if (sibling.localName === 'dl') break;
    sibling = sibling.previousElementSibling;
  }
  return '';
}

/** `New submissions (…)`, `Cross submissions`/`Cross-lists`, `Replacement submissions`/`Replacements`, day headings. */
function sectionKindOf(heading: string, pageKind: PageKind): SectionKind {
  const lower = heading.toLowerCase();
  // i18n-exempt: arXiv's own section heading, which the parser matches
  if (lower.startsWith('new submissions')) return 'new';
  if (lower.startsWith('cross')) return 'cross';
  if (lower.startsWith('replace')) return 'replacement';
  if (pageKind === 'recent' || pageKind === 'pastweek' || DAY_HEADING.test(heading)) return 'day';
  return 'results';
}

/**
 * Walks the children of one section once, pairing each `<dt>` with the `<dd>` after it. Other
 * elements (the heading, `<p>No updates…</p>`) are passed over; `<div>` wrappers, which HTML
 * allows around `dt`/`dd` groups, are looked into.
 */
function readEntries(container: Element, kind: SectionKind, papers: Paper[], collector: EntryCollector, memo: EntryMemo | undefined): void {
  let pending: Element | undefined;
  const visit = (parent: Element): void => {
    for (const child of parent.children) {
      switch (child.localName) {
        case 'dt':
          // i18n-exempt: parser diagnostic, never shown (see ParseProblem)
          if (pending) collector.unreadable('<dt> without a <dd> after it');
          pending = child;
          break;
        case 'dd': {
          if (!pending) {
            // i18n-exempt: parser diagnostic, never shown (see ParseProblem)
            collector.unreadable('<dd> without a <dt> before it');
            break;
          }
          const dt = pending;
          pending = undefined;
          const known = memo?.get(child);
          const paper = collector.read(() => (known && known.dt === dt && known.kind === kind ? known.result : readListingEntry(dt, child, kind)));
          if (paper) papers.push(paper);
          break;
        }
        case 'div':
          visit(child);
          break;
      }
    }
  };
  visit(container);
  // i18n-exempt: parser diagnostic, never shown (see ParseProblem)
  if (pending) collector.unreadable('<dt> without a <dd> after it');
}

/** Reads one `dt` + `dd` entry of a section of `kind`, or says why it cannot. */
export function readListingEntry(dt: Element, dd: Element, kind: SectionKind): Paper | string {
  // i18n-exempt: parser diagnostic, never shown (see ParseProblem)
  if (dt.querySelector(ENTRY_NESTED_LIST) || dd.querySelector(ENTRY_NESTED_LIST)) return 'unexpected nesting: a list inside the entry';
  const link = firstMatching(dt, ENTRY_ABS_LINKS);
  // i18n-exempt: parser diagnostic, never shown (see ParseProblem)
  if (!link) return 'no link to the abstract in <dt>';
  const fromLink = idOfAbsLink(link);
  // i18n-exempt: parser diagnostic, never shown (see ParseProblem)
  if (!fromLink) return `unreadable arXiv id in <dt>: "${collapseWhitespace(link.textContent ?? '').slice(0, 60)}"`;

  const htmlUrl = toArxivUrl(firstMatching(dt, ENTRY_HTML_LINKS)?.getAttribute('href'));
  const version = fromLink.version ?? versionOfHtmlUrl(htmlUrl, fromLink.id);
  const titleElement = dd.querySelector(ENTRY_TITLE);
  const authorsElement = dd.querySelector(ENTRY_AUTHORS);
  const abstractElement = dd.querySelector(ENTRY_ABSTRACT);
  const commentsElement = dd.querySelector(ENTRY_COMMENTS);
  const subjectsElement = dd.querySelector(ENTRY_SUBJECTS);
  const journalRef = textOf(dd.querySelector(ENTRY_JOURNAL_REF));
  const { authors, affiliations } = authorsAndAffiliations(authorsElement);
  const { primarySubject, subjects } = subjectsOf(subjectsElement);
  const fields = fieldsOf({ title: titleElement, authors: authorsElement, abstract: abstractElement, comments: commentsElement, subjects: subjectsElement });

  return toPaper({
    id: fromLink.id,
    version,
    title: textOf(titleElement) ?? '',
    authors,
    affiliations,
    abstract: textOf(abstractElement),
    comments: textOf(commentsElement),
    journalRef,
    doi: doiOf(textOf(dd.querySelector(ENTRY_DOI)), journalRef),
    primarySubject,
    subjects,
    section: paperSectionOf(kind, dt),
    absUrl: absUrlOf(fromLink.id, fromLink.version),
    pdfUrl: toArxivUrl(firstMatching(dt, ENTRY_PDF_LINKS)?.getAttribute('href')),
    htmlUrl,
    element: { head: dt, nodes: [dt, dd], fields },
  });
}

/** A DOI line names the DOI outright; otherwise a journal-ref may carry one. */
function doiOf(doiLine: string | undefined, journalRef: string | undefined): string | undefined {
  if (doiLine !== undefined) return findDoi(doiLine) ?? doiLine;
  return journalRef === undefined ? undefined : findDoi(journalRef);
}

/**
 * The id of a listing's abstract link: the bare id in its `id` attribute (arxiv-browse), else its
 * text `arXiv:ID`, else its href `/abs/ID`. A version comes from whichever of these shows one.
 */
function idOfAbsLink(link: Element): ParsedArxivId | undefined {
  const fromAttribute = parseArxivId(link.getAttribute('id') ?? '');
  const fromText = parseArxivId(collapseWhitespace(link.textContent ?? ''));
  const href = link.getAttribute('href');
  const shown = fromAttribute?.id ?? fromText?.id;
  const versionShown = shown === undefined ? undefined : [fromAttribute, fromText].find((candidate) => candidate?.id === shown && candidate.version !== undefined)?.version;
  // Parsing the href as a URL was a fifth of reading an entry; it can only add an id the link
  // does not show, or a version (`v` and a digit) neither of the others has.
  const hrefCounts = href !== null && (shown === undefined || (versionShown === undefined && VERSION_MARK.test(href)));
  const fromHref = hrefCounts ? paperOfAbsUrl(href.trim()) : undefined;
  const id = shown ?? fromHref?.id;
  if (id === undefined) return undefined;
  const version = versionShown ?? (fromHref?.id === id ? fromHref.version : undefined);
  return version === undefined ? { id } : { id, version };
}

/**
 * A paper's part of the listing: the section's kind on /new and catchup; on day and month
 * sections, which mix new and cross-listed papers, the `(cross-list from …)`/`(replaced)` marker
 * in the `<dt>` (list_macros.type_info).
 */
function paperSectionOf(kind: SectionKind, dt: Element): PaperSection {
  if (kind === 'new' || kind === 'cross' || kind === 'replacement') return kind;
  const marker = dt.textContent ?? '';
  // i18n-exempt: arXiv's own marker in the <dt>, which the parser matches
  if (marker.includes('(cross-list from')) return 'cross';
  if (marker.includes('(replaced)')) return 'replacement';
  return 'new';
}
