/**
 * The stamps of tag and rule writes (the `syncStamps` table), written in the same transaction as
 * the tag or rule, so sync can order two devices' versions and a deletion leaves its tombstone.
 */
import { nextStamp, type Stamp } from '@/lib/sync/hlc';
import type { SiftDb } from './db';

export const tagStampKey = (name: string) => `tag:${name}`;
export const ruleStampKey = (id: string) => `rule:${id}`;

async function bump(db: SiftDb, key: string, now: number): Promise<Stamp> {
  const stamp = nextStamp((await db.syncStamps.get(key))?.stamp, now);
  await db.syncStamps.put({ key, stamp });
  return stamp;
}

/**
 * Stamps a write of tag `name` (created, recoloured or deleted) at `now`, past its previous
 * write. Call inside a transaction that includes `syncStamps`.
 */
export function stampTag(db: SiftDb, name: string, now: number): Promise<Stamp> {
  return bump(db, tagStampKey(name), now);
}

/** Stamps a write of rule `id` (saved or deleted) at `now`; inside a transaction with `syncStamps`. */
export function stampRule(db: SiftDb, id: string, now: number): Promise<Stamp> {
  return bump(db, ruleStampKey(id), now);
}
