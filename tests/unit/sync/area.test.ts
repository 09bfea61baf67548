import { describe, expect, it } from 'vitest';
import { browserSyncArea, itemBytes, type AreaChanges, type BrowserStorage } from '@/lib/sync/area';

describe('itemBytes', () => {
  it.each([
    ['an ASCII item', 'p1', 'abc', 2 + 5],
    ['UTF-8 text', 'n', 'é☃', 1 + 2 + 2 + 3],
    ['escapes JSON adds', 'k', 'a"b', 1 + 6],
  ])('counts key + JSON value in UTF-8 bytes, as Chrome does: %s', (_, key, value, bytes) => {
    expect(itemBytes(key, value)).toBe(bytes);
  });
});

describe('browserSyncArea', () => {
  it('passes reads and writes to storage.sync and hears only the sync area changing', async () => {
    const calls: unknown[] = [];
    let listener: ((changes: AreaChanges, areaName: string) => void) | undefined;
    const storage: BrowserStorage = {
      sync: {
        get: async (keys) => {
          calls.push(['get', keys]);
          return { a: 1 };
        },
        set: async (items) => void calls.push(['set', items]),
        remove: async (keys) => void calls.push(['remove', keys]),
      },
      onChanged: {
        addListener: (fn) => (listener = fn),
        removeListener: (fn) => {
          if (listener === fn) listener = undefined;
        },
      },
    };
    const area = browserSyncArea(storage);
    expect(await area.get()).toEqual({ a: 1 });
    await area.set({ b: 2 });
    await area.remove(['a']);
    expect(calls).toEqual([['get', null], ['set', { b: 2 }], ['remove', ['a']]]);
    const heard: AreaChanges[] = [];
    const unsubscribe = area.subscribe((changes) => heard.push(changes));
    listener?.({ x: { newValue: 1 } }, 'local');
    listener?.({ y: { newValue: 2 } }, 'sync');
    expect(heard).toEqual([{ y: { newValue: 2 } }]);
    unsubscribe();
    expect(listener).toBeUndefined();
  });
});
