/**
 * Edits made in the reading list's details pane that the store has not answered yet, or whose
 * answer the page's live read of the database has not caught up with. The page shows every paper
 * with its pending edits applied, so a star, tag or note shows at once; an edit the store refuses
 * is dropped, which rolls the paper back to what the store holds.
 */
import { i18n } from '#i18n';
import type { PaperRecord } from '@/lib/store/db';

/** One change to one paper, as the store's `papers.star`, `papers.tag` and `papers.note` make it. */
export type PaperEdit = { kind: 'star'; starred: boolean } | { kind: 'tag'; tag: string; on: boolean } | { kind: 'note'; note: string };

export interface PendingEdit {
  /** Tells two edits apart, so the answer to one settles or drops only that one. */
  key: number;
  id: string;
  edit: PaperEdit;
  /** When the page made the edit (epoch ms); the patched record's `updatedAt`. */
  at: number;
  /** The `updatedAt` the store answered with; the edit is in the store from then on. */
  storedAt?: number;
}

/**
 * `record` as `edit` leaves it at time `at`, the way the store would write it: a star keeps its
 * first `starredAt`, a tag is added at the end or removed, a blank note is no note.
 */
export function applyEdit(record: PaperRecord, edit: PaperEdit, at: number): PaperRecord {
  const next: PaperRecord = { ...record, updatedAt: at };
  if (edit.kind === 'star') {
    if (!edit.starred) delete next.starredAt;
    else next.starredAt = record.starredAt ?? at;
  } else if (edit.kind === 'tag') {
    const has = record.tags.includes(edit.tag);
    if (edit.on && !has) next.tags = [...record.tags, edit.tag];
    if (!edit.on && has) next.tags = record.tags.filter((tag) => tag !== edit.tag);
  } else if (edit.note.trim() === '') delete next.note;
  else next.note = edit.note;
  return next;
}

/**
 * Whether the live read already shows `pending`: the store answered it and the record the page
 * reads is as new as that answer (or newer, from another tab), or the store no longer holds the
 * paper at all.
 */
export function isSettled(pending: PendingEdit, record: PaperRecord | undefined): boolean {
  return pending.storedAt !== undefined && (record === undefined || record.updatedAt >= pending.storedAt);
}

/**
 * `records` with the edits not yet settled applied in the order they were made. Records without
 * edits come back as the same objects, and with no edit pending the same array, so the reading
 * list's per-record caches keep working.
 *
 * @example withPendingEdits(records, [{ key: 1, id: '2602.22290', edit: { kind: 'star', starred: false }, at: now }])
 */
export function withPendingEdits(records: readonly PaperRecord[], pending: readonly PendingEdit[]): readonly PaperRecord[] {
  if (pending.length === 0) return records;
  const byId = new Map<string, PendingEdit[]>();
  for (const edit of pending) byId.set(edit.id, [...(byId.get(edit.id) ?? []), edit]);
  return records.map((record) => {
    const edits = byId.get(record.id);
    if (!edits) return record;
    return edits.reduce((patched, edit) => (isSettled(edit, record) ? patched : applyEdit(patched, edit.edit, edit.at)), record);
  });
}

/** Text the reader typed or arXiv wrote, isolated so its direction cannot reorder the words around it. */
function isolated(text: string): string {
  return `\u2068${text}\u2069`;
}

/**
 * What the reading list says when the store refuses `edit` of the paper titled `title`: what
 * failed, in words, and the store's reason without the message name it starts with.
 *
 * @example describeRefusal('HDC', { kind: 'star', starred: true }, new Error('papers.star: store is closed'))
 * // 'Could not star “\u2068HDC\u2069”: store is closed'
 */
export function describeRefusal(title: string, edit: PaperEdit, error: unknown): string {
  const reason = (error instanceof Error ? error.message : String(error)).replace(/^papers\.\w+: /, '');
  const paper = isolated(title);
  if (edit.kind === 'star') return i18n.t(edit.starred ? 'readingList.refusal.star' : 'readingList.refusal.unstar', { title: paper, reason });
  if (edit.kind === 'tag') {
    return i18n.t(edit.on ? 'readingList.refusal.addTag' : 'readingList.refusal.removeTag', { tag: isolated(edit.tag), title: paper, reason });
  }
  return i18n.t(edit.note.trim() === '' ? 'readingList.refusal.deleteNote' : 'readingList.refusal.saveNote', { title: paper, reason });
}
