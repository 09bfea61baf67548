import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ArxivId } from '@/lib/arxiv/types';
import { createListingState } from '@/lib/overlay/listing-state';
import { listingFiltersItem, parseSavedFilters, rememberListingFilters, toSavedFilters } from '@/lib/settings/listing-filters';
import { NO_FILTERS } from '@/lib/overlay/filters';

afterEach(() => {
  fakeBrowser.reset();
  vi.useRealTimers();
});

describe('saved listing filters', () => {
  it.each([
    [undefined, undefined],
    [{ 'cs.DC': 'nonsense' }, undefined],
    [{ 'cs.DC': { on: ['onlyUnseen', 'madeUp', 3], text: 7 } }, { on: ['onlyUnseen'], text: '' }],
    [{ 'cs.DC': { on: 'onlyUnseen', text: '#ml' } }, { on: [], text: '#ml' }],
    [{ 'hep-th': { on: ['onlyStarred'], text: '' } }, undefined],
  ])('read %j tolerantly', (stored, expected) => {
    expect(parseSavedFilters(stored, 'cs.DC')).toEqual(expected);
  });

  it('keep nothing when no filter is on', () => {
    expect(toSavedFilters(NO_FILTERS, '  ')).toBeUndefined();
    expect(toSavedFilters({ ...NO_FILTERS, hideCross: true }, ' #ml ')).toEqual({ on: ['hideCross'], text: '#ml' });
  });

  it('restore an archive’s filters and save changes back, per archive', async () => {
    vi.useFakeTimers();
    await listingFiltersItem.setValue({ 'cs.DC': { on: ['onlyUnseen'], text: 'note:proof' }, 'hep-th': { on: ['onlyStarred'], text: '' } });
    const state = createListingState(['2602.00001' as ArxivId]);
    const aborter = new AbortController();
    await rememberListingFilters(state, 'cs.DC', aborter.signal);
    expect(state.filters.value.onlyUnseen).toBe(true);
    expect(state.textFilter.value).toBe('note:proof');

    state.toggleFilter('onlyUnseen', false);
    state.setTextFilter('');
    await vi.runAllTimersAsync();
    expect(await listingFiltersItem.getValue()).toEqual({ 'hep-th': { on: ['onlyStarred'], text: '' } });

    state.toggleFilter('hideCross', true);
    aborter.abort();
    await vi.runAllTimersAsync();
    expect(await listingFiltersItem.getValue()).toEqual({ 'hep-th': { on: ['onlyStarred'], text: '' } });
  });
});
