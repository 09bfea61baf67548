import { foldForSearch } from '@/lib/rules/fold';

/**
 * The listing's filter box as a small query language. Every term must match (AND, as in arXiv's
 * own search box):
 * - `graph neural` — words anywhere in the id, title, authors, abstract, comments or subjects;
 * - `"graph neural"` — a phrase, its words adjacent;
 * - `#to-read` — the paper carries that tag (`#"to read"` for a tag with spaces; `#` alone: any tag);
 * - `note:proof` — the reader's note contains the word (`note:` alone: has a note);
 * - `author:knuth` — an author's name contains it.
 * Matching ignores case and accents (`foldForSearch`), so `lodz` finds `Łódź`.
 */
export interface FilterQuery {
  /** Folded words and phrases that must occur in the entry's text. */
  readonly text: readonly string[];
  /** Folded tag names the paper must carry; `''` means "any tag". */
  readonly tags: readonly string[];
  /** Folded words the note must contain; `''` means "has a note". */
  readonly notes: readonly string[];
  /** Folded words an author name must contain. */
  readonly authors: readonly string[];
}

/** What one entry offers the query: folded text, folded authors, and the reader's annotations. */
export interface FilterTarget {
  /** The entry's searchable fields, folded and joined by newlines. */
  readonly text: string;
  /** The author names, folded, one per line. */
  readonly authors: string;
  readonly tags: readonly string[];
  readonly note?: string;
}

const PREFIXES = [
  ['#', 'tags'],
  ['note:', 'notes'],
  ['author:', 'authors'],
] as const;

/**
 * Parses the filter box. Tolerant by design (it runs on every keystroke): an unclosed quote
 * runs to the end, an unknown `word:` is a plain word, and no input throws.
 *
 * @example parseFilterQuery('#ml note:"check proof" bayes') // { text: ['bayes'], tags: ['ml'], notes: ['check proof'], authors: [] }
 */
export function parseFilterQuery(input: string): FilterQuery {
  const query = { text: [] as string[], tags: [] as string[], notes: [] as string[], authors: [] as string[] };
  let at = 0;
  while (at < input.length) {
    while (at < input.length && /\s/.test(input[at]!)) at++;
    if (at >= input.length) break;
    let field: keyof typeof query = 'text';
    for (const [prefix, name] of PREFIXES) {
      if (input.slice(at, at + prefix.length).toLowerCase() === prefix) {
        field = name;
        at += prefix.length;
        break;
      }
    }
    let raw: string;
    if (input[at] === '"') {
      const close = input.indexOf('"', at + 1);
      const end = close === -1 ? input.length : close;
      raw = input.slice(at + 1, end);
      at = end + 1;
    } else {
      const start = at;
      while (at < input.length && !/\s/.test(input[at]!)) at++;
      raw = input.slice(start, at);
    }
    const term = foldForSearch(raw).trim();
    // An empty prefixed term asks for "has any"; an empty plain term (`""`) asks for nothing.
    if (field !== 'text' && field !== 'authors') query[field].push(term);
    else if (term) query[field].push(term);
  }
  return query;
}

/** Whether the query asks about tags or notes, so its result changes when annotations do. */
export function needsAnnotations(query: FilterQuery): boolean {
  return query.tags.length > 0 || query.notes.length > 0;
}

/** Whether the query is empty: it matches every entry. */
export function isEmptyQuery(query: FilterQuery): boolean {
  return query.text.length + query.tags.length + query.notes.length + query.authors.length === 0;
}

/** Whether `target` passes every term of `query`. Tags match by whole (folded) name. */
export function matchesFilterQuery(query: FilterQuery, target: FilterTarget): boolean {
  if (!query.text.every((term) => target.text.includes(term))) return false;
  if (!query.authors.every((term) => target.authors.includes(term))) return false;
  if (query.tags.length > 0) {
    const tags = target.tags.map(foldForSearch);
    if (!query.tags.every((tag) => (tag === '' ? tags.length > 0 : tags.includes(tag)))) return false;
  }
  if (query.notes.length > 0) {
    const note = target.note ? foldForSearch(target.note) : undefined;
    if (note === undefined || !query.notes.every((term) => note.includes(term))) return false;
  }
  return true;
}
