/**
 * Whether Sift may ask arXiv's API for abstracts a page leaves out. On by default; off, only
 * abstracts already cached (read on `/new`, catchup, search and abs pages) are shown, and nothing
 * leaves the browser. A setting in `storage.sync`, so the choice follows the user's
 * browser profile; the background reads it on every request and watches it to stop the queue.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import { defineSetting } from '@/lib/platform/stored-setting';

/** The setting itself (`sync:fetchAbstracts`, default on). */
export const fetchAbstractsItem = defineSetting<boolean>('sync:fetchAbstracts', true);

/** Reads the setting; anything but a stored `false` counts as on, so a broken value never hides abstracts silently. */
export async function isFetchingAbstracts(item = fetchAbstractsItem): Promise<boolean> {
  return (await item.getValue()) !== false;
}

export interface FetchAbstractsModel {
  /** On until storage has answered, then the stored value, kept current across pages. */
  enabled: ReadonlySignal<boolean>;
  ready: Promise<void>;
  setEnabled(enabled: boolean): Promise<void>;
  dispose(): void;
}

/** A model over `item` for the options page's checkbox: reads it once, follows other pages' changes, writes through. */
export function createFetchAbstractsModel(item = fetchAbstractsItem): FetchAbstractsModel {
  const enabled = signal(true);
  const unwatch = item.watch((value) => {
    enabled.value = value !== false;
  });
  const ready = item.getValue().then((value) => {
    enabled.value = value !== false;
  });
  return {
    enabled,
    ready,
    setEnabled: async (next) => {
      enabled.value = next;
      await item.setValue(next);
    },
    dispose: unwatch,
  };
}

let shared: FetchAbstractsModel | undefined;

/** The one model an extension page shares, created on first use (so importing this file touches no storage). */
export function sharedFetchAbstracts(): FetchAbstractsModel {
  shared ??= createFetchAbstractsModel();
  return shared;
}
