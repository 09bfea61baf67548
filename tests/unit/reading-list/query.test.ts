import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUERY,
  SORT_KEYS,
  countTags,
  countTagsOf,
  createPaperIndexer,
  isNarrowed,
  isReadingListPaper,
  queryReadingList,
  toSearchText,
  type ReadingListQuery,
} from '@/lib/reading-list/query';
import type { PaperRecord } from '@/lib/store/db';
import { record } from './support';

const ids = (records: readonly PaperRecord[]) => records.map((r) => r.id);
const run = (records: readonly PaperRecord[], query: Partial<ReadingListQuery>) =>
  ids(queryReadingList(createPaperIndexer()(records), { ...DEFAULT_QUERY, ...query }));

describe('isReadingListPaper', () => {
  it.each([
    ['starred', record('2602.00001'), true],
    ['tagged, never starred', record('2602.00001', { starredAt: undefined, tags: ['gpu'] }), true],
    ['only a note', record('2602.00001', { starredAt: undefined, note: 'read §3' }), true],
    ['only hidden', record('2602.00001', { starredAt: undefined, hiddenAt: 5 }), false],
    ['only seen', record('2602.00001', { starredAt: undefined, seenAt: 5 }), false],
  ])('a paper %s → %s', (_case, paper, expected) => {
    expect(isReadingListPaper(paper)).toBe(expected);
  });
});

describe('search as you type', () => {
  const papers = [
    record('2602.00001', { meta: { title: 'Federated learning at the edge' } }),
    record('2602.00002', { meta: { authors: ['Piotr Żelasko', 'Ada Lovelace'] } }),
    record('2602.00003', { meta: { abstract: 'A consensus protocol for GPUs.' } }),
    record('2602.00004', { note: 'Compare with our HDC baseline' }),
  ];

  it.each([
    ['title words', 'federated EDGE', ['2602.00001']],
    ['an author without typing the diacritic', 'zelasko', ['2602.00002']],
    ['the abstract', 'consensus', ['2602.00003']],
    ['the note', 'hdc baseline', ['2602.00004']],
    ['the arXiv id', '2602.00003', ['2602.00003']],
    ['every term (AND), wherever it is', 'ada zelasko', ['2602.00002']],
    ['nothing when one term is missing', 'federated consensus', []],
  ])('finds %s', (_case, text, expected) => {
    expect(run(papers, { text, sort: 'announced' }).sort()).toEqual(expected);
  });

  it('shows everything for blank input', () => {
    expect(run(papers, { text: '   ' })).toHaveLength(4);
  });

  it('does not match a term across two fields', () => {
    const paper = record('2602.00001', { meta: { title: 'Graph', authors: ['Neural Smith'] } });
    expect(toSearchText(paper)).not.toContain('graph neural');
    expect(run([paper], { text: 'graphneural' })).toEqual([]);
  });
});

describe('filters', () => {
  const papers = [
    record('2602.00001', { tags: ['gpu', 'to read'] }),
    record('2602.00002', { tags: ['to read'], starredAt: undefined }),
    record('2602.00003', { seenAt: 10 }),
    record('2602.00004', { starredAt: undefined, hiddenAt: 3 }),
  ];

  it.each([
    ['a tag', { tag: 'to read' }, ['2602.00001', '2602.00002']],
    ['starred only', { starredOnly: true }, ['2602.00001', '2602.00003']],
    ['unread only', { unreadOnly: true }, ['2602.00001', '2602.00002']],
    ['tag and starred together', { tag: 'to read', starredOnly: true }, ['2602.00001']],
    ['a tag nobody carries', { tag: 'gone' }, []],
  ])('by %s', (_case, query: Partial<ReadingListQuery>, expected) => {
    expect(run(papers, query).sort()).toEqual(expected);
  });

  it('never shows a paper that is only hidden', () => {
    expect(run(papers, {})).not.toContain('2602.00004');
  });
});

