// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseArxivPage } from '../../lib/arxiv/parse';
import { loadFixture } from '../fixtures/load-fixture';

const PAGES = [
  ['list-new-cs.DC-2026-02-27.html', 'https://arxiv.org/list/cs.DC/new'],
  ['list-recent-cs.DC.html', 'https://arxiv.org/list/cs.DC/recent'],
  ['edge-cases-new.html', 'https://arxiv.org/list/cs.DC/new'],
  ['list-malformed-cs.DC.html', 'https://arxiv.org/list/cs.DC/new'],
  ['list-new-classic-cs.DC.html', 'https://arxiv.org/list/cs.DC/new'],
  ['search-results.html', 'https://arxiv.org/search/?query=distributed&searchtype=all'],
  ['abs-2602.22195.html', 'https://arxiv.org/abs/2602.22195'],
] as const;

function elementCount(doc: Document): number {
  return doc.getElementsByTagName('*').length;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('parseArxivPage is pure', () => {
  it.each(PAGES)('leaves the DOM of %s exactly as it was', (file, url) => {
    const doc = loadFixture(file);
    const before = doc.documentElement.cloneNode(true);
    const text = doc.documentElement.textContent;
    const count = elementCount(doc);

    const page = parseArxivPage(doc, url);

    expect(page.papers.length).toBeGreaterThan(0);
    expect(doc.documentElement.isEqualNode(before)).toBe(true);
    expect(doc.documentElement.textContent).toBe(text);
    expect(elementCount(doc)).toBe(count);
  });

  it.each(PAGES)('reads only the document it is given, never the global one (%s)', (file, url) => {
    const doc = loadFixture(file);
    const expected = parseArxivPage(doc, url);
    const forbidden = new Proxy(
      {},
      {
        get() {
          throw new Error('the parser touched the global document');
        },
      },
    );
    vi.stubGlobal('document', forbidden);

    const page = parseArxivPage(doc, url);

    expect(page.problems).toEqual(expected.problems);
    expect(page.papers.map((p) => p.id)).toEqual(expected.papers.map((p) => p.id));
  });

  it('gives the same records when parsing twice', () => {
    const doc = loadFixture('list-new-cs.DC-2026-02-27.html');
    const strip = (url: string) => parseArxivPage(doc, url).papers.map(({ element: _element, ...rest }) => rest);
    expect(strip('https://arxiv.org/list/cs.DC/new')).toEqual(strip('https://arxiv.org/list/cs.DC/new'));
  });
});
