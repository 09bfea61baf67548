/**
 * Every DOM selector the arXiv parser uses, in one place, each with the markup it targets.
 * Sources: arXiv/arxiv-browse `browse/templates/list/list_macros.html`, `list/new.html`,
 * `list/recent.html`, `catchup.html`, `abs/abs.html` (+ arxiv-base `base/macros.html`), and
 * arXiv/arxiv-search `search/templates/search/search-macros.html`.
 *
 * Where arXiv's markup changed over time, the alternates sit in one array, newest first, each
 * labelled; the parser uses the first alternate that matches.
 */

export interface SelectorAlternate {
  /** Which markup this alternate targets. */
  label: string;
  selector: string;
}

/** The first element under `root` matched by the first alternate that matches anything. */
export function firstMatching(root: ParentNode, alternates: readonly SelectorAlternate[]): Element | undefined {
  for (const { selector } of alternates) {
    const element = root.querySelector(selector);
    if (element) return element;
  }
  return undefined;
}

export interface ListingContainerAlternate extends SelectorAlternate {
  /** Where the section's `<h3>` heading sits: first child of the `<dl>`, or just before it. */
  heading: 'inside' | 'before';
}

/** The element (`<dl>`) holding one section of a listing, as `dt`/`dd` pairs. */
export const LISTING_CONTAINERS: readonly ListingContainerAlternate[] = [
  {
    // list_macros.item_list: `<dl id='articles'>` per section (the id repeats, so never use
    // getElementById), with the section `<h3>` inside, before the first `<dt>`.
    label: 'arxiv-browse (2024-): one <dl id="articles"> per section, <h3> inside',
    selector: 'dl[id="articles"]',
    heading: 'inside',
  },
  {
    // Classic arXiv listings: bare `<dl>` children of `div#dlpage`, each after its `<h3>`.
    label: 'classic arXiv: <dl> children of #dlpage, <h3> before each',
    selector: '#dlpage > dl',
    heading: 'before',
  },
];

/** `<span class='descriptor'>Title:</span>`: the label before every field on listing and abs pages. */
export const DESCRIPTOR_CLASS = 'descriptor';

/** `div#dlpage`: the listing page body (base.html, catchup.html) holding h1, headings, paging. */
export const LISTING_PAGE = '#dlpage';
/** `<div class='paging'>Total of 29 entries …</div>` (list_macros.page_divs), when there is no #dlpage. */
export const LISTING_PAGING = 'div.paging';

/** A list inside a `dt` or `dd`: entries are never nested, so such an entry is unreadable. */
export const ENTRY_NESTED_LIST = 'dt, dd, dl';

/**
 * The link to the abstract inside a listing `<dt>`, which carries the id.
 * New: `<a href ="/abs/ID" title="Abstract" id="ID">arXiv:ID</a>`;
 * classic: `<span class="list-identifier"><a href="/abs/ID" title="Abstract">arXiv:ID</a> …</span>`.
 */
export const ENTRY_ABS_LINKS: readonly SelectorAlternate[] = [
  { label: 'arxiv-browse: a[title=Abstract] with the bare id in its id attribute', selector: 'a[title="Abstract"][id]' },
  { label: 'classic arXiv: a[title=Abstract] inside span.list-identifier', selector: 'a[title="Abstract"]' },
  { label: 'any link to an abstract page', selector: 'a[href*="/abs/"]' },
];

/** The PDF link of list_macros.dl_links, `[<a id="pdf-ID">pdf</a>, …]` in the `<dt>`. */
export const ENTRY_PDF_LINKS: readonly SelectorAlternate[] = [
  { label: 'arxiv-browse: <a id="pdf-ID" title="Download PDF">', selector: 'a[id^="pdf-"]' },
  { label: 'classic arXiv: <a title="Download PDF"> without an id', selector: 'a[title="Download PDF"]' },
];
/** The HTML-paper link, `<a href="https://arxiv.org/html/IDvN" id="html-ID">html</a>`, absent when there is none. */
export const ENTRY_HTML_LINKS: readonly SelectorAlternate[] = [
  { label: 'arxiv-browse: <a id="html-ID" title="View HTML">', selector: 'a[id^="html-"]' },
  { label: 'by title only', selector: 'a[title="View HTML"]' },
];

/** `<div class='list-title mathjax'><span class='descriptor'>Title:</span> …</div>` in `dd > div.meta`. */
export const ENTRY_TITLE = '.list-title';
/** `<div class='list-authors'><a>Name</a> (1), …</div>`. */
export const ENTRY_AUTHORS = '.list-authors';
/** `<div class='list-comments mathjax'><span class='descriptor'>Comments:</span> …</div>`, absent when empty. */
export const ENTRY_COMMENTS = '.list-comments';
/** `<div class='list-journal-ref'><span class='descriptor'>Journal-ref:</span> …</div>`, absent when empty. */
export const ENTRY_JOURNAL_REF = '.list-journal-ref';
/** Not in today's list_macros; classic listings showed a DOI line `div.list-doi`. */
export const ENTRY_DOI = '.list-doi';
/** `<div class='list-subjects'><span class='descriptor'>Subjects:</span> <span class="primary-subject">…</span>; …</div>`. */
export const ENTRY_SUBJECTS = '.list-subjects';
/** The abstract, `<p class='mathjax'>`, only on /new and catchup with abstracts. */
export const ENTRY_ABSTRACT = 'p.mathjax';

