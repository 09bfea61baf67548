/**
 * Field schemas shared by the message contract (api.ts) and backups (backup.ts), and the one place
 * that turns a valibot issue into a message naming what is wrong and where.
 *
 * Everything a content script sends is untrusted: arXiv text ends up here, and a compromised or
 * buggy sender must not be able to grow the store without bound or plant a `javascript:` link in
 * the reading list. Hence every string and array below has a bound, and URLs must be arXiv's.
 */
import * as v from 'valibot';
import { isArxivId } from '@/lib/arxiv/ids';
import type { ArxivId } from '@/lib/arxiv/types';
import { RULE_FIELDS } from '@/lib/rules/types';

export const LIMITS = {
  /** Papers in one star/hide/tag message: a `show=2000` listing plus headroom. */
  batch: 5000,
  /** Ids in one `annotations.get` or `visits.record`. */
  ids: 5000,
  tagName: 64,
  note: 10_000,
  /** Titles, abstracts, comments. */
  text: 20_000,
  shortText: 2000,
  /** Large collaborations list a few thousand authors. */
  authors: 10_000,
  subjects: 200,
  tagsPerPaper: 1000,
  url: 2048,
  listing: 200,
  key: 200,
  mergeSources: 1000,
  pattern: 1000,
} as const;

const NO_CONTROL_CHARS = /^[^\p{Cc}]*$/u;

/**
 * A canonical versionless id (`2602.22290`, `math/0601001`). Versioned or prefixed spellings are
 * rejected rather than normalised: the store keys papers by this id, and a caller that sends
 * `2602.22290v2` has skipped the parser's normalisation.
 */
export const arxivIdSchema = v.custom<ArxivId>(
  isArxivId,
  (issue) => `expected a versionless arXiv id, got ${shorten(issue.received)}`,
);

function textSchema(max: number) {
  return v.pipe(v.string(), v.maxLength(max));
}

/** A tag name as typed, trimmed: 1–64 characters, no control characters. */
export const tagNameSchema = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'expected a tag name, got an empty string'),
  v.maxLength(LIMITS.tagName, `expected a tag name of at most ${LIMITS.tagName} characters`),
  v.regex(NO_CONTROL_CHARS, 'expected no control characters'),
);

/** `#rrggbb`, stored lower case. */
export const colorSchema = v.pipe(
  v.string(),
  v.regex(/^#[0-9a-f]{6}$/i, (issue) => `expected a colour like #1a2b3c, got ${shorten(issue.received)}`),
  v.toLowerCase(),
);

/** Epoch milliseconds. */
export const timestampSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));

export const noteSchema = v.pipe(v.string(), v.maxLength(LIMITS.note));

/** A listing key such as `cs.DC/new`. */
export const listingSchema = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(LIMITS.listing),
  v.regex(NO_CONTROL_CHARS, 'expected no control characters'),
);

export const keySchema = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(LIMITS.key),
  v.regex(NO_CONTROL_CHARS, 'expected no control characters'),
);

function isArxivUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && (url.hostname === 'arxiv.org' || url.hostname.endsWith('.arxiv.org'));
  } catch {
    return false;
  }
}

/** Stored links are rendered in the reading list, so only https links to arXiv are accepted. */
export const arxivUrlSchema = v.pipe(
  v.string(),
  v.maxLength(LIMITS.url),
  v.check(isArxivUrl, (issue) => `expected an https://arxiv.org link, got ${shorten(issue.received)}`),
);

const subjectSchema = v.object({
  name: textSchema(LIMITS.shortText),
  code: textSchema(LIMITS.key),
});

const stringListSchema = (max: number, itemMax: number) =>
  v.pipe(v.array(textSchema(itemMax), 'expected an array of strings'), v.maxLength(max));

/**
 * A paper's metadata snapshot. Unknown keys are dropped rather than rejected, so a caller may pass
 * a richer object and the store still keeps exactly `PaperMeta`.
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
  section: v.picklist(['new', 'cross', 'replacement', 'results', 'abs']),
  absUrl: arxivUrlSchema,
  pdfUrl: v.optional(arxivUrlSchema),
  htmlUrl: v.optional(arxivUrlSchema),
});

/** A rule as the options page saves it. Its pattern is stored as text; lib/rules compiles it. */
export const ruleSchema = v.strictObject({
  id: keySchema,
  label: v.optional(textSchema(LIMITS.shortText)),
  pattern: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.pattern)),
  mode: v.picklist(['phrase', 'word', 'regex']),
  fields: v.pipe(
    v.array(v.picklist(RULE_FIELDS)),
    v.minLength(1),
    v.maxLength(RULE_FIELDS.length),
    v.check((fields) => new Set(fields).size === fields.length, 'expected each field once'),
  ),
  caseSensitive: v.boolean(),
  diacriticSensitive: v.boolean(),
  color: colorSchema,
  action: v.picklist(['highlight', 'hide', 'star']),
  enabled: v.boolean(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

/** Cuts a received value down so an error about a 20 MB string stays readable. */
function shorten(received: string): string {
  return received.length > 60 ? `${received.slice(0, 57)}...` : received;
}

function describeRequirement(issue: v.BaseIssue<unknown>): string {
  const unit = Array.isArray(issue.input) ? 'items' : 'characters';
  switch (issue.type) {
    case 'max_length':
      return `expected at most ${String(issue.requirement)} ${unit}, got ${issue.received}`;
    case 'min_length':
      return `expected at least ${String(issue.requirement)} ${unit}, got ${issue.received}`;
    case 'integer':
      return `expected an integer, got ${shorten(issue.received)}`;
    default:
      return `expected ${issue.expected ?? issue.type}, got ${shorten(issue.received)}`;
  }
}

/** The fallback message for issues whose schema sets none: `expected …, got …` in plain words. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  if (issue.kind !== 'schema') return describeRequirement(issue);
  if (issue.expected === 'never') return 'unknown field';
  if (issue.received === 'undefined' && issue.path) return 'missing';
  return `expected ${issue.expected ?? issue.type}, got ${shorten(issue.received)}`;
}

/** Renders an issue path as `tables.papers[3].tags` (or `data` when the issue is at the root). */
export function toIssuePath(path: readonly { readonly key: unknown }[] | undefined, root = ''): string {
  let out = root;
  for (const item of path ?? []) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || 'data';
}

/**
 * Validates `input` against `schema` and returns the parsed output, or throws an Error whose
 * message names where and what, e.g. `tables.papers[3].tags: expected an array of strings`.
 * Stops at the first problem, so a huge bad file fails fast.
 */
export function parseWithSchema<S extends v.GenericSchema>(schema: S, input: unknown, root = ''): v.InferOutput<S> {
  const result = v.safeParse(schema, input, { abortEarly: true, message: describeIssue });
  if (result.success) return result.output;
  const [issue] = result.issues;
  throw new Error(`${toIssuePath(issue.path, root)}: ${issue.message}`);
}
