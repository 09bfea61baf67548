/**
 * Field schemas shared by the message contract, the records the store keeps and backups.
 *
 * Everything a content script sends is untrusted: arXiv text ends up here, and a compromised or
 * buggy sender must not be able to grow the store without bound or plant a `javascript:` link in
 * the reading list. Hence every string and array below has a bound, and URLs must be arXiv's.
 */
import * as v from 'valibot';
import { i18n } from '#i18n';
import { isArxivHttpsUrl } from '@/lib/arxiv/hosts';
import { isArxivId, type ArxivId } from '@/lib/arxiv/ids';
import { shorten } from './parse';

export const LIMITS = {
  /** Papers in one star/hide/tag message: a `show=2000` listing plus headroom. */
  batch: 5000,
  /** Ids in one `annotations.get`, `listing.open` or `visits.record`. */
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
  /** Rules in the store; 500 rules made a 2000-entry listing stall for 29 s before verdicts were stored. */
  rules: 200,
  /** Regular-expression rules in the store: each runs on its own over every field it names. */
  regexRules: 25,
  /** Nesting of objects and arrays in a message or backup: records need 4, anything deeper is hostile. */
  depth: 64,
} as const;

const NO_CONTROL_CHARS = /^[^\p{Cc}]*$/u;
/** Marks, embeddings, overrides and isolates that reorder how the text around them is shown. */
const NO_BIDI_CONTROLS = /^[^\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]*$/u;
/** Something a reader can see: not only format characters (zero-width spaces, joiners, BOM) and spaces. */
const HAS_VISIBLE_CHAR = /[^\p{Cf}\p{Z}\p{M}\u3164\uFFA0\u115F\u1160]/u;

/**
 * A canonical versionless id (`2602.22290`, `math/0601001`). Versioned or prefixed spellings are
 * rejected rather than normalised: the store keys papers by this id, and a caller that sends
 * `2602.22290v2` has skipped the parser's normalisation.
 */
export const arxivIdSchema = v.custom<ArxivId>(
  isArxivId,
  (issue) => i18n.t('schemas.notArxivId', [shorten(issue.received)]),
);

export function textSchema(max: number) {
  return v.pipe(v.string(), v.maxLength(max));
}

/**
 * A tag name as typed, trimmed: 1–64 characters, no control characters, no bidirectional controls
 * (a right-to-left override makes `gpu\u202Etxt.exe` show as `gpuexe.txt`), and at least one
 * visible character (a name of zero-width spaces looks empty but is a different tag).
 */
export const tagNameSchema = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, () => i18n.t('schemas.tagNameEmpty')),
  v.maxLength(LIMITS.tagName, () => i18n.t('schemas.tagNameTooLong', [String(LIMITS.tagName)])),
  v.regex(NO_CONTROL_CHARS, () => i18n.t('schemas.controlCharacters')),
  v.regex(NO_BIDI_CONTROLS, () => i18n.t('schemas.bidiControls')),
  v.regex(HAS_VISIBLE_CHAR, () => i18n.t('schemas.onlyInvisible')),
);

/** `#rrggbb`, stored lower case. */
export const colorSchema = v.pipe(
  v.string(),
  v.regex(/^#[0-9a-f]{6}$/i, (issue) => i18n.t('schemas.notColour', [shorten(issue.received)])),
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
  v.regex(NO_CONTROL_CHARS, () => i18n.t('schemas.controlCharacters')),
);

export const keySchema = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(LIMITS.key),
  v.regex(NO_CONTROL_CHARS, () => i18n.t('schemas.controlCharacters')),
);

/** Stored links are rendered in the reading list, so only https links to arXiv are accepted. */
export const arxivUrlSchema = v.pipe(
  v.string(),
  v.maxLength(LIMITS.url),
  v.check((value: string) => isArxivHttpsUrl(value), (issue) => i18n.t('schemas.notArxivLink', [shorten(issue.received)])),
);

export const stringListSchema = (max: number, itemMax: number) =>
  v.pipe(v.array(textSchema(itemMax), () => i18n.t('schemas.notStringArray')), v.maxLength(max));
