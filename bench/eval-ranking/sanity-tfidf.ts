/**
 * arxiv-sanity-lite's text features, rebuilt without scikit-learn for the baseline: its
 * `TfidfVectorizer(strip_accents='unicode', lowercase=True, stop_words='english',
 * token_pattern=r'(?u)\b[a-zA-Z_][a-zA-Z0-9_]+\b', ngram_range=(1, 2), max_features=20000,
 * sublinear_tf=True, max_df=0.1, min_df=5)` on title + abstract. The vocabulary is refitted for each
 * test day on the papers of earlier days only, as the protocol asks.
 */
import type { SparseVector } from '@/lib/ranking/document-frequencies';
import { foldText } from '@/lib/rules/fold';
import { STOP_WORDS } from '@/lib/ranking/tokenize';

const TOKEN = /\b[a-z_][a-z0-9_]+\b/g;

/** scikit-learn's word analyzer: folded, lower-cased tokens of two or more characters, stop words out, then bigrams. */
export function sanityTerms(text: string): string[] {
  const folded = foldText(text, { caseFold: true, diacriticFold: true }).text;
  const tokens = (folded.match(TOKEN) ?? []).filter((token) => !STOP_WORDS.has(token));
  const terms = tokens.slice();
  for (let i = 1; i < tokens.length; i++) terms.push(`${tokens[i - 1]} ${tokens[i]}`);
  return terms;
}

/** One paper's raw term counts over the corpus-wide term ids, ids ascending. */
export interface TermCounts {
  ids: Int32Array;
  counts: Float32Array;
}

/** The settings of arxiv-sanity-lite's `compute.py`. */
export const SANITY_SETTINGS = { maxFeatures: 20_000, maxDf: 0.1, minDf: 5 } as const;
/**
 * `min_df = 5` "where the data allows": on fewer papers than this (a test fixture) a term in five
 * of them is no longer rare, and the vocabulary would be nearly empty; there `min_df` is 1.
 */
export const MIN_DF_CORPUS = 1000;

/** Term ids for a whole corpus, and each paper's counts. */
export class SanityCorpus {
  readonly termIds = new Map<string, number>();
  readonly papers: TermCounts[] = [];

  constructor(texts: readonly string[]) {
    for (const text of texts) {
      const counts = new Map<number, number>();
      for (const term of sanityTerms(text)) {
        let id = this.termIds.get(term);
        if (id === undefined) {
          id = this.termIds.size;
          this.termIds.set(term, id);
        }
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      const ids = Int32Array.from(counts.keys()).sort();
      this.papers.push({ ids, counts: Float32Array.from(ids, (id) => counts.get(id) ?? 0) });
    }
  }
}

/** The vectoriser fitted on a set of papers: column per kept term, and its IDF. */
export interface SanityVocabulary {
  /** Per corpus term id, its column, or -1 when the term is not kept. */
  columns: Int32Array;
  idf: Float64Array;
  size: number;
  /** Column → corpus term id, to name the keyword baseline's terms. */
  terms: Int32Array;
}

/** Document frequencies and total counts of the papers added so far, for refitting day by day. */
export class SanityStatistics {
  docs = 0;
  readonly df: Int32Array;
  readonly tf: Float64Array;

  constructor(readonly corpus: SanityCorpus) {
    this.df = new Int32Array(corpus.termIds.size);
    this.tf = new Float64Array(corpus.termIds.size);
  }

  add(paper: number): void {
    const counts = this.corpus.papers[paper];
    if (!counts) return;
    counts.ids.forEach((id, i) => {
      this.df[id] = (this.df[id] ?? 0) + 1;
      this.tf[id] = (this.tf[id] ?? 0) + (counts.counts[i] ?? 0);
    });
    this.docs++;
  }

  /**
   * Fit the vocabulary as scikit-learn does: terms with `min_df ≤ df ≤ max_df · N`, the
   * `max_features` most frequent of them across the papers (ties to the earlier term), smoothed IDF.
   */
  fit(): SanityVocabulary {
    const minDf = this.docs >= MIN_DF_CORPUS ? SANITY_SETTINGS.minDf : 1;
    const maxCount = SANITY_SETTINGS.maxDf * this.docs;
    const eligible: number[] = [];
    for (let id = 0; id < this.df.length; id++) {
      const df = this.df[id] ?? 0;
      if (df >= minDf && df <= maxCount) eligible.push(id);
    }
    if (eligible.length > SANITY_SETTINGS.maxFeatures) {
      eligible.sort((a, b) => (this.tf[b] ?? 0) - (this.tf[a] ?? 0) || a - b);
      eligible.length = SANITY_SETTINGS.maxFeatures;
    }
    eligible.sort((a, b) => a - b);
    const columns = new Int32Array(this.df.length).fill(-1);
    const idf = new Float64Array(eligible.length);
    eligible.forEach((id, column) => {
      columns[id] = column;
      idf[column] = Math.log((1 + this.docs) / (1 + (this.df[id] ?? 0))) + 1;
    });
    return { columns, idf, size: eligible.length, terms: Int32Array.from(eligible) };
  }
}

/** A paper's TF-IDF vector under a fitted vocabulary: `(1 + ln tf) · idf`, L2-normalised. */
export function sanityVector(counts: TermCounts, vocabulary: SanityVocabulary): SparseVector {
  const { ids } = counts;
  let kept = 0;
  for (let i = 0; i < ids.length; i++) if ((vocabulary.columns[ids[i] as number] as number) >= 0) kept++;
  const indices = new Int32Array(kept);
  const values = new Float32Array(kept);
  let squares = 0;
  let j = 0;
  for (let i = 0; i < ids.length; i++) {
    const column = vocabulary.columns[ids[i] as number] as number;
    if (column < 0) continue;
    const value = (1 + Math.log(counts.counts[i] as number)) * (vocabulary.idf[column] as number);
    indices[j] = column;
    values[j] = value;
    squares += value * value;
    j++;
  }
  const norm = squares > 0 ? 1 / Math.sqrt(squares) : 0;
  for (let i = 0; i < kept; i++) values[i] = (values[i] as number) * norm;
  // Columns follow term ids, which ascend, so the vector's indices ascend too.
  return { indices, values };
}
