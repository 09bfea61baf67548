/**
 * The sync area as the replication engine sees it: `browser.storage.sync` behind a small
 * interface, so tests can put an emulator with the same quotas and events behind it.
 */

/** chrome.storage.sync's limits (https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync). */
export const SYNC_QUOTA = {
  QUOTA_BYTES: 102_400,
  QUOTA_BYTES_PER_ITEM: 8_192,
  MAX_ITEMS: 512,
  MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
  MAX_WRITE_OPERATIONS_PER_HOUR: 1_800,
} as const;

/** One key's change, as `storage.onChanged` reports it. */
export interface AreaChange {
  oldValue?: unknown;
  newValue?: unknown;
}

export type AreaChanges = Record<string, AreaChange>;

/** What the engine needs of `storage.sync`. Writes reject with the browser's quota errors. */
export interface SyncArea {
  get(): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  /** Subscribes to changes of this area, made here or arriving from other devices; returns the unsubscribe. */
  subscribe(listener: (changes: AreaChanges) => void): () => void;
}

const encoder = new TextEncoder();

function utf8Length(text: string): number {
  // ASCII is one byte per unit: skip the encoder for the bit-stream items that make up most bytes.
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return encoder.encode(text).length;
  return text.length;
}

/** The bytes an item costs as Chrome counts them: the key's length plus its JSON value's, in UTF-8. */
export function itemBytes(key: string, value: unknown): number {
  return utf8Length(key) + utf8Length(JSON.stringify(value) ?? '');
}

/** The API shape `browser.storage` has in Chrome and Firefox (WXT's `browser.storage`). */
export interface BrowserStorage {
  sync: {
    get(keys: null): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
    remove(keys: string[]): Promise<void>;
  };
  onChanged: {
    addListener(listener: (changes: AreaChanges, areaName: string) => void): void;
    removeListener(listener: (changes: AreaChanges, areaName: string) => void): void;
  };
}

/**
 * `browser.storage.sync` as a {@link SyncArea}. `storage.onChanged` is used rather than
 * `storage.sync.onChanged`, which older Firefox lacks. Example: `browserSyncArea(browser.storage)`.
 */
export function browserSyncArea(storage: BrowserStorage): SyncArea {
  return {
    get: () => storage.sync.get(null),
    set: (items) => storage.sync.set(items),
    remove: (keys) => storage.sync.remove(keys),
    subscribe(listener) {
      const onChanged = (changes: AreaChanges, areaName: string) => {
        if (areaName === 'sync') listener(changes);
      };
      storage.onChanged.addListener(onChanged);
      return () => storage.onChanged.removeListener(onChanged);
    },
  };
}
