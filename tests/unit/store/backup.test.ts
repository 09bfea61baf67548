import { describe, expect, it } from 'vitest';
import type { PaperRecord } from '@/lib/store/db';
import { exportBackup, importBackup } from '@/lib/store/backup';
import { BACKUP_FORMAT, MAX_BACKUP_BYTES, parseBackup, type BackupDocument, type ImportMode } from '@/lib/store/backup-format';
import { defaultTagColor } from '@/lib/store/tag-colors';
import { stampOfMs } from '@/lib/sync/hlc';
import { judgeRule } from '@/lib/rules/judge';
import { NOW, freshDb, id, meta, nthId, rule as unjudgedRule, snapshot, storeApi } from './support';

/** A rule as the store keeps it: with the verdict a save or an import gives it. */
const rule = (...args: Parameters<typeof unjudgedRule>) => judgeRule(unjudgedRule(...args));

const A = '2602.22290';
const B = 'hep-th/9901001';
const C = '0704.0001';
const D = '2602.00004';
/** `minutes` after NOW: stamps count whole minutes, so the fixtures' writes are minutes apart. */
const at = (minutes: number) => NOW + minutes * 60_000;
const stampAt = (minutes: number) => stampOfMs(at(minutes));

function paper(paperId: string, fields: Partial<PaperRecord> = {}): PaperRecord {
  return { id: id(paperId), meta: meta(paperId), tags: [], updatedAt: NOW, ...fields };
}

/** A store with something in every table. */
async function seededDb() {
  const db = freshDb();
  await db.papers.bulkPut([
    paper(A, { starredAt: at(100), tags: ['x'], note: 'local note', updatedAt: at(100) }),
    paper(B, { tags: ['y'], updatedAt: at(300) }),
    paper(C, { seenAt: at(50), updatedAt: at(50) }),
  ]);
  await db.tags.bulkPut([
    { name: 'x', color: '#111111', createdAt: at(1) },
    { name: 'y', color: '#222222', createdAt: at(2) },
  ]);
  await db.rules.bulkPut([rule('r1', { pattern: 'old', updatedAt: at(100) }), rule('r2', { updatedAt: at(500) })]);
  await db.seen.bulkPut([{ id: nthId(1), at: at(100) }, { id: nthId(2), at: at(100) }]);
  return db;
}

/** `doc` as a release before stamps wrote it: version 2, no `stamps`. */
function asVersion2(doc: BackupDocument): string {
  const { stamps: _stamps, ...rest } = doc;
  return JSON.stringify({ ...rest, version: 2 });
}

function backupOf(tables: Partial<BackupDocument['tables']>, stamps: Partial<BackupDocument['stamps']> = {}): BackupDocument {
  return {
    format: BACKUP_FORMAT,
    version: 3,
    exportedAt: NOW,
    tables: { papers: [], tags: [], rules: [], seen: [], ...tables },
    stamps: { tags: [], rules: [], seen: [], ...stamps },
  };
}

/** The store's contents apart from stamps: what the reader sees, for "the same data" checks. */
async function contents(db: Awaited<ReturnType<typeof freshDb>>) {
  const tables = await snapshot(db);
  const papers = (tables.papers as PaperRecord[])
    .map(({ stamps: _stamps, ...rest }) => rest)
    // Tombstones: records left with nothing on them but the stamps of what was removed.
    .filter((record) => record.starredAt !== undefined || record.hiddenAt !== undefined || record.seenAt !== undefined || record.note !== undefined || record.tags.length > 0);
  return { ...tables, papers };
}

