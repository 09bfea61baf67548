/**
 * Pure predicates over arxiv.org URLs: which kind of page a URL shows, which archive it lists,
 * and a stable key for "this listing". Nothing here reads the DOM, so features can decide
 * whether to run before the page is parsed.
 *
 * Routes follow arXiv/arxiv-browse (`browse/routes/ui.py`, `controllers/list_page`,
 * `controllers/catchup_page.py`, the author pages `/a/<id>` and `/a/<id>.html`) and
 * arXiv/arxiv-search (`/search/<archives>?query=…`).
 */
import { yearOfTwoDigits } from './dates';
import { parseArxivId, type ParsedArxivId } from './ids';
import type { PageKind } from './types';

const ARXIV_HOSTS = new Set(['arxiv.org', 'www.arxiv.org']);

/** A subject in a path: an archive (`cs`, `astro-ph`), a category (`cs.DC`) or `grp_physics`. */
const SUBJECT = /^[A-Za-z][A-Za-z_-]*(?:\.[A-Za-z][A-Za-z-]*)?$/;
/** `YYYY-MM` (and `YYYY-M`) month periods of `/list/<subject>/<period>` (list_page.year_month). */
const YEAR_MONTH = /^(\d{4})-(\d{1,2})$/;
const DIGITS = /^\d+$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** arXiv author ids (`dai_d_1`) and ORCID iDs (`0000-0002-1825-0097`), as `/a/<id>` takes them. */
const AUTHOR_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** Query parameters that only page or present a search, so they are no part of its identity. */
const SEARCH_PRESENTATION_PARAMS = new Set(['start', 'size', 'order', 'abstracts', 'source']);

type Target =
  | { kind: 'new' | 'recent' | 'pastweek'; subject: string }
  | { kind: 'month'; subject: string; period: string }
  | { kind: 'catchup'; subject: string; day: string }
  | { kind: 'search'; subject?: string; key: string }
  | { kind: 'abs'; paper: ParsedArxivId }
  | { kind: 'author'; author: string }
  | { kind: 'unknown' };

const UNKNOWN: Target = { kind: 'unknown' };

function toUrl(url: string | URL): URL | undefined {
  try {
    return new URL(String(url), 'https://arxiv.org/');
  } catch {
    return undefined;
  }
}

/** Splits a path into its non-empty segments, so trailing and doubled slashes do not matter. */
function segmentsOf(pathname: string): string[] {
  const segments: string[] = [];
  for (const part of pathname.split('/')) {
    if (part === '') continue;
    try {
      segments.push(decodeURIComponent(part));
    } catch {
      segments.push(part);
    }
  }
  return segments;
}

function targetOf(input: string | URL): Target {
  const url = toUrl(input);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return UNKNOWN;
  if (!ARXIV_HOSTS.has(url.hostname.toLowerCase())) return UNKNOWN;
  const segments = segmentsOf(url.pathname);
  switch (segments[0]) {
    case 'list':
      return segments.length === 1 ? monthFormTarget(url.searchParams) : listTarget(segments);
    case 'catchup':
      return catchupTarget(segments, url.searchParams);
    case 'search':
      return searchTarget(segments, url.searchParams);
    case 'abs':
      return absTarget(segments);
    case 'a':
      return authorTarget(segments);
    default:
      return UNKNOWN;
  }
}

/** `/list/<subject>/<new|recent|pastweek|current|YYYY-MM|YYYYMM|YYMM|YYYY|YY>`. */
function listTarget(segments: string[]): Target {
  const [, subject, period, extra] = segments;
  if (subject === undefined || period === undefined || extra !== undefined) return UNKNOWN;
  if (!SUBJECT.test(subject)) return UNKNOWN;
  if (period === 'new' || period === 'recent' || period === 'pastweek') return { kind: period, subject };
  // `current` is the running month (list_page: list_articles_by_month for 'current').
  if (period === 'current') return { kind: 'month', subject, period };
  const normalised = normalisePeriod(period);
  return normalised === undefined ? UNKNOWN : { kind: 'month', subject, period: normalised };
}

/**
 * The browse-by-month form's result, `/list?archive=cs&year=2024&month=05&submit=Go`, which
 * arxiv-browse renders in place (list_page with `archive`, `year`, `month` query arguments) rather
 * than redirecting. `month=all` lists the year; two-digit years are accepted as arXiv does.
 */
function monthFormTarget(params: URLSearchParams): Target {
  const subject = params.get('archive') ?? '';
  const year = params.get('year') ?? '';
  const month = params.get('month') ?? '';
  if (!SUBJECT.test(subject) || !DIGITS.test(year) || (year.length !== 2 && year.length !== 4)) return UNKNOWN;
  const fullYear = year.length === 2 ? yearOfTwoDigits(Number(year)) : Number(year);
  if (month === 'all' || month === '') return fullYear >= 1991 ? { kind: 'month', subject, period: String(fullYear) } : UNKNOWN;
  if (!DIGITS.test(month)) return UNKNOWN;
  const period = monthKey(fullYear, Number(month));
  return period === undefined ? UNKNOWN : { kind: 'month', subject, period };
}

