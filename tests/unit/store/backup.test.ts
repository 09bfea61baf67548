import { describe, expect, it } from 'vitest';
import type { PaperRecord } from '@/lib/store/db';
import { exportBackup, importBackup } from '@/lib/store/backup';
import { BACKUP_FORMAT, MAX_BACKUP_BYTES, parseBackup, type BackupDocument, type ImportMode } from '@/lib/store/backup-format';
import { defaultTagColor } from '@/lib/store/tag-colors';
import { judgeRule } from '@/lib/rules/compile';
import { NOW, freshDb, id, meta, nthId, rule as unjudgedRule, snapshot, storeApi } from './support';

/** A rule as the store keeps it: with the verdict a save or an import gives it. */
const rule = (...args: Parameters<typeof unjudgedRule>) => judgeRule(unjudgedRule(...args));

const A = '2602.22290';
const B = 'hep-th/9901001';
const C = '0704.0001';
const D = '2602.00004';

function paper(paperId: string, fields: Partial<PaperRecord> = {}): PaperRecord {
  return { id: id(paperId), meta: meta(paperId), tags: [], updatedAt: NOW, ...fields };
}

/** A store with something in every table. */
async function seededDb() {
  const db = freshDb();
  await db.papers.bulkPut([
    paper(A, { starredAt: 100, tags: ['x'], note: 'local note', updatedAt: 100 }),
    paper(B, { tags: ['y'], updatedAt: 300 }),
    paper(C, { seenAt: 50, updatedAt: 50 }),
  ]);
  await db.tags.bulkPut([
    { name: 'x', color: '#111111', createdAt: 1 },
    { name: 'y', color: '#222222', createdAt: 2 },
  ]);
  await db.rules.bulkPut([rule('r1', { pattern: 'old', updatedAt: 100 }), rule('r2', { updatedAt: 500 })]);
  await db.seen.bulkPut([{ id: nthId(1), at: 100 }, { id: nthId(2), at: 100 }]);
  return db;
}

function backupOf(tables: Partial<BackupDocument['tables']>): BackupDocument {
  return {
    format: BACKUP_FORMAT,
    version: 2,
    exportedAt: NOW,
    tables: { papers: [], tags: [], rules: [], seen: [], ...tables },
  };
}

describe('exportBackup', () => {
  it('writes every table into one versioned document', async () => {
    const db = await seededDb();
    const doc = await exportBackup(db, NOW);
    expect(doc).toMatchObject({ format: 'arxiv-sift-backup', version: 2, exportedAt: NOW });
    expect(doc.tables).toEqual(await snapshot(db));
  });

  it('round-trips through JSON into an empty store, table for table', async () => {
    const db = await seededDb();
    const json = JSON.stringify(await exportBackup(db, NOW));
    expect(parseBackup(json)).toEqual(JSON.parse(json));
    const copy = freshDb();
    const report = await importBackup(copy, json, { mode: 'replace', now: NOW });
    expect(await snapshot(copy)).toEqual(await snapshot(db));
    expect(report).toEqual({
      papers: { added: 3, updated: 0, unchanged: 0, removed: 0 },
      tags: { added: 2, updated: 0, unchanged: 0, removed: 0 },
      rules: { added: 2, updated: 0, unchanged: 0, removed: 0 },
      seen: { added: 2, updated: 0, unchanged: 0, removed: 0 },
    });
  });

  it.each<ImportMode>(['merge', 'replace'])('re-importing its own export in %s mode changes nothing', async (mode) => {
    const db = await seededDb();
    const before = await snapshot(db);
    const report = await importBackup(db, JSON.stringify(await exportBackup(db)), { mode });
    expect(await snapshot(db)).toEqual(before);
    expect(report.papers).toEqual({ added: 0, updated: 0, unchanged: 3, removed: 0 });
    expect(report.rules).toEqual({ added: 0, updated: 0, unchanged: 2, removed: 0 });
  });
});

