/**
 * The background's sync: one engine per service-worker start, over `browser.storage.sync` and
 * the Dexie replica, switched on and off by the options page.
 */
import { i18n } from '#i18n';
import type { ChangeNotice, SyncView } from '@/lib/store/api';
import type { SiftDb } from '@/lib/store/db';
import type { SyncControl } from '@/lib/store/handlers';
import { createDexieSyncReplica } from '@/lib/store/sync-replica';
import type { TableName } from '@/lib/store/tables';
import { browserSyncArea, type BrowserStorage, type SyncArea } from './area';
import { createSyncEngine, type SyncEngine, type SyncStatus } from './engine';
import { systemClock } from './scheduler';

/** The tables whose writes replicate (the abstract cache stays on this device). */
const SYNCED_TABLES: readonly TableName[] = ['papers', 'tags', 'rules', 'seen'];

const OFF: SyncStatus = { phase: 'stopped', message: i18n.t('sync.status.off'), problems: [] };

export interface BackgroundSyncOptions {
  db: SiftDb;
  storage: BrowserStorage;
  /** The on/off switch (lib/settings/sync-enabled.ts). */
  enabled: { getValue(): Promise<boolean>; setValue(value: boolean): Promise<void> };
  /** Tells every tab and page what a merge from another device changed. */
  broadcast: (notice: ChangeNotice) => void;
}

export interface BackgroundSync extends SyncControl {
  /** Call with every committed local write's notice; writes of synced tables are replicated. */
  localChanged(notice: ChangeNotice): void;
}

/**
 * Starts sync at once, before the switch is read: the engine subscribes to `storage.onChanged`
 * synchronously, so a change arriving from another device wakes this worker. Until the switch is
 * read the area reads as held back, and if sync is off the engine stops before it reads, merges
 * or writes anything. Example, at the background's top level: `startBackgroundSync({ db, storage:
 * browser.storage, enabled: syncEnabledItem, broadcast: (n) => void broadcastChange(n) })`.
 */
export function startBackgroundSync({ db, storage, enabled, broadcast }: BackgroundSyncOptions): BackgroundSync {
  const replica = createDexieSyncReplica(db, { onChange: broadcast });
  const area = browserSyncArea(storage);
  let on = enabled.getValue();
  const gated: SyncArea = { ...area, get: async () => ((await on) ? area.get() : {}) };
  const create = () => createSyncEngine({ area: gated, replica, clock: systemClock });
  let engine: SyncEngine = create();
  let started = engine.start();
  void on.then((value) => {
    if (!value) engine.stop();
  });
  started.catch((error: unknown) => console.error('[sift] sync: start failed', error));

  const view = async (): Promise<SyncView> => {
    const enabledNow = await on;
    return { enabled: enabledNow, status: enabledNow ? engine.status() : OFF };
  };

  return {
    localChanged(notice) {
      if (notice.tables.some((table) => SYNCED_TABLES.includes(table))) engine.localChanged();
    },
    view,
    async syncNow() {
      if (!(await on)) return view();
      await started.catch(() => undefined);
      await engine.syncNow();
      return view();
    },
    async setEnabled(value) {
      await enabled.setValue(value);
      const was = await on;
      on = Promise.resolve(value);
      if (value && !was) {
        engine = create();
        started = engine.start();
        await started;
      } else if (!value && was) engine.stop();
      return view();
    },
  };
}
