import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '@/lib/overlay/filters';
import { isOverlayStatus } from '@/lib/extension-pages/popup-status';

const status = { kind: 'new', available: ['onlyStarred', 'onlyUnseen'], entries: 29, starred: 3, matching: 2, unseen: 29, hidden: 0, filters: NO_FILTERS };

describe('isOverlayStatus', () => {
  it('accepts what the content script answers', () => {
    expect(isOverlayStatus(status)).toBe(true);
  });

  it.each([
    ['no answer (no content script)', undefined],
    ['null', null],
    ['an api response instead', { ok: true, result: null }],
    ['a negative count', { ...status, starred: -1 }],
    ['a fractional count', { ...status, entries: 1.5 }],
    ['a count as text', { ...status, entries: '29' }],
    ['no page kind', { ...status, kind: undefined }],
    ['a filter missing', { ...status, filters: { ...NO_FILTERS, onlyUnseen: undefined } }],
    ['an unknown available filter', { ...status, available: ['onlyStarred', 'everything'] }],
    ['no available filters', { ...status, available: undefined }],
    ['no filters', { ...status, filters: null }],
  ])('rejects %s', (_case, value) => {
    expect(isOverlayStatus(value)).toBe(false);
  });
});
