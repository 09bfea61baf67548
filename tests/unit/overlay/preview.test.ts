import { describe, expect, it } from 'vitest';
import type { ArxivId } from '@/lib/arxiv/types';
import { requestPreview } from '@/lib/overlay/preview';
import type { ApiRequest, ListingSnapshot } from '@/lib/store/api';

const idOf = (n: number) => `2602.${String(10000 + n)}` as ArxivId;
const snapshot: ListingSnapshot = { annotations: {}, tags: [{ name: 'to read', color: '#123456', count: 1 }], rules: [], seen: {} };
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('requestPreview', () => {
  it('asks nothing until enough distinct entries came, then once, about those, and never again', async () => {
    const sent: ApiRequest[] = [];
    const preview = requestPreview(async (message) => {
      sent.push(message);
      return { ok: true, result: snapshot };
    }, 3);
    preview.add(idOf(1));
    preview.add(idOf(1));
    preview.add(idOf(2));
    expect(sent).toEqual([]);
    preview.add(idOf(3));
    preview.add(idOf(4));
    expect(sent).toEqual([{ type: 'listing.open', data: { ids: [idOf(1), idOf(2), idOf(3)] } }]);
    expect(preview.answered()).toBeUndefined();
    await settle();
    expect(preview.answered()).toEqual({ ids: [idOf(1), idOf(2), idOf(3)], snapshot });
  });

  it('answers nothing when too few entries came or the store failed, leaving the error to the session', async () => {
    const few = requestPreview(() => Promise.reject(new Error('not asked')), 3);
    few.add(idOf(1));
    expect(few.answered()).toBeUndefined();

    const failing = requestPreview(() => Promise.reject(new Error('Could not establish connection')), 1);
    failing.add(idOf(1));
    await settle();
    expect(failing.answered()).toBeUndefined();

    const refused = requestPreview(async () => ({ ok: false, error: 'no' }), 1);
    refused.add(idOf(1));
    await settle();
    expect(refused.answered()).toBeUndefined();
  });
});