describe('importBackup: merge', () => {
  const incoming = backupOf({
    papers: [
      paper(A, { hiddenAt: 150, tags: ['z'], note: 'backup note', updatedAt: 200 }),
      paper(B, { starredAt: 90, tags: ['w'], updatedAt: 100 }),
      paper(D, { starredAt: 10, updatedAt: 10 }),
    ],
    tags: [
      { name: 'x', color: '#999999', createdAt: 5 },
      { name: 'z', color: '#333333', createdAt: 6 },
    ],
    rules: [rule('r1', { pattern: 'new', updatedAt: 200 }), rule('r2', { pattern: 'stale', updatedAt: 100 })],
    seen: [
      { id: nthId(2), at: 50 },
      { id: nthId(3), at: 50 },
      { id: nthId(9), at: 60 },
    ],
  });

  it('keeps the newer paper per id and unions the tags of both', async () => {
    const db = await seededDb();
    await importBackup(db, JSON.stringify(incoming), { mode: 'merge', now: NOW });
    expect(await db.papers.get(id(A))).toEqual(paper(A, { hiddenAt: 150, tags: ['z', 'x'], note: 'backup note', updatedAt: 200 }));
    expect(await db.papers.get(id(B))).toEqual(paper(B, { tags: ['y', 'w'], updatedAt: 300 }));
    expect(await db.papers.get(id(C))).toEqual(paper(C, { seenAt: 50, updatedAt: 50 }));
    expect(await db.papers.get(id(D))).toEqual(paper(D, { starredAt: 10, updatedAt: 10 }));
  });

  it('keeps local tags, the newer rule, and every seen id', async () => {
    const db = await seededDb();
    await importBackup(db, JSON.stringify(incoming), { mode: 'merge', now: NOW });
    expect(await db.tags.get('x')).toEqual({ name: 'x', color: '#111111', createdAt: 1 });
    expect(await db.tags.get('z')).toEqual({ name: 'z', color: '#333333', createdAt: 6 });
    expect(await db.tags.get('w')).toEqual({ name: 'w', color: defaultTagColor('w'), createdAt: NOW });
    expect((await db.rules.get('r1'))?.pattern).toBe('new');
    expect((await db.rules.get('r2'))?.pattern).toBe('consensus');
    // Seen marks union, each paper keeping the first time either side saw it.
    expect(await db.seen.toArray()).toEqual([
      { id: nthId(1), at: 100 },
      { id: nthId(2), at: 50 },
      { id: nthId(3), at: 50 },
      { id: nthId(9), at: 60 },
    ]);
  });

  it('reports what it added, updated and left alone', async () => {
    const db = await seededDb();
    expect(await importBackup(db, JSON.stringify(incoming), { mode: 'merge', now: NOW })).toEqual({
      papers: { added: 1, updated: 2, unchanged: 0, removed: 0 },
      tags: { added: 2, updated: 0, unchanged: 1, removed: 0 },
      rules: { added: 0, updated: 1, unchanged: 1, removed: 0 },
      seen: { added: 2, updated: 1, unchanged: 0, removed: 0 },
    });
  });
});

describe('importBackup: replace', () => {
  it('leaves exactly the backup in every table and counts what was dropped', async () => {
    const db = await seededDb();
    const doc = backupOf({
      // In key order, as the store returns them.
      papers: [paper(D, { tags: ['q'] }), paper(A, { starredAt: 100, tags: ['x'], note: 'local note', updatedAt: 100 })],
      tags: [{ name: 'x', color: '#abcdef', createdAt: 1 }],
      rules: [rule('r3')],
    });
    const report = await importBackup(db, JSON.stringify(doc), { mode: 'replace', now: NOW });
    expect(report).toEqual({
      papers: { added: 1, updated: 0, unchanged: 1, removed: 2 },
      tags: { added: 1, updated: 1, unchanged: 0, removed: 1 },
      rules: { added: 1, updated: 0, unchanged: 0, removed: 2 },
      seen: { added: 0, updated: 0, unchanged: 0, removed: 2 },
    });
    expect(await snapshot(db)).toEqual({
      ...doc.tables,
      tags: [{ name: 'q', color: defaultTagColor('q'), createdAt: NOW }, ...doc.tables.tags],
    });
  });
});

