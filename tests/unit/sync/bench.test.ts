import { describe, expect, it } from 'vitest';
import { measureSync } from '../../../bench/sync';

describe('bench/sync measureSync', () => {
  it('times encode, decode and merge and reports the sync-area bytes per size', { timeout: 30_000 }, () => {
    const samples = measureSync({ papers: 500, warmups: 0, runs: 2, sizes: [100, 300] });
    for (const figure of [samples.encode, samples.decode, samples.merge]) {
      expect(figure).toHaveLength(2);
      for (const ms of figure) expect(ms).toBeGreaterThan(0);
    }
    expect(samples.bytes.map((row) => row.starred)).toEqual([100, 300]);
    expect(samples.bytes[1]!.bytes).toBeGreaterThan(samples.bytes[0]!.bytes);
    expect(samples.capacity).toMatchObject({ synced: 5000, notes: 300 });
  });
});
