import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { callApi } from '@/lib/store/client';
import { EXTENSION_ID, NOW, freshDb, meta, storeApi } from './support';

const A = '2602.22290';

describe('callApi', () => {
  afterEach(() => fakeBrowser.reset());

  it('sends { type, data } and resolves with the result', async () => {
    const send = vi.fn(async () => ({ ok: true, result: [] }));
    await expect(callApi('tags.list', {}, send)).resolves.toEqual([]);
    expect(send).toHaveBeenCalledWith({ type: 'tags.list', data: {} });
  });

  it('rejects with the background’s reason, for the reader without the request’s name, which it keeps apart', async () => {
    const send = async () => ({ ok: false, error: 'papers.star: papers[0].id: expected a versionless arXiv id, got "x"' });
    const refused = callApi('papers.star', { papers: [], starred: true }, send);
    await expect(refused).rejects.toMatchObject({ name: 'StoreError', operation: 'papers.star', message: 'papers[0].id: expected a versionless arXiv id, got "x"' });
  });

  it.each([undefined, null, 'ok', { result: 1 }])('rejects when the background answers %j instead of an envelope', async (answer) => {
    await expect(callApi('rules.list', {}, async () => answer)).rejects.toMatchObject({ message: 'no answer from the Sift background', operation: 'rules.list' });
  });

  it('goes through browser.runtime.sendMessage by default', async () => {
    const { handle } = storeApi(freshDb());
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => handle(message, { id: EXTENSION_ID }));
    const [starred] = await callApi('papers.star', { papers: [meta(A)], starred: true });
    expect(starred).toMatchObject({ id: A, starred: true });
    expect(await callApi('annotations.get', { ids: [meta(A).id] })).toEqual({
      [A]: { id: A, starred: true, hidden: false, tags: [], updatedAt: NOW },
    });
  });
});
