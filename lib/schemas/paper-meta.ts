/**
 * A paper's metadata as plain data, the one definition of `PaperMeta`: the parser fills it, the
 * store snapshots it with each annotation, backups carry it and the exporters read it. The type is
 * inferred from the schema, so a field added here is validated, stored and backed up at once.
 */
import * as v from 'valibot';
import { LIMITS, arxivIdSchema, arxivUrlSchema, stringListSchema, textSchema } from './fields';

export const subjectSchema = v.object({
  /** `Distributed, Parallel, and Cluster Computing` */
  name: textSchema(LIMITS.shortText),
  /** `cs.DC` */
  code: textSchema(LIMITS.key),
});

/** Which part of a listing a paper came from; a day of `/recent` holds `new` and `cross` papers. */
export const PAPER_SECTIONS = ['new', 'cross', 'replacement', 'results', 'abs'] as const;

/**
 * Everything the page says about a paper. `title` and `abstract` keep TeX exactly as typed,
 * whitespace collapsed. Unknown keys are dropped rather than rejected, so a caller may pass a
 * richer object (a parsed `Paper` with its DOM handle) and the store still keeps exactly this.
 */
export const paperMetaSchema = v.object({
  id: arxivIdSchema,
  version: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000))),
  title: textSchema(LIMITS.text),
  authors: stringListSchema(LIMITS.authors, LIMITS.shortText),
  affiliations: v.optional(stringListSchema(LIMITS.authors, LIMITS.shortText)),
  abstract: v.optional(textSchema(LIMITS.text)),
  comments: v.optional(textSchema(LIMITS.text)),
  journalRef: v.optional(textSchema(LIMITS.shortText)),
  doi: v.optional(textSchema(LIMITS.shortText)),
  primarySubject: v.optional(subjectSchema),
  subjects: v.pipe(v.array(subjectSchema), v.maxLength(LIMITS.subjects)),
  section: v.picklist(PAPER_SECTIONS),
  absUrl: arxivUrlSchema,
  pdfUrl: v.optional(arxivUrlSchema),
  htmlUrl: v.optional(arxivUrlSchema),
});

export type PaperMeta = v.InferOutput<typeof paperMetaSchema>;
export type Subject = v.InferOutput<typeof subjectSchema>;
export type PaperSection = (typeof PAPER_SECTIONS)[number];
