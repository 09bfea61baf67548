/**
 * What Zotero makes of Sift's RIS, by the rules Zotero itself applies, read from its source:
 * - the RIS translator, zotero/translators `RIS.js` (commit 2814370, 2026-06-26): `TY  - RPRT`
 *   is a Report; for reports `PB` is `institution`, `SN` `reportNumber`, `DP` `libraryCatalog`;
 *   `M2` goes to Extra for every item type, one line per tag; `N1` becomes a child note; `KW`
 *   values are split on `;` and, when a record has a single `KW`, on commas; any tag without a
 *   field for the type lands in a note "The following values have no corresponding Zotero field".
 * - saving the item, zotero/zotero `Zotero.Item#fromJSON` → `Zotero.Utilities.Internal.
 *   extractExtraFields` (commit f2a42be, 2026-08-21): an Extra line `Type: <Zotero item type>`
 *   changes the item type; `Label: value` lines whose label names a field valid for the new type
 *   (`Repository`, `Archive ID`) fill that field and leave Extra; fields invalid for the new type
 *   move to Extra unless a field on the same base field was set (`institution`/`repository` on
 *   base `publisher`, `reportNumber`/`archiveID` on base `number`).
 * The translator step was also run for real, in a scratch sandbox, on these exports: same result.
 * This model encodes those rules so a change to the RIS export that Zotero would read
 * differently fails here.
 */
import { describe, expect, it } from 'vitest';
import { doiOf, toRIS, type ExportPaper } from '@/lib/export';
import { toOneLine } from '@/lib/export/export-paper';
import { ALL_PAPERS, CLEAN_PAPERS, SPECIAL_CHARACTERS, paper } from './cases';

interface ZoteroItem {
  itemType: string;
  fields: Record<string, string>;
  creators: string[];
  tags: string[];
  notes: string[];
}

// Field per RIS tag for a Report (RIS.js fieldMap and degenerateImportFieldMap).
const REPORT_FIELDS: Readonly<Record<string, string>> = {
  TI: 'title',
  AB: 'abstractNote',
  DA: 'date',
  PY: 'date',
  DO: 'DOI',
  DP: 'libraryCatalog',
  PB: 'institution',
  SN: 'reportNumber',
  UR: 'url',
  M2: 'extra',
};
// Fields of a Preprint and the base field of each type-specific field involved (Zotero schema).
const PREPRINT_FIELDS = new Set(['title', 'abstractNote', 'date', 'DOI', 'libraryCatalog', 'url', 'extra', 'repository', 'archiveID', 'genre']);
const BASE_FIELD: Readonly<Record<string, string>> = { institution: 'publisher', repository: 'publisher', reportNumber: 'number', archiveID: 'number' };
const EXTRA_LABELS: Readonly<Record<string, string>> = { repository: 'repository', 'archive-id': 'archiveID' };
// extractExtraFields' own line pattern and key normalisation. `[ -_]` is a range (space to
// underscore) that includes `:`, so the greedy label runs on to the value's last colon.
const EXTRA_LINE = /^([a-z][a-z -_]+):(.+)/i;
const extraKey = (label: string): string =>
  label
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[\s-_]/g, '-');

function translate(record: string): ZoteroItem {
  const item: ZoteroItem = { itemType: '', fields: {}, creators: [], tags: [], notes: [] };
  const unknown: string[] = [];
  for (const line of record.split('\r\n')) {
    const match = /^([A-Z][A-Z0-9])  - (.*)$/.exec(line);
    if (!match) continue;
    const [, tag = '', value = ''] = match;
    if (tag === 'TY') item.itemType = value === 'RPRT' ? 'report' : 'journalArticle';
    else if (tag === 'ER' || value === '') continue;
    else if (tag === 'AU') item.creators.push(value);
    else if (tag === 'KW') item.tags.push(...value.split(/\s*;\s*/).filter((t) => t !== ''));
    else if (tag === 'N1') item.notes.push(value);
    else if (REPORT_FIELDS[tag] === 'extra') item.fields.extra = item.fields.extra === undefined ? value : `${item.fields.extra}\n${value}`;
    else if (REPORT_FIELDS[tag] !== undefined) item.fields[REPORT_FIELDS[tag]] ??= value;
    else unknown.push(line);
  }
  if (item.tags.length === 1) item.tags = (item.tags[0] ?? '').split(/\s*,\s*/).filter((t) => t !== '');
  if (unknown.length > 0) item.notes.push(`The following values have no corresponding Zotero field:<br/>${unknown.join('<br/>')}`);
  return item;
}

