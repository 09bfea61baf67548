import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { PaperMeta } from '@/lib/arxiv/types';
import type { Rule } from '@/lib/rules/types';
import { API_NAMES, isApiName, isSiftAbstracts, isSiftChanged, toSiftChanged } from '@/lib/store/api';
import { paperMetaSchema } from '@/lib/schemas/paper-meta';
import { ruleSchema } from '@/lib/schemas/rule';
import { id } from './support';

describe('isSiftAbstracts', () => {
  const delivery = {
    type: 'sift.abstracts',
    data: {
      papers: [{ id: '2602.22290', abstract: 'A $\\tilde O(D)$ bound.', title: 'T', authors: ['A. B.'] }],
      missing: ['2602.22291'],
      failed: [{ id: '2602.22292', reason: 'arXiv is busy (HTTP 503); gave up after 6 tries' }],
      status: { outstanding: 3, state: 'backing-off', retryAt: 1, lastError: 'arXiv is busy (HTTP 503)' },
    },
  };

  it('accepts the background’s delivery, and a status-only one', () => {
    expect(isSiftAbstracts(delivery)).toBe(true);
    expect(isSiftAbstracts({ type: 'sift.abstracts', data: { papers: [], missing: [], failed: [], status: { outstanding: 0, state: 'off' } } })).toBe(true);
  });

  it.each([
    ['another type', { ...delivery, type: 'sift.changed' }],
    ['a versioned id', { ...delivery, data: { ...delivery.data, missing: ['2602.22291v2'] } }],
    ['an abstract that is not text', { ...delivery, data: { ...delivery.data, papers: [{ id: '2602.22290', abstract: 3 }] } }],
    ['no status', { ...delivery, data: { ...delivery.data, status: undefined } }],
  ])('refuses %s', (_label, message) => {
    expect(isSiftAbstracts(message)).toBe(false);
  });
});

describe('API_NAMES', () => {
  it('lists exactly the operations the content script and pages use', () => {
    expect([...API_NAMES].sort()).toEqual(
      [
        'abstracts.cancel',
        'abstracts.remember',
        'abstracts.request',
        'annotations.get',
        'backup.export',
        'backup.import',
        'backup.restored',
        'listing.open',
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
        'seen.mark',
        'seen.unmark',
        'papers.keep',
        'sync.now',
        'sync.setEnabled',
        'sync.status',
        'ranking.model',
        'ranking.seeds',
        'ranking.reset',
        'export.build',
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
  it('recognises a broadcast carrying records and the writer', () => {
    const annotation = { id: id('2602.22290'), starred: true, hidden: false, tags: ['x'], updatedAt: 1 };
    const message = toSiftChanged({ ids: [annotation.id], tables: ['papers', 'tags'], origin: 'tab-1', annotations: [annotation], tags: [{ name: 'x', color: '#4e79a7', count: 1 }] });
    expect(isSiftChanged(message)).toBe(true);
  });

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
    ['a malformed annotation', { type: 'sift.changed', data: { ids: [], tables: ['papers'], annotations: [{ id: '2602.22290', starred: 'yes' }] } }],
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
