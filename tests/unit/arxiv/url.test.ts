import { describe, expect, it } from 'vitest';
import {
  archiveOf,
  isListingPage,
  listingKeyOf,
  pageKindOf,
  paperOfAbsUrl,
} from '../../../lib/arxiv/url';
import type { PageKind } from '../../../lib/arxiv/types';

interface Row {
  url: string;
  kind: PageKind;
  archive?: string;
  key?: string;
}

const ROWS: Row[] = [
  // new
  { url: 'https://arxiv.org/list/cs.DC/new', kind: 'new', archive: 'cs.DC', key: 'cs.DC/new' },
  { url: 'https://www.arxiv.org/list/cs.DC/new/', kind: 'new', archive: 'cs.DC', key: 'cs.DC/new' },
  { url: 'https://arxiv.org/list/cs.DC/new?skip=0&show=2000', kind: 'new', archive: 'cs.DC', key: 'cs.DC/new' },
  { url: 'http://arxiv.org/list/astro-ph/new', kind: 'new', archive: 'astro-ph', key: 'astro-ph/new' },
  { url: 'https://arxiv.org/list/physics.soc-ph/new#item3', kind: 'new', archive: 'physics.soc-ph', key: 'physics.soc-ph/new' },
  { url: '/list/math/new', kind: 'new', archive: 'math', key: 'math/new' },
  // recent and pastweek
  { url: 'https://arxiv.org/list/cs.DC/recent', kind: 'recent', archive: 'cs.DC', key: 'cs.DC/recent' },
  { url: 'https://arxiv.org/list/cs.DC/recent?skip=25&show=25', kind: 'recent', archive: 'cs.DC', key: 'cs.DC/recent' },
  { url: 'https://arxiv.org/list/cs.DC/pastweek?skip=25&show=25', kind: 'pastweek', archive: 'cs.DC', key: 'cs.DC/pastweek' },
  { url: 'https://www.arxiv.org/list/hep-th/pastweek?show=2000', kind: 'pastweek', archive: 'hep-th', key: 'hep-th/pastweek' },
  // month and year archives
  { url: 'https://arxiv.org/list/cs.DC/2026-02', kind: 'month', archive: 'cs.DC', key: 'cs.DC/2026-02' },
  { url: 'https://arxiv.org/list/cs.DC/2026-02?skip=25&show=25', kind: 'month', archive: 'cs.DC', key: 'cs.DC/2026-02' },
  { url: 'https://arxiv.org/list/cs.DC/2026-2', kind: 'month', archive: 'cs.DC', key: 'cs.DC/2026-02' },
  // the browse-by-month form, rendered in place
  { url: 'https://arxiv.org/list?archive=cs&year=2024&month=05&submit=Go', kind: 'month', archive: 'cs', key: 'cs/2024-05' },
  { url: 'https://arxiv.org/list?archive=math&year=06&month=1&submit=Go', kind: 'month', archive: 'math', key: 'math/2006-01' },
  { url: 'https://arxiv.org/list?archive=cs&year=2024&month=all&submit=Go', kind: 'month', archive: 'cs', key: 'cs/2024' },
  { url: 'https://arxiv.org/list?archive=cs&year=2024&month=13', kind: 'unknown' },
  { url: 'https://arxiv.org/list?archive=cs', kind: 'unknown' },
  { url: 'https://arxiv.org/list/cs.DC/202602', kind: 'month', archive: 'cs.DC', key: 'cs.DC/2026-02' },
  { url: 'https://arxiv.org/list/math/0601', kind: 'month', archive: 'math', key: 'math/2006-01' },
  { url: 'https://arxiv.org/list/hep-th/9108', kind: 'month', archive: 'hep-th', key: 'hep-th/1991-08' },
  { url: 'https://arxiv.org/list/cs.DC/1201', kind: 'month', archive: 'cs.DC', key: 'cs.DC/2012-01' },
  { url: 'https://arxiv.org/list/cs/2026?skip=0&show=250', kind: 'month', archive: 'cs', key: 'cs/2026' },
  { url: 'https://arxiv.org/list/math/06', kind: 'month', archive: 'math', key: 'math/2006' },
  { url: 'https://arxiv.org/list/math/99', kind: 'month', archive: 'math', key: 'math/1999' },
  { url: 'https://arxiv.org/list/cs.DC/current', kind: 'month', archive: 'cs.DC', key: 'cs.DC/current' },
  // catchup, all three spellings
  { url: 'https://arxiv.org/catchup/cs.DC/2026-02-20', kind: 'catchup', archive: 'cs.DC', key: 'catchup/cs.DC/2026-02-20' },
  { url: 'https://arxiv.org/catchup/cs.DC/2026-02-20?abs=True&page=2', kind: 'catchup', archive: 'cs.DC', key: 'catchup/cs.DC/2026-02-20' },
  { url: 'https://arxiv.org/catchup?subject=cs.DC&date=2026-02-20&include_abs=True', kind: 'catchup', archive: 'cs.DC', key: 'catchup/cs.DC/2026-02-20' },
  {
    url: 'https://arxiv.org/catchup?smonth=02&group=grp_cs&sday=20&num=50&archive=cs&method=with&syear=2026',
    kind: 'catchup',
    archive: 'cs',
    key: 'catchup/cs/2026-02-20',
  },
  {
    url: 'https://arxiv.org/catchup?smonth=2&group=grp_physics&sday=5&num=25&archive=&method=without&syear=26',
    kind: 'catchup',
    archive: 'grp_physics',
    key: 'catchup/grp_physics/2026-02-05',
  },
  { url: 'https://www.arxiv.org/catchup/grp_physics/2026-02-27/', kind: 'catchup', archive: 'grp_physics', key: 'catchup/grp_physics/2026-02-27' },
  // search
  {
    url: 'https://arxiv.org/search/?query=federated+learning&searchtype=all',
    kind: 'search',
    key: 'search?query=federated+learning&searchtype=all',
  },
  {
    url: 'https://arxiv.org/search/?searchtype=all&query=federated+learning&abstracts=show&order=-announced_date_first&size=50&start=50',
    kind: 'search',
    key: 'search?query=federated+learning&searchtype=all',
  },
  { url: 'https://arxiv.org/search/cs?query=Borrill&searchtype=author', kind: 'search', archive: 'cs', key: 'search/cs?query=Borrill&searchtype=author' },
  {
    url: 'https://arxiv.org/search/advanced?advanced=&terms-0-operator=AND&terms-0-term=consensus&terms-0-field=title&size=50&order=-announced_date_first',
    kind: 'search',
    key: 'search/advanced?advanced=&terms-0-field=title&terms-0-operator=AND&terms-0-term=consensus',
  },
  // abs
  { url: 'https://arxiv.org/abs/2602.22290v2', kind: 'abs' },
  { url: 'https://arxiv.org/abs/2602.22290', kind: 'abs' },
  { url: 'https://arxiv.org/abs/math/0601001', kind: 'abs' },
  { url: 'https://www.arxiv.org/abs/hep-th/9901001v1/', kind: 'abs' },
  // author pages (arxiv-browse list/author.html)
  { url: 'https://arxiv.org/a/dai_d_1', kind: 'author', key: 'a/dai_d_1' },
  { url: 'https://arxiv.org/a/dai_d_1.html', kind: 'author', key: 'a/dai_d_1' },
  { url: 'https://www.arxiv.org/a/dai_d_1/', kind: 'author', key: 'a/dai_d_1' },
  { url: 'https://arxiv.org/a/0000-0002-1825-0097.html', kind: 'author', key: 'a/0000-0002-1825-0097' },
  // unknown
  { url: 'https://arxiv.org/', kind: 'unknown' },
  { url: 'https://arxiv.org/a/', kind: 'unknown' },
  { url: 'https://arxiv.org/a/dai_d_1.atom', kind: 'unknown' },
  { url: 'https://arxiv.org/a/dai_d_1.atom2', kind: 'unknown' },
  { url: 'https://arxiv.org/a/dai_d_1.json', kind: 'unknown' },
  { url: 'https://arxiv.org/a/dai_d_1/extra', kind: 'unknown' },
  { url: 'https://arxiv.org/a/dai d 1', kind: 'unknown' },
  { url: 'https://arxiv.org/list/cs.DC', kind: 'unknown' },
  { url: 'https://arxiv.org/list/cs.DC/new/extra', kind: 'unknown' },
  { url: 'https://arxiv.org/list/cs.DC/2026-13', kind: 'unknown' },
  { url: 'https://arxiv.org/list/cs.DC/1313', kind: 'unknown' },
  { url: 'https://arxiv.org/list/cs.DC/12x4', kind: 'unknown' },
  { url: 'https://arxiv.org/list/1801.00023/new', kind: 'unknown' },
  { url: 'https://arxiv.org/catchup', kind: 'unknown' },
  { url: 'https://arxiv.org/catchup/cs.DC/2026-02-30', kind: 'unknown' },
  { url: 'https://arxiv.org/catchup/cs.DC/20260220', kind: 'unknown' },
  { url: 'https://arxiv.org/catchup?smonth=02&sday=20&syear=2026', kind: 'unknown' },
  { url: 'https://arxiv.org/search/', kind: 'unknown' },
  { url: 'https://arxiv.org/search/?query=&searchtype=all', kind: 'unknown' },
  { url: 'https://arxiv.org/search/advanced', kind: 'unknown' },
  { url: 'https://arxiv.org/abs/garbage', kind: 'unknown' },
  { url: 'https://arxiv.org/abs/', kind: 'unknown' },
  { url: 'https://arxiv.org/pdf/2602.22290', kind: 'unknown' },
  { url: 'https://arxiv.org/html/2602.22290v1', kind: 'unknown' },
  { url: 'https://example.org/list/cs.DC/new', kind: 'unknown' },
  { url: 'https://arxiv.org.example.com/list/cs.DC/new', kind: 'unknown' },
  { url: 'ftp://arxiv.org/list/cs.DC/new', kind: 'unknown' },
  { url: 'javascript:alert(1)', kind: 'unknown' },
  { url: 'http://[::1', kind: 'unknown' },
];

