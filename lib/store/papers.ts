/**
 * Reading and writing paper annotations: star, hide, tag, note. Each write is one transaction,
 * refreshes the paper's metadata snapshot and `updatedAt`, and deletes a record left with nothing
 * on it, so the store holds only papers the user did something with.
 */
import { i18n } from '#i18n';
import type { ArxivId, PaperMeta } from '@/lib/arxiv/types';
import type { Annotation, StoreOutcome } from './api';
import type { PaperRecord, SiftDb } from './db';
import { hasAnnotation, isWorthKeeping, toAnnotation } from './annotation';
import { LIMITS } from '@/lib/schemas/fields';
import { setFlag, setNote, setTag } from './merge';
import { stampTag } from './sync-stamps';
import { defaultTagColor } from './tag-colors';

/**
 * The annotations of `ids` that have any, keyed by id, read with one `bulkGet` so a 2000-entry
 * listing costs one IndexedDB round of requests, not 2000 queries.
 */
export async function getAnnotations(db: SiftDb, ids: readonly ArxivId[]): Promise<Record<string, Annotation>> {
  const unique = [...new Set(ids)];
  const records = await db.transaction('r', db.papers, () => db.papers.bulkGet(unique));
  const out: Record<string, Annotation> = {};
  for (const record of records) if (record && hasAnnotation(record)) out[record.id] = toAnnotation(record);
  return out;
}

/**
 * Applies `edit` to the record of each paper in `papers` (a fresh one if the store has none) inside
 * the current transaction, then stores or deletes it. A paper sent twice is written once, with the
 * last metadata sent.
 */
async function editPapers(
  db: SiftDb,
  papers: readonly PaperMeta[],
  now: number,
  edit: (record: PaperRecord) => PaperRecord,
): Promise<{ result: Annotation[]; ids: ArxivId[] }> {
  const latest = new Map<ArxivId, PaperMeta>();
  for (const meta of papers) latest.set(meta.id, meta);
  const metas = [...latest.values()];
  const before = await db.papers.bulkGet(metas.map((meta) => meta.id));
  const puts: PaperRecord[] = [];
  const deletes: ArxivId[] = [];
  const result = metas.map((meta, i) => {
    const old = before[i];
    const id = meta.id;
    const fresh: PaperRecord = { ...old, id, meta, tags: [...(old?.tags ?? [])], updatedAt: now };
    // A page always sends the full metadata, which replaces a stand-in from another device.
    delete fresh.metaMissing;
    const record = edit(fresh);
    if (isWorthKeeping(record)) puts.push(record);
    else if (old) deletes.push(id);
    return toAnnotation(record);
  });
  await db.papers.bulkPut(puts);
  await db.papers.bulkDelete(deletes);
  return { result, ids: [...puts.map((p) => p.id), ...deletes] };
}

function toWrite(result: Annotation[], ids: ArxivId[], tagCreated = false): StoreOutcome<Annotation[]> {
  if (ids.length === 0 && !tagCreated) return { result };
  const written = new Set(ids);
  const annotations = result.filter((annotation) => written.has(annotation.id));
  return { result, change: { ids, tables: tagCreated ? ['papers', 'tags'] : ['papers'], annotations } };
}

/** Stars or unstars `papers`; a paper starred again keeps its first `starredAt`. */
export async function starPapers(
  db: SiftDb,
  papers: readonly PaperMeta[],
  starred: boolean,
  now: number,
): Promise<StoreOutcome<Annotation[]>> {
  const { result, ids } = await db.transaction('rw', db.papers, () =>
    editPapers(db, papers, now, (record) => setFlag(record, 'star', starred, now)),
  );
  return toWrite(result, ids);
}

/** Hides or shows `papers`; a paper hidden again keeps its first `hiddenAt`. */
export async function hidePapers(
  db: SiftDb,
  papers: readonly PaperMeta[],
  hidden: boolean,
  now: number,
): Promise<StoreOutcome<Annotation[]>> {
  const { result, ids } = await db.transaction('rw', db.papers, () =>
    editPapers(db, papers, now, (record) => setFlag(record, 'hide', hidden, now)),
  );
  return toWrite(result, ids);
}

/** Keeps `papers` shown although a hide rule matches them (`kept`), or lets rules hide them again. */
export async function keepPapers(
  db: SiftDb,
  papers: readonly PaperMeta[],
  kept: boolean,
  now: number,
): Promise<StoreOutcome<Annotation[]>> {
  const { result, ids } = await db.transaction('rw', db.papers, () =>
    editPapers(db, papers, now, (record) => {
      if (!kept) delete record.keptAt;
      else record.keptAt ??= now;
      return record;
    }),
  );
  return toWrite(result, ids);
}

/** Adds `tag` to (`on`) or removes it from `papers`; adding a new tag creates it with its default colour. */
export async function tagPapers(
  db: SiftDb,
  papers: readonly PaperMeta[],
  tag: string,
  on: boolean,
  now: number,
): Promise<StoreOutcome<Annotation[]>> {
  const { result, ids, created } = await db.transaction('rw', db.papers, db.tags, db.syncStamps, async () => {
    const created = on && papers.length > 0 && !(await db.tags.get(tag));
    if (created) {
      await db.tags.add({ name: tag, color: defaultTagColor(tag), createdAt: now });
      await stampTag(db, tag, now);
    }
    const written = await editPapers(db, papers, now, (record) => {
      const has = record.tags.includes(tag);
      if (on && !has && record.tags.length >= LIMITS.tagsPerPaper) {
        throw new Error(i18n.t('store.tooManyTags', [record.id, String(LIMITS.tagsPerPaper)]));
      }
      return setTag(record, tag, on, now);
    });
    return { ...written, created };
  });
  return toWrite(result, ids, created);
}

/** Sets the note of `paper`; an empty or blank note removes it. */
export async function notePaper(
  db: SiftDb,
  paper: PaperMeta,
  note: string,
  now: number,
): Promise<StoreOutcome<Annotation[]>> {
  const { result, ids } = await db.transaction('rw', db.papers, () =>
    editPapers(db, [paper], now, (record) => setNote(record, note.trim() === '' ? undefined : note, now)),
  );
  return toWrite(result, ids);
}

/**
 * Marks stored papers as read (`seen`) or unread; the reading list's "unread" filter reads
 * `seenAt`. Only papers already in the store change: reading is not worth a record of its own.
 */
export async function markPapersSeen(
  db: SiftDb,
  ids: readonly ArxivId[],
  seen: boolean,
  now: number,
): Promise<StoreOutcome<Annotation[]>> {
  const { result, changed } = await db.transaction('rw', db.papers, async () => {
    const records = (await db.papers.bulkGet([...new Set(ids)])).filter((record) => record !== undefined);
    const changed = records.filter((record) => (record.seenAt !== undefined) !== seen);
    const puts: PaperRecord[] = [];
    const deletes: ArxivId[] = [];
    for (const record of changed) {
      const next: PaperRecord = { ...setFlag(record, 'seen', seen, now), updatedAt: now };
      if (isWorthKeeping(next)) puts.push(next);
      else deletes.push(next.id);
    }
    await db.papers.bulkPut(puts);
    await db.papers.bulkDelete(deletes);
    return { result: records.map((record) => toAnnotation(changed.includes(record) ? { ...record, seenAt: seen ? now : undefined } : record)), changed };
  });
  return toWrite(result, changed.map((record) => record.id));
}
