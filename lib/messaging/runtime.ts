import { browser } from 'wxt/browser';
import type { ApiRequest } from '@/lib/store/api';

/** A runtime-message listener that answers with a promise, or `undefined` for "not mine". */
export type RuntimeListener = (message: unknown) => Promise<unknown> | undefined;

type NativeListener = (message: unknown, sender: unknown, sendResponse: (answer: unknown) => void) => boolean;

/**
 * Answers through `sendResponse` and `return true`, the one form of an asynchronous answer that
 * Chrome's own `chrome.runtime.onMessage`, Firefox's and webextension-polyfill's all accept. The
 * content script is built without the polyfill (wxt.config.ts), and Chrome's native event ignores
 * a returned promise, so a listener that returned one would leave the popup without its answer.
 * A rejected answer is sent as `undefined`: every asker here treats no answer as "nothing valid".
 */
export function answeringBySendResponse(listener: RuntimeListener): NativeListener {
  return (message, _sender, sendResponse) => {
    const answer = listener(message);
    if (answer === undefined) return false;
    answer.then(sendResponse, () => sendResponse(undefined));
    return true;
  };
}

/**
 * The content script's two ends of the extension's runtime messaging, in the shape a listing
 * session takes, so the session itself never touches `browser` and tests pass fakes.
 */
export const runtimeChannel = {
  send: (message: ApiRequest): Promise<unknown> => browser.runtime.sendMessage(message),
  subscribe(listener: RuntimeListener): () => void {
    const native = answeringBySendResponse(listener);
    browser.runtime.onMessage.addListener(native);
    return () => browser.runtime.onMessage.removeListener(native);
  },
};
