import { effect } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import type { ArxivPage, Paper } from '@/lib/arxiv/types';
import type { EntryIndex } from '@/lib/overlay/entry-index';
import { createListingState, type ListingState } from '@/lib/overlay/listing-state';
import type { Notifier } from '@/lib/overlay/notify';
import type { AnnotationsPreview } from '@/lib/overlay/preview';
import { openListingSession, type ListingSession } from '@/lib/overlay/session';
import type { ApiRequest } from '@/lib/store/api';
import { toSiftChanged } from '@/lib/store/api';
import { createApiHandler } from '@/lib/store/handlers';
import { EXTENSION_ID, PAGES_URL, freshDb, meta, nthId, rule } from '../store/support';

const papers: Paper[] = [0, 1, 2].map((n) => ({ ...meta(nthId(n)), element: { head: {} as Element, nodes: [], fields: {} } }));
const page: ArxivPage = { kind: 'new', sections: [], papers, problems: [] };

/** The entry index a session needs: ids and entries by id, without a DOM. */
function entriesOf(list: readonly Paper[]): EntryIndex {
  const entries = list.map((paper, index) => ({ index, paper, nodes: [], controls: {} as HTMLElement }));
  return {
    entries,
    byId: (id) => entries.filter((entry) => entry.paper.id === id),
    entryOf: () => undefined,
    ids: () => [...new Set(list.map((paper) => paper.id))],
    remove: () => undefined,
  };
}

type Listener = (message: unknown) => Promise<unknown> | undefined;

/**
 * The background as tabs see it: the real message handler over a fake-indexeddb store, with its
 * broadcasts delivered to every subscribed tab, JSON-serialised as runtime messaging does.
 */
function background() {
  const listeners = new Set<Listener>();
  const handle = createApiHandler({
    db: freshDb(),
    extensionId: EXTENSION_ID,
    pagesUrl: PAGES_URL,
    onChange: (notice) => {
      for (const listener of listeners) void listener(JSON.parse(JSON.stringify(toSiftChanged(notice))));
    },
  });
  return {
    listeners,
    send: async (message: ApiRequest) => handle(JSON.parse(JSON.stringify(message)), { id: EXTENSION_ID, tab: { id: 1 } }),
  };
}

interface Tab {
  state: ListingState;
  session: ListingSession;
  sent: ApiRequest[];
  failures: string[];
  /** How often the rule list was replaced (each replacement compiles and paints the page). */
  ruleUpdates: () => number;
}

