/** A listing's opening question, answered in one message: its annotations, tags, rules and seen marks. */
import type { ArxivId } from '@/lib/arxiv/types';
import type { ListingSnapshot, StoreOutcome } from './api';
import type { SiftDb } from './db';
import { getAnnotations } from './papers';
import { listRules } from './rules';
import { seenOf } from './seen';
import { listTags } from './tags';

/** Everything a listing of `ids` needs at load; a read, so nothing to broadcast. */
export async function openListing(db: SiftDb, ids: readonly ArxivId[]): Promise<StoreOutcome<ListingSnapshot>> {
  const [annotations, tags, rules, seen] = await Promise.all([getAnnotations(db, ids), listTags(db), listRules(db), seenOf(db, ids)]);
  return { result: { annotations, tags, rules, seen } };
}
