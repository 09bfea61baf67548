import { describe, expect, it } from 'vitest';
import {
  EXPORT_FORMATS,
  exportFileName,
  exportFormatOf,
  toBibTeX,
  toCSLJSON,
  toCSV,
  toExportPaper,
  toJSON,
  toMarkdown,
  toRIS,
  type ExportFormatId,
} from '@/lib/export';
import type { Paper } from '@/lib/arxiv/types';
import { SEED_PAPERS, SPECIAL_CHARACTERS } from './cases';

describe('EXPORT_FORMATS', () => {
  it('lists the six formats with their extensions and MIME types', () => {
    expect(EXPORT_FORMATS.map(({ id, label, extension, mime }) => ({ id, label, extension, mime }))).toEqual([
      { id: 'bibtex', label: 'BibTeX', extension: 'bib', mime: 'application/x-bibtex' },
      { id: 'ris', label: 'RIS', extension: 'ris', mime: 'application/x-research-info-systems' },
      { id: 'csljson', label: 'CSL-JSON', extension: 'json', mime: 'application/vnd.citationstyles.csl+json' },
      { id: 'markdown', label: 'Markdown', extension: 'md', mime: 'text/markdown' },
      { id: 'csv', label: 'CSV', extension: 'csv', mime: 'text/csv' },
      { id: 'json', label: 'JSON', extension: 'json', mime: 'application/json' },
    ]);
  });

  it.each<[ExportFormatId, (papers: typeof SEED_PAPERS) => string]>([
    ['bibtex', toBibTeX],
    ['ris', toRIS],
    ['csljson', toCSLJSON],
    ['markdown', toMarkdown],
    ['csv', toCSV],
    ['json', (papers) => toJSON(papers)],
  ])('%s serialises with its exporter', (id, exporter) => {
    expect(exportFormatOf(id).serialize(SEED_PAPERS)).toBe(exporter(SEED_PAPERS));
  });

  it('throws for an unknown format id', () => {
    expect(() => exportFormatOf('docx' as ExportFormatId)).toThrow('Unknown export format: docx');
  });
});

describe('exportFileName', () => {
  it.each<[ExportFormatId, string]>([
    ['bibtex', 'arxiv-sift-2026-02-27.bib'],
    ['ris', 'arxiv-sift-2026-02-27.ris'],
    ['csljson', 'arxiv-sift-2026-02-27.csl.json'],
    ['markdown', 'arxiv-sift-2026-02-27.md'],
    ['csv', 'arxiv-sift-2026-02-27.csv'],
    ['json', 'arxiv-sift-2026-02-27.json'],
  ])('names a %s export %s', (id, expected) => {
    expect(exportFileName(id, new Date(2026, 1, 27, 9, 30))).toBe(expected);
  });

  it('uses the local calendar day, late evening included', () => {
    expect(exportFileName('csv', new Date(2026, 0, 5, 23, 59))).toBe('arxiv-sift-2026-01-05.csv');
  });
});

describe('toExportPaper', () => {
  const { tags, note, starredAt, ...meta } = SPECIAL_CHARACTERS;

  it('merges the stored tags, note and star time into the metadata', () => {
    expect(toExportPaper({ meta, tags: tags ?? [], note, starredAt: 1 })).toEqual({
      ...meta,
      tags,
      note,
      starredAt: 1,
    });
    expect(starredAt).toBeUndefined();
  });

  it('omits a missing note and star time instead of writing undefined', () => {
    const paper = toExportPaper({ meta, tags: [] });
    expect(Object.keys(paper)).not.toContain('note');
    expect(Object.keys(paper)).not.toContain('starredAt');
    expect(paper.tags).toEqual([]);
  });

  it('drops the DOM element of a live Paper and copies arrays', () => {
    const live = { ...meta, element: { head: {} as Element, nodes: [], fields: {} } } as Paper;
    const recordTags = ['a'];
    const paper = toExportPaper({ meta: live, tags: recordTags });
    expect(Object.keys(paper)).not.toContain('element');
    recordTags.push('b');
    expect(paper.tags).toEqual(['a']);
    expect(paper.authors).not.toBe(meta.authors);
  });
});
