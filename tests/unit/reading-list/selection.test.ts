import { describe, expect, it } from 'vitest';
import {
  EMPTY_SELECTION,
  coverageOf,
  pruneSelection,
  selectRange,
  selectedOf,
  setSelected,
  toggleSelected,
  type Selection,
} from '@/lib/reading-list/selection';

const ORDER = ['a', 'b', 'c', 'd', 'e'];
const of = (ids: string[], anchor?: string): Selection => ({ ids: new Set(ids), anchor });
const sorted = (selection: Selection) => [...selection.ids].sort();

describe('toggleSelected', () => {
  it('selects an unselected paper and makes it the anchor', () => {
    expect(toggleSelected(EMPTY_SELECTION, 'b')).toEqual(of(['b'], 'b'));
  });

  it('deselects a selected paper', () => {
    expect(sorted(toggleSelected(of(['a', 'b']), 'a'))).toEqual(['b']);
  });

  it('never changes the selection it was given', () => {
    const before = of(['a']);
    toggleSelected(before, 'b');
    expect(sorted(before)).toEqual(['a']);
  });
});

describe('selectRange (shift-click)', () => {
  it.each([
    ['downwards from the anchor', of(['b'], 'b'), 'd', ['b', 'c', 'd']],
    ['upwards from the anchor', of(['d'], 'd'), 'b', ['b', 'c', 'd']],
    ['adding to what was selected before', of(['a', 'd'], 'd'), 'e', ['a', 'd', 'e']],
    ['deselecting when the anchor is deselected', of(['a', 'c', 'd'], 'b'), 'd', ['a']],
    ['as a toggle without an anchor', of(['a']), 'c', ['a', 'c']],
    ['as a toggle when the anchor is filtered out', of(['x'], 'x'), 'c', ['c', 'x']],
  ])('selects %s', (_case, selection, clicked, expected) => {
    expect(sorted(selectRange(selection, ORDER, clicked))).toEqual(expected);
  });

  it('keeps the anchor so a second shift-click redraws from it', () => {
    const once = selectRange(of(['b'], 'b'), ORDER, 'e');
    expect(once.anchor).toBe('b');
    expect(sorted(selectRange(setSelected(once, ['c', 'd', 'e'], false), ORDER, 'c'))).toEqual(['b', 'c']);
  });
});

describe('setSelected (select all shown)', () => {
  it('selects every shown paper and keeps selected papers that are not shown', () => {
    expect(sorted(setSelected(of(['z']), ['a', 'b'], true))).toEqual(['a', 'b', 'z']);
  });

  it('deselects only the shown papers', () => {
    expect(sorted(setSelected(of(['a', 'b', 'z']), ['a', 'b'], false))).toEqual(['z']);
  });
});

describe('coverageOf', () => {
  it.each([
    [[], ['a', 'b'], 'none'],
    [['a'], ['a', 'b'], 'some'],
    [['a', 'b', 'z'], ['a', 'b'], 'all'],
    [['a'], [], 'none'],
  ] as const)('selected %j of shown %j → %s', (selected, shown, expected) => {
    expect(coverageOf(of([...selected]), shown)).toBe(expected);
  });
});

describe('pruneSelection', () => {
  it('drops papers that left the store, and the anchor with them', () => {
    expect(pruneSelection(of(['a', 'b'], 'b'), new Set(['a']))).toEqual(of(['a']));
  });

  it('returns the same object when every paper still exists', () => {
    const selection = of(['a'], 'a');
    expect(pruneSelection(selection, new Set(['a', 'b']))).toBe(selection);
  });
});

describe('selectedOf', () => {
  it('keeps the order of the items, not the order of selecting', () => {
    const items = ORDER.map((id) => ({ id }));
    expect(selectedOf(toggleSelected(toggleSelected(EMPTY_SELECTION, 'd'), 'a'), items)).toEqual([{ id: 'a' }, { id: 'd' }]);
  });
});
