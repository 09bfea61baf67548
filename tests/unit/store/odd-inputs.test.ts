import { describe, expect, it } from 'vitest';
import { parseBackup } from '@/lib/store/backup-format';
import { freshDb, meta, storeApi } from './support';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { inner: value };
  return value;
}

describe('odd inputs are refused with words', () => {
  it.each([
    ['a right-to-left override', 'gpu\u202Etxt.exe'],
    ['a left-to-right isolate', '\u2066ml\u2069'],
    ['a right-to-left mark', 'ml\u200F'],
  ])('a tag name with %s', async (_what, name) => {
    const { call } = storeApi(freshDb());
    await expect(call('tags.upsert', { name, color: '#123456' })).rejects.toThrow(/bidirectional control character/);
    await expect(call('papers.tag', { papers: [meta('2602.00001')], tag: name, on: true })).rejects.toThrow(/bidirectional control character/);
  });

  it.each([
    ['zero-width spaces', '\u200B\u200B'],
    ['a zero-width joiner and a byte-order mark', '\u200D\uFEFF'],
    ['a word joiner', '\u2060'],
  ])('a tag name of only %s', async (_what, name) => {
    const { call } = storeApi(freshDb());
    await expect(call('tags.upsert', { name, color: '#123456' })).rejects.toThrow(/only invisible characters/);
  });

  it('keeps a tag whose emoji uses a zero-width joiner', async () => {
    const { call } = storeApi(freshDb());
    await expect(call('tags.upsert', { name: 'to read 👩‍💻', color: '#123456' })).resolves.toMatchObject({ name: 'to read 👩‍💻' });
  });

  it('refuses a backup whose setting is nested 2,000 deep, naming where', () => {
    const doc = { format: 'arxiv-sift-backup', version: 1, exportedAt: 1, tables: { papers: [], tags: [], rules: [], visits: [], settings: [{ key: 'layout', value: nested(2000) }] } };
    expect(() => parseBackup(JSON.stringify(doc))).toThrow(/^tables\.settings\[0\]\.value(\.inner)+: nested more than 64 levels deep$/);
  });

  it('refuses a message nested 2,000 deep with words, not a stack overflow', async () => {
    const { handle } = storeApi(freshDb());
    const response = await handle({ type: 'rules.upsert', data: { rule: nested(2000) } }, { id: 'sift-test-extension', url: 'chrome-extension://sift-test-extension/options.html' });
    expect(response).toEqual({ ok: false, error: expect.stringMatching(/^rules\.upsert: data\.rule(\.inner)+: nested more than 64 levels deep$/) });
  });
});
