/**
 * "Why?" for one paper: which of its terms and authors push its score up most, and which
 * positive paper it is closest to. Features are hashed, so the words come from the paper itself:
 * each of its terms and authors is hashed again and looked up in the model.
 */
import { vectorize, type SparseVector, type Vectorizer } from './document-frequencies';
import { authorIndex, extractFeatures, termsOf, textIndex, type FeatureOptions, type RankingPaper } from './features';
import { closestPositive, type RankingModel } from './model';
import { normalizeAuthorName, tokenize } from './tokenize';

export interface Contribution {
  /** The term as the tokeniser spells it (`neural network`), or the author as the paper does. */
  readonly label: string;
  /** How much it adds to the score. */
  readonly weight: number;
}

export interface Explanation {
  /** The terms that add most, largest first. */
  readonly terms: readonly Contribution[];
  /** The authors that add most, largest first. */
  readonly authors: readonly Contribution[];
  /** The positive paper this one is closest to, with their cosine. */
  readonly closest?: { readonly id: string; readonly similarity: number };
}

export interface ExplainOptions extends FeatureOptions {
  /** Terms to list at most (default 5). */
  maxTerms?: number;
  /** Authors to list at most (default 3). */
  maxAuthors?: number;
}

function weightsAt(vector: SparseVector): Map<number, number> {
  const out = new Map<number, number>();
  vector.indices.forEach((index, i) => out.set(index, vector.values[i] ?? 0));
  return out;
}

function top(contributions: Map<string, number>, limit: number): Contribution[] {
  return [...contributions]
    .filter(([, weight]) => weight > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([label, weight]) => ({ label, weight }));
}

/**
 * Explain `paper`'s score under `model` (see `Explanation`). A trained model credits each term
 * with its weight times the paper's value for it; a similarity model credits the terms the paper
 * shares with its closest positive. Only what adds to the score is listed.
 *
 * @example explainPaper(model, paper, vectorizer).terms → [{ label: 'speech recognition', weight: 0.21 }, …]
 */
export function explainPaper(model: RankingModel, paper: RankingPaper, vectorizer: Vectorizer, options: ExplainOptions = {}): Explanation {
  const vector = vectorize(extractFeatures(paper, options), vectorizer);
  const closest = closestPositive(model, vector);
  const values = weightsAt(vector);
  const closestVector = closest ? model.positives.find((positive) => positive.id === closest.id)?.vector : undefined;
  const against = model.kind === 'linear' && model.weights ? model.weights : closestVector ? weightsAt(closestVector) : new Map<number, number>();
  const weightOf = (index: number): number => (against instanceof Map ? (against.get(index) ?? 0) : (against[index] ?? 0));
  const contributionOf = (index: number): number => weightOf(index) * (values.get(index) ?? 0);

  const terms = new Map<string, number>();
  const seen = new Set<number>();
  const tokens = [tokenize(paper.title), tokenize(paper.abstract ?? '')];
  for (const term of tokens.flatMap(termsOf)) {
    const index = textIndex(term);
    if (seen.has(index)) continue;
    seen.add(index);
    terms.set(term, contributionOf(index));
  }
  const authors = new Map<string, number>();
  for (const author of paper.authors) {
    const name = normalizeAuthorName(author);
    if (name.length === 0 || name === options.excludeAuthor) continue;
    authors.set(author, contributionOf(authorIndex(name)));
  }
  return {
    terms: top(terms, options.maxTerms ?? 5),
    authors: top(authors, options.maxAuthors ?? 3),
    ...(closest ? { closest } : {}),
  };
}
