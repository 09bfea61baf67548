// Serves arxiv.org from the bundled snapshots in tests/fixtures, so the end-to-end tests, the demo
// and the benchmark run offline and never touch the network: arXiv paths in the table get their
// fixture, other arXiv paths get a 404, and every other host is aborted.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const FIXTURES_DIR = fileURLToPath(new URL('../tests/fixtures/', import.meta.url));

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
  // Variants of /new for edge cases, told apart by a query parameter the page ignores.
  '/list/cs.DC/new?fixture=edge-cases': 'edge-cases-new.html',
  '/list/cs.DC/new?fixture=malformed': 'list-malformed-cs.DC.html',
  '/list/cs.DC/new?fixture=classic': 'list-new-classic-cs.DC.html',
  '/list/cs.DC/new?fixture=empty': 'list-new-empty-cs.DC.html',
};

const ARXIV_HOSTS = new Set(['arxiv.org', 'www.arxiv.org']);

/**
 * Answers every request of a Playwright BrowserContext. `extra` maps more paths to HTML bodies
 * (generated listings for the benchmark).
 */
export async function routeArxiv(context, { extra = {} } = {}) {
  const cache = new Map();
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (!ARXIV_HOSTS.has(url.hostname)) return route.abort('blockedbyclient');
    const key = url.pathname.replace(/\/+$/, '') + url.search;
    const bare = url.pathname.replace(/\/+$/, '');
    const body = extra[key] ?? extra[bare] ?? readFixture(cache, ARXIV_FIXTURES[key] ?? ARXIV_FIXTURES[bare]);
    if (body === undefined) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not in fixtures' });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
}

function readFixture(cache, file) {
  if (!file) return undefined;
  if (!cache.has(file)) cache.set(file, readFileSync(join(FIXTURES_DIR, file), 'utf8'));
  return cache.get(file);
}
