// Serves arxiv.org from the bundled snapshots in tests/fixtures, so the end-to-end tests, the demo
// and the benchmark run offline and never touch the network: arXiv paths in the table get their
// fixture, arXiv's stylesheets and MathJax loader come from tests/fixtures/static, MathJax 2.7.3
// from the `mathjax` dev dependency at static.arxiv.org, other arXiv paths get a 404, and every
// other host is aborted.
import { readFileSync } from 'node:fs';
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

/**
 * Answers every request of a Playwright BrowserContext with `arxivResponse`, aborting every host
 * that is not arXiv's. `extra` maps more paths to HTML bodies (generated listings for the benchmark).
 */
export async function routeArxiv(context, { extra = {} } = {}) {
  const cache = new Map();
  await context.route('**/*', async (route) => {
    const response = arxivResponse(new URL(route.request().url()), { extra, cache });
    if (!response) return route.abort('blockedbyclient');
    const { status, contentType, body, headers } = response;
    return route.fulfill({ status, contentType, body, headers });
  });
}
