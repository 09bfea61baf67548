/**
 * Dates as arXiv headings print them, to ISO strings: `Friday, 27 February 2026`,
 * `Fri, 27 Feb 2026`, classic `Fri, 27 Feb 26`, month headings `February 2026`.
 */

const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

// Bounded repetitions only: linear on any input.
const DAY_DATE = /\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4}|\d{2})(?!\d)/g;
const MONTH_DATE = /\b([A-Za-z]{3,9})\s+(\d{4})(?!\d)/g;

/** `Feb` and `February` → 2, `Sept` → 9; words that merely start like a month (`Marks`) → undefined. */
function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  if (lower === 'sept') return 9;
  const index = MONTH_NAMES.findIndex((full) => full.startsWith(lower));
  return index === -1 ? undefined : index + 1;
}

/**
 * A two-digit year as arXiv means it: arXiv began in 1991, so 91–99 are the 1990s and 00–90 the
 * 2000s (old-scheme ids, legacy `YYMM` listings, classic headings like `Fri, 27 Feb 26`).
 */
export function yearOfTwoDigits(yy: number): number {
  return yy >= 91 ? 1900 + yy : 2000 + yy;
}

function fullYear(year: string): number {
  return year.length === 4 ? Number(year) : yearOfTwoDigits(Number(year));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The first `D Month YYYY` (or `D Mon YY`) date in `text`, as `YYYY-MM-DD`, or `undefined`.
 *
 * @example parseDayDate('Showing new listings for Friday, 27 February 2026') // '2026-02-27'
 */
export function parseDayDate(text: string): string | undefined {
  for (const match of text.matchAll(DAY_DATE)) {
    const [, day = '', monthName = '', year = ''] = match;
    const month = monthNumber(monthName);
    const d = Number(day);
    if (month === undefined || d < 1 || d > 31) continue;
    return `${fullYear(year)}-${pad(month)}-${pad(d)}`;
  }
  return undefined;
}

/**
 * The first `Month YYYY` in `text`, as `YYYY-MM`, or `undefined`.
 *
 * @example parseMonthDate('Authors and titles for January 2006') // '2006-01'
 */
export function parseMonthDate(text: string): string | undefined {
  for (const match of text.matchAll(MONTH_DATE)) {
    const [, monthName = '', year = ''] = match;
    const month = monthNumber(monthName);
    if (month !== undefined) return `${year}-${pad(month)}`;
  }
  return undefined;
}
