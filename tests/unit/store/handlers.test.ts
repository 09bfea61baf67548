import { describe, expect, it, vi } from 'vitest';
import { API_NAMES, type ApiResponse } from '@/lib/store/api';
import { exportBackup } from '@/lib/store/backup';
import { createApiHandler } from '@/lib/store/handlers';
import { EXTENSION_ID, NOW, OPTIONS_PAGE, PAGES_URL, freshDb, meta, nthId, reopenDb, rule, snapshot, storeApi } from './support';

const A = '2602.22290';

async function seeded() {
  const db = freshDb();
  const api = storeApi(db);
  await api.call('papers.star', { papers: [meta(A)], starred: true });
  await api.call('papers.tag', { papers: [meta(A)], tag: 'ml', on: true });
  await api.call('rules.upsert', { rule: rule('r1') });
  await api.call('seen.mark', { ids: [nthId(0)] });
  api.changes.length = 0;
  return { db, ...api };
}

const backupJson = JSON.stringify({
  format: 'arxiv-sift-backup',
  version: 1,
  exportedAt: NOW,
  tables: { papers: [], tags: [], rules: [], seen: [] },
});

describe('createApiHandler: which messages it answers', () => {
  it.each([
    ['no sender id', {}],
    ['another extension', { id: 'someone-else' }],
    ['a web page', { url: 'https://arxiv.org/list/cs.DC/new' }],
  ])('ignores a request from %s and changes nothing', async (_label, sender) => {
    const { db, handle, changes } = await seeded();
    const before = await snapshot(db);
    expect(handle({ type: 'backup.import', data: { json: backupJson, mode: 'replace' } }, sender)).toBeUndefined();
    expect(await snapshot(db)).toEqual(before);
    expect(changes).toEqual([]);
  });

  it.each([
    ['null', null],
    ['a string', 'papers.star'],
    ['an object without type', { data: {} }],
    ['an unknown type', { type: 'papers.destroy', data: {} }],
    ['a numeric type', { type: 1, data: {} }],
    ['an inherited name', { type: 'toString', data: {} }],
    ['the change broadcast', { type: 'sift.changed', data: { ids: [], tables: ['papers'] } }],
  ])('answers undefined to %s, which belongs to someone else', (_label, message) => {
    const { handle } = storeApi(freshDb());
    expect(handle(message, { id: EXTENSION_ID })).toBeUndefined();
  });

  it.each(['backup.export', 'backup.import'] as const)('refuses %s from a content script and changes nothing', async (name) => {
    const { db, handle, changes } = await seeded();
    const before = await snapshot(db);
    const data = name === 'backup.import' ? { json: backupJson, mode: 'replace' } : {};
    const contentScript = { id: EXTENSION_ID, url: 'https://arxiv.org/list/cs.DC/new', tab: { id: 7 } };
    expect(await handle({ type: name, data }, contentScript)).toEqual({
      ok: false,
      error: `${name}: only the extension's own pages may ask for this`,
    });
    expect(await snapshot(db)).toEqual(before);
    expect(changes).toEqual([]);
  });

  it('serves backup.export to an extension page even when it lives in a tab', async () => {
    const { handle } = await seeded();
    expect(await handle({ type: 'backup.export', data: {} }, OPTIONS_PAGE)).toMatchObject({ ok: true });
  });

  it('opens extension pages through the injected opener, and refuses without one', async () => {
    const opened: string[] = [];
    const handle = createApiHandler({ db: freshDb(), extensionId: EXTENSION_ID, pagesUrl: PAGES_URL, onChange: () => undefined, openPage: async (page) => void opened.push(page) });
    expect(await handle({ type: 'pages.open', data: { page: 'reading-list' } }, { id: EXTENSION_ID })).toEqual({ ok: true, result: null });
    expect(opened).toEqual(['reading-list']);
    expect(await handle({ type: 'pages.open', data: { page: 'settings.html' } }, { id: EXTENSION_ID })).toMatchObject({ ok: false });
    const { handle: withoutOpener } = storeApi(freshDb());
    expect(await withoutOpener({ type: 'pages.open', data: { page: 'options' } }, { id: EXTENSION_ID })).toEqual({
      ok: false,
      error: 'pages.open: this context cannot open pages',
    });
  });

  it('answers every api name', async () => {
    const { handle } = storeApi(freshDb());
    for (const name of API_NAMES) expect(handle({ type: name, data: null }, { id: EXTENSION_ID })).toBeInstanceOf(Promise);
  });
});

