import { describe, expect, it } from 'vitest';
import { JSON_EXPORT_FORMAT, JSON_EXPORT_VERSION, toCleanExportPaper, toJSON, type ExportPaper, type JsonExport } from '@/lib/export';
import { ALL_PAPERS, SEED_PAPERS, SPECIAL_CHARACTERS } from './cases';

describe('toJSON', () => {
  it('wraps the papers in a versioned document', () => {
    const doc = JSON.parse(toJSON(SEED_PAPERS)) as JsonExport;
    expect(doc.format).toBe(JSON_EXPORT_FORMAT);
    expect(doc.version).toBe(JSON_EXPORT_VERSION);
    expect(Object.keys(doc)).toEqual(['format', 'version', 'papers']);
  });

  it('round-trips every field of every paper', () => {
    const doc = JSON.parse(toJSON(ALL_PAPERS)) as JsonExport;
    expect(doc.papers).toEqual(ALL_PAPERS.map((paper) => toCleanExportPaper(paper, true)));
  });

  it('leaves tags and notes out when asked to', () => {
    const doc = JSON.parse(toJSON([SPECIAL_CHARACTERS], { includeUserData: false })) as JsonExport;
    expect(doc.papers[0]).not.toHaveProperty('tags');
    expect(doc.papers[0]).not.toHaveProperty('note');
  });

  it('adds exportedAt only when passed, as ISO 8601', () => {
    const doc = JSON.parse(toJSON([], { exportedAt: new Date(Date.UTC(2026, 1, 27, 12)) })) as JsonExport;
    expect(Object.keys(doc)).toEqual(['format', 'version', 'exportedAt', 'papers']);
    expect(doc.exportedAt).toBe('2026-02-27T12:00:00.000Z');
  });

  it('writes paper keys in one fixed order, whatever order the input object has', () => {
    const entries = Object.entries(SPECIAL_CHARACTERS).reverse();
    const scrambled = Object.fromEntries(entries) as unknown as ExportPaper;
    expect(toJSON([scrambled])).toBe(toJSON([SPECIAL_CHARACTERS]));
    const keys = Object.keys((JSON.parse(toJSON([scrambled])) as JsonExport).papers[0] ?? {});
    expect(keys).toEqual([
      ...['id', 'title', 'authors', 'journalRef', 'doi', 'primarySubject', 'subjects', 'section'],
      ...['absUrl', 'pdfUrl', 'tags', 'note'],
    ]);
  });

  it('drops fields that are not part of an export paper', () => {
    const withDom = { ...SPECIAL_CHARACTERS, element: { head: 'not data' } } as ExportPaper;
    expect(toJSON([withDom])).not.toContain('element');
  });

  it('is deterministic', () => {
    expect(toJSON(ALL_PAPERS)).toBe(toJSON(ALL_PAPERS));
  });
});