describe('exportBackup', () => {
  it('writes every table into one versioned document, with the stamps of tags, rules and seen marks', async () => {
    const db = await seededDb();
    await storeApi(db, () => at(600)).call('tags.delete', { name: 'y' });
    const doc = await exportBackup(db, NOW);
    expect(doc).toMatchObject({ format: 'arxiv-sift-backup', version: 3, exportedAt: NOW });
    expect(doc.tables).toEqual(await snapshot(db));
    expect(doc.stamps).toEqual({ tags: [['y', stampAt(600)]], rules: [], seen: [] });
  });

  it('round-trips through JSON into an empty store, table for table', async () => {
    const db = await seededDb();
    const json = JSON.stringify(await exportBackup(db, NOW));
    expect(parseBackup(json)).toEqual(JSON.parse(json));
    const copy = freshDb();
    const report = await importBackup(copy, json, { mode: 'replace', now: NOW });
    expect(await contents(copy)).toEqual(await contents(db));
    expect(report).toEqual({
      papers: { added: 3, updated: 0, unchanged: 0, removed: 0 },
      tags: { added: 2, updated: 0, unchanged: 0, removed: 0 },
      rules: { added: 2, updated: 0, unchanged: 0, removed: 0 },
      seen: { added: 2, updated: 0, unchanged: 0, removed: 0 },
    });
  });

  it.each<ImportMode>(['merge', 'replace'])('re-importing its own export in %s mode changes nothing the reader sees', async (mode) => {
    const db = await seededDb();
    const before = await contents(db);
    const report = await importBackup(db, JSON.stringify(await exportBackup(db)), { mode, now: at(1000) });
    expect(await contents(db)).toEqual(before);
    expect(report.papers).toEqual({ added: 0, updated: 0, unchanged: 3, removed: 0 });
    expect(report.rules).toEqual({ added: 0, updated: 0, unchanged: 2, removed: 0 });
    if (mode === 'merge') expect(await snapshot(db)).toEqual(await snapshot(await seededDb()));
  });
});

describe('importBackup: merge', () => {
  // A file of a release before stamps (version 2, records unstamped): every field counts as
  // written at its record's `updatedAt`, a tag at `createdAt`, a seen mark at `at`.
  const incoming = backupOf({
    papers: [
      paper(A, { hiddenAt: at(150), tags: ['z'], note: 'backup note', updatedAt: at(200) }),
      paper(B, { starredAt: at(90), tags: ['w'], updatedAt: at(100) }),
      paper(D, { starredAt: at(10), updatedAt: at(10) }),
    ],
    tags: [
      { name: 'x', color: '#999999', createdAt: at(5) },
      { name: 'z', color: '#333333', createdAt: at(6) },
    ],
    rules: [rule('r1', { pattern: 'new', updatedAt: at(200) }), rule('r2', { pattern: 'stale', updatedAt: at(100) })],
    seen: [
      { id: nthId(2), at: at(50) },
      { id: nthId(3), at: at(50) },
      { id: nthId(9), at: at(60) },
    ],
  });

  it('merges each paper field by field: the later write of every field, from either side', async () => {
    const db = await seededDb();
    await importBackup(db, asVersion2(incoming), { mode: 'merge', now: NOW });
    // A: the star only the store has stays, the file's later hide and note come in, both tags stay.
    expect(await db.papers.get(id(A))).toEqual(
      paper(A, {
        starredAt: at(100),
        hiddenAt: at(150),
        tags: ['x', 'z'],
        note: 'backup note',
        updatedAt: at(200),
        stamps: { star: stampAt(100), hide: stampAt(200), note: stampAt(200), tags: { x: stampAt(100), z: stampAt(200) } },
      }),
    );
    // B: the store's copy is newer, but the star only the file has was never undone here.
    expect(await db.papers.get(id(B))).toMatchObject({ starredAt: at(90), tags: ['y', 'w'], updatedAt: at(300) });
    expect(await db.papers.get(id(C))).toEqual(paper(C, { seenAt: at(50), updatedAt: at(50) }));
    expect(await db.papers.get(id(D))).toEqual(paper(D, { starredAt: at(10), updatedAt: at(10) }));
  });

  it('takes the later tag definition and rule, and keeps every seen mark with its first time', async () => {
    const db = await seededDb();
    await importBackup(db, asVersion2(incoming), { mode: 'merge', now: NOW });
    expect(await db.tags.get('x')).toEqual({ name: 'x', color: '#999999', createdAt: at(5) });
    expect(await db.tags.get('z')).toEqual({ name: 'z', color: '#333333', createdAt: at(6) });
    expect(await db.tags.get('w')).toEqual({ name: 'w', color: defaultTagColor('w'), createdAt: NOW });
    expect((await db.rules.get('r1'))?.pattern).toBe('new');
    expect((await db.rules.get('r2'))?.pattern).toBe('consensus');
    // Seen marks union, each paper keeping the first time either side saw it.
    expect(await db.seen.toArray()).toEqual([
      { id: nthId(1), at: at(100) },
      { id: nthId(2), at: at(50) },
      { id: nthId(3), at: at(50) },
      { id: nthId(9), at: at(60) },
    ]);
  });

  it('keeps a tag recoloured here after the backup', async () => {
    const db = await seededDb();
    await storeApi(db, () => at(400)).call('tags.upsert', { name: 'x', color: '#444444' });
    await importBackup(db, asVersion2(incoming), { mode: 'merge', now: NOW });
    expect((await db.tags.get('x'))?.color).toBe('#444444');
  });

  it('reports what it added, updated and left alone', async () => {
    const db = await seededDb();
    expect(await importBackup(db, asVersion2(incoming), { mode: 'merge', now: NOW })).toEqual({
      papers: { added: 1, updated: 2, unchanged: 0, removed: 0 },
      tags: { added: 2, updated: 1, unchanged: 0, removed: 0 },
      rules: { added: 0, updated: 1, unchanged: 1, removed: 0 },
      seen: { added: 2, updated: 1, unchanged: 0, removed: 0 },
    });
  });
});

