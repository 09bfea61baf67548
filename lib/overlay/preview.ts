/**
 * The stored state of a listing's first entries, asked for while the page is still arriving: the
 * entries read ahead (lib/arxiv/read-ahead.ts) are known long before the page is parsed, and on a
 * page that streams in the store's answer about them is back by then. The session applies it the
 * moment it opens, so the stars, tags and hidden entries on the first screen are in the first
 * frame that has Sift's controls, instead of one after the page's own DOMContentLoaded work.
 *
 * It is a preview only: the session still asks about every entry once the page is parsed, and
 * that answer, taken after the session listens to other tabs' changes, is the one that counts.
 */
import type { ArxivId } from '@/lib/arxiv/types';
import type { ListingSnapshot } from '@/lib/store/api';
import { callApi, type SendMessage } from '@/lib/store/client';

/** More entries than the first screens show on any listing kind (3 to 15 a screen). */
export const PREVIEW_ENTRIES = 50;

export interface AnnotationsPreview {
  /** The ids asked about: an annotation missing from the snapshot means none is stored. */
  ids: readonly ArxivId[];
  snapshot: ListingSnapshot;
}

export interface PreviewRequest {
  /** An entry was read ahead; the first `PREVIEW_ENTRIES` distinct ids are asked about at once. */
  add(id: ArxivId): void;
  /**
   * The answer if it is in, else `undefined` (too few entries came ahead of the parse, the store
   * has not answered yet, or failed). Read once, when the session opens: applied later, a preview
   * could undo a change the session had heard of or made since.
   */
  answered(): AnnotationsPreview | undefined;
}

export function requestPreview(send: SendMessage, entries = PREVIEW_ENTRIES): PreviewRequest {
  const ids = new Set<ArxivId>();
  let asked = false;
  let answer: AnnotationsPreview | undefined;
  return {
    add(id) {
      if (asked) return;
      ids.add(id);
      if (ids.size < entries) return;
      asked = true;
      const wanted = [...ids];
      // A failure is the session's to report: it asks again, about every entry.
      void callApi('listing.open', { ids: wanted }, send).then(
        (snapshot) => void (answer = { ids: wanted, snapshot }),
        () => undefined,
      );
    },
    answered: () => answer,
  };
}
