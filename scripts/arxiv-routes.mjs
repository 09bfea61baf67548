// Serves arxiv.org from the bundled snapshots in tests/fixtures, so the end-to-end tests, the demo
// and the benchmark run offline and never touch the network: arXiv paths in the table get their
// fixture, arXiv's stylesheets and MathJax loader come from tests/fixtures/static, MathJax 2.7.3
// from the `mathjax` dev dependency at static.arxiv.org, other arXiv paths get a 404, and every
// other host is aborted.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extname, join, resolve } from 'node:path';

export const FIXTURES_DIR = fileURLToPath(new URL('../tests/fixtures/', import.meta.url));
const STATIC_DIR = join(FIXTURES_DIR, 'static');
/** The npm package `mathjax@2.7.3`: the very files arXiv serves from static.arxiv.org/MathJax-2.7.3/. */
const MATHJAX_DIR = fileURLToPath(new URL('../node_modules/mathjax/', import.meta.url));

/** arXiv path (with query, if any) → fixture file in tests/fixtures. */
export const ARXIV_FIXTURES = {
  '/list/cs.DC/new': 'list-new-cs.DC-2026-02-27.html',
  '/list/cs.DC/recent': 'list-recent-cs.DC.html',
  '/list/cs.DC/pastweek?skip=25&show=25': 'list-pastweek-cs.DC-paged.html',
  '/list/cs.DC/2026-02': 'list-month-cs.DC-2026-02.html',
  '/list/math/0601': 'list-month-math-0601.html',
  // The browse-by-month form's result, which arXiv renders in place at this URL.
  '/list?archive=cs.DC&year=2026&month=02&submit=Go': 'list-month-cs.DC-2026-02.html',
  '/catchup/cs.DC/2026-02-27?abs=True': 'catchup-cs.DC.html',
  '/search?query=distributed&searchtype=all': 'search-results.html', // also /search/?…: trailing slashes are ignored
  '/abs/2602.22195': 'abs-2602.22195.html',
  '/abs/math/0601001': 'abs-math-0601001.html',
  '/abs/2602.22812': 'abs-withdrawn-2602.22812.html',
  '/list/math.CO/new': 'list-new-math.CO-tex.html',
  '/abs/2603.01234': 'abs-tex-2603.01234.html',
  '/a/dai_d_1': 'author-dai_d_1.html', // also /a/dai_d_1.html: the route strips the suffix arXiv ignores
  // Variants of /new for edge cases, told apart by a query parameter the page ignores.
  '/list/cs.DC/new?fixture=edge-cases': 'edge-cases-new.html',
  '/list/cs.DC/new?fixture=malformed': 'list-malformed-cs.DC.html',
  '/list/cs.DC/new?fixture=classic': 'list-new-classic-cs.DC.html',
  '/list/cs.DC/new?fixture=empty': 'list-new-empty-cs.DC.html',
};

const ARXIV_HOSTS = new Set(['arxiv.org', 'www.arxiv.org']);
const STATIC_HOST = 'static.arxiv.org';

/**
 * arXiv's static files the fixtures reference, by path pattern → file in tests/fixtures/static.
 * browse serves its own under `/static/browse/<version>/` (arxiv-browse `factory.py`), arxiv-base's
 * under `/static/base/<version>/` on arxiv.org and static.arxiv.org.
 */
const STATIC_FILES = [
  [/^\/static\/browse\/[\w.]+\/css\/arXiv\.css$/, 'css/arXiv.css'],
  [/^\/static\/browse\/[\w.]+\/css\/browse_search\.css$/, 'css/browse_search.css'],
  [/^\/static\/browse\/[\w.]+\/js\/mathjaxToggle\.min\.js$/, 'js/mathjaxToggle.min.js'],
  [/^\/static\/base\/[\w.]+\/css\/arxivstyle\.css$/, 'css/arxivstyle.css'],
  [/^\/static\/base\/[\w.]+\/css\/abs\.css$/, 'css/abs.css'],
];
const MATHJAX_PREFIX = '/MathJax-2.7.3/';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff': 'font/woff',
  '.otf': 'font/otf',
  '.eot': 'application/vnd.ms-fontobject',
};

const NOT_FOUND = { status: 404, contentType: 'text/plain', body: 'not in fixtures', headers: {} };

/**
 * What arXiv would answer to `url`, from the fixtures: `{ status, contentType, body, headers }`,
 * or `undefined` for a host that must be refused. `extra` maps arXiv paths to HTML bodies
 * (generated listings for the benchmark). Shared by the Playwright routes below and the Firefox
 * harness, so both browsers see the same arXiv.
 */
export function arxivResponse(url, { extra = {}, cache = new Map() } = {}) {
  // `/a/<id>.html` is the same author page as `/a/<id>` (arxiv-browse routes both to list/author.html).
  const bare = url.pathname.replace(/\/+$/, '').replace(/^(\/a\/[^/]+)\.html$/, '$1');
  if (url.hostname === STATIC_HOST) {
    // Fonts are fetched in CORS mode from the arxiv.org page; arXiv's CDN allows any origin.
    const cors = { 'access-control-allow-origin': '*' };
    if (url.pathname.startsWith(MATHJAX_PREFIX)) {
      const file = resolve(MATHJAX_DIR, decodeURIComponent(url.pathname.slice(MATHJAX_PREFIX.length)));
      if (!file.startsWith(MATHJAX_DIR)) return NOT_FOUND;
      return fileResponse(cache, file, cors);
    }
    return staticResponse(cache, bare, cors);
  }
  if (!ARXIV_HOSTS.has(url.hostname)) return undefined;
  if (bare.startsWith('/static/')) return staticResponse(cache, bare, {});
  const key = bare + url.search;
  const html = extra[key] ?? extra[bare];
  if (html !== undefined) return { status: 200, contentType: CONTENT_TYPES['.html'], body: html, headers: {} };
  const fixture = ARXIV_FIXTURES[key] ?? ARXIV_FIXTURES[bare];
  return fixture ? fileResponse(cache, join(FIXTURES_DIR, fixture), {}) : NOT_FOUND;
}

