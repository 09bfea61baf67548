import { describe, expect, it } from 'vitest';
import { LIMITS } from '@/lib/schemas/fields';
import { freshDb, id, meta, storeApi } from './support';

const IDS = ['2602.00001', '2602.00002', '2602.00003', '2602.00004', '2602.00005'];

describe('oversized metadata in a write', () => {
  it('stars every paper of a batch when one abstract is 25,000 characters, cut to the limit and marked', async () => {
    const db = freshDb();
    const { call } = storeApi(db);
    const huge = 'x'.repeat(25_000);
    const papers = IDS.map((paperId, i) => meta(paperId, i === 2 ? { abstract: huge } : {}));
    const result = await call('papers.star', { papers, starred: true });
    expect(result.map((annotation) => annotation.starred)).toEqual([true, true, true, true, true]);
    const record = await db.papers.get(id(IDS[2]!));
    expect(record?.meta.abstract).toHaveLength(LIMITS.text);
    expect(record?.meta.abstract?.endsWith('…')).toBe(true);
    expect(record?.meta.truncated).toEqual(['abstract']);
    expect((await db.papers.get(id(IDS[0]!)))?.meta.truncated).toBeUndefined();
  });

  it('cuts long author names and too many authors, and never splits a surrogate pair', async () => {
    const db = freshDb();
    const { call } = storeApi(db);
    const title = `${'a'.repeat(LIMITS.text - 2)}😀😀`;
    const authors = Array.from({ length: LIMITS.authors + 5 }, (_, i) => (i === 0 ? 'N'.repeat(LIMITS.shortText + 1) : `Author ${i}`));
    await call('papers.note', { paper: meta(IDS[0]!, { title, authors }), note: 'read' });
    const record = await db.papers.get(id(IDS[0]!));
    expect(record?.meta.authors).toHaveLength(LIMITS.authors);
    expect(record?.meta.authors[0]).toHaveLength(LIMITS.shortText);
    expect(record?.meta.title.length).toBeLessThanOrEqual(LIMITS.text);
    expect(record?.meta.title).not.toMatch(/[\uD800-\uDBFF]…$/);
    expect(record?.meta.truncated).toEqual(['title', 'authors']);
  });

  it('still refuses what cannot be cut: a bad id or a link that is not arXiv', async () => {
    const { call } = storeApi(freshDb());
    await expect(call('papers.star', { papers: [meta('2602.00001', { absUrl: 'javascript:alert(1)' })], starred: true })).rejects.toThrow(/arxiv\.org link/);
  });
});
