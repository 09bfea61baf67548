/** A listing's opening question, answered in one message: its annotations, tags, rules and visit. */
import type { ArxivId } from '@/lib/arxiv/types';
import type { ListingSnapshot, StoreOutcome } from './api';
import type { SiftDb } from './db';
import { getAnnotations } from './papers';
import { listRules } from './rules';
import { listTags } from './tags';
import { recordVisit } from './visits';

/**
 * Everything a listing of `ids` needs at load. With a `listing` key the visit is recorded and the
 * answer says which ids are new since the last one. Recording a visit changes nothing another tab
 * shows, so there is nothing to broadcast.
 */
export async function openListing(
  db: SiftDb,
  listing: string | undefined,
  ids: readonly ArxivId[],
  now: number,
): Promise<StoreOutcome<ListingSnapshot>> {
  const [annotations, tags, rules, visit] = await Promise.all([
    getAnnotations(db, ids),
    listTags(db),
    listRules(db),
    listing === undefined ? undefined : recordVisit(db, listing, ids, now),
  ]);
  return { result: { annotations, tags, rules, ...(visit ? { visit: visit.result } : {}) } };
}
