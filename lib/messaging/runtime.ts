import { browser } from 'wxt/browser';
import type { ApiRequest } from '@/lib/store/api';

/** A runtime-message listener that answers with a promise, or `undefined` for "not mine". */
export type RuntimeListener = (message: unknown) => Promise<unknown> | undefined;

/**
 * The content script's two ends of the extension's runtime messaging, in the shape a listing
 * session takes, so the session itself never touches `browser` and tests pass fakes.
 */
export const runtimeChannel = {
  send: (message: ApiRequest): Promise<unknown> => browser.runtime.sendMessage(message),
  subscribe(listener: RuntimeListener): () => void {
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  },
};
