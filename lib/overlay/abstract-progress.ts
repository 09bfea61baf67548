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
  const count = `abstracts ${arrived} / ${wanted}`;
  if (state === 'off') return `${count} (fetching is off in Sift's options; cached ones only)`;
  if (state === 'backing-off') {
    const wait = progress.retryAt === undefined ? '' : `, again in ${Math.max(1, Math.round((progress.retryAt - now) / 1000))} s`;
    return `${count}: arXiv asked Sift to wait${wait}`;
  }
  if (state === 'idle') return progress.lastError ? `${count}: ${progress.lastError}` : `${count} (the rest are not on arXiv's API)`;
  return count;
}
