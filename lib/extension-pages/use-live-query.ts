/**
 * THE hook through which extension pages read the store. The pages open the same Dexie database
 * as the background (same extension origin), and Dexie tells every context of that origin about
 * each committed write (a BroadcastChannel under the hood), so a `liveQuery` re-runs when the
 * background writes on behalf of an arXiv tab: the page stays live without listening to
 * `sift.changed` itself.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export type LiveQueryState<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: Error };

/**
 * Subscribes to `liveQuery(querier)` while the component is mounted (and again when `deps`
 * change), and unsubscribes on unmount. Until the first result the state is `loading`; a failing
 * query (the database blocked or deleted) becomes `error`, which the page shows.
 *
 * @example const papers = useLiveQuery(() => db.papers.toArray(), [db]);
 */
export function useLiveQuery<T>(querier: () => T | Promise<T>, deps: readonly unknown[]): LiveQueryState<T> {
  const [state, setState] = useState<LiveQueryState<T>>({ status: 'loading' });
  useEffect(() => {
    const subscription = liveQuery(querier).subscribe({
      next: (value) => setState({ status: 'ready', value }),
      error: (error: unknown) => setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    });
    return () => subscription.unsubscribe();
    // The caller names what the querier depends on, as with useEffect.
  }, deps);
  return state;
}
