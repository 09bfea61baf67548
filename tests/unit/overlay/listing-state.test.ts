import { describe, expect, it } from 'vitest';
import type { ArxivId } from '@/lib/arxiv/types';
import type { Annotation } from '@/lib/store/api';
import { blankAnnotation, createListingState } from '@/lib/overlay/listing-state';

const id = (text: string) => text as ArxivId;
const A = id('2602.00001');
const B = id('2602.00002');
const C = id('2602.00003');
const annotation = (paper: ArxivId, patch: Partial<Annotation>): Annotation => ({ ...blankAnnotation(paper), updatedAt: 1, ...patch });

describe('createListingState', () => {
  it('counts starred, hidden, tags, matching and new papers of the page', () => {
    const state = createListingState([A, B, C]);
    state.setTags([
      { name: 'read', color: '#ff0000', count: 9 },
      { name: 'cite', color: '#00ff00', count: 1 },
    ]);
    state.applyAnnotations([A, B], {
      [A]: annotation(A, { starred: true, tags: ['read'] }),
      [B]: annotation(B, { hidden: true, tags: ['read', 'cite'] }),
    });
    state.setMatches(new Map([[C, ['rule-1']]]));
    state.setNewIds([A, C, id('2602.99999')]);
    const counts = state.counts.value;
    expect(counts).toMatchObject({ all: 3, starred: 1, hidden: 1, matching: 1, fresh: 2 });
    expect([...counts.byTag]).toEqual([
      ['read', 2],
      ['cite', 1],
    ]);
  });

  it('ignores annotations of papers not on the page and drops papers with nothing left', () => {
    const state = createListingState([A]);
    state.applyAnnotations([A, B], { [A]: annotation(A, { starred: true }), [B]: annotation(B, { starred: true }) });
    expect([...state.annotations.value.keys()]).toEqual([A]);
    state.putAnnotation(annotation(A, { starred: false }));
    expect(state.annotations.value.size).toBe(0);
    expect(state.annotationOf(A)).toBeUndefined();
  });

  it('toggles filters one at a time and sets them explicitly', () => {
    const state = createListingState([A]);
    state.toggleFilter('onlyStarred');
    expect(state.filters.value.onlyStarred).toBe(true);
    state.toggleFilter('onlyStarred');
    expect(state.filters.value.onlyStarred).toBe(false);
    state.toggleFilter('hideCross', true);
    state.toggleFilter('hideCross', true);
    expect(state.filters.value).toMatchObject({ hideCross: true, onlyStarred: false });
  });

  it('collects rules to apply now until cleared', () => {
    const state = createListingState([A]);
    state.applyRuleNow('r1');
    state.applyRuleNow('r2');
    expect([...state.rulesToApply.value]).toEqual(['r1', 'r2']);
    state.clearRulesToApply();
    expect(state.rulesToApply.value.size).toBe(0);
  });
});