describe('pageKindOf, archiveOf, listingKeyOf', () => {
  it.each(ROWS)('$url is a $kind page', ({ url, kind, archive, key }) => {
    expect(pageKindOf(url)).toBe(kind);
    expect(archiveOf(url)).toBe(archive);
    expect(listingKeyOf(url)).toBe(key);
  });

  it('accepts URL objects as well as strings', () => {
    const url = new URL('https://arxiv.org/list/cs.DC/pastweek?skip=25&show=25');
    expect(pageKindOf(url)).toBe('pastweek');
    expect(listingKeyOf(url)).toBe('cs.DC/pastweek');
  });

  it('gives an author page one key whether or not its URL ends in .html', () => {
    expect(listingKeyOf('https://arxiv.org/a/dai_d_1.html')).toBe(listingKeyOf('https://arxiv.org/a/dai_d_1'));
    expect(listingKeyOf('https://arxiv.org/a/dai_d_1')).not.toBe(listingKeyOf('https://arxiv.org/a/dai_d_2'));
  });

  it('gives /recent and /pastweek of one archive different keys', () => {
    expect(listingKeyOf('https://arxiv.org/list/cs.DC/recent')).not.toBe(listingKeyOf('https://arxiv.org/list/cs.DC/pastweek'));
  });
});

describe('isListingPage', () => {
  it('is true for every page kind the overlay augments and false for unknown pages', () => {
    for (const { url, kind } of ROWS) expect(isListingPage(url), url).toBe(kind !== 'unknown');
  });
});

describe('paperOfAbsUrl', () => {
  it.each([
    ['https://arxiv.org/abs/2602.22290v2', { id: '2602.22290', version: 2 }],
    ['https://arxiv.org/abs/math/0601001', { id: 'math/0601001' }],
    ['https://arxiv.org/abs/math.GT/0309136v1', { id: 'math/0309136', version: 1 }],
    ['/abs/hep-th/9901001', { id: 'hep-th/9901001' }],
  ])('reads the paper of %s', (url, paper) => {
    expect(paperOfAbsUrl(url)).toEqual(paper);
  });

  it('is undefined for pages that are not abs pages', () => {
    expect(paperOfAbsUrl('https://arxiv.org/pdf/2602.22290')).toBeUndefined();
    expect(paperOfAbsUrl('https://arxiv.org/list/cs.DC/new')).toBeUndefined();
  });
});
