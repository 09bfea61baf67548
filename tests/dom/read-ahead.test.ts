// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true}}
/**
 * Reading a listing's entries while it streams in: the page is rebuilt here node by node, the way
 * the browser's parser adds it, with the observers' callbacks running between the steps.
 */
import { describe, expect, it, vi } from 'vitest';
import { parseArxivPage } from '@/lib/arxiv/parse';
import type { EntryMemo } from '@/lib/arxiv/parse-listing';
import { readAhead, type IdleRunner } from '@/lib/arxiv/read-ahead';
import { createOverlayHost, createPageHost } from '@/lib/overlay/page-host';
import { loadFixture } from '../fixtures/load-fixture';

const URL = 'https://arxiv.org/list/cs.DC/new';

/** Idle time on demand: `run()` gives every waiting task all the time it wants. */
function manualIdle() {
  const waiting: Parameters<IdleRunner>[0][] = [];
  const idle: IdleRunner = (work) => void waiting.push(work);
  return { idle, run: () => waiting.splice(0).forEach((work) => work(() => 50)) };
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Copies `fixture`'s body into `target` as a parser would: elements outside `#dlpage` whole, then
 * `#dlpage`, each `dl` and each of its children one at a time, with a pause (and `between`) after
 * each entry's `dd`.
 */
async function stream(fixture: Document, target: Document, between: () => void = () => undefined) {
  for (const node of fixture.body.childNodes) {
    if (!(node instanceof Element) || !node.querySelector('#dlpage')) {
      target.body.append(target.importNode(node, true));
      continue;
    }
    const copy = (source: Element, parent: Element): Promise<void> => {
      const element = target.importNode(source, false) as Element;
      parent.append(element);
      return (async () => {
        for (const child of source.childNodes) {
          if (child instanceof Element && (child.id === 'dlpage' || child.localName === 'dl' || child.querySelector('#dlpage'))) await copy(child, element);
          else {
            element.append(target.importNode(child, true));
            if (child instanceof Element && child.localName === 'dd') {
              between();
              await tick();
            }
          }
        }
      })();
    };
    await copy(node, target.body);
  }
}

function withoutNodes(page: ReturnType<typeof parseArxivPage>) {
  return page.papers.map(({ element: _element, ...meta }) => meta);
}

describe('readAhead', () => {
  it('reads every entry whose dd is followed while the page streams, and the parse then reads only the rest', async () => {
    const fixture = loadFixture('list-new-cs.DC-2026-02-27.html');
    const target = document.implementation.createHTMLDocument('');
    const { idle, run } = manualIdle();
    const ahead = readAhead(target, 'new', { idle });
    await stream(fixture, target, run);
    await tick();
    run();
    const { memo, entries } = ahead.stop();
    // 29 entries in three sections: the last of each has nothing after it until its section closes.
    expect(entries).toBe(29 - 3);
    const streamed = parseArxivPage(target, URL, memo);
    expect(streamed.problems).toEqual([]);
    expect(withoutNodes(streamed)).toEqual(withoutNodes(parseArxivPage(fixture, URL)));
    // The papers are the page's own nodes, read ahead or not.
    expect(streamed.papers.every((paper) => target.contains(paper.element.head))).toBe(true);
  });

  it('hands each entry it reads to onEntry, in page order, as the parse reads it', async () => {
    const fixture = loadFixture('list-new-cs.DC-2026-02-27.html');
    const target = document.implementation.createHTMLDocument('');
    const { idle, run } = manualIdle();
    const read: string[] = [];
    const ahead = readAhead(target, 'new', { idle, onEntry: (entry) => read.push(typeof entry === 'string' ? entry : entry.id) });
    await stream(fixture, target, run);
    await tick();
    run();
    const { entries } = ahead.stop();
    expect(read).toHaveLength(entries);
    const parsedIds = parseArxivPage(fixture, URL).papers.map((paper) => paper.id);
    expect(read).toEqual(parsedIds.filter((id) => read.includes(id)));
  });

  it('reads nothing when no idle time comes, and the parse reads it all as before', async () => {
    const fixture = loadFixture('list-new-cs.DC-2026-02-27.html');
    const target = document.implementation.createHTMLDocument('');
    const ahead = readAhead(target, 'new', { idle: () => undefined });
    await stream(fixture, target);
    expect(ahead.stop().entries).toBe(0);
    expect(withoutNodes(parseArxivPage(target, URL))).toEqual(withoutNodes(parseArxivPage(fixture, URL)));
  });

  it('watches nothing on abstract and search pages, which have no listing sections', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    try {
      for (const kind of ['abs', 'search'] as const) expect(readAhead(document.implementation.createHTMLDocument(''), kind).stop().entries).toBe(0);
      expect(observe).not.toHaveBeenCalled();
    } finally {
      observe.mockRestore();
    }
  });

  it('hands over each section once as it is found, and the overlay host reserved there is where the page host keeps it', async () => {
    const fixture = loadFixture('list-new-cs.DC-2026-02-27.html');
    const target = document.implementation.createHTMLDocument('');
    const host = createOverlayHost(target, 'new');
    const found: Element[] = [];
    const ahead = readAhead(target, 'new', {
      idle: () => undefined,
      onSection: (section) => {
        found.push(section);
        host.reserveBefore(section);
      },
    });
    await stream(fixture, target);
    ahead.stop();
    const sections = [...target.querySelectorAll('#dlpage > dl')];
    expect(found).toEqual(sections);
    expect(host.element.nextElementSibling).toBe(sections[0]);
    expect(host.element.hasAttribute('data-sift-toolbar')).toBe(true);

    const placed = createPageHost(target, parseArxivPage(target, URL), new AbortController().signal, host);
    expect(placed.shadow).toBe(host.shadow);
    expect(target.querySelectorAll('sift-overlay')).toHaveLength(1);
    expect(host.element.nextElementSibling).toBe(sections[0]);
  });

  it('reserves no room before the entries on a page whose overlay sits at the end of the body', () => {
    const doc = document.implementation.createHTMLDocument('');
    const section = doc.body.appendChild(doc.createElement('dl'));
    const host = createOverlayHost(doc, 'abs');
    host.reserveBefore(section);
    expect(host.element.isConnected).toBe(false);
    expect(host.element.hasAttribute('data-sift-toolbar')).toBe(false);
  });

  it('stops reading when stopped, even with entries queued', async () => {
    const fixture = loadFixture('list-new-cs.DC-2026-02-27.html');
    const target = document.implementation.createHTMLDocument('');
    const { idle, run } = manualIdle();
    const ahead = readAhead(target, 'new', { idle });
    await stream(fixture, target);
    const { entries } = ahead.stop();
    run();
    expect(entries).toBe(0);
    expect(ahead.stop().entries).toBe(0);
  });

  it('takes an entry from the memo only when its dt and section kind are the ones the parse finds', () => {
    const doc = loadFixture('list-new-cs.DC-2026-02-27.html');
    const [first, second, third] = parseArxivPage(doc, URL).papers;
    const memo: EntryMemo = new WeakMap();
    const marked = (paper: typeof first, title: string) => ({ ...paper!, title });
    memo.set(first!.element.nodes[1]!, { dt: first!.element.head, kind: 'new', result: marked(first, 'read ahead') });
    // Read as a cross-list, or with another entry's dt: the page is not what was read.
    memo.set(second!.element.nodes[1]!, { dt: second!.element.head, kind: 'cross', result: marked(second, 'wrong section') });
    memo.set(third!.element.nodes[1]!, { dt: first!.element.head, kind: 'new', result: marked(third, 'wrong dt') });
    const titles = parseArxivPage(doc, URL, memo).papers.slice(0, 3).map((paper) => paper.title);
    expect(titles).toEqual(['read ahead', second!.title, third!.title]);
  });
});
