/**
 * The records the store keeps, as schemas: the one definition of `PaperRecord`, `TagRecord` and
 * `VisitRecord`. `lib/store/db.ts` types its tables with them and backups validate with them, so a
 * field added to a record cannot be forgotten in the backup format.
 */
import * as v from 'valibot';
import { i18n } from '#i18n';
import { LIMITS, arxivIdSchema, colorSchema, listingSchema, noteSchema, tagNameSchema, timestampSchema } from './fields';
import { paperStampsSchema } from '@/lib/store/merge';
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
      v.array(tagNameSchema, () => i18n.t('schemas.notStringArray')),
      v.maxLength(LIMITS.tagsPerPaper),
      v.transform((tags) => [...new Set(tags)]),
    ),
    note: v.optional(noteSchema),
    /** Kept shown although a hide rule matches (the reader undid the rule's hide). */
    keptAt: v.optional(timestampSchema),
    /** Read: opened its abstract or PDF from the reading list (not the listings' "seen"). */
    seenAt: v.optional(timestampSchema),
    /** When each replicated field was last written, tombstones included (lib/store/merge.ts); not indexed. */
    stamps: v.optional(paperStampsSchema),
    /** Arrived from another device without metadata: `meta` is a stand-in until a page shows the paper. */
    metaMissing: v.optional(v.literal(true)),
    updatedAt: timestampSchema,
  }),
  v.forward(
    v.check((record) => record.meta.id === record.id, () => i18n.t('schemas.notRecordId')),
    ['meta', 'id'],
  ),
);

export const tagRecordSchema = v.strictObject({
  name: tagNameSchema,
  /** `#rrggbb`, lower case. */
  color: colorSchema,
  createdAt: timestampSchema,
});

const idListSchema = v.pipe(v.array(arxivIdSchema, () => i18n.t('schemas.notIdArray')), v.maxLength(MAX_SEEN_IDS));

/**
 * What releases before seen marks remembered per listing (`cs.DC/new`), read only from their
 * databases and backups to turn it into seen marks. `seenIds` is oldest first.
 */
export const visitRecordSchema = v.strictObject({
  listing: listingSchema,
  lastVisitAt: timestampSchema,
  seenIds: idListSchema,
  sessionStartedAt: v.optional(timestampSchema),
  freshIds: v.optional(idListSchema),
  previousVisitAt: v.optional(timestampSchema),
});

/**
 * One paper the reader has seen on some listing: on screen long enough to read its title, moved
 * past with the keyboard, or acted on. Seen is per paper across every listing and page kind; `at`
 * is the first time (epoch ms).
 */
export const seenRecordSchema = v.strictObject({ id: arxivIdSchema, at: timestampSchema });

export type PaperRecord = v.InferOutput<typeof paperRecordSchema>;
export type SeenRecord = v.InferOutput<typeof seenRecordSchema>;
export type TagRecord = v.InferOutput<typeof tagRecordSchema>;
export type VisitRecord = v.InferOutput<typeof visitRecordSchema>;