/**
 * Month and year listings, normalised to `YYYY-MM` or `YYYY`. arXiv accepts `YYYY-MM` (and
 * `YYYY-M`), `YYYYMM`, years as `YYYY` or `YY`, and old links use `YYMM` (`0601` is January 2006).
 * Four digits are ambiguous: today's arxiv-browse reads them as a year, so 1991–2099 are years
 * and anything else (`0601`, `9108`, `2101`) is a legacy YYMM month.
 * A year listing uses the month template, so it counts as a month page.
 */
function normalisePeriod(period: string): string | undefined {
  const iso = YEAR_MONTH.exec(period);
  if (iso) return monthKey(Number(iso[1]), Number(iso[2]));
  if (!DIGITS.test(period)) return undefined;
  switch (period.length) {
    case 2:
      return String(yearOfTwoDigits(Number(period)));
    case 4: {
      const asYear = Number(period);
      if (asYear >= 1991 && asYear <= 2099) return period;
      return monthKey(yearOfTwoDigits(Number(period.slice(0, 2))), Number(period.slice(2)));
    }
    case 6:
      return monthKey(Number(period.slice(0, 4)), Number(period.slice(4)));
    default:
      return undefined;
  }
}

function monthKey(year: number, month: number): string | undefined {
  if (month < 1 || month > 12 || year < 1991) return undefined;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * Catchup, in its three spellings:
 * - `/catchup/<subject>/<YYYY-MM-DD>[?abs=True&page=N]`, the page itself (catchup_page.get_catchup_page);
 * - `/catchup?subject=<subject>&date=<YYYY-MM-DD>&include_abs=…`, the form, which redirects there;
 * - the legacy form `/catchup?smonth=MM&group=grp_cs&sday=DD&num=N&archive=cs&method=with&syear=YYYY`
 *   (two-digit `syear` too).
 * The bare `/catchup` form page lists nothing and is `unknown`.
 */
function catchupTarget(segments: string[], params: URLSearchParams): Target {
  if (segments.length === 3) {
    const [, subject = '', date = ''] = segments;
    const day = isoDay(date);
    return SUBJECT.test(subject) && day ? { kind: 'catchup', subject, day } : UNKNOWN;
  }
  if (segments.length !== 1) return UNKNOWN;
  const subject = params.get('subject') ?? '';
  const date = params.get('date') ?? '';
  if (subject !== '' || date !== '') {
    const day = isoDay(date);
    return SUBJECT.test(subject) && day ? { kind: 'catchup', subject, day } : UNKNOWN;
  }
  const legacySubject = params.get('archive') || legacyGroup(params.get('group'));
  const year = params.get('syear') ?? '';
  const month = params.get('smonth') ?? '';
  const dayOfMonth = params.get('sday') ?? '';
  if (!legacySubject || !SUBJECT.test(legacySubject)) return UNKNOWN;
  if (!DIGITS.test(year) || !DIGITS.test(month) || !DIGITS.test(dayOfMonth)) return UNKNOWN;
  const fullYear = year.length === 2 ? yearOfTwoDigits(Number(year)) : Number(year);
  const day = isoDay(`${fullYear}-${month.padStart(2, '0')}-${dayOfMonth.padStart(2, '0')}`);
  return day ? { kind: 'catchup', subject: legacySubject, day } : UNKNOWN;
}

/** `grp_physics` is a subject of its own; other groups (`grp_cs`) name their one archive. */
function legacyGroup(group: string | null): string | undefined {
  if (!group) return undefined;
  if (group === 'grp_physics') return group;
  return group.startsWith('grp_') ? group.slice(4) : group;
}

function isoDay(text: string): string | undefined {
  const match = ISO_DAY.exec(text);
  if (!match) return undefined;
  const [, y = '', m = '', d = ''] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const valid = date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
  return valid ? text : undefined;
}

/**
 * `/search/?query=…&searchtype=…`, `/search/<archives>?query=…` and advanced-search results
 * `/search/advanced?advanced=&terms-0-term=…`. Without a query they are forms and `unknown`.
 */
function searchTarget(segments: string[], params: URLSearchParams): Target {
  if (segments.length > 2) return UNKNOWN;
  const scope = segments[1];
  const advanced = scope === 'advanced';
  const hasQuery = advanced ? params.has('advanced') && hasAdvancedTerm(params) : (params.get('query') ?? '').trim() !== '';
  if (!hasQuery) return UNKNOWN;
  if (scope !== undefined && !advanced && !isArchiveList(scope)) return UNKNOWN;
  const kept = [...params.entries()]
    .filter(([name]) => !SEARCH_PRESENTATION_PARAMS.has(name))
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = new URLSearchParams(kept).toString();
  const path = scope === undefined ? 'search' : `search/${scope}`;
  return { kind: 'search', subject: advanced ? undefined : scope, key: `${path}?${query}` };
}

function hasAdvancedTerm(params: URLSearchParams): boolean {
  for (const [name, value] of params) {
    if (name.startsWith('terms-') && name.endsWith('-term') && value.trim() !== '') return true;
  }
  return false;
}

/** arxiv-search accepts `/search/cs` and comma-joined archives `/search/physics,math`. */
function isArchiveList(scope: string): boolean {
  return scope.split(',').every((archive) => SUBJECT.test(archive));
}

/** `/abs/<id>[vN]`, including old ids with a slash: `/abs/math/0601001v1`. */
function absTarget(segments: string[]): Target {
  const paper = parseArxivId(segments.slice(1).join('/'));
  return paper ? { kind: 'abs', paper } : UNKNOWN;
}

/**
 * `/a/<id>` and `/a/<id>.html` are the author's listing; `/a/<id>.atom`, `.atom2` and `.json` are
 * feeds, not pages, and stay `unknown`.
 */
function authorTarget(segments: string[]): Target {
  if (segments.length !== 2) return UNKNOWN;
  const author = (segments[1] ?? '').replace(/\.html$/, '');
  return AUTHOR_ID.test(author) ? { kind: 'author', author } : UNKNOWN;
}

/**
 * The kind of arXiv page a URL shows: `new`, `recent`, `pastweek`, `month` (month and year
 * archives), `catchup`, `search`, `abs`, `author`, or `unknown` for everything else, including other hosts
 * and arXiv's form pages. Accepts `arxiv.org` and `www.arxiv.org`; relative strings resolve
 * against `https://arxiv.org/`.
 *
 * @example pageKindOf('https://arxiv.org/list/cs.DC/pastweek?skip=25&show=25') // 'pastweek'
 */
export function pageKindOf(url: string | URL): PageKind {
  return targetOf(url).kind;
}

/**
 * The author id of an author page URL (`https://arxiv.org/a/dai_d_1.html` → `dai_d_1`), or
 * `undefined` for any other URL.
 */
export function authorOfUrl(url: string | URL): string | undefined {
  const target = targetOf(url);
  return target.kind === 'author' ? target.author : undefined;
}

/**
 * True for every page the overlay augments: new, recent, pastweek, month, catchup, search and
 * author listings and the abs page of a single paper.
 */
export function isListingPage(url: string | URL): boolean {
  return pageKindOf(url) !== 'unknown';
}

/**
 * The archive or category a page lists, as written in its URL (`cs.DC`, `astro-ph`, `math`,
 * `grp_physics` for catchup, `cs` for `/search/cs`), or `undefined` when the URL names none
 * (abs pages, all-archive searches, unknown pages).
 */
export function archiveOf(url: string | URL): string | undefined {
  const target = targetOf(url);
  switch (target.kind) {
    case 'new':
    case 'recent':
    case 'pastweek':
    case 'month':
    case 'catchup':
    case 'search':
      return target.subject;
    default:
      return undefined;
  }
}

/**
 * A stable key for "this listing", used to remember what was seen on the last visit. Paging
 * (`skip`, `show`, `page`, `start`, `size`), presentation (`abs`, `order`) and host spelling do
 * not change it; months are normalised to `YYYY-MM`.
 * Keys: `cs.DC/new`, `cs.DC/recent`, `cs.DC/pastweek`, `cs.DC/2026-02`, `math/2006`,
 * `catchup/cs.DC/2026-02-20`, `search?query=…&searchtype=all`, `a/dai_d_1`. Abs and unknown pages
 * have none.
 */
export function listingKeyOf(url: string | URL): string | undefined {
  const target = targetOf(url);
  switch (target.kind) {
    case 'new':
    case 'recent':
    case 'pastweek':
      return `${target.subject}/${target.kind}`;
    case 'month':
      return `${target.subject}/${target.period}`;
    case 'catchup':
      return `catchup/${target.subject}/${target.day}`;
    case 'search':
      return target.key;
    case 'author':
      return `a/${target.author}`;
    default:
      return undefined;
  }
}

/**
 * The paper an abs URL names, with its version when the URL has one
 * (`/abs/2602.22290v2` → `{ id: '2602.22290', version: 2 }`), else `undefined`.
 */
export function paperOfAbsUrl(url: string | URL): ParsedArxivId | undefined {
  const target = targetOf(url);
  return target.kind === 'abs' ? target.paper : undefined;
}
