// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
/**
 * "These are my papers" from an author page: the URL is recognised in what the reader types,
 * the page is read with the listing parser (the `/a/dai_d_1` fixture), and the options section
 * saves nothing when a page cannot be read.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { MyPapers, SEEDS_RECHECK_MS, type MyPapersApi } from '@/components/MyPapers';
import type { ArxivId } from '@/lib/arxiv/types';
import { parseSeedIds } from '@/lib/overlay/ranking-seeds';
import { readAuthorPageIds } from '@/lib/ranking/author-page-seeds';
import { parseHtml, readFixture } from '../../fixtures/load-fixture';

const DAI_IDS = ['2602.23220', '2602.22423', '2602.22409', '2602.22392'] as ArxivId[];

function answering(body: string, init: { status?: number; url?: string } = {}) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = async (url: string, requestInit: RequestInit) => {
    calls.push({ url, init: requestInit });
    const response = new Response(body, { status: init.status ?? 200 });
    Object.defineProperty(response, 'url', { value: init.url ?? url });
    return response;
  };
  return { calls, reader: { fetch, parseHtml } };
}

describe('parseSeedIds with author pages', () => {
  it.each([
    ['https://arxiv.org/a/dai_d_1', 'https://arxiv.org/a/dai_d_1'],
    ['https://arxiv.org/a/dai_d_1.html', 'https://arxiv.org/a/dai_d_1'],
    ['http://www.arxiv.org/a/0000-0002-1825-0097', 'https://arxiv.org/a/0000-0002-1825-0097'],
  ])('reads %s as the author page %s', (typed, page) => {
    expect(parseSeedIds(`2602.22392, ${typed}`)).toEqual({ ids: ['2602.22392'], authorPages: [page], rejected: [] });
  });

  it.each(['a/dai_d_1', 'https://arxiv.org/a/dai_d_1.atom', 'https://arxiv.org.evil.example/a/dai_d_1', 'https://arxiv.org/a/'])('rejects %s', (typed) => {
    expect(parseSeedIds(typed)).toEqual({ ids: [], authorPages: [], rejected: [typed] });
  });
});

describe('readAuthorPageIds', () => {
  it('lists the page’s papers in its order, asking without cookies or referrer', async () => {
    const { calls, reader } = answering(readFixture('author-dai_d_1.html'));
    expect(await readAuthorPageIds('https://arxiv.org/a/dai_d_1', reader)).toEqual(DAI_IDS);
    expect(calls).toEqual([{ url: 'https://arxiv.org/a/dai_d_1', init: { credentials: 'omit', referrerPolicy: 'no-referrer' } }]);
  });

  it.each([
    ['an HTTP error', answering('gone', { status: 404 }).reader, 'arXiv answered 404 for https://arxiv.org/a/nobody_x_1'],
    ['a redirect away from arXiv', answering(readFixture('author-dai_d_1.html'), { url: 'https://example.com/a/x' }).reader, 'led away from arXiv, to https://example.com/a/x'],
    ['a page that lists nothing', answering('<html><body><p>No articles</p></body></html>').reader, 'https://arxiv.org/a/nobody_x_1 lists no papers'],
    [
      'no connection',
      {
        fetch: () => Promise.reject(new TypeError('Failed to fetch')),
        parseHtml,
      },
      'could not reach https://arxiv.org/a/nobody_x_1 (Failed to fetch)',
    ],
  ])('says in words what went wrong with %s', async (_case, reader, message) => {
    await expect(readAuthorPageIds('https://arxiv.org/a/nobody_x_1', reader)).rejects.toThrow(message);
  });
});

describe('the "These are my papers" section', () => {
  function fakeApi(authorPage: MyPapersApi['authorPage']) {
    let stored: ArxivId[] = [];
    let arriving = 0;
    const api: MyPapersApi = {
      seeds: vi.fn(async (ids?: ArxivId[]) => {
        if (ids) [stored, arriving] = [ids, ids.length];
        else arriving = Math.max(0, arriving - 2);
        return { ids: stored, known: stored.length - arriving, fetching: arriving };
      }),
      reset: async () => null,
      authorPage: vi.fn(authorPage),
    };
    return api;
  }

  async function mount(api: MyPapersApi) {
    const root = document.body.appendChild(document.createElement('div'));
    await act(() => render(<MyPapers api={api} />, root));
    const box = root.querySelector('textarea')!;
    const line = root.querySelector('[aria-live]')!;
    const type = async (text: string) =>
      act(() => {
        box.value = text;
        box.dispatchEvent(new Event('input', { bubbles: true }));
      });
    // The fake API answers in microtasks, so these suffice, also under fake timers.
    const save = async () =>
      act(async () => {
        root.querySelector<HTMLButtonElement>('button')!.click();
        for (let turn = 0; turn < 20; turn += 1) await Promise.resolve();
      });
    return { root, box, line, type, save };
  }

  it('saves the typed ids with the author page’s, and follows the fetched ones until they have come', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const api = fakeApi(async () => DAI_IDS);
      const { box, line, type, save } = await mount(api);
      await type('2602.22392 2601.00001\nhttps://arxiv.org/a/dai_d_1');
      await save();
      expect(api.authorPage).toHaveBeenCalledWith('https://arxiv.org/a/dai_d_1');
      expect(api.seeds).toHaveBeenLastCalledWith(['2602.22392', '2601.00001', '2602.23220', '2602.22423', '2602.22409']);
      expect(box.value.split('\n')).toHaveLength(5);
      expect(line.textContent).toBe('5 of your papers kept; 0 of them Sift has read and learns from; 5 more on their way from arXiv.');
      await act(async () => void (await vi.advanceTimersByTimeAsync(SEEDS_RECHECK_MS)));
      expect(line.textContent).toBe('5 of your papers kept; 2 of them Sift has read and learns from; 3 more on their way from arXiv.');
      await act(async () => void (await vi.advanceTimersByTimeAsync(2 * SEEDS_RECHECK_MS)));
      expect(line.textContent).toBe('5 of your papers kept; 5 of them Sift has read and learns from.');
      const asked = vi.mocked(api.seeds).mock.calls.length;
      await act(async () => void (await vi.advanceTimersByTimeAsync(5 * SEEDS_RECHECK_MS)));
      expect(vi.mocked(api.seeds).mock.calls).toHaveLength(asked);
    } finally {
      vi.useRealTimers();
    }
  });

  it('saves nothing, and says why, when an author page cannot be read', async () => {
    const api = fakeApi(() => Promise.reject(new Error('arXiv answered 404 for https://arxiv.org/a/nobody_x_1')));
    const { line, type, save } = await mount(api);
    await type('2602.22392 https://arxiv.org/a/nobody_x_1');
    await save();
    expect(line.textContent).toBe('Nothing saved: arXiv answered 404 for https://arxiv.org/a/nobody_x_1.');
    expect(api.seeds).not.toHaveBeenCalledWith(expect.any(Array));
  });
});