function save(item: ZoteroItem): ZoteroItem {
  const lines = (item.fields.extra ?? '').split('\n');
  const typeLine = lines.find((l) => /^type:\s*preprint\s*$/i.test(l));
  if (typeLine === undefined) return item;
  const fields: Record<string, string> = {};
  const kept: string[] = [];
  for (const line of lines) {
    if (line === typeLine) continue;
    const label = EXTRA_LINE.exec(line);
    const field = label ? EXTRA_LABELS[extraKey(label[1] ?? '')] : undefined;
    if (label && field !== undefined && fields[field] === undefined) fields[field] = (label[2] ?? '').trim();
    else kept.push(line);
  }
  for (const [field, value] of Object.entries(item.fields)) {
    if (field === 'extra') continue;
    if (PREPRINT_FIELDS.has(field)) fields[field] ??= value;
    else if (!Object.keys(fields).some((set) => BASE_FIELD[set] !== undefined && BASE_FIELD[set] === BASE_FIELD[field])) {
      kept.push(`${field}: ${value}`);
    }
  }
  if (kept.length > 0) fields.extra = kept.join('\n');
  return { ...item, itemType: 'preprint', fields };
}

const importIntoZotero = (ris: string): ZoteroItem[] =>
  ris
    .split('\r\n\r\n')
    .filter((r) => r.trim() !== '')
    .map((record) => save(translate(record)));

describe('Zotero importing Sift RIS', () => {
  const items = importIntoZotero(toRIS(ALL_PAPERS, { includeUserData: true }));

  it('gets one Preprint per paper, repository arXiv, archive ID arXiv:<id>', () => {
    expect(items).toHaveLength(ALL_PAPERS.length);
    CLEAN_PAPERS.forEach((p: ExportPaper, i) => {
      expect(items[i]?.itemType).toBe('preprint');
      expect(items[i]?.fields).toMatchObject({ repository: 'arXiv', archiveID: `arXiv:${p.id}`, libraryCatalog: 'arXiv.org', url: expect.stringMatching(/^https:\/\//) });
    });
  });

  it('keeps the title, the DOI Sift chose and the authors in order', () => {
    CLEAN_PAPERS.forEach((p, i) => {
      expect(items[i]?.fields.title).toBe(toOneLine(p.title));
      expect(items[i]?.fields.DOI).toBe(doiOf(p));
      expect(items[i]?.creators).toHaveLength(p.authors.length);
    });
  });

  it('puts the journal reference in Extra, and only there', () => {
    CLEAN_PAPERS.forEach((p, i) => {
      const journalRef = p.journalRef === undefined ? '' : toOneLine(p.journalRef);
      expect(items[i]?.fields.extra).toBe(journalRef === '' ? undefined : `Journal-ref: ${journalRef}`);
      for (const note of items[i]?.notes ?? []) expect(note).not.toContain('Journal-ref');
    });
  });

  it('makes no "no corresponding Zotero field" note, and the user note the only note', () => {
    CLEAN_PAPERS.forEach((p, i) => {
      const note = p.note === undefined ? '' : toOneLine(p.note);
      expect(items[i]?.notes).toEqual(note === '' ? [] : [note]);
    });
  });

  it('brings every tag in whole, with ; and a lone tag with commas included', () => {
    const tagged = [
      paper({ id: '2603.09001', title: 'One Tag', authors: ['Ann Lee'], tags: ['x, y'] }),
      paper({ id: '2603.09002', title: 'Two Tags', authors: ['Ann Lee'], tags: ['a; b', 'c, d'] }),
      SPECIAL_CHARACTERS,
    ];
    expect(importIntoZotero(toRIS(tagged, { includeUserData: true })).map((item) => item.tags)).toEqual([['x， y'], ['a； b', 'c, d'], ['R&D', 'x_y']]);
  });

  it('needs the no-break space after "Archive ID:": with a plain space Zotero would keep the line in Extra', () => {
    const plain = toRIS([SPECIAL_CHARACTERS]).replace('Archive ID:\u00A0', 'Archive ID: ');
    const [item] = importIntoZotero(plain);
    expect(item?.fields.archiveID).toBeUndefined();
    expect(item?.fields.extra).toContain('Archive ID: arXiv:2603.01235');
  });

  it('imports no tags and no note when they were left out', () => {
    for (const item of importIntoZotero(toRIS(ALL_PAPERS))) {
      expect(item.tags).toEqual([]);
      expect(item.notes).toEqual([]);
    }
  });
});
