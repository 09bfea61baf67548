/** Splitting bulk actions into messages the background accepts. */

/**
 * Splits `items` into consecutive batches of at most `size`, keeping their order. Bulk actions on
 * a 10,000-paper selection go out as several messages because the store caps one message at
 * `LIMITS.batch` papers.
 *
 * @example toBatches([1, 2, 3, 4, 5], 2) // [[1, 2], [3, 4], [5]]
 */
export function toBatches<T>(items: readonly T[], size: number): T[][] {
  // i18n-exempt: a programming error in the caller (the size is a constant), never shown to a reader
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`batch size must be a positive integer, got ${size}`);
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}
