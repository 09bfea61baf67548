import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, toExportPaper } from '@/lib/export';
import { toExportFile } from '@/lib/reading-list/export';
import { record } from './support';

const DAY = new Date(2026, 1, 27);
const papers = [record('2602.22290', { tags: ['gpu'], note: 'see §3' }), record('2602.00001')];

describe('toExportFile', () => {
  it.each(EXPORT_FORMATS.map((format) => [format.id, format] as const))('serialises %s with the store records, tags and notes included', (_id, format) => {
    const file = toExportFile(papers, format.id, DAY);
    expect(file.mime).toBe(format.mime);
    expect(file.text).toBe(format.serialize(papers.map(toExportPaper)));
    expect(file.name).toMatch(/^arxiv-sift-2026-02-27\./);
  });

  it('keeps the order it is given', () => {
    const json = JSON.parse(toExportFile([...papers].reverse(), 'json', DAY).text) as { papers: { id: string; tags?: string[] }[] };
    expect(json.papers.map((p) => p.id)).toEqual(['2602.00001', '2602.22290']);
    expect(json.papers[1]!.tags).toEqual(['gpu']);
  });
});