describe('importBackup: replace', () => {
  it('leaves exactly the backup in every table, tombstones aside, and counts what was dropped', async () => {
    const db = await seededDb();
    const doc = backupOf({
      // In key order, as the store returns them.
      papers: [paper(D, { tags: ['q'] }), paper(A, { starredAt: at(100), tags: ['x'], note: 'local note', updatedAt: at(100) })],
      tags: [{ name: 'x', color: '#abcdef', createdAt: at(1) }],
      rules: [rule('r3')],
    });
    const report = await importBackup(db, JSON.stringify(doc), { mode: 'replace', now: NOW });
    expect(report).toEqual({
      papers: { added: 1, updated: 0, unchanged: 1, removed: 2 },
      tags: { added: 1, updated: 1, unchanged: 0, removed: 1 },
      rules: { added: 1, updated: 0, unchanged: 0, removed: 2 },
      seen: { added: 0, updated: 0, unchanged: 0, removed: 2 },
    });
    expect(await contents(db)).toEqual({
      ...doc.tables,
      tags: [{ name: 'q', color: defaultTagColor('q'), createdAt: NOW }, ...doc.tables.tags],
    });
  });

  it('leaves a store that a merge of the same file then finds already up to date', async () => {
    const db = await seededDb();
    const file = JSON.stringify(await exportBackup(db));
    await storeApi(db, () => at(700)).call('papers.star', { papers: [meta(D)], starred: true });
    await importBackup(db, file, { mode: 'replace', now: at(800) });
    const report = await importBackup(db, file, { mode: 'merge', now: at(900) });
    for (const counts of Object.values(report)) expect(counts.added + counts.updated + counts.removed).toBe(0);
  });

  it('stamps the restored state past every stamp the store and the file hold, and leaves tombstones for what it removed', async () => {
    const db = await seededDb();
    const { call } = storeApi(db, () => at(700));
    await call('papers.star', { papers: [meta(C)], starred: true });
    await call('seen.unmark', { ids: [nthId(1)] });
    const doc = backupOf(
      { papers: [paper(A, { tags: ['x'], updatedAt: at(100) })], tags: [{ name: 'x', color: '#111111', createdAt: at(1) }], seen: [{ id: nthId(5), at: at(3) }] },
      { tags: [['x', stampAt(800)]] },
    );
    await importBackup(db, JSON.stringify(doc), { mode: 'replace', now: at(750) });
    const restored = stampAt(800) + 1;
    expect((await db.papers.get(id(A)))?.stamps).toEqual({ star: restored, note: restored, tags: { x: restored } });
    // C was only in the store: a record of nothing but tombstones stops sync bringing it back.
    expect(await db.papers.get(id(C))).toMatchObject({ tags: [], stamps: { star: restored, seen: restored } });
    expect((await db.papers.get(id(C)))?.starredAt).toBeUndefined();
    const stamps = Object.fromEntries((await db.syncStamps.toArray()).map((record) => [record.key, record.stamp]));
    expect(stamps).toEqual({
      'tag:x': restored,
      'tag:y': restored,
      'rule:r1': restored,
      'rule:r2': restored,
      [`seen:${nthId(1)}`]: restored,
      [`seen:${nthId(2)}`]: restored,
      [`seen:${nthId(5)}`]: restored,
    });
    expect(await db.seen.toArray()).toEqual([{ id: nthId(5), at: at(3) }]);
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
  ['a newer version', () => broken((d) => (d.version = 4)), 'version: the backup is version 4; this Sift reads version 3'],
  ['a version as text', () => broken((d) => (d.version = '1')), 'version: expected 1 to 3, got "1"'],
  ['a bad export time', () => broken((d) => (d.exportedAt = 'yesterday')), 'exportedAt: expected number, got "yesterday"'],
  ['an unknown table', () => broken((d) => (d.tables.bookmarks = [])), 'tables.bookmarks: unknown table'],
  ['a missing table', () => broken((d) => delete d.tables.seen), 'tables.seen: missing'],
  ['a settings table in a version 3 file', () => broken((d) => (d.tables.settings = [])), 'tables.settings: unknown table'],
  ['no stamps in a version 3 file', () => broken((d) => delete d.stamps), 'stamps: missing'],
  ['stamps in a version 2 file', () => broken((d) => (d.version = 2)), 'stamps: unknown field'],
  ['a stamp that is not a whole minute count', () => broken((d) => (d.stamps.tags = [['x', 1.5]])), 'stamps.tags[0][1]'],
  ['a stamp past the year 3000', () => broken((d) => (d.stamps.rules = [['r1', 2 ** 40]])), 'stamps.rules[0][1]'],
  ['a stamp of a bad tag name', () => broken((d) => (d.stamps.tags = [['', 5]])), 'stamps.tags[0][0]: expected a tag name'],
  ['a stamp of a bad seen id', () => broken((d) => (d.stamps.seen = [['2602.1v1', 5]])), 'stamps.seen[0][0]: expected a versionless arXiv id'],
  ['a duplicate stamp', () => broken((d) => (d.stamps.tags = [['x', 5], [' x', 6]])), 'stamps.tags[1][0]: duplicate of stamps.tags[0] ("x")'],
  ['stamps as an object keyed by name', () => broken((d) => (d.stamps.tags = { x: 5 })), 'stamps.tags: expected Array'],
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
    const { stamps: _stamps, ...header } = validDoc();
    const legacy = { ...header, version: 1, tables: { ...v2Tables, visits, settings: [{ key: 'theme', value: 'dark' }] } };
    expect(parseBackup(JSON.stringify(legacy))).toEqual({ ...validDoc(), tables: { ...v2Tables, seen: [{ id: nthId(0), at: 5 }, { id: nthId(1), at: 3 }] } });
    const badSetting = { ...legacy, tables: { ...legacy.tables, settings: [{ key: 'theme' }] } };
    expect(() => parseBackup(JSON.stringify(badSetting))).toThrow('tables.settings[0].value: missing');
  });

  it('reads a version 2 file, whose papers carry their stamps, as version 3 without tag, rule or seen stamps', () => {
    const { stamps: _stamps, ...header } = validDoc();
    const tables = { ...validDoc().tables, papers: [paper(A, { tags: ['x'], stamps: { tags: { x: 9, y: 12 } } })] };
    expect(parseBackup(JSON.stringify({ ...header, version: 2, tables }))).toEqual({ ...validDoc(), tables });
  });

  it('reads a version 3 file with its stamps, tombstones included', () => {
    const doc = backupOf(validDoc().tables, { tags: [['x', 29_000_001], ['gone', 29_000_002]], rules: [['r0', 29_000_003]], seen: [[nthId(0), 29_000_004]] });
    expect(parseBackup(JSON.stringify(doc))).toEqual(doc);
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

describe('merge-restore merges field by field, as sync does (#21.6)', () => {
  const MINUTE = 60_000;

  it('keeps a note made here that the newer copy in the file lacks', async () => {
    const db = freshDb();
    await storeApi(db, () => NOW).call('papers.note', { paper: meta(A), note: 'mine' });
    const other = freshDb();
    await storeApi(other, () => NOW + 10 * MINUTE).call('papers.star', { papers: [meta(A)], starred: true });
    await importBackup(db, JSON.stringify(await exportBackup(other)), { mode: 'merge', now: NOW + 20 * MINUTE });
    const merged = await db.papers.get(id(A));
    expect(merged?.note).toBe('mine');
    expect(merged?.starredAt).toBe(NOW + 10 * MINUTE);
  });

  it('reads a version 1 file\'s visits as seen marks at the visit and merges them with the store\'s', async () => {
    const db = await seededDb();
    const { stamps: _stamps, ...header } = backupOf({});
    const visits = [{ listing: 'cs.DC/new', lastVisitAt: at(40), seenIds: [nthId(1), nthId(7)] }];
    const legacy = { ...header, version: 1, tables: { papers: [], tags: [], rules: [], visits, settings: [] } };
    const report = await importBackup(db, JSON.stringify(legacy), { mode: 'merge', now: NOW });
    expect(await db.seen.toArray()).toEqual([
      { id: nthId(1), at: at(40) },
      { id: nthId(2), at: at(100) },
      { id: nthId(7), at: at(40) },
    ]);
    expect(report.seen).toEqual({ added: 1, updated: 1, unchanged: 0, removed: 0 });
  });

  it('takes a version 3 file\'s deletions of a tag, a rule and a seen mark made after the store\'s copies', async () => {
    const db = await seededDb();
    const file = backupOf({}, { tags: [['y', stampAt(400)]], rules: [['r1', stampAt(400)]], seen: [[nthId(1), stampAt(400)]] });
    const report = await importBackup(db, JSON.stringify(file), { mode: 'merge', now: NOW });
    expect(await db.tags.get('x')).toBeDefined();
    // The tag definition goes, and comes back only because paper B here still carries it.
    expect(report.tags).toEqual({ added: 1, updated: 0, unchanged: 0, removed: 1 });
    expect(await db.rules.get('r1')).toBeUndefined();
    expect(await db.rules.get('r2')).toBeDefined();
    expect((await db.seen.toArray()).map((mark) => mark.id)).toEqual([nthId(2)]);
    const stamps = Object.fromEntries((await db.syncStamps.toArray()).map((record) => [record.key, record.stamp]));
    expect(stamps).toMatchObject({ 'rule:r1': stampAt(400), [`seen:${nthId(1)}`]: stampAt(400) });
  });

  it('keeps what the store wrote after a version 3 file\'s deletions', async () => {
    const db = await seededDb();
    const file = backupOf({}, { tags: [['x', stampAt(0)]], rules: [['r2', stampAt(400)]], seen: [[nthId(2), stampAt(99)]] });
    await importBackup(db, JSON.stringify(file), { mode: 'merge', now: NOW });
    expect(await db.tags.get('x')).toEqual({ name: 'x', color: '#111111', createdAt: at(1) });
    expect(await db.rules.get('r2')).toBeDefined();
    expect((await db.seen.toArray()).map((mark) => mark.id)).toEqual([nthId(1), nthId(2)]);
  });

  it('does not bring back a tag removed here after the backup was taken', async () => {
    const db = freshDb();
    const { call } = storeApi(db, () => NOW);
    await call('papers.tag', { papers: [meta(A)], tag: 'ml', on: true });
    await call('papers.tag', { papers: [meta(A)], tag: 'read', on: true });
    const backup = JSON.stringify(await exportBackup(db));
    await storeApi(db, () => NOW + 5 * MINUTE).call('papers.tag', { papers: [meta(A)], tag: 'ml', on: false });
    await importBackup(db, backup, { mode: 'merge', now: NOW + 10 * MINUTE });
    expect((await db.papers.get(id(A)))?.tags).toEqual(['read']);
  });
});
