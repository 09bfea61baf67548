import { describe, expect, it, vi } from 'vitest';
import type { AreaChanges, BrowserStorage } from '@/lib/sync/area';
import { startBackgroundSync } from '@/lib/sync/background';
import { freshDb, nthId, storeApi } from '../store/support';

/** `browser.storage` with an in-memory sync area that records every write. */
function fakeStorage() {
  const items: Record<string, unknown> = {};
  const writes: string[][] = [];
  const listeners = new Set<(changes: AreaChanges, areaName: string) => void>();
  const storage: BrowserStorage = {
    sync: {
      get: async () => structuredClone(items),
      set: async (more) => {
        writes.push(Object.keys(more));
        Object.assign(items, structuredClone(more));
      },
      remove: async (keys) => {
        for (const key of keys) delete items[key];
      },
    },
    onChanged: { addListener: (listener) => listeners.add(listener), removeListener: (listener) => listeners.delete(listener) },
  };
  return { storage, writes };
}

describe('startBackgroundSync', () => {
  it('writes the listings\' seen marks to the sync area after a local seen write, as it does stars', { timeout: 10_000 }, async () => {
    const db = freshDb();
    const { storage, writes } = fakeStorage();
    const sync = startBackgroundSync({ db, storage, enabled: { getValue: async () => true, setValue: async () => undefined }, broadcast: () => undefined });
    await vi.waitFor(async () => expect((await sync.view()).status.phase).toBe('idle'));
    const { call, changes } = storeApi(db);
    await call('seen.mark', { ids: [nthId(0), nthId(1)] });
    // As the background does with every committed write's notice.
    for (const notice of changes) sync.localChanged(notice);
    // After the engine's debounce (2 s).
    await vi.waitFor(() => expect(writes.flat().some((key) => key.startsWith('l'))).toBe(true), { timeout: 5_000, interval: 100 });
    await sync.setEnabled(false);
  });
});