describe('sort', () => {
  const papers = [
    record('2602.00010', { starredAt: 300, meta: { title: 'Zeta functions' } }),
    record('hep-th/9901001', { starredAt: 100, meta: { title: 'alpha decay' } }),
    record('2501.12345', { starredAt: undefined, tags: ['x'], updatedAt: 50, meta: { title: 'Part 10' } }),
    record('2602.00002', { starredAt: 200, meta: { title: 'Part 2' } }),
    record('0704.0001', { starredAt: undefined, tags: ['x'], updatedAt: 90, meta: { title: 'Émile and beta' } }),
  ];

  it.each([
    ['date starred, newest first, then never-starred papers by last change', 'starred', ['2602.00010', '2602.00002', 'hep-th/9901001', '0704.0001', '2501.12345']],
    ['date announced, newest first, by the month and number in the id', 'announced', ['2602.00010', '2602.00002', '2501.12345', '0704.0001', 'hep-th/9901001']],
    ['date announced, oldest first, old-scheme ids before new ones', 'announced-oldest', ['hep-th/9901001', '0704.0001', '2501.12345', '2602.00002', '2602.00010']],
    ['title, ignoring case and accents, numbers by value', 'title', ['hep-th/9901001', '0704.0001', '2602.00002', '2501.12345', '2602.00010']],
  ] as const)('by %s', (_case, sort, expected) => {
    expect(run(papers, { sort })).toEqual(expected);
  });

  it('by tag: grouped under each paper\'s first tag A to Z, case-blind, untagged last, newest id first within a tag', () => {
    const tagged = [
      record('2602.00001', { tags: ['zeta'] }),
      record('2602.00002'),
      record('2602.00003', { tags: ['to read', 'Alpha'] }),
      record('2602.00004', { tags: ['beta'] }),
      record('2602.00005', { tags: ['alpha'] }),
      record('2602.00006'),
    ];
    expect(run(tagged, { sort: 'tag' })).toEqual(['2602.00005', '2602.00003', '2602.00004', '2602.00001', '2602.00006', '2602.00002']);
  });

  it('offers every sort key under a label of its own', () => {
    expect(SORT_KEYS.map((key) => key.label)).toEqual(['Date starred', 'Date announced (newest first)', 'Date announced (oldest first)', 'Title', 'Tag (A–Z)']);
  });

  it('breaks ties by the newest id, so equal keys keep a stable order', () => {
    const same = ['2602.00001', '2602.00003', '2602.00002'].map((id) => record(id, { starredAt: 5, updatedAt: 5 }));
    expect(run(same, { sort: 'starred' })).toEqual(['2602.00003', '2602.00002', '2602.00001']);
  });
});

describe('createPaperIndexer', () => {
  it('folds a paper again only when its record changed', () => {
    const index = createPaperIndexer();
    const first = index([record('2602.00001', { note: 'old', updatedAt: 1 }), record('2602.00002')]);
    const second = index([record('2602.00001', { note: 'new words', updatedAt: 2 }), record('2602.00002')]);
    expect(second[0]!.text).toContain('new words');
    expect(second[1]!.text).toBe(first[1]!.text);
  });

  it('hands back the record it was given, also when the search text is kept', () => {
    const index = createPaperIndexer();
    const before = record('2602.00001', { tags: ['a'], updatedAt: 1 });
    const first = index([before]);
    void first[0]!.text;
    const starred = { ...before, tags: ['a', 'b'] };
    const second = index([starred]);
    expect(second[0]!.record).toBe(starred);
    expect(second[0]!.text).toBe(first[0]!.text);
  });

  it('folds again when only the note changed, as an edit not yet stored changes it', () => {
    const index = createPaperIndexer();
    const before = record('2602.00001', { note: 'old words', updatedAt: 1 });
    void index([before])[0]!.text;
    const edited = index([{ ...before, note: 'fresh words' }]);
    expect(queryReadingList(edited, { ...DEFAULT_QUERY, text: 'fresh' }).map((r) => r.id)).toEqual(['2602.00001']);
  });

  // Speed is measured by `npm run bench`; here 10,000 papers must still give the one right answer.
  it('finds the one paper of 10,000 whose abstract has the term', () => {
    const records = Array.from({ length: 10_000 }, (_, i) =>
      record(`2602.${String(i + 1).padStart(5, '0')}`, {
        starredAt: i,
        meta: { title: `Paper number ${i} on scheduling`, abstract: 'word '.repeat(250) + (i === 4242 ? 'needle' : '') },
      }),
    );
    const papers = createPaperIndexer()(records);
    const found = queryReadingList(papers, { ...DEFAULT_QUERY, text: 'needle', sort: 'title' });
    expect(ids(found)).toEqual(['2602.04243']);
  });
});

describe('countTags', () => {
  const records = [record('2602.00001', { tags: ['a', 'b'] }), record('2602.00002', { tags: ['a'] }), record('2602.00003', { starredAt: undefined, hiddenAt: 1 })];

  it('counts each tag over the reading-list papers', () => {
    expect(Object.fromEntries(countTags(createPaperIndexer()(records)))).toEqual({ a: 2, b: 1 });
  });

  it('counts each tag over any records, such as a selection', () => {
    expect(Object.fromEntries(countTagsOf(records.slice(1)))).toEqual({ a: 1 });
  });
});

describe('isNarrowed', () => {
  it.each([
    ['nothing set', {}, false],
    ['only blanks typed', { text: '   ' }, false],
    ['a sort', { sort: 'title' }, false],
    ['a search', { text: 'hdc' }, true],
    ['a tag filter', { tag: 'gpu' }, true],
    ['starred only', { starredOnly: true }, true],
    ['unread only', { unreadOnly: true }, true],
  ] as const)('%s → %s', (_case, query: Partial<ReadingListQuery>, expected) => {
    expect(isNarrowed({ ...DEFAULT_QUERY, ...query })).toBe(expected);
  });
});
