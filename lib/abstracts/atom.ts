/**
 * Reading the Atom feeds that arXiv's API (`export.arxiv.org/api/query?id_list=…`) answers with.
 *
 * Why @rgrove/parse-xml and not `DOMParser`: Chrome's MV3 service worker has no `DOMParser`, and
 * the alternative, an offscreen document, costs the "offscreen" permission, a second page kept
 * alive and a message round trip per response. parse-xml is pure JavaScript (about 6 KB gzipped,
 * no dependencies), runs in any worker, follows the XML 1.0 spec strictly (so a truncated or
 * otherwise broken response fails loudly instead of yielding half an entry), and does not expand
 * custom entities. fast-xml-parser is larger with six dependencies; txml is lenient, which is the
 * wrong trade for untrusted input we must reject whole when broken.
 *
 * Elements are matched by local name (`arxiv:comment` → `comment`). The Atom, arXiv and OpenSearch
 * vocabularies share no local name inside an entry, and arXiv moved its namespace declarations
 * from each element to the feed root in November 2025 (compare the two `id-list-missing-*`
 * fixtures): matching local names reads both without tracking prefixes.
 */
import { parseXml, XmlElement, XmlError } from '@rgrove/parse-xml';
import { i18n } from '#i18n';
import { parseArxivId } from '@/lib/arxiv/ids';
import { collapseWhitespace } from '@/lib/arxiv/text';
import type { ArxivId } from '@/lib/arxiv/types';

/** One paper as the API describes it. Text is whitespace-collapsed; TeX stays as the API sent it. */
export interface ApiPaper {
  /** Versionless id: `2206.06921`, `nucl-ex/0408020`. */
  id: ArxivId;
  /** The version the API describes, the latest: `3` for `…/abs/2206.06921v3`. */
  version?: number;
  title: string;
  abstract: string;
  authors: string[];
  /** Every distinct `arxiv:affiliation` of the authors, in order of first appearance. */
  affiliations?: string[];
  /** Category codes, primary first when the API names it: `['math.CA', 'math.DS']`. */
  categories: string[];
  /** The primary category code, `math.CA`. */
  primary?: string;
  /** First version's submission time, epoch ms. */
  published?: number;
  /** This version's submission time, epoch ms. */
  updated?: number;
  doi?: string;
  journalRef?: string;
  comments?: string;
  /** The latest version withdraws the paper ("This paper has been withdrawn by …"). */
  withdrawn: boolean;
}

export interface SkippedEntry {
  /** Position among the feed's entries, from 0. */
  index: number;
  reason: string;
}

export interface AtomFeed {
  /** Papers in feed order; the API's order is not the request's. */
  papers: ApiPaper[];
  /**
   * Entries that describe no paper. Until November 2025 the API answered an unknown id with an
   * empty `<entry>` (no id, blank category); since then it leaves the id out.
   */
  skipped: SkippedEntry[];
  /** `opensearch:totalResults`, when present. */
  totalResults?: number;
}

export type AtomErrorKind = 'malformed-xml' | 'html-page' | 'not-atom' | 'api-error';

/**
 * Why a response could not be read as a feed. `api-error` is arXiv's own error feed: an entry whose
 * id is `http://arxiv.org/api/errors#…`; `messages` holds its summaries (`incorrect id format for
 * 2201.1345`).
 */
export class AtomResponseError extends Error {
  override readonly name = 'AtomResponseError';
  constructor(
    readonly kind: AtomErrorKind,
    message: string,
    readonly messages: readonly string[] = [],
  ) {
    super(message);
  }
}

const API_ERROR_ID = /^https?:\/\/arxiv\.org\/api\/errors\b/i;
/** `http://arxiv.org/abs/2206.06921v3`, `http://arxiv.org/abs/nucl-ex/0408020v1`. */
const ABS_ID = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/abs\/(.+)$/i;
/** arXiv category codes; the pre-2025 API also listed MSC and ACM classes (`35`, `28A80 (Primary)`) as categories. */
const CATEGORY = /^[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]+(?:-[a-z]+)?)?$/;
/** How arXiv words a withdrawal in the abstract or comments of the withdrawing version. */
const WITHDRAWN = /^(?:this (?:paper|article|manuscript|submission|preprint) (?:has been|is|was) withdrawn\b|withdrawn\b)/i;
/** An HTML page instead of XML: a proxy's or arXiv's error or maintenance page. */
const HTML_START = /^\s*(?:<!doctype\s+html\b|<html\b)/i;

/**
 * Parses an arXiv API response body into its papers, keyed by versionless id, with the entries it
 * could not read and why. Throws {@link AtomResponseError} when the body is not a feed at all:
 * malformed XML (`malformed-xml`, with line and column), an HTML page (`html-page`), another XML
 * document (`not-atom`), or arXiv's error feed (`api-error`). Never returns part of a broken body.
 *
 * @example
 * const { papers } = parseAtomFeed(await response.text());
 * papers[0]; // { id: '2206.06921', version: 3, title: 'Attainable forms of Assouad spectra', … }
 */
