/** Comparing replicated states in tests. */
import { canonicalJson, type ReplicatedState } from '@/lib/store/merge';

/** The replicated content of a state: presence and stamps of every field and seen mark, as one text. */
export function replicated(state: ReplicatedState): string {
  const papers = [...state.papers.values()]
    .map((p) => ({
      id: p.id,
      flags: [p.starredAt !== undefined, p.hiddenAt !== undefined, p.seenAt !== undefined],
      note: p.note,
      tags: [...p.tags].sort(),
      stamps: p.stamps ?? {},
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const sorted = <T>(map: Map<string, T>) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, e]) => e);
  // Of a seen mark, whether it is set and its stamp replicate; its time stays each device's own.
  const seen = [...state.seen.values()].map((mark) => ({ id: mark.id, on: mark.at !== undefined, stamp: mark.stamp })).sort((a, b) => (a.id < b.id ? -1 : 1));
  return canonicalJson({ papers, tags: sorted(state.tags), rules: sorted(state.rules), settings: sorted(state.settings), seen });
}


