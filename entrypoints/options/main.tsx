import '@/components/pages.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsPage } from '@/components/OptionsPage';
import { saveFile } from '@/lib/platform/save-file';
import { checkRule } from '@/lib/rules/compile';
import { callApi } from '@/lib/store/client';
import { exportBackup } from '@/lib/store/backup';
import { openSiftDb } from '@/lib/store/db';
import { listTags } from '@/lib/store/tags';
import { backupFileName } from '@/lib/extension-pages/backup-file';
import { previewRule } from '@/lib/extension-pages/rule-preview';
import { RULE_PREVIEW_SAMPLE } from '@/lib/extension-pages/rule-preview-sample';
import { useLiveQuery } from '@/lib/extension-pages/use-live-query';
// Wiring only: reads are live queries on the database, writes go through the background.
const db = openSiftDb();

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
              preview: (rule) => previewRule(rule, RULE_PREVIEW_SAMPLE),
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