const longString = (n: number) => 'x'.repeat(n);
const tooManyIds = Array.from({ length: 5001 }, (_, i) => nthId(i));

describe('createApiHandler: invalid data is rejected and writes nothing', () => {
  it.each([
    ['papers.star', 'no data', undefined, 'papers.star: data: expected an object, got undefined'],
    ['tags.list', 'no data', undefined, 'tags.list: data: expected an object, got undefined'],
    ['papers.star', 'an array as data', [], 'papers.star: data: expected an object, got an array'],
    ['papers.star', 'a missing field', { papers: [meta(A)] }, 'papers.star: starred: missing'],
    ['papers.star', 'a string for a boolean', { papers: [meta(A)], starred: 'yes' }, 'papers.star: starred: expected boolean, got "yes"'],
    ['papers.star', 'an unknown field', { papers: [meta(A)], starred: true, force: true }, 'papers.star: force: unknown field'],
    ['papers.star', 'a malformed id', { papers: [meta('not-an-id')], starred: true }, 'papers.star: papers[0].id: expected a versionless arXiv id, got "not-an-id"'],
    ['papers.star', 'a versioned id', { papers: [meta('2602.22290v2')], starred: true }, 'papers[0].id: expected a versionless arXiv id'],
    ['papers.star', 'a number for a title', { papers: [meta(A, { title: 42 as never })], starred: true }, 'papers[0].title: expected string, got 42'],
    ['papers.star', 'authors as a string', { papers: [meta(A, { authors: 'Ada' as never })], starred: true }, 'papers[0].authors: expected an array of strings'],
    ['papers.star', 'a javascript: link', { papers: [meta(A, { absUrl: 'javascript:alert(1)' })], starred: true }, 'papers[0].absUrl: expected an https://arxiv.org link'],
    ['papers.star', 'a link off arXiv', { papers: [meta(A, { pdfUrl: 'https://evil.example/arxiv.org' })], starred: true }, 'papers[0].pdfUrl: expected an https://arxiv.org link'],
    ['papers.star', 'an unknown section', { papers: [meta(A, { section: 'other' as never })], starred: true }, 'papers[0].section: expected ("new" | "cross"'],
    ['papers.star', '5001 papers', { papers: Array.from({ length: 5001 }, (_, i) => meta(nthId(i))), starred: true }, 'papers.star: papers: expected at most 5000 items, got 5001'],
    ['annotations.get', '5001 ids', { ids: tooManyIds }, 'annotations.get: ids: expected at most 5000 items, got 5001'],
    ['annotations.get', 'a number among the ids', { ids: [A, 42] }, 'annotations.get: ids[1]: expected a versionless arXiv id, got 42'],
    ['papers.tag', 'a blank tag', { papers: [meta(A)], tag: '   ', on: true }, 'papers.tag: tag: expected a tag name, got an empty string'],
    ['papers.tag', 'a 65-character tag', { papers: [meta(A)], tag: longString(65), on: true }, 'papers.tag: tag: expected a tag name of at most 64 characters'],
    ['papers.tag', 'a control character in a tag', { papers: [meta(A)], tag: 'a\u0000b', on: true }, 'papers.tag: tag: expected no control characters'],
    ['papers.note', 'a 10,001-character note', { paper: meta(A), note: longString(10_001) }, 'papers.note: note: expected at most 10000 characters, got 10001'],
    ['seen.mark', 'a versioned id', { ids: ['2602.22290v2'] }, 'seen.mark: ids[0]: expected a versionless arXiv id'],
    ['seen.mark', '5001 ids', { ids: tooManyIds }, 'seen.mark: ids: expected at most 5000 items'],
    ['tags.upsert', 'a named colour', { name: 'ml', color: 'red' }, 'tags.upsert: color: expected a colour like #1a2b3c, got "red"'],
    ['tags.merge', 'no sources', { from: [], into: 'x' }, 'tags.merge: from: expected at least 1 items, got 0'],
    ['rules.upsert', 'no fields', { rule: rule('r9', { fields: [] }) }, 'rules.upsert: rule.fields: expected at least 1 items, got 0'],
    ['rules.upsert', 'a repeated field', { rule: rule('r9', { fields: ['title', 'title'] }) }, 'rules.upsert: rule.fields: expected each field once'],
    ['rules.upsert', 'an unknown mode', { rule: rule('r9', { mode: 'glob' as never }) }, 'rules.upsert: rule.mode: expected ("phrase" | "word" | "regex"), got "glob"'],
    ['rules.upsert', 'an unknown field', { rule: { ...rule('r9'), extra: 1 } }, 'rules.upsert: rule.extra: unknown field'],
    ['rules.upsert', 'a negative timestamp', { rule: rule('r9', { createdAt: -1 }) }, 'rules.upsert: rule.createdAt: expected >=0, got -1'],
    ['backup.import', 'an unknown mode', { json: backupJson, mode: 'overwrite' }, 'backup.import: mode: expected ("merge" | "replace"), got "overwrite"'],
    ['backup.import', 'a truncated file', { json: '{"format":', mode: 'replace' }, 'backup.import: backup: not valid JSON (the file looks truncated)'],
  ] as const)('%s rejects %s', async (type, _label, data, error) => {
    const { db, handle, changes } = await seeded();
    const before = await snapshot(db);
    const response = await handle({ type, data }, OPTIONS_PAGE);
    expect(response?.ok).toBe(false);
    expect(response).toEqual({ ok: false, error: expect.stringContaining(error) });
    expect((response as { error: string }).error.startsWith(`${type}: `)).toBe(true);
    expect(await snapshot(db)).toEqual(before);
    expect(changes).toEqual([]);
  });
});