export function parseAtomFeed(body: string): AtomFeed {
  if (HTML_START.test(body)) throw new AtomResponseError('html-page', i18n.t('abstracts.htmlPage'));
  const root = parseDocument(body);
  if (localName(root.name) !== 'feed') {
    throw new AtomResponseError('not-atom', i18n.t('abstracts.notAtom', [root.name]));
  }
  const entries = childElements(root, 'entry');
  const errors = entries.filter((entry) => API_ERROR_ID.test(childText(entry, 'id') ?? ''));
  if (errors.length > 0) {
    const messages = errors.map((entry) => childText(entry, 'summary') ?? childText(entry, 'id') ?? i18n.t('abstracts.unknownError'));
    throw new AtomResponseError('api-error', i18n.t('abstracts.apiError', [messages.join('; ')]), messages);
  }
  const feed: AtomFeed = { papers: [], skipped: [] };
  const total = Number(childText(root, 'totalResults'));
  if (childText(root, 'totalResults') !== undefined && Number.isInteger(total)) feed.totalResults = total;
  entries.forEach((entry, index) => {
    const paper = readEntry(entry);
    if (typeof paper === 'string') feed.skipped.push({ index, reason: paper });
    else feed.papers.push(paper);
  });
  return feed;
}

/**
 * Indexes a feed's papers by versionless id, so results match requests whatever order the API
 * used. When an id occurs twice the later entry wins (the API does not repeat ids; this only
 * makes the rule explicit).
 */
export function papersById(feed: AtomFeed): Map<ArxivId, ApiPaper> {
  return new Map(feed.papers.map((paper) => [paper.id, paper]));
}

function parseDocument(body: string): XmlElement {
  try {
    const root = parseXml(body).root;
    if (!root) throw new AtomResponseError('not-atom', i18n.t('abstracts.noElements'));
    return root;
  } catch (error) {
    if (error instanceof AtomResponseError) throw error;
    if (error instanceof XmlError) {
      throw new AtomResponseError('malformed-xml', i18n.t('abstracts.malformedXml', [String(error.line), String(error.column), firstLine(error.message)]));
    }
    throw new AtomResponseError('malformed-xml', i18n.t('abstracts.unparsable', [error instanceof Error ? error.message : String(error)]));
  }
}

// The reasons below stay in AtomFeed.skipped, which no screen or log shows (only tests read them).
function readEntry(entry: XmlElement): ApiPaper | string {
  const rawId = childText(entry, 'id');
  // i18n-exempt: never shown, as above
  if (rawId === undefined) return 'entry without an id (an id the API does not know)';
  const absPath = ABS_ID.exec(rawId)?.[1];
  const parsed = absPath === undefined ? undefined : parseArxivId(absPath);
  // i18n-exempt: never shown, as above
  if (!parsed) return `entry id is not an arXiv abstract URL: ${JSON.stringify(rawId.slice(0, 80))}`;
  const title = childText(entry, 'title');
  // i18n-exempt: never shown, as above
  if (title === undefined) return `entry ${parsed.id} has no title`;

  const abstract = childText(entry, 'summary') ?? '';
  const comments = childText(entry, 'comment');
  const primary = nonEmpty(childElements(entry, 'primary_category')[0]?.attributes.term);
  const paper: ApiPaper = {
    id: parsed.id,
    title,
    abstract,
    authors: [],
    categories: categoriesOf(entry, primary),
    withdrawn: WITHDRAWN.test(abstract) || (comments !== undefined && WITHDRAWN.test(comments)),
  };
  if (parsed.version !== undefined) paper.version = parsed.version;
  const affiliations: string[] = [];
  for (const author of childElements(entry, 'author')) {
    const name = childText(author, 'name');
    if (name !== undefined) paper.authors.push(name);
    for (const affiliation of childElements(author, 'affiliation')) {
      const text = textOf(affiliation);
      if (text !== undefined && !affiliations.includes(text)) affiliations.push(text);
    }
  }
  if (affiliations.length > 0) paper.affiliations = affiliations;
  if (primary !== undefined) paper.primary = primary;
  assignTime(paper, 'published', childText(entry, 'published'));
  assignTime(paper, 'updated', childText(entry, 'updated'));
  const doi = childText(entry, 'doi');
  if (doi !== undefined) paper.doi = doi;
  const journalRef = childText(entry, 'journal_ref');
  if (journalRef !== undefined) paper.journalRef = journalRef;
  if (comments !== undefined) paper.comments = comments;
  return paper;
}

function categoriesOf(entry: XmlElement, primary: string | undefined): string[] {
  const codes: string[] = primary === undefined ? [] : [primary];
  for (const category of childElements(entry, 'category')) {
    const term = nonEmpty(category.attributes.term);
    if (term !== undefined && CATEGORY.test(term) && !codes.includes(term)) codes.push(term);
  }
  return codes;
}

function assignTime(paper: ApiPaper, field: 'published' | 'updated', text: string | undefined): void {
  if (text === undefined) return;
  const ms = Date.parse(text);
  if (Number.isFinite(ms)) paper[field] = ms;
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

function childElements(parent: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of parent.children) {
    if (child instanceof XmlElement && localName(child.name) === name) found.push(child);
  }
  return found;
}

/** The collapsed text of the first child element called `name`, or `undefined` when absent or blank. */
function childText(parent: XmlElement, name: string): string | undefined {
  const child = childElements(parent, name)[0];
  return child === undefined ? undefined : textOf(child);
}

function textOf(element: XmlElement): string | undefined {
  return nonEmpty(collapseWhitespace(element.text));
}

function nonEmpty(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}
