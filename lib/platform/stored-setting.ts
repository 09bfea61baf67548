/**
 * One setting in `browser.storage`: read with a fallback, written through, watched across tabs.
 *
 * Written here instead of taken from `@wxt-dev/storage` (WXT's storage items) because the
 * content script is loaded into every arXiv tab and its size is paid on each listing: those
 * items, with their lock and deep-equality helpers, were 3.3 KB of its gzipped 60, for the three
 * calls Sift uses. The stored form is the same (a key without its `local:` prefix, the value as
 * is), so settings saved by earlier versions read back unchanged.
 */
import { browser } from 'wxt/browser';

export type SettingArea = 'local' | 'sync' | 'session';
export type SettingKey = `${SettingArea}:${string}`;

export interface StoredSetting<T> {
  /** The stored value, or the fallback when nothing (or `null`) is stored. */
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** Calls `listener` with the new value (the fallback once removed) whenever any extension context changes it; returns the unwatch. */
  watch(listener: (value: T) => void): () => void;
}

/** `key` is `<area>:<name>`, e.g. `local:hintDismissed`. Example: `defineSetting('sync:fetchAbstracts', true)`. */
export function defineSetting<T>(key: SettingKey, fallback: T): StoredSetting<T> {
  const split = key.indexOf(':');
  const area = key.slice(0, split) as SettingArea;
  const name = key.slice(split + 1);
  const storageArea = () => browser.storage[area];
  const orFallback = (value: unknown): T => (value === undefined || value === null ? fallback : (value as T));
  return {
    async getValue() {
      const stored: Record<string, unknown> = await storageArea().get(name);
      return orFallback(stored[name]);
    },
    async setValue(value) {
      if (value === undefined || value === null) await storageArea().remove(name);
      else await storageArea().set({ [name]: value });
    },
    watch(listener) {
      const onChanged = (changes: Record<string, { newValue?: unknown }>, changedArea: string) => {
        const change = changes[name];
        if (changedArea === area && change) listener(orFallback(change.newValue));
      };
      browser.storage.onChanged.addListener(onChanged);
      return () => browser.storage.onChanged.removeListener(onChanged);
    },
  };
}