function openTab(bg: ReturnType<typeof background>, send: (message: ApiRequest) => Promise<unknown> = bg.send, preview?: AnnotationsPreview): Tab {
  const sent: ApiRequest[] = [];
  const failures: string[] = [];
  const state = createListingState(papers.map((paper) => paper.id));
  let ruleUpdates = -1;
  effect(() => {
    state.rules.value;
    ruleUpdates++;
  });
  const notify: Notifier = { show: () => undefined, failure: (what, error) => failures.push(`${what}: ${error instanceof Error ? error.message : String(error)}`) };
  const session = openListingSession({
    page,
    entries: entriesOf(papers),
    state,
    notify,
    send: (message) => {
      sent.push(message);
      return send(message);
    },
    subscribe: (listener) => {
      bg.listeners.add(listener);
      return () => bg.listeners.delete(listener);
    },
    signal: new AbortController().signal,
    detach: () => undefined,
    preview,
  });
  return { state, session, sent, failures, ruleUpdates: () => ruleUpdates };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** What runtime messaging throws when the service worker is not there to answer. */
const dropped = () => new Error('Could not establish connection. Receiving end does not exist.');

/** Runs `run` with the session's timers on a fake clock, which `stepUntil` moves on. */
async function withFakeClock<T>(run: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
  try {
    return await run();
  } finally {
    vi.useRealTimers();
  }
}

/** Steps the fake clock and fake-indexeddb's real tasks (which it does not fake) until `done`. */
async function stepUntil(done: () => boolean): Promise<void> {
  for (let step = 0; step < 400 && !done(); step += 1) {
    await vi.advanceTimersByTimeAsync(50);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** `promise`, once the fake clock has been stepped until it settled. */
async function settledOnFakeClock<T>(promise: Promise<T>): Promise<T> {
  let settled = false;
  void promise.finally(() => (settled = true)).catch(() => undefined);
  await stepUntil(() => settled);
  return promise;
}

describe('openListingSession', () => {
  it('asks the store once at load, for annotations, tags, rules and the visit together', async () => {
    const bg = background();
    const writer = openTab(bg);
    await writer.session.ready;
    await writer.session.tag([papers[0]!], 'to read', true);
    await writer.session.saveRule(rule('r1'));

    const tab = openTab(bg);
    await tab.session.ready;
    // One question at load; then a page that prints abstracts hands them to the cache.
    await settle();
    expect(tab.sent.map((message) => message.type)).toEqual(['listing.open', 'abstracts.remember']);
    expect(tab.sent[0]?.data).toEqual({ ids: papers.map((paper) => paper.id) });
    expect(tab.state.annotationOf(papers[0]!.id)?.tags).toEqual(['to read']);
    expect(tab.state.tags.value.map((tag) => tag.name)).toEqual(['to read']);
    expect(tab.state.rules.value.map((r) => r.id)).toEqual(['r1']);
  });

  it('shows the preview of the entries read ahead as it opens, then the store\'s own answer about every entry', async () => {
    const bg = background();
    const writer = openTab(bg);
    await writer.session.ready;
    await writer.session.star([papers[1]!], true);
    const starred = writer.state.annotationOf(papers[1]!.id)!;
    // Taken before the star moved from paper 0 to paper 1.
    const preview: AnnotationsPreview = {
      ids: [papers[0]!.id, papers[1]!.id],
      snapshot: { annotations: { [papers[0]!.id]: { ...starred, id: papers[0]!.id } }, tags: [{ name: 'to read', color: '#3366cc', count: 1 }], rules: [rule('r1')], seen: {} },
    };

    const tab = openTab(bg, bg.send, preview);
    expect(tab.state.annotationOf(papers[0]!.id)?.starred).toBe(true);
    expect(tab.state.annotationOf(papers[1]!.id)).toBeUndefined();
    expect(tab.state.tags.value.map((tag) => tag.name)).toEqual(['to read']);
    // Rules wait for the session's own answer: each list compiles and paints the page.
    expect(tab.ruleUpdates()).toBe(0);

    await tab.session.ready;
    expect(tab.state.annotationOf(papers[0]!.id)).toBeUndefined();
    expect(tab.state.annotationOf(papers[1]!.id)?.starred).toBe(true);
    expect(tab.state.tags.value).toEqual([]);
    expect(tab.sent[0]).toEqual({ type: 'listing.open', data: { ids: papers.map((paper) => paper.id) }, origin: expect.any(String) });
  });

  describe('a write whose answer is lost with the service worker', () => {

    it('shows what the store holds and says nothing when the write had landed', async () => {
      const bg = background();
      const tab = openTab(bg, async (message) => {
        if (message.type !== 'papers.star') return bg.send(message);
        await bg.send(message);
        throw dropped();
      });
      await tab.session.ready;
      expect(await tab.session.toggleStar(papers[0]!)).toBe(true);
      expect(tab.state.annotationOf(papers[0]!.id)?.starred).toBe(true);
      expect(tab.failures).toEqual([]);
    });

    it('puts back what the store holds and says so when the write had not landed', async () => {
      const bg = background();
      const tab = openTab(bg, async (message) => {
        if (message.type === 'papers.star') throw dropped();
        return bg.send(message);
      });
      await tab.session.ready;
      expect(await tab.session.toggleStar(papers[0]!)).toBe(false);
      expect(tab.state.annotationOf(papers[0]!.id)?.starred).toBeFalsy();
      expect(tab.failures).toHaveLength(1);
    });

    it('waits out a worker stopped again and again for seconds, then shows the write that landed and says nothing', async () => {
      // CI's burst of stars: the harness stopped the worker while each read-back woke it, for
      // longer than the read-back used to wait, and the tab showed unstarred a star the store held.
      const bg = background();
      let awayUntil = 0;
      const tab = openTab(bg, async (message) => {
        if (Date.now() < awayUntil) throw dropped();
        if (message.type !== 'papers.star') return bg.send(message);
        await bg.send(message);
        awayUntil = Date.now() + 3_000;
        throw dropped();
      });
      await tab.session.ready;
      await settle(); // the page's abstracts go to the cache before the worker goes away
      expect(await withFakeClock(() => settledOnFakeClock(tab.session.toggleStar(papers[0]!)))).toBe(true);
      expect(tab.state.annotationOf(papers[0]!.id)?.starred).toBe(true);
      expect(tab.failures).toEqual([]);
    });

    it('puts back what was shown and says so when the store cannot be asked again', async () => {
      const bg = background();
      let away = false;
      const tab = openTab(bg, async (message) => {
        if (away) throw dropped();
        if (message.type === 'papers.star') {
          away = true;
          throw dropped();
        }
        return bg.send(message);
      });
      await tab.session.ready;
      await settle(); // the page's abstracts go to the cache before the worker goes away
      expect(await withFakeClock(() => settledOnFakeClock(tab.session.star([papers[0]!], true, { marksSeen: false })))).toBe(false);
      expect(tab.state.annotationOf(papers[0]!.id)?.starred).toBeFalsy();
      expect(tab.failures).toHaveLength(1);
      // Five read-backs over nine seconds, each sent once more when its connection drops.
      expect(tab.sent.filter((message) => message.type === 'annotations.get')).toHaveLength(10);
    });
  });

  describe('seen marks while the service worker is away', () => {
    /** What the store holds as seen, as a tab opened now is told. */
    const seenIn = async (bg: ReturnType<typeof background>) => {
      const reader = openTab(bg);
      await reader.session.ready;
      return [...reader.state.seen.peek().keys()];
    };

    /** A tab whose seen marks meet no worker until `comeBack()`. */
    async function tabWithoutWorker(bg: ReturnType<typeof background>) {
      let away = true;
      const tab = openTab(bg, async (message) => {
        if (away && message.type === 'seen.mark') throw dropped();
        return bg.send(message);
      });
      await tab.session.ready;
      await settle();
      const flushes = () => tab.sent.filter((message) => message.type === 'seen.mark').length;
      return { tab, flushes, comeBack: () => void (away = false) };
    }

    it('wait for the worker and are saved when it answers again, without a word to the reader', async () => {
      const bg = background();
      const { tab, flushes, comeBack } = await tabWithoutWorker(bg);
      await withFakeClock(async () => {
        tab.session.markSeen([papers[0]!.id]);
        await stepUntil(() => flushes() >= 4);
        comeBack();
        await stepUntil(() => flushes() >= 5);
      });
      await settle();
      expect(await seenIn(bg)).toEqual([papers[0]!.id]);
      expect(tab.failures).toEqual([]);
    });

    it('are said to be unsaved, once, when the worker stays away, and still wait for it', async () => {
      const bg = background();
      const { tab, flushes, comeBack } = await tabWithoutWorker(bg);
      await withFakeClock(async () => {
        tab.session.markSeen([papers[0]!.id]);
        await stepUntil(() => tab.failures.length > 0);
        expect(tab.failures).toEqual([expect.stringMatching(/seen/)]);
        // Told once: the flushes that keep meeting no worker say nothing more.
        const told = flushes();
        await stepUntil(() => flushes() >= told + 3);
        expect(tab.failures).toHaveLength(1);
        comeBack();
        const tried = flushes();
        await stepUntil(() => flushes() > tried);
      });
      await settle();
      expect(await seenIn(bg)).toEqual([papers[0]!.id]);
    });
  });

  it('stars with one message and ignores the echo of its own write', async () => {
    const bg = background();
    const tab = openTab(bg);
    await tab.session.ready;
    const before = tab.sent.length;
    const saving = tab.session.toggleStar(papers[1]!);
    // Optimistic: the star shows before the store answers.
    expect(tab.state.annotationOf(papers[1]!.id)?.starred).toBe(true);
    expect(await saving).toBe(true);
    await settle();
    expect(tab.sent.slice(before).map((message) => message.type)).toEqual(['papers.star']);
    expect(tab.sent.at(-1)?.origin).toEqual(expect.any(String));
    expect(tab.state.annotationOf(papers[1]!.id)?.starred).toBe(true);
  });

  it("applies another tab's star from the broadcast without a request of its own", async () => {
    const bg = background();
    const reader = openTab(bg);
    const writer = openTab(bg);
    await Promise.all([reader.session.ready, writer.session.ready]);
    const asked = reader.sent.length;
    await writer.session.star([papers[2]!], true);
    await settle();
    expect(reader.state.annotationOf(papers[2]!.id)?.starred).toBe(true);
    expect(reader.state.counts.value.starred).toBe(1);
    expect(reader.sent).toHaveLength(asked);
  });

  it('rolls back a write the store refuses and says what failed', async () => {
    const bg = background();
    const refusing = async (message: ApiRequest): Promise<unknown> => (message.type === 'papers.star' ? { ok: false, error: 'papers.star: the disk is full' } : bg.send(message));
    const tab = openTab(bg, refusing);
    await tab.session.ready;
    expect(await tab.session.toggleStar(papers[0]!)).toBe(false);
    expect(tab.state.annotationOf(papers[0]!.id)?.starred).toBeFalsy();
    expect(tab.failures).toEqual(['Could not save the star: the disk is full']);
  });

  it('saves a rule with one paint in the saving tab and one in every other tab', async () => {
    const bg = background();
    const saver = openTab(bg);
    const other = openTab(bg);
    await Promise.all([saver.session.ready, other.session.ready]);
    const [savedBefore, otherBefore] = [saver.ruleUpdates(), other.ruleUpdates()];
    await saver.session.saveRule(rule('r1', { pattern: 'raft' }));
    await settle();
    expect(saver.ruleUpdates() - savedBefore).toBe(1);
    expect(other.ruleUpdates() - otherBefore).toBe(1);
    expect(other.state.rules.value.map((r) => r.pattern)).toEqual(['raft']);
  });

  it('never paints a rule the store refuses, and rejects with its reason', async () => {
    const bg = background();
    const tab = openTab(bg);
    await tab.session.ready;
    const before = tab.ruleUpdates();
    // Matches nearly everything: the background refuses it, so it must not paint the page meanwhile.
    await expect(tab.session.saveRule({ ...rule('r1'), pattern: '.', mode: 'regex' })).rejects.toThrow(/nearly every/);
    await expect(tab.session.saveRule({ ...rule('r2'), color: 'blue' })).rejects.toThrow(/color/);
    expect(tab.ruleUpdates()).toBe(before);
    expect(tab.state.rules.value).toEqual([]);
  });

  it('answers the popup with counts and the filters available, and toggles a filter', async () => {
    const bg = background();
    const tab = openTab(bg);
    await tab.session.ready;
    await tab.session.star([papers[0]!], true);
    const [listener] = bg.listeners;
    const status = await listener!({ type: 'overlay.toggle', data: { filter: 'onlyStarred' } });
    expect(status).toMatchObject({ kind: 'new', entries: 3, starred: 1, filters: { onlyStarred: true } });
    expect((status as { available: string[] }).available).toContain('onlyUnseen');
  });
});
