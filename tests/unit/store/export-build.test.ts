import { describe, expect, it } from 'vitest';
import { toExportPaper } from '@/lib/export/export-paper';
import { exportFormatOf } from '@/lib/export/formats';
import { EXTENSION_ID, NOW, freshDb, meta, snapshot, storeApi } from './support';

const A = '2602.22290';
const B = '2602.22434';

describe('export.build, the listing\'s exports written in the background', () => {
  it.each(['bibtex', 'ris', 'csljson', 'markdown', 'csv', 'json'] as const)('writes %s as the exporter does, named for the day, and stores nothing', async (format) => {
    const db = freshDb();
    const { call, changes } = storeApi(db);
    const before = await snapshot(db);
    const papers = [
      { meta: meta(A), tags: ['to-read'], note: 'Check §3.' },
      { meta: meta(B), tags: [] },
    ];
    const file = await call('export.build', { papers, format, options: { includeUserData: true } });
    const day = new Date(NOW);
    const date = [day.getFullYear(), String(day.getMonth() + 1).padStart(2, '0'), String(day.getDate()).padStart(2, '0')].join('-');
    expect(file.name).toMatch(new RegExp(`^arxiv-sift-${date}\\.`));
    expect(file.mime).toBe(exportFormatOf(format).mime);
    expect(file.text).toBe(exportFormatOf(format).serialize(papers.map(toExportPaper), { includeUserData: true }));
    expect(await snapshot(db)).toEqual(before);
    expect(changes).toEqual([]);
  });

  it('keeps tags and notes out where the options say so', async () => {
    const { call } = storeApi(freshDb());
    const file = await call('export.build', { papers: [{ meta: meta(A), tags: ['secret-tag'], note: 'private' }], format: 'bibtex', options: { includeUserData: false, citationKeyStyle: 'arxiv' } });
    expect(file.text).toContain(`eprint={${A}}`);
    expect(file.text).not.toMatch(/secret-tag|private/);
  });

  it.each([
    ['an unknown format', { papers: [], format: 'docx', options: {} }, /format/],
    ['a paper that is not one', { papers: [{ meta: { id: 'x' }, tags: [] }], format: 'bibtex', options: {} }, /id|arXiv/],
    ['a tag of control characters', { papers: [{ meta: meta(A), tags: ['\u0007'] }], format: 'bibtex', options: {} }, /control/],
    ['an unknown option', { papers: [], format: 'bibtex', options: { withAbstracts: true } }, /withAbstracts/],
  ])('refuses %s with words', async (_case, data, why) => {
    const { handle } = storeApi(freshDb());
    const answer = await handle({ type: 'export.build', data }, { id: EXTENSION_ID, tab: { id: 1 } });
    expect(answer).toMatchObject({ ok: false, error: expect.stringMatching(why) });
    expect(answer).toMatchObject({ error: expect.stringMatching(/^export\.build: /) });
  });
});
