/**
 * Author lines as arXiv prints them, split into clean names and affiliations.
 *
 * list_macros.do_author_list writes each author as a link and everything else as text between
 * the links: separators (`, `, ` and `), numbered affiliation markers (`(1)`, `(1, 2)`), inline
 * affiliations (`(MIT)`), the trailing key `((1) UC Merced, (2) … and (4) Xconn-tech)`, and the
 * truncation notes `et al.` and `(N additional authors not shown)`.
 */
import { collapseWhitespace, isLabel } from './text';

export interface AuthorList {
  authors: string[];
  affiliations: string[];
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** `(1)`, `(1, 2)`, `(1,2 and 3)`, `(*)`: markers pointing into the affiliation key. */
const MARKER = /^(?:[\d\s,*&†‡]|and)+$/;
/** `(25 additional authors not shown)`, `(author list is unavailable)`: notes, not affiliations. */
const NOTE = /^(?:\d+\s+additional\s+authors?\s+not\s+shown|author\s+list\s+is\s+unavailable)$/i;
/** One numbered entry of the trailing key: `(1) UC Merced`. */
const KEY_MARKER = /\(\s*\d+\s*\)/g;
/** Fragments between separators that are not names. */
const NOT_A_NAME = /^(?:et\s+al\.?|and|&)$/i;
/** Name suffixes that plain-text lists separate with a comma: `John Smith, Jr.`. */
const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;
/** ` and `, ` & ` between two names in plain text. */
const AND_SEPARATOR = /\s+(?:and|&)\s+/i;

/**
 * Splits the author element of a listing entry, search result or abs page into clean names (in
 * page order, without markers, `et al.` or labels such as `Authors:`) and affiliations (from the
 * numbered key and inline parentheses, de-duplicated, in page order). Linked names are taken
 * whole; names written as plain text are split on commas and `and`.
 *
 * @example
 * // <a>Dong Xu</a> (1), <a>Dong Li</a> (2) ((1) UC Merced, (2) Bytedance)
 * // → { authors: ['Dong Xu', 'Dong Li'], affiliations: ['UC Merced', 'Bytedance'] }
 */
export function parseAuthorList(root: Element): AuthorList {
  const scanner = new AuthorScanner();
  scanner.walk(root);
  return scanner.finish();
}

/** One pass over the nodes, tracking parenthesis depth across text nodes and links. */
class AuthorScanner {
  private readonly authors: string[] = [];
  private readonly affiliations: string[] = [];
  private depth = 0;
  private group = '';
  private fragment = '';

  walk(node: Node): void {
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        this.text(child.nodeValue ?? '');
      } else if (child.nodeType === ELEMENT_NODE) {
        const element = child as Element;
        if (isLabel(element) || isInlineLabel(element)) continue;
        if (element.localName === 'a') this.link(element);
        else if (element.localName !== 'script' && element.localName !== 'style') this.walk(element);
      }
    }
  }

  finish(): AuthorList {
    if (this.depth > 0) this.endGroup();
    this.flushFragment();
    return { authors: this.authors, affiliations: this.affiliations };
  }

  private link(element: Element): void {
    const text = element.textContent ?? '';
    if (this.depth > 0) {
      this.group += text;
      return;
    }
    this.flushFragment();
    this.addName(text);
  }

  private text(text: string): void {
    for (const char of text) {
      if (char === '(') {
        if (this.depth === 0) this.flushFragment();
        else this.group += char;
        this.depth += 1;
      } else if (char === ')' && this.depth > 0) {
        this.depth -= 1;
        if (this.depth === 0) this.endGroup();
        else this.group += char;
      } else if (this.depth > 0) {
        this.group += char;
      } else if (char === ',' || char === ';') {
        this.flushFragment();
      } else {
        this.fragment += char;
      }
    }
  }

  private flushFragment(): void {
    const fragment = this.fragment;
    this.fragment = '';
    for (const part of fragment.split(AND_SEPARATOR)) this.addName(part);
  }

  private addName(raw: string): void {
    const name = collapseWhitespace(raw).replace(/^authors?:\s*/i, '');
    if (name === '' || NOT_A_NAME.test(name)) return;
    const last = this.authors.length - 1;
    if (SUFFIX.test(name) && last >= 0) {
      this.authors[last] = `${this.authors[last] ?? ''} ${name}`;
      return;
    }
    this.authors.push(name);
  }

  private endGroup(): void {
    const content = collapseWhitespace(this.group);
    this.group = '';
    this.depth = 0;
    if (content === '' || MARKER.test(content) || NOTE.test(content)) return;
    if (content.startsWith('(')) {
      for (const affiliation of splitAffiliationKey(content)) this.addAffiliation(affiliation);
    } else {
      this.addAffiliation(content);
    }
  }

  private addAffiliation(affiliation: string): void {
    if (affiliation !== '' && !this.affiliations.includes(affiliation)) this.affiliations.push(affiliation);
  }
}

/** Search results label the line with a plain `<span>Authors:</span>` rather than a descriptor. */
function isInlineLabel(element: Element): boolean {
  if (element.localName !== 'span') return false;
  const text = collapseWhitespace(element.textContent ?? '');
  return /^authors?:$/i.test(text);
}

/** `(1) UC Merced, (2) Zhejiang University, (3) Bytedance and (4) Xconn-tech` → the four names. */
function splitAffiliationKey(key: string): string[] {
  const names: string[] = [];
  const markers = [...key.matchAll(KEY_MARKER)];
  markers.forEach((marker, i) => {
    const start = (marker.index ?? 0) + marker[0].length;
    const end = markers[i + 1]?.index ?? key.length;
    names.push(trimKeyEntry(key.slice(start, end)));
  });
  return names;
}

/** Drops the separators that join key entries: trailing `,`, `;` and a final `and`. */
function trimKeyEntry(entry: string): string {
  let text = entry.trim();
  for (;;) {
    const before = text;
    text = text.replace(/[,;]$/, '').trim();
    if (/\sand$/i.test(text)) text = text.slice(0, -3).trim();
    if (text === before) return text;
  }
}
