import { describe, expect, it, vi } from 'vitest';
import type { ArxivId, Paper } from '@/lib/arxiv/types';
import type { Entry, EntryIndex } from '@/lib/overlay/entry-index';
import { createListingState, blankAnnotation } from '@/lib/overlay/listing-state';
import { createSelection } from '@/lib/overlay/selection';
import { visibilityOf } from '@/lib/overlay/visibility';
import { createBulkActions } from '@/lib/overlay/bulk-actions';
import type { ListingSession } from '@/lib/overlay/session';

const paper = (n: number, over: Partial<Paper> = {}): Paper =>
  ({ id: `2602.0000${n}` as ArxivId, title: `Paper ${n}`, authors: [`Author ${n}`], subjects: [], section: 'new', ...over }) as Paper;

function listing(papers: Paper[]): EntryIndex {
  const entries: Entry[] = papers.map((p, index) => ({ index, paper: p, nodes: [], controls: {} as HTMLElement }));
  return {
    entries,
    byId: (id) => entries.filter((e) => e.paper.id === id),
    entryOf: () => undefined,
    ids: () => [...new Set(entries.map((e) => e.paper.id))],
    remove: () => undefined,
  };
}

function setup(papers = [1, 2, 3, 4, 5, 6].map((n) => paper(n))) {
  const entries = listing(papers);
  const state = createListingState(entries.ids());
  const visibility = visibilityOf(state, entries);
  return { entries, state, visibility, selection: createSelection(entries, visibility.shown, state.entryOrder) };
}

const ids = (selection: ReturnType<typeof createSelection>) => selection.papers().map((p) => p.title);

describe('createSelection', () => {
  it('toggles one entry on and off', () => {
    const { entries, selection } = setup();
    selection.toggle(entries.entries[1]!);
    expect(ids(selection)).toEqual(['Paper 2']);
    selection.toggle(entries.entries[1]!);
    expect(selection.count.value).toBe(0);
  });

  it('extends from the anchor to the entry, in either direction', () => {
    const { entries, selection } = setup();
    selection.toggle(entries.entries[4]!);
    selection.extendTo(entries.entries[2]!);
    expect(ids(selection)).toEqual(['Paper 3', 'Paper 4', 'Paper 5']);
    selection.extendTo(entries.entries[5]!);
    expect(ids(selection)).toEqual(['Paper 3', 'Paper 4', 'Paper 5', 'Paper 6']);
  });

  it('extends over the entries between as "For you" shows them, not in arXiv order', () => {
    const { entries, state, selection } = setup();
    state.setEntryOrder([5, 2, 0, 4, 1, 3]);
    selection.toggle(entries.entries[2]!);
    selection.extendTo(entries.entries[4]!);
    expect(ids(selection)).toEqual(['Paper 1', 'Paper 3', 'Paper 5']);
    state.setEntryOrder(undefined);
    selection.extendTo(entries.entries[5]!);
    expect(ids(selection)).toEqual(['Paper 1', 'Paper 3', 'Paper 5', 'Paper 6']);
  });

  it('skips entries the filters hide when extending and selecting all shown', () => {
    const { entries, state, selection } = setup();
    state.setTextFilter('"paper 2" ');
    selection.selectShown();
    expect(ids(selection)).toEqual(['Paper 2']);
    state.setTextFilter('');
    state.applyAnnotations([entries.entries[2]!.paper.id], { [entries.entries[2]!.paper.id]: { ...blankAnnotation(entries.entries[2]!.paper.id), hidden: true } });
    selection.clear();
    selection.toggle(entries.entries[0]!);
    selection.extendTo(entries.entries[4]!);
    expect(ids(selection)).toEqual(['Paper 1', 'Paper 2', 'Paper 4', 'Paper 5']);
  });

  it('"Select all shown" follows #tag filters through the annotations', () => {
    const { entries, state, selection } = setup();
    const [a, b] = [entries.entries[0]!.paper.id, entries.entries[3]!.paper.id];
    state.setTextFilter('#ml');
    selection.selectShown();
    expect(selection.count.value).toBe(0);
    state.applyAnnotations([a, b], { [a]: { ...blankAnnotation(a), tags: ['ML'] }, [b]: { ...blankAnnotation(b), tags: ['ml'] } });
    selection.selectShown();
    expect(ids(selection)).toEqual(['Paper 1', 'Paper 4']);
  });

  it('counts a paper listed twice once', () => {
    const twice = paper(1);
    const { entries, selection } = setup([twice, paper(2), twice]);
    selection.toggle(entries.entries[0]!);
    selection.extendTo(entries.entries[2]!);
    expect(selection.count.value).toBe(2);
    expect(ids(selection)).toEqual(['Paper 1', 'Paper 2']);
  });
});

describe('createBulkActions', () => {
  function fakeSession() {
    return { star: vi.fn(async () => true), hide: vi.fn(async () => true), tag: vi.fn(async () => true), markSeen: vi.fn(), unmarkSeen: vi.fn(async () => true) };
  }

  it('stars all papers in one call and undoes only the papers it changed', async () => {
    const { entries, state } = setup();
    const session = fakeSession();
    const papers = entries.entries.map((e) => e.paper);
    const first = papers[0]!.id;
    state.applyAnnotations([first], { [first]: { ...blankAnnotation(first), starred: true } });
    const bulk = createBulkActions(session as unknown as ListingSession, state);
    await bulk.star(papers, true);
    expect(session.star).toHaveBeenCalledTimes(1);
    expect(session.star).toHaveBeenCalledWith(papers, true);
    expect(bulk.undo.value?.label).toBe('Undo star');
    await bulk.runUndo();
    expect(session.star).toHaveBeenLastCalledWith(papers.slice(1), false, { marksSeen: false });
    expect(bulk.undo.value).toBeUndefined();
  });

  it('undoes a bulk tag by removing it from papers that did not carry it', async () => {
    const { entries, state } = setup();
    const session = fakeSession();
    const papers = entries.entries.slice(0, 3).map((e) => e.paper);
    const first = papers[0]!.id;
    state.applyAnnotations([first], { [first]: { ...blankAnnotation(first), tags: ['ml'] } });
    const bulk = createBulkActions(session as unknown as ListingSession, state);
    await bulk.tag(papers, ' ml ');
    await bulk.runUndo();
    expect(session.tag).toHaveBeenLastCalledWith(papers.slice(1), 'ml', false);
  });

  it('offers no undo when the store refused', async () => {
    const { entries, state } = setup();
    const session = { ...fakeSession(), hide: vi.fn(async () => false) };
    const bulk = createBulkActions(session as unknown as ListingSession, state);
    await bulk.hide([entries.entries[0]!.paper]);
    expect(bulk.undo.value).toBeUndefined();
  });

  it('undoes mark seen only for papers that were unseen', async () => {
    const { entries, state } = setup();
    const session = fakeSession();
    const papers = entries.entries.slice(0, 2).map((e) => e.paper);
    state.setSeen([papers[0]!.id], 1);
    const bulk = createBulkActions(session as unknown as ListingSession, state);
    bulk.markSeen(papers);
    await bulk.runUndo();
    expect(session.unmarkSeen).toHaveBeenCalledWith([papers[1]!.id]);
  });
});
