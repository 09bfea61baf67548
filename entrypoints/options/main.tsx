import '@/components/pages.css';
import { render } from 'preact';
import { i18n } from '#i18n';
import { localisePage } from '@/lib/extension-pages/localise-page';
import { browser } from 'wxt/browser';
import { OptionsPage } from '@/components/OptionsPage';
import { saveBlob } from '@/lib/platform/save-file';
import { judgeRule } from '@/lib/rules/judge';
import { callApi } from '@/lib/store/client';
import { changedTables } from '@/lib/store/backup-format';
import { restoreBackupFile, toBackupBlob } from '@/lib/store/backup-stream';
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
      loadError={failed && i18n.t('options.loadError', { reason: failed.message })}
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
              // The same check the background runs when the rule is saved, so the editor says why first.
              validate: (rule) => {
                try {
                  return judgeRule(rule).verdict?.error;
                } catch (error) {
                  return error instanceof Error ? error.message : String(error);
                }
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
        onDownload: async (gzip) => {
          // A backup is a read: like every read of this page it comes straight from the database,
          // in one read transaction, and is saved as a Blob built record by record, never one string.
          const blob = await toBackupBlob(db, { gzip });
          const name = `${backupFileName(new Date())}${gzip ? '.gz' : ''}`;
          saveBlob(name, blob);
          return name;
        },
        // Restored here, against the database this page shares with the background: a heavy
        // user's file is far over what one message may carry. The background then tells the tabs.
        onRestore: async (file, mode) => {
          const report = await restoreBackupFile(db, file, mode);
          const tables = changedTables(report);
          if (tables.length > 0) await callApi('backup.restored', { tables }).catch((error: unknown) => console.warn('[sift] tabs not told of the restore', error));
          return report;
        },
      }}
    />
  );
}

localisePage(i18n.t('pages.options'));
render(<App />, document.getElementById('app')!);
