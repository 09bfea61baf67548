import { describe, expect, it } from 'vitest';
import { isEmptyQuery, matchesFilterQuery, needsAnnotations, parseFilterQuery, type FilterTarget } from '@/lib/overlay/filter-query';
import { foldForSearch } from '@/lib/rules/fold';

const target = (over: Partial<FilterTarget> = {}): FilterTarget => ({
  text: ['2602.00001', 'Graph Neural Networks for Łódź traffic', 'Ada Lovelace, Donald Knuth'].map(foldForSearch).join('\n'),
  authors: ['Ada Lovelace', 'Donald Knuth'].map(foldForSearch).join('\n'),
  tags: ['to-read', 'Machine Learning'],
  note: 'Check the proof in §3',
  ...over,
});

describe('parseFilterQuery', () => {
  it.each([
    ['', { text: [], tags: [], notes: [], authors: [] }],
    ['graph  NEURAL', { text: ['graph', 'neural'], tags: [], notes: [], authors: [] }],
    ['"graph neural" nets', { text: ['graph neural', 'nets'], tags: [], notes: [], authors: [] }],
    ['#to-read #"Machine Learning"', { text: [], tags: ['to-read', 'machine learning'], notes: [], authors: [] }],
    ['note:proof Note:"in §3"', { text: [], tags: [], notes: ['proof', 'in §3'], authors: [] }],
    ['author:Knüth', { text: [], tags: [], notes: [], authors: ['knuth'] }],
    ['# note:', { text: [], tags: [''], notes: [''], authors: [] }],
    ['title:graph', { text: ['title:graph'], tags: [], notes: [], authors: [] }],
    ['"unclosed phrase', { text: ['unclosed phrase'], tags: [], notes: [], authors: [] }],
    ['"" author:', { text: [], tags: [], notes: [], authors: [] }],
  ])('parses %j', (input, expected) => {
    expect(parseFilterQuery(input)).toEqual(expected);
  });

  it.each(['"', '#"', 'note:"', '""""', ':::', '# # #', '\u0301', '\uD800', 'author:"'])('never throws on %j', (input) => {
    expect(() => matchesFilterQuery(parseFilterQuery(input), target())).not.toThrow();
  });
});

describe('matchesFilterQuery', () => {
  it.each([
    ['', true],
    ['graph lodz', true],
    ['graph missing', false],
    ['"neural networks"', true],
    ['"networks neural"', false],
    ['#to-read', true],
    ['#TO-READ', true],
    ['#to', false],
    ['#"machine learning"', true],
    ['#to-read #unknown', false],
    ['note:proof', true],
    ['note:PROOF note:§3', true],
    ['note:lemma', false],
    ['author:knuth', true],
    ['author:traffic', false],
    ['#to-read note:proof author:ada graph', true],
  ])('%j matches: %s', (input, expected) => {
    expect(matchesFilterQuery(parseFilterQuery(input), target())).toBe(expected);
  });

  it('"#" alone asks for any tag and "note:" alone for any note', () => {
    expect(matchesFilterQuery(parseFilterQuery('#'), target({ tags: [] }))).toBe(false);
    expect(matchesFilterQuery(parseFilterQuery('#'), target())).toBe(true);
    expect(matchesFilterQuery(parseFilterQuery('note:'), target({ note: undefined }))).toBe(false);
    expect(matchesFilterQuery(parseFilterQuery('note:'), target())).toBe(true);
  });
});

describe('query kinds', () => {
  it.each([
    ['graph', false, false],
    ['#x', true, false],
    ['note:x', true, false],
    ['author:x', false, false],
    ['  ', false, true],
  ])('%j needs annotations: %s, empty: %s', (input, annotations, empty) => {
    const query = parseFilterQuery(input);
    expect(needsAnnotations(query)).toBe(annotations);
    expect(isEmptyQuery(query)).toBe(empty);
  });
});
