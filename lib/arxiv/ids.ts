/**
 * arXiv identifiers of both schemes, parsed, normalised and ordered.
 *
 * - New scheme (April 2007 on): `YYMM.NNNN` until 1412, `YYMM.NNNNN` from 1501
 *   (https://info.arxiv.org/help/arxiv_identifier.html).
 * - Old scheme (1991 to March 2007): `archive/YYMMNNN`, sometimes written with the subject class,
 *   `math.GT/0309136`, which names the same paper as `math/0309136`.
 *
 * Either may carry a version suffix (`v2`) and an `arXiv:` prefix. Paper identity in Sift is the
 * versionless id, so the version is returned apart.
 */
import { yearOfTwoDigits } from './dates';

/** A versionless arXiv identifier: `2602.22290`, `0704.0001`, `math/0601001`. */
export type ArxivId = string & { readonly __brand: 'ArxivId' };

export interface ParsedArxivId {
  id: ArxivId;
  version?: number;
}

// Anchored, no nested quantifiers: each pattern runs in linear time on any input.
const NEW_ID = /^(\d{2})(\d{2})\.(\d{4,5})(?:v(\d{1,4}))?$/;
const OLD_ID = /^([a-z]+(?:-[a-z]+)?)(?:\.[A-Z]{2})?\/(\d{2})(\d{2})(\d{3})(?:v(\d{1,4}))?$/;
const PREFIX = /^arxiv:/i;

/** First month of the new scheme (0704) and the switch to five-digit numbers (1501). */
const NEW_SCHEME_START = 704;
const FIVE_DIGIT_START = 1501;

/**
 * Parses an arXiv identifier as written on arXiv pages, in links and by people: `2602.22290`,
 * `2602.22290v2`, `arXiv:2602.22290`, `0704.0001`, `math/0601001v1`, `hep-th/9901001`,
 * `math.GT/0309136` (normalised to `math/0309136`). Surrounding whitespace is ignored.
 * Returns the versionless id and the version when one is given, or `undefined` when the text is
 * not an identifier arXiv could have issued (wrong digit count for its month, month 13, …).
 *
 * @example parseArxivId('arXiv:2602.22290v2') // { id: '2602.22290', version: 2 }
 */
export function parseArxivId(input: string): ParsedArxivId | undefined {
  const text = input.trim().replace(PREFIX, '');
  return parseNewScheme(text) ?? parseOldScheme(text);
}

function parseNewScheme(text: string): ParsedArxivId | undefined {
  const match = NEW_ID.exec(text);
  if (!match) return undefined;
  const [, yy = '', mm = '', number = '', version] = match;
  const month = Number(mm);
  const yymm = Number(yy + mm);
  if (month < 1 || month > 12 || yymm < NEW_SCHEME_START) return undefined;
  // Four-digit numbers until December 2014, five-digit ones from January 2015.
  if ((number.length === 5) !== yymm >= FIVE_DIGIT_START) return undefined;
  return withVersion(`${yy}${mm}.${number}`, version);
}

function parseOldScheme(text: string): ParsedArxivId | undefined {
  const match = OLD_ID.exec(text);
  if (!match) return undefined;
  const [, archive = '', yy = '', mm = '', number = '', version] = match;
  const month = Number(mm);
  const year = yearOfTwoDigits(Number(yy));
  if (month < 1 || month > 12 || number === '000') return undefined;
  // The old scheme ran from August 1991 to March 2007.
  const yyyymm = year * 100 + month;
  if (yyyymm < 199108 || yyyymm > 200703) return undefined;
  return withVersion(`${archive}/${yy}${mm}${number}`, version);
}

/** The year and month an id was assigned, e.g. `{ year: 2026, month: 2 }`. */
export interface ArxivIdDate {
  year: number;
  month: number;
}

/**
 * The year and month an arXiv id was assigned (its first version's submission month), read from
 * the id itself: `2602.22290` → 2026-02, `math/0601001` → 2006-01, `hep-th/9901001` → 1999-01.
 * Any spelling `parseArxivId` accepts works (versions, `arXiv:`); anything else is `undefined`.
 */
