import type { ArxivId, Paper, PaperMeta } from '@/lib/arxiv/types';
import type { Annotation } from '@/lib/store/api';
import { callApi } from '@/lib/store/client';
import { LIMITS } from '@/lib/store/schema';
import { blankAnnotation, type ListingState } from './listing-state';

/** The paper as plain data, without its DOM handle: what the store snapshots and exports use. */
export function toPaperMeta(paper: Paper): PaperMeta {
  const { element: _element, ...meta } = paper;
  return meta;
}

/**
 * Applies `change` to the listing at once (so the click feels instant even on a slow machine),
 * then asks the store, and rolls back if the store refuses. Returns the store's error, if any,
 * for the caller to show inline.
 */
async function optimistic(
  state: ListingState,
  ids: readonly ArxivId[],
  change: (current: Annotation) => Annotation,
  commit: () => Promise<Annotation[]>,
): Promise<Error | undefined> {
  const before = Object.fromEntries(ids.map((id) => [id, state.annotationOf(id) ?? blankAnnotation(id)]));
  state.applyAnnotations(ids, Object.fromEntries(ids.map((id) => [id, change(before[id]!)])));
  try {
    const stored = await commit();
    state.applyAnnotations(ids, Object.fromEntries(stored.map((a) => [a.id, a])));
    return undefined;
  } catch (error) {
    state.applyAnnotations(ids, before);
    return error instanceof Error ? error : new Error(String(error));
  }
}

export function setStarred(state: ListingState, papers: readonly Paper[], starred: boolean) {
  return optimistic(
    state,
    papers.map((p) => p.id),
    (a) => ({ ...a, starred }),
    () => callApi('papers.star', { papers: papers.map(toPaperMeta), starred }),
  );
}

export function setHidden(state: ListingState, papers: readonly Paper[], hidden: boolean) {
  return optimistic(
    state,
    papers.map((p) => p.id),
    (a) => ({ ...a, hidden }),
    () => callApi('papers.hide', { papers: papers.map(toPaperMeta), hidden }),
  );
}

export function setTagged(state: ListingState, papers: readonly Paper[], tag: string, on: boolean) {
  return optimistic(
    state,
    papers.map((p) => p.id),
    (a) => ({ ...a, tags: on ? [...new Set([...a.tags, tag])] : a.tags.filter((t) => t !== tag) }),
    () => callApi('papers.tag', { papers: papers.map(toPaperMeta), tag, on }),
  );
}

export function setNote(state: ListingState, paper: Paper, note: string) {
  return optimistic(
    state,
    [paper.id],
    (a) => ({ ...a, note: note.trim() || undefined }),
    () => callApi('papers.note', { paper: toPaperMeta(paper), note }),
  );
}

/** The most ids one `annotations.get` carries (the store's limit; arXiv pages show at most 2000). */
const IDS_PER_MESSAGE = LIMITS.ids;

/** Re-reads the store for `ids` (all of the page's at start): one message for the whole page. */
export async function refreshAnnotations(state: ListingState, ids: readonly ArxivId[]): Promise<void> {
  for (let from = 0; from < ids.length; from += IDS_PER_MESSAGE) {
    const chunk = ids.slice(from, from + IDS_PER_MESSAGE);
    state.applyAnnotations(chunk, await callApi('annotations.get', { ids: chunk }));
  }
}

/** Flips a paper's star; shared by the star button and the `s` shortcut. */
export function toggleStar(state: ListingState, paper: Paper) {
  return setStarred(state, [paper], !state.annotationOf(paper.id)?.starred);
}

/** Flips a paper's hidden state; shared by the Hide button, its Undo and the `x` shortcut. */
export function toggleHidden(state: ListingState, paper: Paper) {
  return setHidden(state, [paper], !state.annotationOf(paper.id)?.hidden);
}