describe('createApiHandler: after the operation', () => {
  it.each([
    ['annotations.get', { ids: [A] }],
    ['tags.list', {}],
    ['rules.list', {}],
    ['backup.export', {}],
  ] as const)('%s is a read and reports no change', async (type, data) => {
    const { handle, changes } = await seeded();
    const response = await handle({ type, data }, OPTIONS_PAGE);
    expect(response?.ok).toBe(true);
    expect(changes).toEqual([]);
  });

  it('answers with a JSON-safe envelope', async () => {
    const { handle } = await seeded();
    const response = await handle({ type: 'annotations.get', data: { ids: [A] } }, { id: EXTENSION_ID });
    expect(JSON.parse(JSON.stringify(response))).toEqual(response);
    expect(response).toEqual({ ok: true, result: { [A]: { id: A, starred: true, hidden: false, tags: ['ml'], updatedAt: NOW } } });
  });

  it('a change listener that throws does not turn a committed write into an error', async () => {
    const db = freshDb();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const handle = createApiHandler({
      db,
      extensionId: EXTENSION_ID,
      pagesUrl: PAGES_URL,
      onChange: () => {
        throw new Error('no receivers');
      },
    });
    const response = (await handle({ type: 'papers.star', data: { papers: [meta(A)], starred: true } }, { id: EXTENSION_ID })) as ApiResponse;
    expect(response.ok).toBe(true);
    expect(await db.papers.count()).toBe(1);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('keeps nothing in memory: a new handler on a reopened database sees earlier writes', async () => {
    const { db } = await seeded();
    const reopened = reopenDb(db.name);
    const { call } = storeApi(reopened);
    expect(await call('annotations.get', { ids: [meta(A).id] })).toHaveProperty(A);
    expect((await exportBackup(reopened)).tables.rules).toHaveLength(1);
  });

  it('reports an operation that fails inside its transaction as an error with the operation name', async () => {
    const { db, handle } = await seeded();
    db.papers.hook('creating', () => {
      throw new Error('disk full');
    });
    const response = await handle({ type: 'papers.star', data: { papers: [meta('2602.00001')], starred: true } }, { id: EXTENSION_ID });
    expect(response).toEqual({ ok: false, error: expect.stringMatching(/^papers\.star: .*disk full/) });
  });
});