/** `<span class="primary-subject">Name (code)</span>` (listing subjects line and abs metatable). */
export const PRIMARY_SUBJECT = '.primary-subject';

/** `li.arxiv-result` inside `<ol class="breathe-horizontal">`: one search result. */
export const SEARCH_RESULT = 'li.arxiv-result';
/** `<p class="list-title">` with `<a href=".../abs/ID[vN]">arXiv:ID[vN]</a>` and `[pdf, html, other]` links. */
export const SEARCH_ID_LINE = 'p.list-title';
/** The links of that line: the abstract link first, then the format links, known by their text. */
export const SEARCH_ID_LINE_LINKS = 'a';
/** `<p class="title is-5 mathjax">` (may contain `span.search-hit` highlights). */
export const SEARCH_TITLE = 'p.title';
/** `<p class="authors"><span>Authors:</span> <a>Name</a>, … , et al. (N additional authors not shown)</p>`. */
export const SEARCH_AUTHORS = 'p.authors';
/** `<span class="abstract-full" style="display: none;">… <a>△ Less</a></span>`: the whole abstract. */
export const SEARCH_ABSTRACT_FULL = 'span.abstract-full';
/** `<span class="abstract-short">… <a>▽ More</a></span>`: the preview, used when there is no full one. */
export const SEARCH_ABSTRACT_SHORT = 'span.abstract-short';
/** `<p class="comments is-size-7"><span>Comments:</span> …</p>`; also used for "Journal ref:". */
export const SEARCH_COMMENT_LINES = 'p.comments';
/** The plain `<span>` label that starts each of those lines. */
export const SEARCH_LINE_LABEL = 'span';
/** `div.tags` with `<span class="tag" data-tooltip="Name">code</span>`; `div.tags.has-addons` is the DOI tag. */
export const SEARCH_SUBJECT_TAGS = 'div.tags:not(.has-addons) span.tag';
/** `<div class="tags has-addons"><span class="tag">doi</span><span class="tag"><a href="https://doi.org/…">…</a></span></div>`. */
export const SEARCH_DOI_LINK = 'div.tags.has-addons a[href*="doi.org/"]';
/** `<h1 class="title is-clearfix">Showing 1–50 of 1,234 results for …</h1>` (search/base.html). */
export const SEARCH_PAGE_TITLE = 'h1.title';

/** The abs page's main block, holding the title, authors, abstract and metatable. */
export const ABS_CONTAINERS: readonly SelectorAlternate[] = [
  { label: 'arxiv-browse abs.html: div#abs inside #abs-outer', selector: '#abs' },
  { label: 'the block around h1.title', selector: '.leftcolumn' },
];
/** `<h1 class="title mathjax"><span class="descriptor">Title:</span>…</h1>`. */
export const ABS_TITLE = 'h1.title';
/** `<div class="authors"><span class="descriptor">Authors:</span><a>…</a>, …</div>`. */
export const ABS_AUTHORS = '.authors';
/** `<blockquote class="abstract mathjax"><span class="descriptor">Abstract:</span>…</blockquote>`. */
export const ABS_ABSTRACT = 'blockquote.abstract';
/** Metatable cell `<td class="tablecell comments mathjax">`. */
export const ABS_COMMENTS = 'td.comments';
/** Metatable cell `<td class="tablecell jref">` (Journal reference). */
export const ABS_JOURNAL_REF = 'td.jref';
/** `td.doi` is the publisher DOI; `td.arxivdoi` (arXiv's own DataCite DOI) is deliberately not matched. */
export const ABS_DOI = 'td.doi';
/** Metatable cell `<td class="tablecell subjects"><span class="primary-subject">…</span>; …</td>`. */
export const ABS_SUBJECTS = 'td.subjects';
/** `(or <span class="arxivid"><a>arXiv:IDvN</a> [cat]</span> for this version)`: id and version. */
export const ABS_THIS_VERSION_LINK = 'td.arxividv a';
/** `Cite as: <span class="arxivid"><a>arXiv:ID</a> [cat]</span>`: the id without version. */
export const ABS_ID_LINK = '.arxivid a';
/** `<div class="dateline">[Submitted on … (this version, v2)]</div>`. */
export const ABS_DATELINE = '.dateline';
/** `<meta name="citation_arxiv_id">` (Highwire tag in the abs page head). */
export const ABS_META_ID = 'meta[name="citation_arxiv_id"]';
/** `<meta name="citation_doi">`, present when the paper has a publisher DOI. */
export const ABS_META_DOI = 'meta[name="citation_doi"]';
/** The abs page's PDF link; withdrawn papers have none. */
export const ABS_PDF_LINKS: readonly SelectorAlternate[] = [
  { label: 'extra_services.html: <a class="abs-button download-pdf">View PDF</a>', selector: 'a.download-pdf' },
  { label: 'abs.html mobile button: <a class="mobile-submission-download" href="/pdf/ID">', selector: 'a.mobile-submission-download[href*="/pdf/"]' },
];
/** The abs page's HTML-paper link. */
export const ABS_HTML_LINKS: readonly SelectorAlternate[] = [
  { label: 'extra_services.html: <a id="latexml-download-link">HTML (experimental)</a>', selector: 'a#latexml-download-link' },
  { label: 'extra_services.html: <a class="abs-button download-html">', selector: 'a.download-html' },
];
/** `<div class="subheader"><h1>Quantum Physics</h1></div>`: the subject heading of an abs page. */
export const ABS_SUBHEADER = '.subheader h1';
