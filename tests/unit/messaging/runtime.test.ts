import { describe, expect, it, vi } from 'vitest';
import { answeringBySendResponse } from '@/lib/messaging/runtime';

/**
 * Calls a listener the way Chrome's own `runtime.onMessage` does: a returned `true` keeps the
 * channel open for `sendResponse`; anything else (a promise included) closes it with no answer.
 */
function dispatchLikeChrome(listener: ReturnType<typeof answeringBySendResponse>, message: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const kept = listener(message, { id: 'sift' }, resolve);
    if (kept !== true) resolve('closed without an answer');
  });
}

describe('the content script answering runtime messages without the polyfill', () => {
  it('answers an asker through sendResponse, which Chrome delivers where it would drop a returned promise', async () => {
    const listener = answeringBySendResponse((message) => Promise.resolve({ echoed: message }));
    await expect(dispatchLikeChrome(listener, 'status?')).resolves.toEqual({ echoed: 'status?' });
  });

  it('leaves a message that is not its own to other listeners', async () => {
    const listener = answeringBySendResponse(() => undefined);
    await expect(dispatchLikeChrome(listener, { type: 'sift-changed' })).resolves.toBe('closed without an answer');
  });

  it('answers "nothing" when its answer fails, so the asker is not left waiting', async () => {
    const sendResponse = vi.fn();
    const listener = answeringBySendResponse(() => Promise.reject(new Error('the session was torn down')));
    expect(listener('status?', {}, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith(undefined));
  });
});
