/**
 * Reading the content script's answer to the popup. The answer crosses a process boundary from a
 * page the popup does not control (an old content script after an update, another extension's
 * listener), so it is checked before any of it is shown.
 */
import type { OverlayStatus } from '@/lib/store/api';
import { FILTERS } from '@/lib/overlay/filters';

const COUNTS = ['entries', 'starred', 'matching', 'unseen', 'hidden'] as const;

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/**
 * Whether `value` is an `OverlayStatus`: a page kind, the filters available there, five
 * non-negative integer counts and a boolean for every listing filter. `undefined` (no content script answered) is not.
 */
export function isOverlayStatus(value: unknown): value is OverlayStatus {
  if (typeof value !== 'object' || value === null) return false;
  const status = value as Record<string, unknown>;
  if (typeof status.kind !== 'string' || !COUNTS.every((key) => isCount(status[key]))) return false;
  const filters = status.filters;
  if (typeof filters !== 'object' || filters === null) return false;
  const filterIds: readonly unknown[] = FILTERS.map((filter) => filter.id);
  if (!Array.isArray(status.available) || !status.available.every((id) => filterIds.includes(id))) return false;
  return FILTERS.every((filter) => typeof (filters as Record<string, unknown>)[filter.id] === 'boolean');
}
