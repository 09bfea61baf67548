import type { Coverage } from '@/lib/sync/wire';

/** A sync coverage with nothing in it, changed by `overrides`: the sync tests' one fixture shape. */
export function coverageOf(overrides: Partial<Coverage> = {}): Coverage {
  return {
    papers: { total: 0, synced: 0 },
    notes: { total: 0, synced: 0, tooLarge: 0 },
    read: { total: 0, synced: 0 },
    seen: { total: 0, synced: 0 },
    tags: { total: 0, synced: 0 },
    rules: { total: 0, synced: 0, tooLarge: 0 },
    settings: { total: 0, synced: 0, tooLarge: 0 },
    bytes: 0,
    items: 0,
    ...overrides,
  };
}
