import { describe, expect, it } from 'vitest';
import { abstractsLine } from '@/lib/overlay/abstract-progress';

describe('abstractsLine', () => {
  it.each([
    [{ wanted: 2000, arrived: 340, state: 'fetching' }, 'abstracts 340 / 2000'],
    [{ wanted: 2000, arrived: 340, state: 'waiting' }, 'abstracts 340 / 2000'],
    [{ wanted: 10, arrived: 4, state: 'backing-off', retryAt: 31_000 }, 'abstracts 4 / 10: arXiv asked Sift to wait, again in 30 s'],
    [{ wanted: 10, arrived: 4, state: 'off' }, "abstracts 4 / 10 (fetching is off in Sift's options; cached ones only)"],
    [{ wanted: 10, arrived: 9, state: 'idle', lastError: 'arXiv is busy (HTTP 503)' }, 'abstracts 9 / 10: arXiv is busy (HTTP 503)'],
    [{ wanted: 10, arrived: 10, state: 'idle' }, undefined],
    [{ wanted: 0, arrived: 0, state: 'idle' }, undefined],
  ])('%o → %s', (progress, expected) => {
    expect(abstractsLine(progress, 1000)).toBe(expected);
  });
});
