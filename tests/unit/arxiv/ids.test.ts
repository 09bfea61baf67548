import { describe, expect, it } from 'vitest';
import { asArxivId, compareArxivIds, isArxivId, parseArxivId } from '../../../lib/arxiv/ids';

describe('parseArxivId', () => {
  it.each([
    ['2602.22290', '2602.22290', undefined],
    ['2602.22290v2', '2602.22290', 2],
    ['arXiv:2602.22290', '2602.22290', undefined],
    ['arxiv:2602.22290v12', '2602.22290', 12],
    ['  arXiv:2602.22290v1\n', '2602.22290', 1],
    ['0704.0001', '0704.0001', undefined],
    ['1412.9999v3', '1412.9999', 3],
    ['1501.00001', '1501.00001', undefined],
    ['math/0601001', 'math/0601001', undefined],
    ['math/0601001v1', 'math/0601001', 1],
    ['hep-th/9901001', 'hep-th/9901001', undefined],
    ['arXiv:hep-th/9108001v2', 'hep-th/9108001', 2],
    ['math.GT/0309136', 'math/0309136', undefined],
    ['math.GT/0309136v1', 'math/0309136', 1],
    ['cond-mat/0703999', 'cond-mat/0703999', undefined],
    ['math-ph/0703077', 'math-ph/0703077', undefined],
  ])('reads %j as %s (version %s)', (input, id, version) => {
    expect(parseArxivId(input)).toEqual(version === undefined ? { id } : { id, version });
  });

  it.each([
    ['', 'empty text'],
    ['not an id', 'words'],
    ['2602.2229', 'a four-digit number after 2014'],
    ['1412.00001', 'a five-digit number before 2015'],
    ['0703.0001', 'a new-scheme id before April 2007'],
    ['2613.00001', 'month 13'],
    ['2600.00001', 'month 00'],
    ['2602.22290v0', 'version 0'],
    ['2602.22290v01', 'a zero-padded version'],
    ['2602.22290V2', 'an upper-case V'],
    ['math/0601', 'too few digits'],
    ['math/06010011', 'too many digits'],
    ['math/0613001', 'old-scheme month 13'],
    ['math/0704001', 'an old-scheme id after March 2007'],
    ['hep-th/9107001', 'an old-scheme id before August 1991'],
    ['math/0601000', 'paper number 000'],
    ['Math/0601001', 'an upper-case archive'],
    ['math.gt/0309136', 'a lower-case subject class'],
    ['/abs/2602.22290', 'a path'],
    ['2602.22290 extra', 'trailing text'],
  ])('rejects %j (%s)', (input) => {
    expect(parseArxivId(input)).toBeUndefined();
  });

  // A backtracking pattern would take minutes on these and fail on the runner's timeout.
  it('rejects long hostile input', () => {
    expect(parseArxivId(`${'1'.repeat(50_000)}.${'2'.repeat(50_000)}v`)).toBeUndefined();
    expect(parseArxivId(`${'a-'.repeat(50_000)}/0601001`)).toBeUndefined();
  });
});

describe('isArxivId', () => {
  it.each(['2602.22290', '0704.0001', 'math/0601001', 'hep-th/9901001'])('accepts the canonical id %s', (id) => {
    expect(isArxivId(id)).toBe(true);
  });

  it.each(['2602.22290v2', 'arXiv:2602.22290', 'math.GT/0309136', ' 2602.22290', 'garbage', 42, undefined])(
    'rejects the non-canonical or non-id value %j',
    (value) => {
      expect(isArxivId(value)).toBe(false);
    },
  );
});

describe('asArxivId', () => {
  it.each([
    ['arXiv:2602.22290v2', '2602.22290'],
    ['math.GT/0309136v1', 'math/0309136'],
    ['0704.0001', '0704.0001'],
  ])('normalises %j to %s', (input, id) => {
    expect(asArxivId(input)).toBe(id);
  });

  it('throws a TypeError naming the bad input', () => {
    expect(() => asArxivId('2602.2229')).toThrow(new TypeError('Not an arXiv identifier: "2602.2229"'));
  });
});

describe('compareArxivIds', () => {
  it('orders by month, then number, with the old scheme first', () => {
    const ids = ['2602.22290', 'math/0601001', '0704.0001', '2602.00001', 'hep-th/9901001', '1501.00001', 'hep-th/9108001', '1412.9999'];
    expect([...ids].sort(compareArxivIds)).toEqual([
      'hep-th/9108001',
      'hep-th/9901001',
      'math/0601001',
      '0704.0001',
      '1412.9999',
      '1501.00001',
      '2602.00001',
      '2602.22290',
    ]);
  });

  it.each([
    ['math/0601002', 'hep-th/0601001', 1, 'a higher number in the same month sorts later'],
    ['hep-th/0601001', 'math/0601001', -1, 'same month and number: by archive'],
    ['2602.22290v1', '2602.22290v2', -1, 'versions of one paper: by version'],
    ['2602.22290', 'arXiv:2602.22290', 0, 'spellings of one id are equal'],
    ['math/0309136', 'math.GT/0309136', 0, 'the subject-class form equals the plain form'],
    ['garbage', '2602.22290', 1, 'non-ids sort after ids'],
    ['2602.22290', 'garbage', -1, 'ids sort before non-ids'],
    ['abc', 'abd', -1, 'non-ids sort as strings'],
  ])('compares %s with %s as %i (%s)', (a, b, expected) => {
    expect(Math.sign(compareArxivIds(a, b))).toBe(expected);
  });
});
