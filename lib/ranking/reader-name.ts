/**
 * The reader's own name, found in "These are my papers": the author every seed paper shares.
 * Left out of training, so "For you" learns the reader's topics and co-authors rather than
 * ranking the reader's own new papers, which they know already, above everything.
 */
import { normalizeAuthorName } from './tokenize';

/** A name counts as the reader's when it is on at least this share of the seeds. */
export const READER_NAME_SHARE = 0.6;

/**
 * The normalised author name on the most of `seedAuthorLists` (one author list per seed paper),
 * when there are at least two seeds and it is on `READER_NAME_SHARE` of them; otherwise
 * `undefined` (one paper cannot tell its author from a co-author). Ties go to the name met first.
 *
 * @example readerNameOf([['Dong Dai', 'A. Lee'], ['Dong Dai'], ['B. Kim', 'Dong Dai']]) // 'dong dai' (normalised)
 */
export function readerNameOf(seedAuthorLists: readonly (readonly string[])[]): string | undefined {
  if (seedAuthorLists.length < 2) return undefined;
  const counts = new Map<string, number>();
  for (const authors of seedAuthorLists) {
    for (const name of new Set(authors.map(normalizeAuthorName))) if (name.length > 0) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best && best[1] >= READER_NAME_SHARE * seedAuthorLists.length ? best[0] : undefined;
}
