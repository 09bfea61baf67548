import { describe, expect, it } from 'vitest';
import { answerWhereIsReadingList, showReadingList, type ReadingListTabs } from '@/lib/reading-list/open-tab';
import { WHERE_IS_READING_LIST } from '@/lib/store/api';

/** Fake browser calls that record what was done. */
function fakeTabs(answer: () => Promise<unknown>, over: Partial<ReadingListTabs> = {}) {
  const calls: string[] = [];
  const tabs: ReadingListTabs = {
    ask: (message) => {
      calls.push(`ask ${message.type}`);
      return answer();
    },
    activate: async (tabId) => void calls.push(`activate ${tabId}`),
    focusWindow: async (windowId) => void calls.push(`focus ${windowId}`),
    open: async () => void calls.push('open'),
    ...over,
  };
  return { tabs, calls };
}

describe('showReadingList', () => {
  it('activates the tab an open reading list names and focuses its window', async () => {
    const { tabs, calls } = fakeTabs(async () => ({ tabId: 7, windowId: 3 }));
    expect(await showReadingList(tabs)).toBe('reused');
    expect(calls).toEqual(['ask sift.reading-list.where', 'activate 7', 'focus 3']);
  });

  it.each([
    ['no page listens (the message rejects)', () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'))],
    ['no page answers', async () => undefined],
    ['the answer is not a tab', async () => ({ tabId: 'seven', windowId: 3 })],
  ])('opens a new tab when %s', async (_case, answer) => {
    const { tabs, calls } = fakeTabs(answer);
    expect(await showReadingList(tabs)).toBe('opened');
    expect(calls.at(-1)).toBe('open');
    expect(calls.some((call) => call.startsWith('activate'))).toBe(false);
  });

  it('opens a new tab when the answering tab closed before it was activated', async () => {
    const { tabs, calls } = fakeTabs(async () => ({ tabId: 7, windowId: 3 }), { activate: () => Promise.reject(new Error('No tab with id: 7')) });
    expect(await showReadingList(tabs)).toBe('opened');
    expect(calls).toEqual(['ask sift.reading-list.where', 'open']);
  });

  it('reuses the tab where there is no windows API, or the window will not take focus', async () => {
    const noWindows = fakeTabs(async () => ({ tabId: 7, windowId: 3 }), { focusWindow: undefined });
    expect(await showReadingList(noWindows.tabs)).toBe('reused');
    expect(noWindows.calls).toEqual(['ask sift.reading-list.where', 'activate 7']);
    const refused = fakeTabs(async () => ({ tabId: 7, windowId: 3 }), { focusWindow: () => Promise.reject(new Error('no')) });
    expect(await showReadingList(refused.tabs)).toBe('reused');
    expect(refused.calls).not.toContain('open');
  });
});

describe('answerWhereIsReadingList', () => {
  it('answers the question with the page\'s own tab', async () => {
    const listener = answerWhereIsReadingList(async () => ({ id: 7, windowId: 3 }));
    expect(await listener(WHERE_IS_READING_LIST)).toEqual({ tabId: 7, windowId: 3 });
  });

  it.each([
    ['a change broadcast', { type: 'sift.changed', data: {} }],
    ['a store request', { type: 'papers.star', data: {} }],
    ['nothing', undefined],
  ])('leaves %s to other listeners', (_case, message) => {
    expect(answerWhereIsReadingList(async () => ({ id: 7, windowId: 3 }))(message)).toBeUndefined();
  });

  it('answers nothing from a page that is not in a tab', async () => {
    expect(await answerWhereIsReadingList(async () => undefined)(WHERE_IS_READING_LIST)).toBeUndefined();
  });

  it('round trip: the background reuses the tab the page names', async () => {
    const page = answerWhereIsReadingList(async () => ({ id: 11, windowId: 2 }));
    const { tabs, calls } = fakeTabs(async () => undefined, { ask: (message) => page(message) ?? Promise.resolve(undefined) });
    expect(await showReadingList(tabs)).toBe('reused');
    expect(calls).toEqual(['activate 11', 'focus 2']);
  });
});
