/**
 * "These are my papers" from an author page: arXiv's `/a/<id>` lists an author's papers
 * (arxiv-browse `list/author.html`), and Sift reads it with the parser it uses when the reader
 * visits that page, so one pasted URL stands for a whole body of work, as Scholar Inbox onboards
 * its users from their papers.
 */
import { i18n } from '#i18n';
import type { ArxivId } from '@/lib/arxiv/types';
import { isArxivHttpsUrl } from '@/lib/arxiv/hosts';
import { parseArxivPage } from '@/lib/arxiv/parse';

export interface AuthorPageReader {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** `new DOMParser().parseFromString(html, 'text/html')`: inert, so arXiv's text stays text. */
  parseHtml: (html: string) => Document;
}

/**
 * The ids listed on the author page `url` (a canonical `https://arxiv.org/a/<id>` from
 * `parseSeedIds`), once each in the page's order. The request carries no cookies and no referrer:
 * arXiv sees a public page opened, nothing about the reader. Throws an `Error` whose message says
 * in words what went wrong (unreachable, an HTTP status, a redirect off arXiv, no papers listed).
 */
export async function readAuthorPageIds(url: string, { fetch, parseHtml }: AuthorPageReader): Promise<ArxivId[]> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer' });
  } catch (error) {
    throw new Error(i18n.t('ranking.authorPage.unreachable', { url, reason: error instanceof Error ? error.message : String(error) }));
  }
  if (!response.ok) throw new Error(i18n.t('ranking.authorPage.httpStatus', { status: response.status, url }));
  const finalUrl = response.url || url;
  if (!isArxivHttpsUrl(finalUrl)) throw new Error(i18n.t('ranking.authorPage.offArxiv', { url, finalUrl }));
  const page = parseArxivPage(parseHtml(await response.text()), finalUrl);
  const ids = [...new Set(page.papers.map((paper) => paper.id))];
  if (page.kind !== 'author' || ids.length === 0) throw new Error(i18n.t('ranking.authorPage.noPapers', { url }));
  return ids;
}
