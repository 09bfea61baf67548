import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defineSetting } from '@/lib/platform/stored-setting';

afterEach(() => fakeBrowser.reset());

describe('a stored setting', () => {
  it('reads its fallback until something is stored, then the stored value', async () => {
    const setting = defineSetting('local:homeCategory', 'cs.DC');
    expect(await setting.getValue()).toBe('cs.DC');
    await setting.setValue('astro-ph.GA');
    expect(await setting.getValue()).toBe('astro-ph.GA');
  });

  it('keeps the key and value where earlier versions (WXT storage items) kept them', async () => {
    await fakeBrowser.storage.sync.set({ fetchAbstracts: false });
    expect(await defineSetting('sync:fetchAbstracts', true).getValue()).toBe(false);
    await defineSetting('local:listingFilters', {}).setValue({ 'cs.DC': { onlyUnseen: true } });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ listingFilters: { 'cs.DC': { onlyUnseen: true } } });
  });

  it('treats a stored null as nothing stored, and removes the key when set to nothing', async () => {
    await fakeBrowser.storage.local.set({ abstractsLastRequestAt: null });
    const setting = defineSetting<number | undefined>('local:abstractsLastRequestAt', undefined);
    expect(await setting.getValue()).toBeUndefined();
    await setting.setValue(1_700_000_000_000);
    await setting.setValue(undefined);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('tells a watcher each new value of its own key in its own area, the fallback once removed', async () => {
    const setting = defineSetting('sync:fetchAbstracts', true);
    const seen: boolean[] = [];
    const unwatch = setting.watch((value) => seen.push(value));
    await fakeBrowser.storage.local.set({ fetchAbstracts: false });
    await fakeBrowser.storage.sync.set({ other: 1 });
    await setting.setValue(false);
    await fakeBrowser.storage.sync.remove('fetchAbstracts');
    unwatch();
    await setting.setValue(false);
    expect(seen).toEqual([false, true]);
  });
});
