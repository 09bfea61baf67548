import { useEffect, useState } from 'preact/hooks';
import type { ArxivId } from '@/lib/arxiv/types';
import { callApi } from '@/lib/store/client';
import { parseSeedIds } from '@/lib/overlay/ranking-seeds';

/** How the section talks to the background; tests pass their own. */
export interface MyPapersApi {
  seeds(ids?: ArxivId[]): Promise<{ ids: ArxivId[]; known: number }>;
  reset(): Promise<null>;
}

const backgroundApi: MyPapersApi = {
  seeds: (ids) => callApi('ranking.seeds', ids ? { ids } : {}),
  reset: () => callApi('ranking.reset', {}),
};

/**
 * The options page's "For you" section: "These are my papers" (arXiv ids that seed the ranking
 * as if starred; only those whose metadata Sift has read on some listing are learned from, since
 * nothing is fetched for them) and "Forget what Sift learned".
 */
export function MyPapers({ api = backgroundApi }: { api?: MyPapersApi }) {
  const [text, setText] = useState('');
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState(false);

  const describe = ({ ids, known }: { ids: ArxivId[]; known: number }) =>
    ids.length === 0 ? 'No papers of yours yet.' : `${ids.length} of your papers kept; ${known} of them Sift has read and learns from.`;

  useEffect(() => {
    void api.seeds().then(
      (seeds) => {
        setText(seeds.ids.join('\n'));
        setMessage(describe(seeds));
      },
      (error: unknown) => setMessage(`Could not read your papers: ${error instanceof Error ? error.message : String(error)}`),
    );
  }, [api]);

  async function save() {
    const { ids, rejected } = parseSeedIds(text);
    try {
      const seeds = await api.seeds(ids);
      setText(seeds.ids.join('\n'));
      setMessage(`${describe(seeds)}${rejected.length > 0 ? ` Not arXiv ids, left out: ${rejected.join(', ')}.` : ''}`);
    } catch (error) {
      setMessage(`Could not save: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async function forget() {
    setConfirming(false);
    try {
      await api.reset();
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
      <label for="sift-my-papers">These are my papers (arXiv ids, one per line or separated by commas)</label>
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
