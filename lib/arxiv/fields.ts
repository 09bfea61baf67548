/**
 * Field readers shared by the listing, search and abs parsers: each takes the element that holds
 * one field (or `null` when the page has none) and returns plain data.
 */
import { parseAuthorList, type AuthorList } from './authors';
import { PRIMARY_SUBJECT } from './selectors';
import { parseSubject, parseSubjectLine } from './subjects';
import { readText, type ReadTextOptions } from './text';
import type { Subject } from './types';

/** The field's text as typed (labels dropped, whitespace collapsed), or `undefined` if absent or empty. */
export function textOf(element: Element | null | undefined, options?: ReadTextOptions): string | undefined {
  if (!element) return undefined;
  const text = readText(element, options);
  return text === '' ? undefined : text;
}

/** Clean author names and affiliations, or empty lists when the page has no author line. */
export function authorsAndAffiliations(element: Element | null | undefined): AuthorList {
  return element ? parseAuthorList(element) : { authors: [], affiliations: [] };
}

export interface Subjects {
  primarySubject?: Subject;
  subjects: Subject[];
}

/**
 * The subjects of a `Subjects:` line (listing `div.list-subjects`, abs `td.subjects`): the primary
 * from `span.primary-subject`, then the rest, primary first.
 */
export function subjectsOf(element: Element | null | undefined): Subjects {
  if (!element) return { subjects: [] };
  const primaryElement = element.querySelector(PRIMARY_SUBJECT);
  const primary = primaryElement ? parseSubject(primaryElement.textContent ?? '') : undefined;
  const listed = parseSubjectLine(readText(element));
  const subjects = primary ? [primary, ...listed.filter((subject) => subject.code !== primary.code)] : listed;
  const primarySubject = primary ?? subjects[0];
  return primarySubject ? { primarySubject, subjects } : { subjects };
}
