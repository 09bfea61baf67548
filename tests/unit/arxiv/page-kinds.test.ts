import { describe, expect, it } from 'vitest';
import { AUGMENTED_KINDS, PAGE_KINDS, kindsWhere, traitsOf } from '@/lib/arxiv/page-kinds';
import type { PageKind } from '@/lib/arxiv/types';
import { pageKindOf } from '@/lib/arxiv/url';
import { features } from '@/entrypoints/arxiv.content/features';

/** One URL of every kind `pageKindOf` knows; a new kind must add its row, and then its table row. */
const URL_OF_KIND: Record<PageKind, string> = {
  new: 'https://arxiv.org/list/cs.DC/new',
  recent: 'https://arxiv.org/list/cs.DC/recent',
  pastweek: 'https://arxiv.org/list/cs.DC/pastweek?skip=25&show=25',
  month: 'https://arxiv.org/list/cs.DC/2026-02',
  catchup: 'https://arxiv.org/catchup/cs.DC/2026-02-27',
  search: 'https://arxiv.org/search/?query=raft&searchtype=all',
  abs: 'https://arxiv.org/abs/2602.22290',
  author: 'https://arxiv.org/a/dai_d_1',
  unknown: 'https://arxiv.org/help',
};

describe('the page-kind table', () => {
  it.each(Object.entries(URL_OF_KIND))('has a row for every kind a URL can be (%s)', (kind, url) => {
    expect(pageKindOf(url)).toBe(kind);
    if (kind === 'unknown') expect(traitsOf('unknown')).toBeUndefined();
    else expect(PAGE_KINDS[kind as keyof typeof PAGE_KINDS]).toBeDefined();
  });

  it('lists every augmented kind once', () => {
    expect([...AUGMENTED_KINDS].sort()).toEqual(Object.keys(URL_OF_KIND).filter((kind) => kind !== 'unknown').sort());
  });

  it('gives a toolbar and collapsing to listings but not to a lone abs page', () => {
    expect(kindsWhere((traits) => traits.toolbar)).not.toContain('abs');
    expect(kindsWhere((traits) => traits.collapsible)).not.toContain('abs');
  });

  it('says abstracts are on the page only where arXiv prints them', () => {
    expect(kindsWhere((traits) => traits.fields.includes('abstract'))).toEqual(['new', 'catchup', 'search', 'abs']);
  });

  it('is what the features run by: every feature runs on kinds of the table only', () => {
    for (const feature of features) for (const kind of feature.include) expect(AUGMENTED_KINDS, feature.id).toContain(kind);
  });
});
