/**
 * The records the store keeps, as schemas: the one definition of `PaperRecord`, `TagRecord` and
 * `VisitRecord`. `lib/store/db.ts` types its tables with them and backups validate with them, so a
 * field added to a record cannot be forgotten in the backup format.
 */
import * as v from 'valibot';
import { LIMITS, arxivIdSchema, colorSchema, listingSchema, noteSchema, tagNameSchema, timestampSchema } from './fields';
import { paperMetaSchema } from './paper-meta';

/** How many seen ids one listing remembers: far more than a listing shows (2000 with `show=2000`). */
export const MAX_SEEN_IDS = 20_000;

/**
 * One paper the user has done something with. `meta` is a snapshot of what the page showed at the
 * last write, so the reading list and exports work without arXiv. Timestamps are epoch-ms.
 */
export const paperRecordSchema = v.pipe(
  v.strictObject({
    id: arxivIdSchema,
    meta: paperMetaSchema,
    starredAt: v.optional(timestampSchema),
    hiddenAt: v.optional(timestampSchema),
    tags: v.pipe(
      v.array(tagNameSchema, 'expected an array of strings'),
      v.maxLength(LIMITS.tagsPerPaper),
      v.transform((tags) => [...new Set(tags)]),
    ),
    note: v.optional(noteSchema),
    seenAt: v.optional(timestampSchema),
    updatedAt: timestampSchema,
  }),
  v.forward(
    v.check((record) => record.meta.id === record.id, 'expected the same id as the record'),
    ['meta', 'id'],
  ),
);

export const tagRecordSchema = v.strictObject({
  name: tagNameSchema,
  /** `#rrggbb`, lower case. */
  color: colorSchema,
  createdAt: timestampSchema,
});

const idListSchema = v.pipe(v.array(arxivIdSchema, 'expected an array of arXiv ids'), v.maxLength(MAX_SEEN_IDS));

/**
 * What the user has already seen on one listing, e.g. `cs.DC/new`. `seenIds` is oldest first.
 * `sessionStartedAt`, `freshIds` and `previousVisitAt` describe the reading session (visits less
 * than `VISIT_SESSION_MS` apart) the last visit belongs to: ids that were new when it began stay
 * "new" on every reload within it.
 */
export const visitRecordSchema = v.strictObject({
  listing: listingSchema,
  lastVisitAt: timestampSchema,
  seenIds: idListSchema,
  sessionStartedAt: v.optional(timestampSchema),
  freshIds: v.optional(idListSchema),
  previousVisitAt: v.optional(timestampSchema),
});

export type PaperRecord = v.InferOutput<typeof paperRecordSchema>;
export type TagRecord = v.InferOutput<typeof tagRecordSchema>;
export type VisitRecord = v.InferOutput<typeof visitRecordSchema>;
