/**
 * Subject lines: `Distributed, Parallel, and Cluster Computing (cs.DC); Performance (cs.PF)`, as
 * list_macros.category_line and abs.html write them (primary first, `; `-separated).
 */
import type { Subject } from './types';
import { collapseWhitespace } from './text';

/** Category codes: `cs.DC`, `physics.soc-ph`, `astro-ph.IM`, `hep-th`, `q-bio.NC`, `math-ph`. */
const CODE = /^[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]+(?:-[a-z]+)?)?$/;

/**
 * Parses one `Name (code)` subject, reading the code from the last parentheses so names with
 * parentheses of their own survive. Returns `undefined` when there is no valid category code.
 *
 * @example parseSubject('Performance (cs.PF)') // { name: 'Performance', code: 'cs.PF' }
 */
export function parseSubject(text: string): Subject | undefined {
  const trimmed = collapseWhitespace(text);
  if (!trimmed.endsWith(')')) return undefined;
  const open = trimmed.lastIndexOf('(');
  if (open === -1) return undefined;
  const code = trimmed.slice(open + 1, -1).trim();
  if (!CODE.test(code)) return undefined;
  return { name: trimmed.slice(0, open).trim(), code };
}

/**
 * Parses a `;`-separated subject line into subjects, in page order, skipping parts that are not
 * `Name (code)` and repeated codes.
 */
export function parseSubjectLine(text: string): Subject[] {
  const subjects: Subject[] = [];
  for (const part of text.split(';')) {
    const subject = parseSubject(part);
    if (subject && !subjects.some((known) => known.code === subject.code)) subjects.push(subject);
  }
  return subjects;
}
