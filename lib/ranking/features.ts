/**
 * A paper's ranking features, hashed so no global vocabulary is kept: title and abstract unigrams
 * and bigrams (sublinear term frequency), authors and categories, each block in its own range of
 * one index space. Features depend on the paper alone; weighting them by document frequency is
 * `vectorize`'s job, so a listing's features can be computed once and reweighted as the
 * statistics grow.
 */
import type { PaperMeta } from '../arxiv/types';
import { normalizeAuthorName, tokenize } from './tokenize';

/** What ranking reads of a paper: the parser's `PaperMeta` fits through `toRankingPaper`. */
export interface RankingPaper {
  id: string;
  title: string;
  abstract?: string;
  authors: readonly string[];
  /** arXiv category codes, primary first (`cs.CL`, `cs.AI`). */
  categories: readonly string[];
}

/** Index blocks: text terms, authors, categories. Sizes are powers of two (2^19, 2^17, 2^10). */
export const TEXT_BUCKETS = 1 << 19;
export const AUTHOR_BUCKETS = 1 << 17;
export const CATEGORY_BUCKETS = 1 << 10;
export const AUTHOR_OFFSET = TEXT_BUCKETS;
export const CATEGORY_OFFSET = TEXT_BUCKETS + AUTHOR_BUCKETS;
/** The size of the whole index space, and so of a model's weight vector. */
export const FEATURE_DIMENSION = TEXT_BUCKETS + AUTHOR_BUCKETS + CATEGORY_BUCKETS;

export const enum Block {
  Text = 0,
  Author = 1,
  Category = 2,
}

/**
 * A paper's hashed features: `indices` ascending and unique, `counts` the raw weight of each (the
 * sublinear term frequency `1 + ln tf` for text, 1 for an author or a category).
 */
export interface PaperFeatures {
  readonly id: string;
  readonly indices: Int32Array;
  readonly counts: Float32Array;
}

/** 32-bit FNV-1a of the UTF-16 units, then murmur3's finaliser, which spreads FNV's weak low bits. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The index of a text term (a word, or two words joined by one space). */
export function textIndex(term: string): number {
  return hashString(term) & (TEXT_BUCKETS - 1);
}

/** The index of an author, by normalised name (`normalizeAuthorName`). */
export function authorIndex(normalizedName: string): number {
  return AUTHOR_OFFSET + (hashString(normalizedName) & (AUTHOR_BUCKETS - 1));
}

/** The index of a category code; the primary category also sets its own `primary:` feature. */
export function categoryIndex(code: string, primary: boolean): number {
  return CATEGORY_OFFSET + (hashString(primary ? `primary:${code}` : code) & (CATEGORY_BUCKETS - 1));
}

/** Which block an index belongs to. */
export function blockOf(index: number): Block {
  if (index < AUTHOR_OFFSET) return Block.Text;
  return index < CATEGORY_OFFSET ? Block.Author : Block.Category;
}

export interface FeatureOptions {
  /**
   * A normalised author name to leave out, so a reader's own name never does the work their taste
   * should (the evaluation removes each author-as-user's name; the extension, the reader's own).
   */
  excludeAuthor?: string;
}

/** Title words count this many times: a title is the author's own summary of the topic. */
const TITLE_REPEAT = 2;

/** The unigrams and adjacent bigrams of a token list, as terms. */
export function termsOf(tokens: readonly string[]): string[] {
  const terms: string[] = tokens.slice();
  for (let i = 1; i < tokens.length; i++) terms.push(`${tokens[i - 1]} ${tokens[i]}`);
  return terms;
}

/**
 * The hashed features of one paper (see `PaperFeatures`): title and abstract unigrams and bigrams
 * with sublinear tf (title terms counted twice, and no bigram across the title's end), every
 * author but `excludeAuthor`, every category plus the primary one marked as such.
 *
 * @example extractFeatures({ id: '2501.00001', title: 'Graph neural networks', authors: ['Ada Lovelace'], categories: ['cs.LG'] })
 */
export function extractFeatures(paper: RankingPaper, options: FeatureOptions = {}): PaperFeatures {
  const tf = new Map<number, number>();
  const add = (index: number, amount: number): void => {
    tf.set(index, (tf.get(index) ?? 0) + amount);
  };
  for (const term of termsOf(tokenize(paper.title))) add(textIndex(term), TITLE_REPEAT);
  if (paper.abstract) for (const term of termsOf(tokenize(paper.abstract))) add(textIndex(term), 1);
  const raw = new Map<number, number>();
  for (const [index, count] of tf) raw.set(index, 1 + Math.log(count));
  for (const author of paper.authors) {
    const name = normalizeAuthorName(author);
    if (name.length > 0 && name !== options.excludeAuthor) raw.set(authorIndex(name), 1);
  }
  paper.categories.forEach((code, position) => {
    raw.set(categoryIndex(code, false), 1);
    if (position === 0) raw.set(categoryIndex(code, true), 1);
  });
  const indices = Int32Array.from(raw.keys()).sort();
  const counts = new Float32Array(indices.length);
  indices.forEach((index, i) => {
    counts[i] = raw.get(index) ?? 0;
  });
  return { id: paper.id, indices, counts };
}

/**
 * The ranking view of a parsed arXiv entry or stored snapshot: categories are the primary
 * subject's code first, then the other subjects' codes.
 */
export function toRankingPaper(meta: Pick<PaperMeta, 'id' | 'title' | 'abstract' | 'authors' | 'subjects' | 'primarySubject'>): RankingPaper {
  const codes = [meta.primarySubject, ...meta.subjects].flatMap((subject) => (subject ? [subject.code] : []));
  return {
    id: meta.id,
    title: meta.title,
    ...(meta.abstract === undefined ? {} : { abstract: meta.abstract }),
    authors: meta.authors,
    categories: [...new Set(codes)],
  };
}
