/**
 * Turns a committed write into the notice every tab and extension page receives: the changed
 * records themselves, so nobody has to ask again.
 */
import type { Annotation, ChangeNotice, StoreChange } from './api';
import type { SiftDb } from './db';
import { toAnnotation } from './annotation';
import { listRules } from './rules';
import { listTags } from './tags';

/** The annotation of a paper the store no longer holds: nothing on it. */
function emptyAnnotation(id: Annotation['id'], updatedAt: number): Annotation {
  return { id, starred: false, hidden: false, tags: [], updatedAt };
}

/**
 * The notice for `change`, written by `origin`: the new annotation of every changed paper (read
 * in one `bulkGet` when the write did not pass them on: tag renames, merges and deletes), and the
 * whole tag or rule list when those tables changed. An import (`ids` empty) carries no
 * annotations: there are too many, and receivers re-read what they show.
 */
export async function toChangeNotice(db: SiftDb, change: StoreChange, origin: string | undefined, now: number): Promise<ChangeNotice> {
  const notice: ChangeNotice = { ids: change.ids, tables: change.tables };
  if (origin !== undefined) notice.origin = origin;
  if (change.seen !== undefined) notice.seen = change.seen;
  if (change.ids.length > 0 && change.tables.includes('papers')) {
    if (change.annotations) notice.annotations = change.annotations;
    else {
      const records = await db.papers.bulkGet(change.ids);
      notice.annotations = records.map((record, i) => (record ? toAnnotation(record) : emptyAnnotation(change.ids[i]!, now)));
    }
  }
  if (change.tables.includes('tags')) notice.tags = await listTags(db);
  if (change.tables.includes('rules')) notice.rules = await listRules(db);
  return notice;
}
