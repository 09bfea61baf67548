/**
 * Stamps: the hybrid logical clock every replicated field is ordered by.
 *
 * A stamp is one integer: whole minutes since the Unix epoch, pushed forward by the logical rule
 * "a write is always later than the value it replaces". The physical part makes concurrent edits
 * on two devices resolve to the later one (to the minute); the logical part makes an edit made
 * after seeing another always win, whatever the device clocks say, so a device whose clock runs a
 * year fast wins only until anyone who has seen its write edits that field again.
 *
 * The logical component is kept per field (the stamp of the value being replaced) rather than in
 * one clock per device. Last-writer-wins registers need causality only between writes to the same
 * field, and a per-field clock has no state to persist: an MV3 service worker can be stopped
 * between any two writes, and a device clock held in memory would be lost with it.
 *
 * Minutes, not milliseconds: they are what makes 5,000 papers fit in the 100 KB sync area (a
 * stamp delta within a reading session is a few bits), and two devices editing the same field
 * within the same minute without syncing in between is a conflict any resolution may settle.
 */

/** An HLC stamp; 0 means "never written". */
export type Stamp = number;

export const STAMP_MS = 60_000;

/** The largest stamp accepted from another device: year 3000 in minutes, far inside 2^53. */
export const MAX_STAMP = Math.floor(32_503_680_000_000 / STAMP_MS);

/** The physical part of a stamp taken at `ms` (epoch milliseconds). */
export function stampOfMs(ms: number): Stamp {
  return Math.max(0, Math.floor(ms / STAMP_MS));
}

/** The epoch milliseconds a stamp stands for (its minute's start). */
export function msOfStamp(stamp: Stamp): number {
  return stamp * STAMP_MS;
}

/**
 * The stamp for a write made at `nowMs` that replaces a value stamped `previous` (absent for a
 * field never written): the current minute, or one past `previous` if that is later. Example:
 * `nextStamp(undefined, Date.now())` on a first star; `nextStamp(record.stamps.star, now)` on unstar.
 */
export function nextStamp(previous: Stamp | undefined, nowMs: number): Stamp {
  return Math.max(stampOfMs(nowMs), (previous ?? 0) + 1);
}