describe('importBackup: all or nothing', () => {
  it.each<ImportMode>(['merge', 'replace'])('a failure halfway through a %s import leaves the store unchanged', async (mode) => {
    const db = await seededDb();
    const before = await snapshot(db);
    db.rules.hook('creating', () => {
      throw new Error('quota exceeded');
    });
    const doc = backupOf({ papers: [paper(D, { starredAt: 1 })], rules: [rule('r9')] });
    await expect(importBackup(db, JSON.stringify(doc), { mode })).rejects.toThrow('quota exceeded');
    expect(await snapshot(db)).toEqual(before);
  });
});

/** A valid document with something in every table, to break one part at a time. */
function validDoc(): BackupDocument {
  return backupOf({
    papers: [paper(A, { tags: ['x', 'y'] }), paper(B, { starredAt: 1 })],
    tags: [{ name: 'x', color: '#111111', createdAt: 1 }],
    rules: [rule('r1')],
    seen: [{ id: nthId(0), at: 1 }],
  });
}

// `any`: the point is to write what the types forbid (wrong types, missing fields, stray keys).
function broken(change: (doc: Record<string, any>) => void): string {
  const doc = JSON.parse(JSON.stringify(validDoc()));
  change(doc);
  return JSON.stringify(doc);
}

const badFiles: [string, () => string, string][] = [
  ['text that is not JSON', () => 'hello', 'backup: not valid JSON'],
  ['an empty file', () => '', 'backup: not valid JSON'],
  ['a truncated file', () => JSON.stringify(validDoc()).slice(0, -7), 'backup: not valid JSON (the file looks truncated)'],
  ['a JSON array', () => '[]', 'backup: expected a JSON object, got an array'],
  ['another format', () => broken((d) => (d.format = 'zotero')), 'format: expected "arxiv-sift-backup", got "zotero" (not a Sift backup)'],
  ['no format', () => broken((d) => delete d.format), 'format: expected "arxiv-sift-backup", got undefined'],
  ['a newer version', () => broken((d) => (d.version = 3)), 'version: the backup is version 3; this Sift reads version 2'],
  ['a version as text', () => broken((d) => (d.version = '1')), 'version: expected 1 to 2, got "1"'],
  ['a bad export time', () => broken((d) => (d.exportedAt = 'yesterday')), 'exportedAt: expected number, got "yesterday"'],
  ['an unknown table', () => broken((d) => (d.tables.bookmarks = [])), 'tables.bookmarks: unknown table'],
  ['a missing table', () => broken((d) => delete d.tables.seen), 'tables.seen: missing'],
  ['a settings table in a version 2 file', () => broken((d) => (d.tables.settings = [])), 'tables.settings: unknown table'],
  ['tables as an array', () => broken((d) => (d.tables = [])), 'tables: expected an object, got an array'],
  ['tags as a string', () => broken((d) => (d.tables.papers[1].tags = 'x')), 'tables.papers[1].tags: expected an array of strings'],
  ['a number among tags', () => broken((d) => (d.tables.papers[0].tags[1] = 7)), 'tables.papers[0].tags[1]: expected string, got 7'],
  ['a versioned paper id', () => broken((d) => (d.tables.papers[0].id = '2602.22290v3')), 'tables.papers[0].id: expected a versionless arXiv id, got "2602.22290v3"'],
  ['a snapshot of another paper', () => broken((d) => (d.tables.papers[1].meta.id = A)), 'tables.papers[1].meta.id: expected the same id as the record'],
  ['a javascript: link', () => broken((d) => (d.tables.papers[0].meta.absUrl = 'javascript:alert(1)')), 'tables.papers[0].meta.absUrl: expected an https://arxiv.org link'],
  ['a negative time', () => broken((d) => (d.tables.papers[0].updatedAt = -5)), 'tables.papers[0].updatedAt: expected >=0, got -5'],
  ['an over-long note', () => broken((d) => (d.tables.papers[0].note = 'n'.repeat(10_001))), 'tables.papers[0].note: expected at most 10000 characters'],
  ['an unknown field', () => broken((d) => (d.tables.tags[0].colour = '#111111')), 'tables.tags[0].colour: unknown field'],
  ['a bad colour', () => broken((d) => (d.tables.tags[0].color = 'blue')), 'tables.tags[0].color: expected a colour like #1a2b3c, got "blue"'],
  ['a bad rule', () => broken((d) => (d.tables.rules[0].mode = 'glob')), 'tables.rules[0].mode: expected ("phrase" | "word" | "regex"), got "glob"'],
  ['a bad seen id', () => broken((d) => (d.tables.seen[0].id = '2602.1v1')), 'tables.seen[0].id: expected a versionless arXiv id'],
  ['a duplicate paper', () => broken((d) => (d.tables.papers[1] = d.tables.papers[0])), 'tables.papers[1].id: duplicate of tables.papers[0] ("2602.22290")'],
  ['a duplicate tag after trimming', () => broken((d) => d.tables.tags.push({ name: ' x ', color: '#000000', createdAt: 1 })), 'tables.tags[1].name: duplicate of tables.tags[0]'],
  ['a __proto__ key', () => broken((d) => Object.defineProperty(d.tables.papers[0].meta, '__proto__', { value: { polluted: true }, enumerable: true })), 'tables.papers[0].meta.__proto__: key not allowed'],
  ['a constructor key deep in a paper', () => broken((d) => (d.tables.papers[0].meta.primarySubject = { name: 'x', code: 'y', constructor: { prototype: 1 } })), 'tables.papers[0].meta.primarySubject.constructor: key not allowed'],
  ['a file over 50 MB', () => `{"pad":"${'x'.repeat(MAX_BACKUP_BYTES)}"}`, 'backup: the file is 50.0 MB, over the 50 MB limit'],
];

