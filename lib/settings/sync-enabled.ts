import { storage } from 'wxt/utils/storage';

/**
 * Whether this device syncs its annotations through the browser's sync (on unless turned off).
 * Kept in `local:` storage: the switch is per device and must not itself sync.
 */
export const syncEnabledItem = storage.defineItem<boolean>('local:syncEnabled', { fallback: true });
