/**
 * What counts as an annotation on a stored paper, and the overlay's view of one. Shared by every
 * write so they agree on when a record is empty and can go.
 */
import type { Annotation } from './api';
import type { PaperRecord } from './db';

/** The overlay's view of a stored paper: flags instead of timestamps, no metadata. */
export function toAnnotation(record: PaperRecord): Annotation {
  const annotation: Annotation = {
    id: record.id,
    starred: record.starredAt !== undefined,
    hidden: record.hiddenAt !== undefined,
    tags: [...record.tags],
    updatedAt: record.updatedAt,
  };
  if (record.note !== undefined) annotation.note = record.note;
  if (record.keptAt !== undefined) annotation.kept = true;
  return annotation;
}

/** Whether the user has starred, hidden, tagged or noted the paper. */
export function hasAnnotation(record: PaperRecord): boolean {
  const flagged = record.starredAt !== undefined || record.hiddenAt !== undefined || record.keptAt !== undefined;
  return flagged || record.tags.length > 0 || record.note !== undefined;
}

/**
 * Whether a record must stay in the store: it carries an annotation, marks the paper as seen, or
 * holds a stamp, which is a removal's tombstone that sync needs so another device's older star or
 * tag does not come back.
 */
export function isWorthKeeping(record: PaperRecord): boolean {
  return hasAnnotation(record) || record.seenAt !== undefined || record.stamps !== undefined;
}
