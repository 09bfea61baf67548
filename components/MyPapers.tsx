import { useEffect, useRef, useState } from 'preact/hooks';
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
    if (ids.length === 0) return 'No papers of yours yet.';
    const kept = `${ids.length} of your papers kept; ${known} of them Sift has read and learns from`;
    if (fetching > 0) return `${kept}; ${fetching} more on their way from arXiv.`;
    const unread = ids.length - known;
    return unread > 0 ? `${kept}. Sift has no title or abstract for the other ${unread} yet: a listing that shows them fills them in.` : `${kept}.`;
  };

  // While seeds are on their way, ask again; the text box is left alone, since the reader may be editing it.
  const follow = (seeds: SeedsAnswer, suffix = '') => {
    setMessage(`${describe(seeds)}${suffix}`);
    window.clearTimeout(recheck.current);
    if (seeds.fetching === 0) return;
    recheck.current = window.setTimeout(
      () => void api.seeds().then((next) => follow(next, suffix), () => undefined),
      SEEDS_RECHECK_MS,
    );
  };

  useEffect(() => {
    void api.seeds().then(
      (seeds) => {
        setText(seeds.ids.join('\n'));
        follow(seeds);
      },
      (error: unknown) => setMessage(`Could not read your papers: ${error instanceof Error ? error.message : String(error)}`),
    );
    return () => window.clearTimeout(recheck.current);
  }, [api]);

  async function save() {
    const { ids, authorPages, rejected } = parseSeedIds(text);
    const listed: ArxivId[] = [];
    for (const url of authorPages) {
      setMessage(`Reading ${url}…`);
      try {
        listed.push(...(await api.authorPage(url)));
      } catch (error) {
        // Nothing is saved: a half-read list would drop papers the reader meant to keep.
        setMessage(`Nothing saved: ${error instanceof Error ? error.message : String(error)}.`);
        return;
      }
    }
    try {
      const seeds = await api.seeds([...new Set([...ids, ...listed])].slice(0, MAX_SEEDS));
      setText(seeds.ids.join('\n'));
      follow(seeds, rejected.length > 0 ? ` Not arXiv ids, left out: ${rejected.join(', ')}.` : '');
    } catch (error) {
      setMessage(`Could not save: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async function forget() {
    setConfirming(false);
    try {
      await api.reset();
      window.clearTimeout(recheck.current);
      setText('');
      setMessage('Sift forgot what it learned. Your stars, tags and hides are kept; the next listing learns from them again.');
    } catch (error) {
      setMessage(`Could not forget: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return (
    <section id="for-you" aria-labelledby="for-you-heading">
      <h2 id="for-you-heading">For you</h2>
      <p class="muted">
        “For you” sorts listings by what you star, tag and hide, learned inside this browser: nothing about your interests is sent
        anywhere. Your own papers give it a start.
      </p>
      <label for="sift-my-papers">These are my papers (arXiv ids or your author page https://arxiv.org/a/…, one per line or separated by commas)</label>
      <textarea id="sift-my-papers" rows={4} value={text} onInput={(event) => setText(event.currentTarget.value)} />
      <p>
        <button type="button" class="action" onClick={() => void save()}>
          Save my papers
        </button>{' '}
        {confirming ? (
          <>
            <button type="button" class="action danger" onClick={() => void forget()}>
              Forget it all
            </button>{' '}
            <button type="button" class="action" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" class="action" onClick={() => setConfirming(true)}>
            Forget what Sift learned
          </button>
        )}
      </p>
      <p class="muted" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
