import { i18n } from '#i18n';
import type { AbstractProgress } from './listing-state';

/**
 * The toolbar's quiet line about abstracts the page did not print: how many have arrived while
 * some are coming, why they stopped when arXiv asked to wait or fetching is off, and nothing once
 * all are in (or none was wanted).
 *
 * @example abstractsLine({ wanted: 2000, arrived: 340, state: 'fetching' }) // 'abstracts 340 / 2000'
 */
export function abstractsLine(progress: AbstractProgress, now: number = Date.now()): string | undefined {
  const { wanted, arrived, state } = progress;
  if (wanted === 0 || arrived >= wanted) return undefined;
  if (state === 'off') return i18n.t('overlay.abstracts.off', [arrived, wanted]);
  if (state === 'backing-off') {
    if (progress.retryAt === undefined) return i18n.t('overlay.abstracts.backingOff', [arrived, wanted]);
    return i18n.t('overlay.abstracts.backingOffFor', [arrived, wanted, Math.max(1, Math.round((progress.retryAt - now) / 1000))]);
  }
  if (state === 'idle') return progress.lastError ? i18n.t('overlay.abstracts.failed', [arrived, wanted, progress.lastError]) : i18n.t('overlay.abstracts.notOnApi', [arrived, wanted]);
  return i18n.t('overlay.abstracts.count', [arrived, wanted]);
}
