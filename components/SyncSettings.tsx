import { useEffect, useState } from 'preact/hooks';
import type { SyncView } from '@/lib/store/api';
import { callApi } from '@/lib/store/client';
import { SYNC_QUOTA } from '@/lib/sync/area';

/** How the section talks to the background; tests pass their own. */
export interface SyncSettingsApi {
  status(): Promise<SyncView>;
  syncNow(): Promise<SyncView>;
  setEnabled(enabled: boolean): Promise<SyncView>;
}

const backgroundApi: SyncSettingsApi = {
  status: () => callApi('sync.status', {}),
  syncNow: () => callApi('sync.now', {}),
  setEnabled: (enabled) => callApi('sync.setEnabled', { enabled }),
};

export interface SyncSettingsProps {
  api?: SyncSettingsApi;
  /** How often the status is read again while the page is open (the engine writes after a debounce). */
  refreshMs?: number;
}

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

/**
 * The options page's "Sync" section: on/off for this device, what syncs and where, the last sync,
 * the room used in the browser's sync area, the engine's status in plain words, and "Sync now".
 */
export function SyncSettings({ api = backgroundApi, refreshMs = 5_000 }: SyncSettingsProps) {
  const [view, setView] = useState<SyncView | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  /** The switch as the reader just set it, until the background confirms it. */
  const [switching, setSwitching] = useState<boolean | undefined>(undefined);

  const run = async (request: Promise<SyncView>) => {
    try {
      setView(await request);
      setError(undefined);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  useEffect(() => {
    void run(api.status());
    const timer = setInterval(() => void run(api.status()), refreshMs);
    return () => clearInterval(timer);
  }, [api, refreshMs]);

  const act = async (request: () => Promise<SyncView>) => {
    setBusy(true);
    await run(request());
    setBusy(false);
  };

  const status = view?.status;
  const coverage = status?.coverage;
  return (
    <section id="sync" aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync</h2>
      <label>
        <input
          type="checkbox"
          checked={switching ?? view?.enabled ?? true}
          disabled={view === undefined || busy}
          onChange={(event) => {
            const enabled = event.currentTarget.checked;
            setSwitching(enabled);
            void act(() => api.setEnabled(enabled)).finally(() => setSwitching(undefined));
          }}
        />
        Sync stars, hides, tags, notes and rules between your browsers
      </label>
      <p class="muted">
        Through your browser’s own sync (Chrome Sync or Firefox Sync, with the account and encryption settings you chose there), not
        through any Sift server. Synced: stars, hides, tags and their colours, notes, highlight rules, read marks of the reading list,
        and the listings’ seen marks as far as space allows (the newest first; they are the first left out when the sync area is full).
        Paper details are not: another device shows a paper’s id until you see it on an arXiv page. Firefox syncs add-on data only with
        the “Add-ons” sync choice on; Firefox for Android does not sync it.
      </p>
      {view !== undefined && status !== undefined && (
        <dl class="sync-status" aria-live="polite">
          <dt>Status</dt>
          <dd data-testid="sync-message">{status.message}</dd>
          {status.lastSyncAt !== undefined && (
            <>
              <dt>Last sync</dt>
              <dd data-testid="sync-last">{new Date(status.lastSyncAt).toLocaleString()}</dd>
            </>
          )}
          {coverage !== undefined && (
            <>
              <dt>Space used</dt>
              <dd data-testid="sync-capacity">
                {kb(coverage.bytes)} of {kb(SYNC_QUOTA.QUOTA_BYTES)}
              </dd>
            </>
          )}
          {status.problems.length > 0 && (
            <>
              <dt>Skipped</dt>
              <dd>
                {status.problems.length} unreadable {status.problems.length === 1 ? 'item' : 'items'} from another device (left as they are)
              </dd>
            </>
          )}
        </dl>
      )}
      {error !== undefined && (
        <p class="error" role="alert">
          Sync: {error}
        </p>
      )}
      <button type="button" class="action" disabled={!view?.enabled || busy} onClick={() => void act(() => api.syncNow())}>
        Sync now
      </button>
    </section>
  );
}
