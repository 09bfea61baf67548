// @vitest-environment happy-dom
// liveQuery runs only where Dexie found a global indexedDB when it loaded, as in a browser; so the
// fake goes onto the globals before anything imports Dexie.
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { ArxivId } from '@/lib/arxiv/types';
import { openSiftDb, type SiftDb } from '@/lib/store/db';
import { useLiveQuery, type LiveQueryState } from '@/lib/extension-pages/use-live-query';

let counter = 0;
const freshDb = (): SiftDb => openSiftDb(`live-query-${++counter}-${Date.now()}`);

function paper(id: string) {
  return {
    id: id as ArxivId,
    meta: { id: id as ArxivId, title: id, authors: [], subjects: [], section: 'new' as const, absUrl: `https://arxiv.org/abs/${id}` },
    tags: [],
    starredAt: 1,
    updatedAt: 1,
  };
}

function Probe<T>({ querier, seen }: { querier: () => Promise<T>; seen: (state: LiveQueryState<T>) => void }) {
  seen(useLiveQuery(querier, []));
  return null;
}

/** Mounts a component reading `querier` live; returns the states it rendered and an unmount. */
function mount<T>(querier: () => Promise<T>) {
  const states: LiveQueryState<T>[] = [];
  const container = document.createElement('div');
  act(() => render(<Probe querier={querier} seen={(state) => states.push(state)} />, container));
  return { states, last: () => states.at(-1), unmount: () => act(() => render(null, container)) };
}

describe('useLiveQuery', () => {
  it('starts loading, then shows the result, then re-runs when the database changes', async () => {
    const db = freshDb();
    const view = mount(() => db.papers.count());
    expect(view.states[0]).toEqual({ status: 'loading' });
    await vi.waitFor(() => expect(view.last()).toEqual({ status: 'ready', value: 0 }));
    await db.papers.bulkPut([paper('2602.00001'), paper('2602.00002')]);
    await vi.waitFor(() => expect(view.last()).toEqual({ status: 'ready', value: 2 }));
    view.unmount();
  });

  it('stops querying once the component is unmounted', async () => {
    const db = freshDb();
    const querier = vi.fn(() => db.papers.count());
    const view = mount(querier);
    await vi.waitFor(() => expect(view.last()).toEqual({ status: 'ready', value: 0 }));
    view.unmount();
    const calls = querier.mock.calls.length;
    await db.papers.put(paper('2602.00003'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(querier).toHaveBeenCalledTimes(calls);
  });

  it('reports a failing query as an error', async () => {
    const view = mount(() => Promise.reject(new Error('database blocked')));
    await vi.waitFor(() => expect(view.last()).toMatchObject({ status: 'error', error: { message: 'database blocked' } }));
    view.unmount();
  });
});
