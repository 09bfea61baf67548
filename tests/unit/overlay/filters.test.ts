import { describe, expect, it } from 'vitest';
import { FILTERS, NO_FILTERS, matchesTextFilter, parseTextFilter } from '@/lib/overlay/filters';
import { foldForSearch } from '@/lib/rules/fold';

describe('text filter', () => {
  it.each([
    ['Zelasko', 'piotr żelasko', true],
    ['umea', 'Umeå University', true],
    ['naive bayes', 'A naïve Bayes study', true],
    ['lustre parallel', 'Parallel file systems such as Lustre', true],
    ['lustre gpu', 'Parallel file systems such as Lustre', false],
    // The same folding as the rules: letters NFD leaves whole fold too.
    ['lukasz', 'Łukasz Nowak', true],
    ['soren', 'Søren Kierkegaard', true],
    ['strasse', 'Straße', true],
    ['', 'anything', true],
    ['   ', 'anything', true],
  ])('"%s" in "%s" → %s (every term, accents and case ignored)', (input, text, expected) => {
    expect(matchesTextFilter(foldForSearch(text), parseTextFilter(input))).toBe(expected);
  });

  it('folds TeX and symbols as typed, dropping marks and folding undecomposable letters', () => {
    expect(foldForSearch('$\\tilde O(D)$ Łódź')).toBe('$\\tilde o(d)$ lodz');
  });
});

describe('filter table', () => {
  it('puts an html attribute only on "Show abstracts", and no toggle is on by default', () => {
    expect(FILTERS.flatMap((f) => ('attr' in f ? [f.id] : []))).toEqual(['showAbstracts']);
    expect(Object.values(NO_FILTERS).every((on) => on === false)).toBe(true);
    expect(Object.keys(NO_FILTERS).sort()).toEqual(FILTERS.map((f) => f.id).sort());
  });
});
