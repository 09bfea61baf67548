import { describe, expect, it } from 'vitest';
import type { ArxivId } from '@/lib/arxiv/types';
import type { Annotation } from '@/lib/store/api';
import type { Rule } from '@/lib/rules/types';
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
    state.setSeen([A, id('2602.99999')], 5);
    const counts = state.counts.value;
    expect(counts).toMatchObject({ all: 3, starred: 1, hidden: 1, matching: 1, unseen: 2 });
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

describe('rule hides are derived, never stored', () => {
  const hideRule: Rule = { id: 'r-hide', label: 'federated', pattern: 'federated', mode: 'word', fields: ['title'], caseSensitive: false, diacriticSensitive: false, color: '#ff0000', action: 'hide', enabled: true, createdAt: 1, updatedAt: 1 };

  it('hides what a hide rule matches, but never a starred, tagged, noted or kept paper', () => {
    const D = id('2602.00004');
    const E = id('2602.00005');
    const state = createListingState([A, B, C, D, E]);
    state.setRules([hideRule]);
    state.setMatches(new Map([A, B, C, D, E].map((paper) => [paper, ['r-hide']])));
    state.applyAnnotations([B, C, D, E], {
      [B]: annotation(B, { starred: true }),
      [C]: annotation(C, { tags: ['to read'] }),
      [D]: annotation(D, { note: 'keep an eye on it' }),
      [E]: annotation(E, { kept: true }),
    });
    expect([...state.ruleHidden.value.keys()]).toEqual([A]);
    expect(state.isHidden(A)).toBe(true);
    expect(state.counts.value.hidden).toBe(1);
  });

  it('shows again what only the rule hid when the rule is deleted or disabled, and keeps a hide the reader made', () => {
    const state = createListingState([A, B]);
    state.setRules([hideRule]);
    state.setMatches(new Map([[A, ['r-hide']], [B, ['r-hide']]]));
    state.applyAnnotations([B], { [B]: annotation(B, { hidden: true }) });
    expect(state.counts.value.hidden).toBe(2);
    state.setRules([{ ...hideRule, enabled: false }]);
    expect(state.isHidden(A)).toBe(false);
    expect(state.isHidden(B)).toBe(true);
    state.setRules([]);
    expect(state.counts.value.hidden).toBe(1);
  });
});

describe('seen marks', () => {
  it('keeps the first time a paper was seen and counts unseen papers of the page only', () => {
    const state = createListingState([A, B, C]);
    state.setSeen([A, id('2602.99999')], 10);
    state.setSeen([A, B], 20);
    expect([...state.seen.value]).toEqual([
      [A, 10],
      [B, 20],
    ]);
    expect(state.counts.value.unseen).toBe(1);
    state.setSeen([A], null);
    expect(state.counts.value.unseen).toBe(2);
  });
});
