/**
 * The store's refusals speak the reader's language: their words come from the catalogue
 * (`browser.i18n`), while the path, ids and values they name stay as the data has them. A
 * pseudo-locale that brackets every message shows which part came from where.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { StoreError } from '@/lib/store/client';
import { parseBackup } from '@/lib/store/backup-format';
import { readBackupText } from '@/lib/store/backup-stream';
import { freshDb, meta, storeApi } from './support';

beforeEach(() => {
  const english = fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getMessage = ((name: string, substitutions?: string | string[]) => `⟦${english(name, substitutions)}⟧`) as typeof english;
});

const backup = (papers: unknown[]) => JSON.stringify({ format: 'arxiv-sift-backup', version: 2, exportedAt: 0, tables: { papers, tags: [], rules: [], seen: [] } });

describe('refusals in the reader\'s language', () => {
  it('translates what is wrong and keeps where as the file has it', () => {
    expect(() => parseBackup(backup([{ id: '2602.22290v3' }]))).toThrow('tables.papers[0].id: ⟦expected a versionless arXiv id, got "2602.22290v3"⟧');
  });

  it('translates a refusal of the whole file, "backup" included', async () => {
    await expect(readBackupText(new Blob([]))).rejects.toThrow(/^⟦backup: the file is empty⟧$/);
    expect(() => parseBackup('{"format": "arxiv-sift-backup", "tables": {')).toThrow(/^⟦backup: not valid JSON \(the file looks truncated\): .+⟧$/);
  });

  it('picks the message for the kind of value the file holds instead of translating a fragment', () => {
    expect(() => parseBackup(JSON.stringify({ format: [] }))).toThrow(/^format: ⟦expected "arxiv-sift-backup", got an array \(not a Sift backup\)⟧$/);
    expect(() => parseBackup(JSON.stringify({ format: 'zotero' }))).toThrow(/^format: ⟦expected "arxiv-sift-backup", got "zotero" \(not a Sift backup\)⟧$/);
  });

  it('answers a refused request in words the overlay and the options page show as they are', async () => {
    const api = storeApi(freshDb());
    const refusal = api.call('tags.merge', { from: [], into: 'x' });
    await expect(refusal).rejects.toBeInstanceOf(StoreError);
    await expect(refusal).rejects.toThrow(/^from: ⟦expected at least 1 items, got 0⟧$/);
    await expect(api.call('papers.tag', { papers: [meta('2602.22290')], tag: '\u200b', on: true })).rejects.toThrow(
      /^tag: ⟦expected a visible character, got only invisible characters⟧$/,
    );
  });
});
