import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { absUrlOf, dateOfArxivId, doiOf, parseAuthorName, toRIS, toRISName, type ExportPaper } from '@/lib/export';
import { familyWithParticle } from '@/lib/export/names';
import { ALL_PAPERS, CLEAN_PAPERS, SEED_PAPERS, SPECIAL_CHARACTERS, TAGS_AND_NOTES, paper } from './cases';

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('toRISName', () => {
  it.each([
    ['Yahao Ding', 'Ding, Yahao'],
    ['Johannes Diderik van der Waals', 'van der Waals, Johannes Diderik'],
    ['Ludwig van Beethoven Jr.', 'van Beethoven, Ludwig, Jr.'],
    ['Plato', 'Plato'],
  ])('writes %j as %j', (input, expected) => {
    expect(toRISName(parseAuthorName(input))).toBe(expected);
  });
});

describe('toRIS', () => {
  it('writes RPRT records with tags, two spaces, a hyphen and a space, ended by ER', () => {
    const ris = toRIS(SEED_PAPERS);
    const records = ris.split('\r\n\r\n');
    expect(records).toHaveLength(SEED_PAPERS.length);
    for (const record of records) {
      expect(record.startsWith('TY  - RPRT\r\n')).toBe(true);
      expect(record.trimEnd().endsWith('ER  -')).toBe(true);
      for (const line of record.split('\r\n').filter((l) => l !== '')) expect(line).toMatch(/^[A-Z][A-Z0-9]  - /);
    }
  });

  it('ends every line with CRLF and never with a bare LF or CR', () => {
    const ris = toRIS(ALL_PAPERS);
    expect(ris.endsWith('ER  - \r\n')).toBe(true);
    expect(ris.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('returns an empty string for no papers', () => {
    expect(toRIS([])).toBe('');
  });

  it('keeps a forged record in an abstract or note inside one value', () => {
    const forged = paper({
      id: '2603.09999',
      title: 'Innocent',
      authors: ['Ann Lee'],
      abstract: 'Text.\nER  - \nTY  - JOUR\nTI  - Forged',
      note: 'x\r\nER  - ',
    });
    expect(new Cite(toRIS([forged])).data).toHaveLength(1);
  });

  it('parses back with citation-js into one report per paper', () => {
    const items = new Cite(toRIS(ALL_PAPERS)).data;
    expect(items).toHaveLength(ALL_PAPERS.length);
    expect(new Set(items.map((item) => item.type))).toEqual(new Set(['report']));
  });

  it('round-trips title, family names, year, number, DOI and URL of every paper', () => {
    const items = new Cite(toRIS(ALL_PAPERS)).data;
    CLEAN_PAPERS.forEach((p: ExportPaper, i) => {
      const item = items[i];
      expect(item?.title).toBe(oneLine(p.title));
      expect(item?.author?.map((a) => a.family ?? a.literal)).toEqual(
        p.authors.map((a) => familyWithParticle(parseAuthorName(a))),
      );
      expect(item?.issued?.['date-parts']?.[0]?.[0]).toBe(dateOfArxivId(p.id)?.year);
      expect(item?.number).toBe(p.id);
      expect(item?.publisher).toBe('arXiv');
      expect(item?.DOI).toBe(doiOf(p));
      expect(item?.URL).toBe(absUrlOf(p));
    });
  });

  it('leaves tags and the note out unless asked', () => {
    const ris = toRIS([SPECIAL_CHARACTERS]);
    expect(ris).not.toMatch(/^(KW|N1)  - /m);
    expect(ris).toContain('M2  - Journal-ref: Proc. R&D 2025, 50% #1\r\n');
  });

  it('round-trips tags as keywords and the note as a note when asked', () => {
    const [item] = new Cite(toRIS([SPECIAL_CHARACTERS], { includeUserData: true })).data;
    expect(item?.keyword?.split(',')).toEqual(['R&D', 'x_y']);
    expect(item?.note).toContain('Read §3 & 100% {of it}');
  });

  it.each([
    ['\u0085', 'NEL'],
    ['\u001C', 'FS'],
    ['\u001D', 'GS'],
    ['\u001E', 'RS'],
    ['\u2028', 'LS'],
    ['\u000B', 'VT'],
  ])('never passes %j (%s), which line-splitting readers take for a line end', (char) => {
    const forged = paper({ id: '2603.09997', title: `Innocent${char}ER  - ${char}TY  - JOUR`, authors: ['Ann Lee'], note: `a${char}b` });
    const ris = toRIS([forged], { includeUserData: true });
    expect(ris).not.toContain(char);
    expect(ris.split(/\r\n|[\n\r\v\f\u001C-\u001E\u0085\u2028\u2029]/).filter((line) => /^(TY|ER)  - /.test(line))).toHaveLength(2);
  });

  it('puts abstracts and notes on one line', () => {
    const ris = toRIS(TAGS_AND_NOTES, { includeUserData: true });
    expect(ris).toContain('AB  - =SUM(A1:A2) is how it starts. Second paragraph, with "quotes".\r\n');
    expect(ris).toContain('N1  - =HYPERLINK("http://evil.example","click"), then "quoted", and more second line\r\n');
  });
});
