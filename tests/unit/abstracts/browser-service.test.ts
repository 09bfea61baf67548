/**
 * The service bound to the browser (WXT's fake browser here): where the last request's start is
 * kept, delivery by tabs.sendMessage, and the setting turning fetching off mid-queue.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBrowserAbstractService } from '@/lib/abstracts/browser-service';
import type { ArxivId } from '@/lib/arxiv/types';
import { fetchAbstractsItem } from '@/lib/settings/fetch-abstracts';
import { freshDb } from '../store/support';
import { atomResponse, feedFor } from './fake-api';

const ID = '2602.10000' as ArxivId;

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

function deliveries() {
  const sent: { tabId: number; message: { data: { papers: { id: string }[]; status: { state: string } } } }[] = [];
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: never) => {
    sent.push({ tabId, message });
  }) as never);
  return sent;
}

describe('createBrowserAbstractService', () => {
  it('fetches with the global fetch, delivers to the tab, and keeps the request start in storage.session', async () => {
    const fetch = vi.fn(async () => atomResponse(feedFor([ID])));
    vi.stubGlobal('fetch', fetch);
    const sent = deliveries();
    const service = createBrowserAbstractService(freshDb());
    await service.request(4, { ids: [ID] });
    await vi.waitFor(() => expect(sent.flatMap((s) => s.message.data.papers.map((p) => p.id))).toEqual([ID]));
    expect(sent[0]?.tabId).toBe(4);
    expect(fetch).toHaveBeenCalledWith(expect.stringContaining(`id_list=${ID}`), expect.objectContaining({ credentials: 'omit', method: 'GET' }));
    await vi.waitFor(async () => expect(await fakeBrowser.storage.session.get('abstractsLastRequestAt')).toEqual({ abstractsLastRequestAt: expect.any(Number) }));
    expect(await fakeBrowser.storage.local.get('abstractsLastRequestAt')).toEqual({});
  });

  it('keeps the request start in storage.local where storage.session is missing (Firefox before 115)', async () => {
    vi.stubGlobal('fetch', async () => atomResponse(feedFor([ID])));
    deliveries();
    const session = fakeBrowser.storage.session;
    Object.defineProperty(fakeBrowser.storage, 'session', { value: undefined, configurable: true });
    try {
      const service = createBrowserAbstractService(freshDb());
      await service.request(4, { ids: [ID] });
      await vi.waitFor(async () => expect(await fakeBrowser.storage.local.get('abstractsLastRequestAt')).toEqual({ abstractsLastRequestAt: expect.any(Number) }));
    } finally {
      Object.defineProperty(fakeBrowser.storage, 'session', { value: session, configurable: true });
    }
  });

  it('tells a waiting tab when the user turns fetching off', async () => {
    vi.stubGlobal('fetch', () => new Promise<Response>(() => undefined));
    const sent = deliveries();
    const service = createBrowserAbstractService(freshDb());
    await service.request(5, { ids: [ID] });
    await fetchAbstractsItem.setValue(false);
    await vi.waitFor(() => expect(sent.map((s) => [s.tabId, s.message.data.status.state])).toContainEqual([5, 'off']));
  });
});
