import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ArxivId } from '@/lib/arxiv/types';
import { callApi } from '@/lib/store/client';
import { MAX_SEEDS, parseSeedIds } from '@/lib/overlay/ranking-seeds';
import { readAuthorPageIds } from '@/lib/ranking/author-page-seeds';

interface SeedsAnswer {
  ids: ArxivId[];
  known: number;
  /** Seeds queued for arXiv's API: the section asks again until they have come. */
  fetching: number;
}

/** arXiv's API answers one request every 3 s; asking more often shows nothing new. */
export const SEEDS_RECHECK_MS = 3_000;

/** How the section talks to the background; tests pass their own. */
export interface MyPapersApi {
  seeds(ids?: ArxivId[]): Promise<SeedsAnswer>;
  reset(): Promise<null>;
  /** The ids an author page (`https://arxiv.org/a/<id>`) lists; rejects with words. */
  authorPage(url: string): Promise<ArxivId[]>;
}

const backgroundApi: MyPapersApi = {
  seeds: (ids) => callApi('ranking.seeds', ids ? { ids } : {}),
  reset: () => callApi('ranking.reset', {}),
  authorPage: (url) =>
    readAuthorPageIds(url, {
      fetch: (input, init) => fetch(input, init),
      parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html'),
    }),
};

/**
 * The options page's "For you" section: "These are my papers" (arXiv ids that seed the ranking
 * as if starred; those no listing has shown are fetched from arXiv's API when fetching is on, and
 * the section follows their arrival) and "Forget what Sift learned".
 */
export function MyPapers({ api = backgroundApi }: { api?: MyPapersApi }) {
  const [text, setText] = useState('');
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState(false);

  const recheck = useRef(0);

  const describe = ({ ids, known, fetching }: SeedsAnswer) => {
    if (ids.length === 0) return i18n.t('overlay.myPapers.none');
    if (fetching > 0) return i18n.t('overlay.myPapers.keptFetching', [ids.length, known, fetching]);
    const unread = ids.length - known;
    return unread > 0 ? i18n.t('overlay.myPapers.keptUnread', [ids.length, known, unread]) : i18n.t('overlay.myPapers.kept', [ids.length, known]);
  };

  // While seeds are on their way, ask again; the text box is left alone, since the reader may be editing it.
  const follow = (seeds: SeedsAnswer, rejected: readonly string[] = []) => {
    setMessage(rejected.length > 0 ? i18n.t('overlay.myPapers.withRejected', [describe(seeds), rejected.join(', ')]) : describe(seeds));
    window.clearTimeout(recheck.current);
    if (seeds.fetching === 0) return;
    recheck.current = window.setTimeout(
      () => void api.seeds().then((next) => follow(next, rejected), () => undefined),
      SEEDS_RECHECK_MS,
    );
  };

  useEffect(() => {
    void api.seeds().then(
      (seeds) => {
        setText(seeds.ids.join('\n'));
        follow(seeds);
      },
      (error: unknown) => setMessage(i18n.t('overlay.myPapers.readFailed', [error instanceof Error ? error.message : String(error)])),
    );
    return () => window.clearTimeout(recheck.current);
  }, [api]);

  async function save() {
    const { ids, authorPages, rejected } = parseSeedIds(text);
    const listed: ArxivId[] = [];
    for (const url of authorPages) {
      setMessage(i18n.t('overlay.myPapers.reading', [url]));
      try {
        listed.push(...(await api.authorPage(url)));
      } catch (error) {
        // Nothing is saved: a half-read list would drop papers the reader meant to keep.
        setMessage(i18n.t('overlay.myPapers.nothingSaved', [error instanceof Error ? error.message : String(error)]));
        return;
      }
    }
    try {
      const seeds = await api.seeds([...new Set([...ids, ...listed])].slice(0, MAX_SEEDS));
      setText(seeds.ids.join('\n'));
      follow(seeds, rejected);
    } catch (error) {
      setMessage(i18n.t('overlay.myPapers.saveFailed', [error instanceof Error ? error.message : String(error)]));
    }
  }

  async function forget() {
    setConfirming(false);
    try {
      await api.reset();
      window.clearTimeout(recheck.current);
      setText('');
      setMessage(i18n.t('overlay.myPapers.forgot'));
    } catch (error) {
      setMessage(i18n.t('overlay.myPapers.forgetFailed', [error instanceof Error ? error.message : String(error)]));
    }
  }

  return (
    <section id="for-you" aria-labelledby="for-you-heading">
      <h2 id="for-you-heading">{i18n.t('overlay.myPapers.heading')}</h2>
      <p class="muted">{i18n.t('overlay.myPapers.about')}</p>
      <label for="sift-my-papers">{i18n.t('overlay.myPapers.label')}</label>
      <textarea id="sift-my-papers" rows={4} value={text} onInput={(event) => setText(event.currentTarget.value)} />
      <p>
        <button type="button" class="action" onClick={() => void save()}>
          {i18n.t('overlay.myPapers.save')}
        </button>{' '}
        {confirming ? (
          <>
            <button type="button" class="action danger" onClick={() => void forget()}>
              {i18n.t('overlay.myPapers.forgetAll')}
            </button>{' '}
            <button type="button" class="action" onClick={() => setConfirming(false)}>
              {i18n.t('overlay.myPapers.keep')}
            </button>
          </>
        ) : (
          <button type="button" class="action" onClick={() => setConfirming(true)}>
            {i18n.t('overlay.myPapers.forget')}
          </button>
        )}
      </p>
      <p class="muted" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
