import '@/components/pages.css';
import { render } from 'preact';
import { i18n } from '#i18n';
import { localisePage } from '@/lib/extension-pages/localise-page';
import { browser } from 'wxt/browser';
import { ReadingList } from '@/components/ReadingList';
import { toBatches } from '@/lib/reading-list/batches';
import { firstRows } from '@/lib/reading-list/first-rows';
import { copyText, saveFile } from '@/lib/platform/save-file';
import { callApi } from '@/lib/store/client';
import { openSiftDb, type PaperRecord } from '@/lib/store/db';
import { LIMITS } from '@/lib/schemas/fields';
import { useLiveQuery } from '@/lib/extension-pages/use-live-query';
import { answerWhereIsReadingList } from '@/lib/reading-list/open-tab';

// Wiring only: reads come straight from the database (live), writes go through the background,
// which validates them and tells the arXiv tabs.
const db = openSiftDb();

/** Sends one message per `LIMITS.batch` papers: the most one message may carry. */
async function inBatches(records: readonly PaperRecord[], send: (papers: PaperRecord['meta'][]) => Promise<unknown>) {
  for (const batch of toBatches(records, LIMITS.batch)) await send(batch.map((record) => record.meta));
}

function App() {
  // The first screen comes by index at once; every record follows (100,000 take seconds to read).
  const first = useLiveQuery(() => firstRows(db), []);
  const papers = useLiveQuery(() => db.papers.toArray(), []);
  const tags = useLiveQuery(() => db.tags.orderBy('name').toArray(), []);
  const failed = papers.status === 'error' ? papers.error : tags.status === 'error' ? tags.error : undefined;
  const partial = papers.status !== 'ready' && first.status === 'ready';
  return (
    <ReadingList
      papers={papers.status === 'ready' ? papers.value : first.status === 'ready' ? first.value : undefined}
      partial={partial}
      tags={tags.status === 'ready' ? tags.value : []}
      loadError={failed && i18n.t('readingList.loadError', { reason: failed.message })}
      onTag={(records, tag, on) => inBatches(records, (batch) => callApi('papers.tag', { papers: batch, tag, on }))}
      onUnstar={(records) => inBatches(records, (batch) => callApi('papers.star', { papers: batch, starred: false }))}
      onMarkRead={(records, read) => inBatches(records, (batch) => callApi('papers.seen', { ids: batch.map((record) => record.id), seen: read }))}
      onEdit={async (record, edit) => {
        const answer =
          edit.kind === 'star'
            ? await callApi('papers.star', { papers: [record.meta], starred: edit.starred })
            : edit.kind === 'tag'
              ? await callApi('papers.tag', { papers: [record.meta], tag: edit.tag, on: edit.on })
              : await callApi('papers.note', { paper: record.meta, note: edit.note });
        return answer.find((annotation) => annotation.id === record.id)?.updatedAt;
      }}
      onDownload={saveFile}
      onCopy={copyText}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      now={() => new Date()}
    />
  );
}

// The overlay's "Reading list" button brings this tab to the front rather than opening another.
browser.runtime.onMessage.addListener(answerWhereIsReadingList(() => browser.tabs.getCurrent()));

localisePage(i18n.t('pages.readingList'));
render(<App />, document.getElementById('app')!);
