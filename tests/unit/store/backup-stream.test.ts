import { describe, expect, it } from 'vitest';
import { benchBackup } from '../../../bench/backup';
import { exportBackup } from '@/lib/store/backup';
import { MAX_BACKUP_FILE_BYTES, readBackupText, restoreBackupFile, toBackupBlob } from '@/lib/store/backup-stream';
import { parseBackup } from '@/lib/store/backup-format';
import type { PaperRecord, SiftDb } from '@/lib/store/db';
import { NOW, freshDb, id, meta, nthId, rule, snapshot, storeApi } from './support';

async function seededDb() {
  const db = freshDb();
  await db.papers.bulkPut([
    { id: id('2602.22290'), meta: meta('2602.22290'), starredAt: 100, tags: ['x'], note: 'n', updatedAt: 100 },
    { id: id('hep-th/9901001'), meta: meta('hep-th/9901001'), tags: ['y'], updatedAt: 300 },
  ]);
  await db.tags.bulkPut([{ name: 'x', color: '#111111', createdAt: 1 }, { name: 'y', color: '#222222', createdAt: 2 }]);
  await db.rules.put({ ...rule('r1'), verdict: { of: 'word||consensus' } });
  return db;
}

/** Every table, papers without their stamps (a replace-restore stamps them anew). */
async function contents(db: SiftDb) {
  const tables = await snapshot(db);
  return { ...tables, papers: (tables.papers as PaperRecord[]).map(({ stamps: _stamps, ...rest }) => rest) };
}

describe('backup files written and read on an extension page', () => {
  it.each([false, true])('round-trips every table (gzip %s) into an empty store', async (gzip) => {
    const db = await seededDb();
    const blob = await toBackupBlob(db, { gzip, now: NOW });
    const copy = freshDb();
    await restoreBackupFile(copy, blob, 'replace', NOW);
    expect(await contents(copy)).toEqual(await contents(db));
  });

  it('carries the stamps of tags, rules and seen marks, so a deletion in the file wins over an older copy', async () => {
    const db = await seededDb();
    const later = NOW + 10 * 60_000;
    const { call } = storeApi(db, () => later);
    await call('tags.delete', { name: 'y' });
    await call('rules.delete', { id: 'r1' });
    await db.syncStamps.bulkPut(Array.from({ length: 6001 }, (_, i) => ({ key: `seen:${nthId(i)}`, stamp: 29_000_000 + i })));
    const blob = await toBackupBlob(db, { now: NOW });
    expect((await parseBackup(await blob.text())).stamps).toEqual((await exportBackup(db, NOW)).stamps);

    const other = await seededDb();
    await restoreBackupFile(other, blob, 'merge', later);
    expect(await other.tags.get('y')).toBeUndefined();
    expect(await other.rules.get('r1')).toBeUndefined();
  });

  it('writes compact JSON with one record per line, and gzip smaller still', async () => {
    const db = await seededDb();
    const doc = await exportBackup(db, NOW);
    const plain = await toBackupBlob(db, { now: NOW });
    const text = await plain.text();
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(doc)));
    expect(text).not.toMatch(/\n {2}/);
    expect(text.split('\n').filter((line) => line.startsWith('{"id":"2602.22290"'))).toHaveLength(1);
    expect((await toBackupBlob(db, { gzip: true, now: NOW })).size).toBeLessThan(plain.size);
  });

  it('refuses a file over the limit from its size, before reading a byte', async () => {
    const unread = { size: MAX_BACKUP_FILE_BYTES + 1, slice: () => { throw new Error('read'); }, stream: () => { throw new Error('read'); } };
    await expect(readBackupText(unread as unknown as Blob)).rejects.toThrow(/^backup: the file is 400\.0 MB, over the 400\.0 MB limit$/);
  });

  it('refuses a cut gzip file with words and leaves the store as it was', async () => {
    const db = await seededDb();
    const blob = await toBackupBlob(db, { gzip: true });
    const cut = blob.slice(0, Math.floor(blob.size / 2));
    const before = await snapshot(db);
    await expect(restoreBackupFile(db, cut, 'replace')).rejects.toThrow(/^backup: (the file could not be read as gzip|not valid JSON \(the file looks truncated\))/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('checks every rule again on restore and keeps a refused one with its reason', async () => {
    const old = freshDb();
    await old.rules.put({ ...rule('dot', { mode: 'regex', pattern: '.' }), verdict: { of: 'regex||.' } });
    const db = freshDb();
    await restoreBackupFile(db, await toBackupBlob(old), 'merge');
    expect((await db.rules.get('dot'))?.verdict?.error).toMatch(/matches nearly everything/);
  });

  it('refuses a file with more regex rules than the store keeps, changing nothing', async () => {
    const old = freshDb();
    await old.rules.bulkPut(Array.from({ length: 30 }, (_, i) => rule(`r${i}`, { mode: 'regex', pattern: `raft${i}` })));
    const db = await seededDb();
    const before = await snapshot(db);
    await expect(restoreBackupFile(db, await toBackupBlob(old), 'merge')).rejects.toThrow(/^tables\.rules: Sift keeps at most 25 regular-expression rules/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('backs up and restores 100,000 papers', { timeout: 240_000 }, async () => {
    const result = await benchBackup({ papers: 100_000, gzip: true });
    console.log(`[bench] backup of 100,000 papers: export ${result.exportMs.toFixed(0)} ms, restore ${result.restoreMs.toFixed(0)} ms, ${(result.fileBytes / 1024 / 1024).toFixed(1)} MB gzip`);
    expect(result.restored).toBe(100_000);
  });
});
