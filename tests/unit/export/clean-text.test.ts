import { describe, expect, it } from 'vitest';
import { arxivDoiOf, doiOf, journalDoiOf, toCleanExportPaper, toCleanText } from '@/lib/export';
import { SPECIAL_CHARACTERS, paper } from './cases';

describe('toCleanText', () => {
  it.each([
    ['plain ASCII', 'plain ASCII'],
    ['zero\u200Bwidth\u200C\u200D\u2060\uFEFF', 'zerowidth'],
    ['bidi \u202Eoverride\u202C \u2066isolate\u2069 \u200Emark\u200F \u061C', 'bidi override isolate mark '],
    ['NEL\u0085FS\u001CGS\u001DRS\u001ELS\u2028PS\u2029VT\u000BFF\u000CCR\rCRLF\r\n.', 'NEL\nFS\nGS\nRS\nLS\nPS\nVT\nFF\nCR\nCRLF\n.'],
    ['bell\u0007 esc\u001B del\u007F c1\u0090', 'bell esc del c1'],
    ['thin\u2009space\u00A0nbsp\u3000ideographic', 'thin space\u00A0nbsp ideographic'],
    ['tag \u{E0041}\u{E0042}chars', 'tag chars'],
    ['Z\u0307elasko', 'Żelasko'],
    ['tab\tand\nline', 'tab\tand\nline'],
  ])('cleans %j', (input, expected) => {
    expect(toCleanText(input)).toBe(expected);
  });
});

describe('toCleanExportPaper', () => {
  it('cleans every text field and keeps tags and notes only when asked', () => {
    const dirty = paper({ id: '2603.09990', title: 'T\u202Eitle', authors: ['A\u200Bnn Lee'], abstract: 'a\u0085b', journalRef: 'J\u0007', tags: ['t\u200B'], note: 'n\u2028o' });
    expect(toCleanExportPaper(dirty, true)).toMatchObject({ title: 'Title', authors: ['Ann Lee'], abstract: 'a\nb', journalRef: 'J', tags: ['t'], note: 'n\no' });
    const kept = toCleanExportPaper(dirty, false);
    expect(kept).not.toHaveProperty('tags');
    expect(kept).not.toHaveProperty('note');
    expect(dirty.title).toBe('T\u202Eitle');
  });
});

describe('doiOf', () => {
  it.each([
    [undefined, '10.48550/arXiv.2603.09991'],
    ['10.1000/abc_def(2025)', '10.1000/abc_def(2025)'],
    ['10.1000/first 10.1000/second', '10.1000/first'],
    ['https://doi.org/10.1000/linked', '10.1000/linked'],
    ['see journal', '10.48550/arXiv.2603.09991'],
  ])('picks %j → %j', (doi, expected) => {
    expect(doiOf(paper({ id: '2603.09991', title: 'T', authors: ['A B'], ...(doi !== undefined && { doi }) }))).toBe(expected);
  });

  it('writes the DataCite DOI of old-style ids with the archive', () => {
    expect(arxivDoiOf(paper({ id: 'math/0703845', title: 'T', authors: ['A B'] }))).toBe('10.48550/arXiv.math/0703845');
    expect(journalDoiOf(SPECIAL_CHARACTERS)).toBe('10.1000/abc_def(2025)');
  });
});
