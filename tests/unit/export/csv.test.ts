import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, neutraliseFormula, toCleanExportPaper, toCSV } from '@/lib/export';
import { quoteCsvField, toCsvRow } from '@/lib/export/csv';
import { ALL_PAPERS, SEED_PAPERS, TAGS_AND_NOTES, UNICODE_NAMES } from './cases';

function parse(csv: string): string[][] {
  const result = Papa.parse<string[]>(csv, { newline: '\r\n', skipEmptyLines: false });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('neutraliseFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1 Trick', "'+1 Trick"],
    ['-5 Degrees', "'-5 Degrees"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tleading tab', "'\tleading tab"],
    ['\rleading CR', "'\rleading CR"],
    ['\0nul', "'\0nul"],
  ])('prefixes a quote to %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it.each(['', 'plain', 'a=b', ' =x', "'=already quoted", '2602.22290', 'Ünïcode'])('leaves %j alone', (input) => {
    expect(neutraliseFormula(input)).toBe(input);
  });
});

describe('quoteCsvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ["it's; fine", "it's; fine"],
  ])('writes %j as %j', (input, expected) => {
    expect(quoteCsvField(input)).toBe(expected);
  });
});

describe('toCSV', () => {
  it('starts with a BOM and the header row, ends records with CRLF', () => {
    const csv = toCSV(SEED_PAPERS);
    expect(csv.startsWith(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes only the header for no papers', () => {
    expect(toCSV([])).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('parses back with papaparse into one row per paper plus the header', () => {
    const rows = parse(toCSV(ALL_PAPERS));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    // The final CRLF leaves one empty trailing row.
    expect(rows.slice(1, -1)).toHaveLength(ALL_PAPERS.length);
    expect(rows.at(-1)).toEqual(['']);
  });

  it('round-trips every cell exactly, apart from the neutralising quote', () => {
    const rows = parse(toCSV(ALL_PAPERS)).slice(1);
    ALL_PAPERS.forEach((paper, i) => {
      const expected = toCsvRow(toCleanExportPaper(paper, true));
      CSV_COLUMNS.forEach((column, c) => {
        const value = expected[column];
        expect(rows[i]?.[c], `${paper.id} ${column}`).toBe(neutraliseFormula(value));
      });
    });
  });

  it('neutralises hostile cells and keeps harmless ones as they are', () => {
    const rows = parse(toCSV(TAGS_AND_NOTES)).slice(1);
    const cell = (row: number, column: (typeof CSV_COLUMNS)[number]): string | undefined =>
      rows[row]?.[CSV_COLUMNS.indexOf(column)];
    expect(cell(0, 'title')).toBe('\'+1 Trick: Why "Sum, Then Scale" Works');
    expect(cell(0, 'abstract')).toBe('\'=SUM(A1:A2) is how it starts.\nSecond paragraph, with "quotes".');
    expect(cell(0, 'note')).toBe('\'=HYPERLINK("http://evil.example","click"), then "quoted", and more\nsecond line');
    expect(cell(0, 'comments')).toBe("'@mention: 12 pages, 3 figures");
    expect(cell(1, 'title')).toBe("'-5 Degrees: Cold Storage at Scale");
    expect(cell(2, 'tags')).toBe("'@home; theory");
    // A lone CR is a line break to every line-splitting reader, so it arrives as LF.
    expect(cell(2, 'comments')).toBe('\nleading carriage return');
    expect(cell(0, 'tags')).toBe('to-read; theory');
  });

  it('writes lists with "; ", subjects as codes and starred_at as ISO 8601 UTC', () => {
    const row = toCsvRow(TAGS_AND_NOTES[0] ?? UNICODE_NAMES);
    expect(row).toMatchObject({
      version: '2',
      authors: 'Carol Jones; Dan Brown',
      subjects: 'cs.DC',
      primary: 'cs.DC',
      starred_at: '2026-02-27T10:30:00.000Z',
    });
  });

  it('keeps Unicode names as they are', () => {
    expect(toCSV([UNICODE_NAMES])).toContain('Piotr Żelasko; Christopher Ré');
  });

  it('leaves starred_at empty for an invalid time instead of throwing', () => {
    expect(toCsvRow({ ...UNICODE_NAMES, starredAt: Number.NaN }).starred_at).toBe('');
  });
});
