import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import type { SyncView } from '@/lib/store/api';
import { callApi } from '@/lib/store/client';
import { SYNC_QUOTA } from '@/lib/sync/area';
import { describeSpace } from '@/lib/sync/status';

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
      <h2 id="sync-heading">{i18n.t('sync.settings.heading')}</h2>
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
        {i18n.t('sync.settings.enable')}
      </label>
      <p class="muted">{i18n.t('sync.settings.explanation')}</p>
      {view !== undefined && status !== undefined && (
        <dl class="sync-status" aria-live="polite">
          <dt>{i18n.t('sync.settings.status')}</dt>
          <dd data-testid="sync-message">{status.message}</dd>
          {status.lastSyncAt !== undefined && (
            <>
              <dt>{i18n.t('sync.settings.lastSync')}</dt>
              <dd data-testid="sync-last">{new Date(status.lastSyncAt).toLocaleString()}</dd>
            </>
          )}
          {coverage !== undefined && (
            <>
              <dt>{i18n.t('sync.settings.spaceUsed')}</dt>
              <dd data-testid="sync-capacity">{describeSpace(coverage.bytes, SYNC_QUOTA.QUOTA_BYTES)}</dd>
            </>
          )}
          {status.problems.length > 0 && (
            <>
              <dt>{i18n.t('sync.settings.skipped')}</dt>
              <dd>{i18n.t('sync.settings.unreadableItems', status.problems.length)}</dd>
            </>
          )}
        </dl>
      )}
      {error !== undefined && (
        <p class="error" role="alert">
          {i18n.t('sync.settings.error', { error })}
        </p>
      )}
      <button type="button" class="action" disabled={!view?.enabled || busy} onClick={() => void act(() => api.syncNow())}>
        {i18n.t('sync.settings.syncNow')}
      </button>
    </section>
  );
}
