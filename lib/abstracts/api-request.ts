/**
 * The HTTP request for a batch of ids to arXiv's API (https://info.arxiv.org/help/api/user-manual.html,
 * "Calling the API": GET or POST to `/api/query`).
 */
import type { ArxivId } from '@/lib/arxiv/types';

export const API_ENDPOINT = 'https://export.arxiv.org/api/query';

/**
 * Longest URL sent as a GET. Long `id_list` GETs fail with 414 (URI Too Long); 2000 characters is
 * the limit every browser, proxy and CDN in the path is known to pass. Above it the same
 * parameters go as a form body.
 */
export const MAX_GET_URL_LENGTH = 2000;

export interface ApiRequest {
  url: string;
  init: RequestInit;
}

/**
 * Builds the request for `ids`: `id_list` comma-separated and `max_results` set to the batch size
 * (the API returns 10 results without it). A GET when the URL stays within
 * {@link MAX_GET_URL_LENGTH}, else a POST with an `application/x-www-form-urlencoded` body.
 * No credentials or referrer go with it: arXiv learns the ids and nothing else.
 *
 * @example toApiRequest(['2206.06921']).url
 * // 'https://export.arxiv.org/api/query?id_list=2206.06921&max_results=1'
 */
export function toApiRequest(ids: readonly ArxivId[]): ApiRequest {
  // i18n-exempt: a programming error (the queue never sends an empty batch), never shown
  if (ids.length === 0) throw new RangeError('toApiRequest needs at least one id');
  const params = new URLSearchParams({ id_list: ids.join(','), max_results: String(ids.length) });
  const common: RequestInit = { credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' };
  const getUrl = `${API_ENDPOINT}?${params.toString()}`;
  if (getUrl.length <= MAX_GET_URL_LENGTH) return { url: getUrl, init: { ...common, method: 'GET' } };
  return {
    url: API_ENDPOINT,
    init: {
      ...common,
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: params.toString(),
    },
  };
}
