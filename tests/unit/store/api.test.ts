import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { PaperMeta } from '@/lib/arxiv/types';
import type { Rule } from '@/lib/rules/types';
import { API_NAMES, isApiName, isSiftChanged, toSiftChanged } from '@/lib/store/api';
import { paperMetaSchema, ruleSchema } from '@/lib/store/schema';
import { id } from './support';

describe('API_NAMES', () => {
  it('lists exactly the operations the content script and pages use', () => {
    expect([...API_NAMES].sort()).toEqual(
      [
        'annotations.get',
        'backup.export',
        'backup.import',
        'pages.open',
        'papers.hide',
        'papers.note',
        'papers.seen',
        'papers.star',
        'papers.tag',
        'rules.delete',
        'rules.list',
        'rules.upsert',
        'tags.delete',
        'tags.list',
        'tags.merge',
        'tags.rename',
        'tags.upsert',
        'visits.record',
      ].sort(),
    );
  });

  it.each([
    ['papers.star', true],
    ['sift.changed', false],
    ['hasOwnProperty', false],
    ['__proto__', false],
    [42, false],
  ])('isApiName(%j) is %s', (value, expected) => {
    expect(isApiName(value)).toBe(expected);
  });
});

describe('isSiftChanged', () => {
  it('recognises the broadcast built by toSiftChanged', () => {
    const message = toSiftChanged({ ids: [id('2602.22290')], tables: ['papers'] });
    expect(message).toEqual({ type: 'sift.changed', data: { ids: ['2602.22290'], tables: ['papers'] } });
    expect(isSiftChanged(message)).toBe(true);
  });

  it.each([
    ['an api request', { type: 'papers.star', data: {} }],
    ['no data', { type: 'sift.changed' }],
    ['a bad id', { type: 'sift.changed', data: { ids: ['nope'], tables: [] } }],
    ['an unknown table', { type: 'sift.changed', data: { ids: [], tables: ['cache'] } }],
    ['null', null],
  ])('rejects %s', (_label, message) => {
    expect(isSiftChanged(message)).toBe(false);
  });
});

describe('schemas match the shared types', () => {
  it('paperMetaSchema produces a PaperMeta and Rule schema a Rule', () => {
    expectTypeOf<v.InferOutput<typeof paperMetaSchema>>().toEqualTypeOf<PaperMeta>();
    expectTypeOf<v.InferOutput<typeof ruleSchema>>().toEqualTypeOf<Rule>();
    expectTypeOf<PaperMeta>().toMatchTypeOf<v.InferInput<typeof paperMetaSchema>>();
    expect(v.is(ruleSchema, {})).toBe(false);
  });
});