export function dateOfArxivId(input: string): ArxivIdDate | undefined {
  const parsed = parseArxivId(input);
  if (!parsed) return undefined;
  const digits = parsed.id.includes('/') ? parsed.id.slice(parsed.id.indexOf('/') + 1) : parsed.id;
  const yy = Number(digits.slice(0, 2));
  return { year: parsed.id.includes('/') ? yearOfTwoDigits(yy) : 2000 + yy, month: Number(digits.slice(2, 4)) };
}

function withVersion(id: string, version: string | undefined): ParsedArxivId | undefined {
  if (version === undefined) return { id: id as ArxivId };
  const n = Number(version);
  // arXiv versions start at 1 and are never written with leading zeros.
  if (n < 1 || version.startsWith('0')) return undefined;
  return { id: id as ArxivId, version: n };
}

/**
 * True when `value` is already a canonical versionless id (`2602.22290`, `math/0601001`), the
 * form stored as paper identity. Prefixed, versioned or subject-class forms are not canonical:
 * pass them through {@link asArxivId} first.
 */
export function isArxivId(value: unknown): value is ArxivId {
  if (typeof value !== 'string') return false;
  const parsed = parseArxivId(value);
  return parsed !== undefined && parsed.version === undefined && parsed.id === value;
}

/**
 * Normalises any accepted spelling of an identifier to the canonical versionless {@link ArxivId}
 * and throws a `TypeError` naming the input when it is not an arXiv identifier. Use it at
 * boundaries where a bad id is a programming error; use {@link parseArxivId} for page text.
 *
 * @example asArxivId('arXiv:math.GT/0309136v1') // 'math/0309136'
 */
export function asArxivId(value: string): ArxivId {
  const parsed = parseArxivId(value);
  // i18n-exempt: a programming error at a boundary (see above); no screen passes page text here
  if (!parsed) throw new TypeError(`Not an arXiv identifier: ${JSON.stringify(value)}`);
  return parsed.id;
}

interface SortKey {
  /** YYYYMM of submission; old-scheme months all precede new-scheme ones. */
  month: number;
  number: number;
  archive: string;
  version: number;
}

function sortKey(value: string): SortKey | undefined {
  const parsed = parseArxivId(value);
  if (!parsed) return undefined;
  const version = parsed.version ?? 0;
  const slash = parsed.id.indexOf('/');
  if (slash === -1) {
    const yy = Number(parsed.id.slice(0, 2));
    const mm = Number(parsed.id.slice(2, 4));
    return { month: (2000 + yy) * 100 + mm, number: Number(parsed.id.slice(5)), archive: '', version };
  }
  const digits = parsed.id.slice(slash + 1);
  const year = yearOfTwoDigits(Number(digits.slice(0, 2)));
  return {
    month: year * 100 + Number(digits.slice(2, 4)),
    number: Number(digits.slice(4)),
    archive: parsed.id.slice(0, slash),
    version,
  };
}

/**
 * Orders identifiers by submission month, then by number within the month; old-scheme ids
 * (which all predate April 2007) sort before new-scheme ones. Old ids of the same month and
 * number are ordered by archive, and versions of one paper by version, so the order is total.
 * Text that is not an id sorts after every id, in plain string order. Suitable for
 * `Array.prototype.sort`.
 *
 * @example ['2602.22290', 'hep-th/9901001', '0704.0001'].sort(compareArxivIds)
 * // ['hep-th/9901001', '0704.0001', '2602.22290']
 */
export function compareArxivIds(a: string, b: string): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  if (!ka || !kb) {
    if (ka) return -1;
    if (kb) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return (
    ka.month - kb.month ||
    ka.number - kb.number ||
    (ka.archive < kb.archive ? -1 : ka.archive > kb.archive ? 1 : 0) ||
    ka.version - kb.version
  );
}
