import { parseArxivId } from './ids';

/**
 * Links read from arXiv pages, made absolute and canonical. Page hrefs are untrusted: only http(s)
 * links to arXiv hosts come out, always as `https://arxiv.org/...`.
 */

/** Hosts that serve arXiv pages; `browse.arxiv.org` served the HTML papers in 2023. */
const ARXIV_HOSTS = new Set(['arxiv.org', 'www.arxiv.org', 'export.arxiv.org', 'browse.arxiv.org']);

/**
 * Resolves an href found on an arXiv page (`/pdf/2602.22290`, `https://arxiv.org/html/2602.22290v1`,
 * `//arxiv.org/abs/…`) to an absolute `https://arxiv.org/…` URL. Returns `undefined` for missing
 * or malformed hrefs, other schemes (`javascript:`) and other hosts.
 *
 * @example toArxivUrl('/pdf/2602.22290') // 'https://arxiv.org/pdf/2602.22290'
 */
export function toArxivUrl(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  let url: URL;
  try {
    url = new URL(href.trim(), 'https://arxiv.org/');
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (!ARXIV_HOSTS.has(url.hostname.toLowerCase())) return undefined;
  return `https://arxiv.org${url.pathname}${url.search}${url.hash}`;
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
  const path = new URL(htmlUrl).pathname;
  const start = path.indexOf('/html/');
  if (start === -1) return undefined;
  const parsed = parseArxivId(path.slice(start + '/html/'.length).replace(/\/$/, ''));
  return parsed?.id === id ? parsed.version : undefined;
}