describe('parseBackup', () => {
  it('accepts a valid document', () => {
    expect(parseBackup(JSON.stringify(validDoc()))).toEqual(validDoc());
  });

  it('reads a version 1 file: its visits become seen marks, its settings table is left out, a bad setting is refused', () => {
    const { seen: _seen, ...v2Tables } = validDoc().tables;
    const visits = [
      { listing: 'cs.DC/new', lastVisitAt: 5, seenIds: [nthId(0), nthId(1)] },
      { listing: 'cs.DC/recent', lastVisitAt: 3, seenIds: [nthId(1)] },
    ];
    const legacy = { ...validDoc(), version: 1, tables: { ...v2Tables, visits, settings: [{ key: 'theme', value: 'dark' }] } };
    expect(parseBackup(JSON.stringify(legacy))).toEqual({ ...validDoc(), tables: { ...v2Tables, seen: [{ id: nthId(0), at: 5 }, { id: nthId(1), at: 3 }] } });
    const badSetting = { ...legacy, tables: { ...legacy.tables, settings: [{ key: 'theme' }] } };
    expect(() => parseBackup(JSON.stringify(badSetting))).toThrow('tables.settings[0].value: missing');
  });

  it.each(badFiles)('rejects %s, naming the problem', (_label, file, message) => {
    expect(() => parseBackup(file())).toThrow(message);
  });

  it('counts multi-byte characters against the size limit', () => {
    const text = `"${'é'.repeat(MAX_BACKUP_BYTES / 2)}"`;
    expect(() => parseBackup(text)).toThrow('over the 50 MB limit');
  });
});

describe('importBackup rejects a bad file and leaves the store exactly as it was', () => {
  it.each(badFiles.flatMap(([label, file, message]) => (['merge', 'replace'] as const).map((mode) => [label, mode, file, message] as const)))(
    '%s (%s)',
    async (_label, mode, file, message) => {
      const db = await seededDb();
      const before = await snapshot(db);
      await expect(importBackup(db, file(), { mode })).rejects.toThrow(message);
      expect(await snapshot(db)).toEqual(before);
    },
  );
});

describe('backup messages', () => {
  it('backup.export answers the document and backup.import the report, broadcasting changed tables', async () => {
    const source = await seededDb();
    const exported = await storeApi(source).call('backup.export', {});
    expect(exported.tables.papers).toHaveLength(3);
    const target = freshDb();
    const { call, changes } = storeApi(target);
    const report = await call('backup.import', { json: JSON.stringify(exported), mode: 'merge' });
    expect(report.papers.added).toBe(3);
    expect(changes).toEqual([expect.objectContaining({ ids: [], tables: ['papers', 'tags', 'rules', 'seen'] })]);
    await call('backup.import', { json: JSON.stringify(exported), mode: 'merge' });
    expect(changes).toHaveLength(1);
  });
});