function staticResponse(cache, path, headers) {
  const match = STATIC_FILES.find(([pattern]) => pattern.test(path));
  return match ? fileResponse(cache, join(STATIC_DIR, match[1]), headers) : NOT_FOUND;
}

function fileResponse(cache, file, headers) {
  const contentType = CONTENT_TYPES[extname(file)];
  if (!contentType) return NOT_FOUND;
  if (!cache.has(file)) {
    try {
      cache.set(file, readFileSync(file));
    } catch {
      return NOT_FOUND;
    }
  }
  return { status: 200, contentType, body: cache.get(file), headers };
}

export const API_URL = 'https://export.arxiv.org/api/query';
const API_DIR = join(FIXTURES_DIR, 'api');
/** Fixture feeds that are not a paper's answer (an error feed, a cut-off body). */
const NOT_PAPER_FEEDS = new Set(['derived-api-error.xml', 'derived-malformed-truncated.xml']);
const ATOM_ENTRY = /<entry>[\s\S]*?<\/entry>/g;
const ENTRY_ID = /<id>https?:\/\/arxiv\.org\/abs\/(.+?)(?:v\d+)?<\/id>/;

let apiEntries;

/**
 * Every paper of tests/fixtures/api by versionless id, as the `<entry>` text its file holds. Files
 * in the API's earlier format go first, so the November 2025 form of a paper wins.
 */
function apiEntriesById() {
  if (apiEntries) return apiEntries;
  apiEntries = new Map();
  const files = readdirSync(API_DIR)
    .filter((name) => name.endsWith('.xml') && !NOT_PAPER_FEEDS.has(name))
    .sort((a, b) => Number(b.includes('2025-08')) - Number(a.includes('2025-08')) || (a < b ? -1 : 1));
  for (const name of files) {
    for (const entry of readFileSync(join(API_DIR, name), 'utf8').match(ATOM_ENTRY) ?? []) {
      const id = ENTRY_ID.exec(entry)?.[1];
      if (id !== undefined) apiEntries.set(id, entry);
    }
  }
  return apiEntries;
}

/** The ids a request to arXiv's API asks for: `id_list` from the query (GET) or the form body (POST). */
export function apiRequestIds(url, postBody) {
  const params = postBody ? new URLSearchParams(postBody) : url.searchParams;
  return (params.get('id_list') ?? '').split(',').filter((id) => id !== '');
}

/**
 * What export.arxiv.org would answer to an `id_list` query, from tests/fixtures/api: a feed of
 * the fixtures' entries for the ids it knows, in the order asked (at most `max_results`), leaving
 * out the ids it does not know, as the API has since November 2025.
 */
export function apiResponse(url, postBody) {
  const ids = apiRequestIds(url, postBody);
  const params = postBody ? new URLSearchParams(postBody) : url.searchParams;
  const max = Number(params.get('max_results') ?? 10);
  const entries = ids.flatMap((id) => apiEntriesById().get(id) ?? []).slice(0, Number.isFinite(max) ? max : 10);
  const list = ids.join(',');
  const body = `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
  <id>https://arxiv.org/api/fixtures</id>
  <title>arXiv Query: search_query=&amp;id_list=${list}&amp;start=0&amp;max_results=${max}</title>
  <updated>2026-03-02T00:00:00Z</updated>
  <opensearch:itemsPerPage>${max}</opensearch:itemsPerPage>
  <opensearch:totalResults>${entries.length}</opensearch:totalResults>
  <opensearch:startIndex>0</opensearch:startIndex>
  ${entries.join('\n  ')}
</feed>
`;
  return { status: 200, contentType: 'application/atom+xml; charset=utf-8', body, headers: {} };
}

/**
 * Answers every request of a Playwright BrowserContext with `arxivResponse`, aborting every host
 * that is not arXiv's. `extra` maps more paths to HTML bodies (generated listings for the benchmark).
 * Requests to arXiv's API (the background's, which Chromium's `context.route` sees) are answered by
 * `apiResponse`, or by `onApiRequest` when it returns a response (`{ status, contentType, body,
 * headers }`, or `'abort'` for a network failure); `onApiRequest` also sees each request first,
 * with its time, method and ids, so a test can check arXiv's spacing.
 */
export async function routeArxiv(context, { extra = {}, onApiRequest } = {}) {
  const cache = new Map();
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.origin + url.pathname === API_URL) {
      const postBody = request.method() === 'POST' ? (request.postData() ?? '') : undefined;
      const seen = { at: Date.now(), method: request.method(), ids: apiRequestIds(url, postBody) };
      const scripted = await onApiRequest?.(seen);
      if (scripted === 'abort') return route.abort('connectionreset');
      const { status, contentType, body, headers } = scripted ?? apiResponse(url, postBody);
      return route.fulfill({ status, contentType, body, headers });
    }
    const response = arxivResponse(url, { extra, cache });
    if (!response) return route.abort('blockedbyclient');
    const { status, contentType, body, headers } = response;
    return route.fulfill({ status, contentType, body, headers });
  });
}
