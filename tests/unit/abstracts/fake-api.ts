/**
 * A stand-in for export.arxiv.org in queue tests: records each request with the (fake) time it
 * started and the ids it asked for, and answers with whatever the test scripts.
 */
import type { FetchLike } from '@/lib/abstracts/queue';

export interface RecordedRequest {
  at: number;
  method: string;
  url: string;
  ids: string[];
  maxResults: number;
}

export type Answer = (request: RecordedRequest, index: number) => Response | Promise<Response>;

export interface FakeApi {
  fetch: FetchLike;
  requests: RecordedRequest[];
}

/** A fake `fetch` whose answers come from `answer`, called with the request and its index from 0. */
export function fakeApi(answer: Answer): FakeApi {
  const requests: RecordedRequest[] = [];
  const fetch: FetchLike = async (url, init) => {
    const method = init.method ?? 'GET';
    const params = method === 'POST' ? new URLSearchParams(String(init.body)) : new URL(url).searchParams;
    const request: RecordedRequest = {
      at: Date.now(),
      method,
      url,
      ids: (params.get('id_list') ?? '').split(',').filter((id) => id !== ''),
      maxResults: Number(params.get('max_results')),
    };
    requests.push(request);
    return answer(request, requests.length - 1);
  };
  return { fetch, requests };
}

/** An Atom feed in the API's November 2025 format with one entry per id, in the order given. */
export function feedFor(ids: readonly string[]): string {
  const entries = ids
    .map(
      (id) => `  <entry>
    <id>http://arxiv.org/abs/${id}v1</id>
    <title>Paper ${id}</title>
    <updated>2026-02-27T10:00:00Z</updated>
    <summary>Abstract of ${id}.</summary>
    <category term="cs.DC" scheme="http://arxiv.org/schemas/atom"/>
    <published>2026-02-27T10:00:00Z</published>
    <arxiv:primary_category term="cs.DC"/>
    <author>
      <name>A. Author</name>
    </author>
  </entry>
`,
    )
    .join('');
  return `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
  <id>https://arxiv.org/api/test</id>
  <title>arXiv Query: search_query=&amp;id_list=${ids.join(',')}&amp;start=0&amp;max_results=${ids.length}</title>
  <opensearch:totalResults>${ids.length}</opensearch:totalResults>
${entries}</feed>
`;
}

export function atomResponse(body: string, status = 200): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}

/** Answers every request with all the ids it asked for. */
export const answerAll: Answer = (request) => atomResponse(feedFor(request.ids));

/** Ids `2602.10000`, `2602.10001`, … */
export function makeIds(count: number, from = 10_000): string[] {
  return Array.from({ length: count }, (_, index) => `2602.${String(from + index).padStart(5, '0')}`);
}
