import '@/components/pages.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsPage } from '@/components/OptionsPage';
import { parseArxivPage } from '@/lib/arxiv/parse';
import type { Paper } from '@/lib/arxiv/types';
import { saveFile } from '@/lib/platform/save-file';
import { checkRule } from '@/lib/rules/compile';
import { callApi } from '@/lib/store/client';
import { exportBackup } from '@/lib/store/backup';
import { openSiftDb } from '@/lib/store/db';
import { listTags } from '@/lib/store/tags';
import { backupFileName } from '@/lib/ui/backup-file';
import { previewRule } from '@/lib/ui/rule-preview';
import { useLiveQuery } from '@/lib/ui/use-live-query';
// The rule preview's sample: the saved cs.DC listing the tests use, parsed at runtime by the same
// parser the content script uses, so the preview matches exactly what a listing would show.
import seedListing from '@/tests/fixtures/list-new-cs.DC-2026-02-27.html?raw';

// Wiring only: reads are live queries on the database, writes go through the background.
const db = openSiftDb();
const SEED_URL = 'https://arxiv.org/list/cs.DC/new';
let seedPapers: Paper[] | undefined;

function samplePapers(): Paper[] {
  seedPapers ??= parseArxivPage(new DOMParser().parseFromString(seedListing, 'text/html'), SEED_URL).papers;
  return seedPapers;
}

/** The background prefixes errors with the message name; the page says what failed already. */
const withoutPrefix = (error: unknown) => new Error((error instanceof Error ? error.message : String(error)).replace(/^[a-z]+\.[a-z]+: /, ''));

async function call<T>(request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (error) {
    throw withoutPrefix(error);
  }
}

function App() {
  const tags = useLiveQuery(() => listTags(db), []);
  const rules = useLiveQuery(async () => (await db.rules.toArray()).sort((a, b) => a.createdAt - b.createdAt), []);
  const failed = tags.status === 'error' ? tags.error : rules.status === 'error' ? rules.error : undefined;
  return (
    <OptionsPage
      loadError={failed && `Could not read your settings: ${failed.message}`}
      onOpenReadingList={() => void callApi('pages.open', { page: 'reading-list' })}
      tags={{
        tags: tags.status === 'ready' ? tags.value : undefined,
        onRename: async (from, to) => void (await call(callApi('tags.rename', { from, to }))),
        onMerge: async (from, into) => void (await call(callApi('tags.merge', { from: [...from], into }))),
        onRecolor: async (name, color) => void (await call(callApi('tags.upsert', { name, color }))),
        onDelete: async (name) => void (await call(callApi('tags.delete', { name }))),
      }}
      rules={
        rules.status === 'ready'
          ? {
              rules: rules.value,
              validate: (rule) => {
                const checked = checkRule(rule);
                return checked.ok ? undefined : checked.error;
              },
              preview: (rule) => previewRule(rule, samplePapers()),
              onSave: async (rule) => void (await call(callApi('rules.upsert', { rule }))),
              onDelete: async (id) => void (await call(callApi('rules.delete', { id }))),
              newId: () => crypto.randomUUID(),
              now: () => Date.now(),
            }
          : undefined
      }
      backup={{
        onDownload: async () => {
          // A backup is a read: like every read of this page it comes straight from the database,
          // in one read transaction, instead of a message whose answer could be 50 MB.
          const backup = await exportBackup(db);
          const name = backupFileName(new Date());
          saveFile({ name, mime: 'application/json', text: `${JSON.stringify(backup, null, 2)}\n` });
          return name;
        },
        onRestore: async (file, mode) => call(callApi('backup.import', { json: await file.text(), mode })),
      }}
    />
  );
}

render(<App />, document.getElementById('app')!);
