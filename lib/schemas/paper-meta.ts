/**
 * A paper's metadata as plain data, the one definition of `PaperMeta`: the parser fills it, the
 * store snapshots it with each annotation, backups carry it and the exporters read it. The type is
 * inferred from the schema, so a field added here is validated, stored and backed up at once.
 */
import * as v from 'valibot';
import { i18n } from '#i18n';
import { LIMITS, arxivIdSchema, arxivUrlSchema, stringListSchema, textSchema } from './fields';

export const subjectSchema = v.object({
  /** `Distributed, Parallel, and Cluster Computing` */
  name: textSchema(LIMITS.shortText),
  /** `cs.DC` */
  code: textSchema(LIMITS.key),
});

/** Which part of a listing a paper came from; a day of `/recent` holds `new` and `cross` papers. */
export const PAPER_SECTIONS = ['new', 'cross', 'replacement', 'results', 'abs'] as const;

/** The fields a snapshot may cut to fit the store's bounds (see {@link snapshotPaperMetaSchema}). */
export const TRUNCATABLE_FIELDS = ['title', 'authors', 'affiliations', 'abstract', 'comments', 'journalRef', 'doi', 'subjects'] as const;

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
  /** The fields that were cut to fit when the snapshot was taken, so the reader can be told. */
  truncated: v.optional(v.pipe(v.array(v.picklist(TRUNCATABLE_FIELDS)), v.maxLength(TRUNCATABLE_FIELDS.length))),
});

const ELLIPSIS = '…';

/** `text` cut to at most `max` UTF-16 units, ending in an ellipsis, never inside a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - ELLIPSIS.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end) + ELLIPSIS;
}

type Loose = Record<string, unknown>;

/** Cuts the over-long strings and lists of one loose metadata object in place; answers what it cut. */
function cutOversized(meta: Loose): (typeof TRUNCATABLE_FIELDS)[number][] {
  const cutFields: (typeof TRUNCATABLE_FIELDS)[number][] = [];
  const text = (field: 'title' | 'abstract' | 'comments' | 'journalRef' | 'doi', max: number) => {
    const value = meta[field];
    if (typeof value === 'string' && value.length > max) {
      meta[field] = cut(value, max);
      cutFields.push(field);
    }
  };
  const list = (field: 'authors' | 'affiliations', max: number, itemMax: number) => {
    const value = meta[field];
    if (!Array.isArray(value)) return;
    const shortened = value.slice(0, max).map((item: unknown) => (typeof item === 'string' ? cut(item, itemMax) : item));
    if (value.length > max || shortened.some((item, i) => item !== value[i])) {
      meta[field] = shortened;
      cutFields.push(field);
    }
  };
  text('title', LIMITS.text);
  list('authors', LIMITS.authors, LIMITS.shortText);
  list('affiliations', LIMITS.authors, LIMITS.shortText);
  text('abstract', LIMITS.text);
  text('comments', LIMITS.text);
  text('journalRef', LIMITS.shortText);
  text('doi', LIMITS.shortText);
  const subjects = meta.subjects;
  if (Array.isArray(subjects) && subjects.length > LIMITS.subjects) {
    meta.subjects = subjects.slice(0, LIMITS.subjects);
    cutFields.push('subjects');
  }
  return cutFields;
}

/**
 * A paper's metadata as a page sends it with a write, made to fit: text and lists over the
 * store's bounds (a 25,000-character abstract, 12,000 authors) are cut, ending in `…`, and named
 * in `truncated`, instead of refusing the whole batch the paper came in. What cannot be cut
 * sensibly (the id, the links, the section) is still refused, so a bad entry fails with words.
 *
 * @example v.parse(snapshotPaperMetaSchema, { ...meta, abstract: 'x'.repeat(25_000) }).truncated → ['abstract']
 */
export const snapshotPaperMetaSchema = v.pipe(
  v.custom<v.InferInput<typeof paperMetaSchema>>(
    (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
    () => i18n.t('schemas.notPaperMeta'),
  ),
  v.transform((input): unknown => {
    const copy: Loose = { ...(input as Loose) };
    const cutFields = cutOversized(copy);
    if (cutFields.length > 0) {
      const earlier = Array.isArray(copy.truncated) ? copy.truncated.filter((f): f is string => typeof f === 'string') : [];
      copy.truncated = TRUNCATABLE_FIELDS.filter((field) => cutFields.includes(field) || earlier.includes(field));
    }
    return copy;
  }),
  paperMetaSchema,
);

export type PaperMeta = v.InferOutput<typeof paperMetaSchema>;
export type Subject = v.InferOutput<typeof subjectSchema>;
export type PaperSection = (typeof PAPER_SECTIONS)[number];
