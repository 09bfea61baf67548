/**
 * What a listing sends the background to have an export file written (`export.build`): the papers
 * as the page shows them, each with the reader's tags and note, the format and the export choices.
 * Bounded like every message from a content script; nothing of it is stored.
 */
import * as v from 'valibot';
import { EXPORT_FORMAT_IDS } from '@/lib/export/format-table';
import { CITATION_KEY_STYLES } from '@/lib/export/options';
import { LIMITS, noteSchema, tagNameSchema } from './fields';
import { snapshotPaperMetaSchema } from './paper-meta';

export const exportRequestSchema = v.strictObject({
  papers: v.pipe(
    v.array(
      v.strictObject({
        meta: snapshotPaperMetaSchema,
        tags: v.pipe(v.array(tagNameSchema), v.maxLength(LIMITS.tagsPerPaper)),
        note: v.optional(noteSchema),
      }),
    ),
    v.maxLength(LIMITS.batch),
  ),
  format: v.picklist(EXPORT_FORMAT_IDS),
  options: v.strictObject({
    includeUserData: v.optional(v.boolean()),
    citationKeyStyle: v.optional(v.picklist(CITATION_KEY_STYLES)),
  }),
});

export type ExportRequest = v.InferOutput<typeof exportRequestSchema>;
