import { defineSetting } from '@/lib/platform/stored-setting';

/**
 * Whether this device syncs its annotations through the browser's sync (on unless turned off).
 * Kept in `local:` storage: the switch is per device and must not itself sync.
 */
export const syncEnabledItem = defineSetting<boolean>('local:syncEnabled', true);
