import { parseArxivId } from './ids';

/**
 * Links read from arXiv pages, made absolute and canonical. Page hrefs are untrusted: only http(s)
 * links to arXiv hosts come out, always as `https://arxiv.org/...`.
 */

/** Hosts that serve arXiv pages; `browse.arxiv.org` served the HTML papers in 2023. */
const ARXIV_HOSTS = new Set(['arxiv.org', 'www.arxiv.org', 'export.arxiv.org', 'browse.arxiv.org']);
const ARXIV_ORIGIN = 'https://arxiv.org';
/**
 * A path on arxiv.org, root-relative or after `https://arxiv.org`, of characters a URL keeps as
 * they are (no escapes, query or fragment), not starting `//`; with no dot segment (`/.`), which
 * a URL would resolve, it is its own canonical form.
 */
const PLAIN_ARXIV_PATH = /^(?:https:\/\/arxiv\.org)?(\/[A-Za-z0-9_-][A-Za-z0-9/._-]*)$/;

/**
 * Resolves an href found on an arXiv page (`/pdf/2602.22290`, `https://arxiv.org/html/2602.22290v1`,
 * `//arxiv.org/abs/…`) to an absolute `https://arxiv.org/…` URL. Returns `undefined` for missing
 * or malformed hrefs, other schemes (`javascript:`) and other hosts.
 *
 * @example toArxivUrl('/pdf/2602.22290') // 'https://arxiv.org/pdf/2602.22290'
 */
export function toArxivUrl(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  const trimmed = href.trim();
  // Parsing a URL was a tenth of reading a listing (two links an entry); the hrefs arXiv writes
  // are mostly plain paths, which the URL parser would hand back as they are.
  const plain = PLAIN_ARXIV_PATH.exec(trimmed);
  if (plain && !trimmed.includes('/.')) return `${ARXIV_ORIGIN}${plain[1]}`;
  let url: URL;
  try {
    url = new URL(trimmed, 'https://arxiv.org/');
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (!ARXIV_HOSTS.has(url.hostname.toLowerCase())) return undefined;
  return `${ARXIV_ORIGIN}${url.pathname}${url.search}${url.hash}`;
}

/** The abs page of a paper: `https://arxiv.org/abs/2602.22290` or, with a version, `…v2`. */
export function absUrlOf(id: string, version?: number): string {
  return `https://arxiv.org/abs/${id}${version === undefined ? '' : `v${version}`}`;
}

/**
 * The version in an HTML-paper link (`https://arxiv.org/html/2602.22290v2` → 2) when the link is
 * for paper `id`. Listings and search results link the HTML of the very version they show, so this
 * is the entry's version when its id is printed without one.
 */
export function versionOfHtmlUrl(htmlUrl: string | undefined, id: string): number | undefined {
  if (!htmlUrl) return undefined;
  const path = pathOf(htmlUrl);
  const start = path.indexOf('/html/');
  if (start === -1) return undefined;
  const parsed = parseArxivId(path.slice(start + '/html/'.length).replace(/\/$/, ''));
  return parsed?.id === id ? parsed.version : undefined;
}

/** The path of a URL; of one `toArxivUrl` made, without parsing it again. */
function pathOf(url: string): string {
  if (!url.startsWith(`${ARXIV_ORIGIN}/`)) return new URL(url).pathname;
  const path = url.slice(ARXIV_ORIGIN.length);
  const end = path.search(/[?#]/);
  return end === -1 ? path : path.slice(0, end);
}
