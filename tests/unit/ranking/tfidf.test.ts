import { describe, expect, it } from 'vitest';
import {
  addDocument,
  createDocumentFrequencies,
  createVectorizer,
  parseDocumentFrequenciesJson,
  sharedPart,
  toDocumentFrequenciesJson,
  vectorize,
} from '../../../lib/ranking/document-frequencies';
import { authorIndex, categoryIndex, extractFeatures, textIndex, type RankingPaper } from '../../../lib/ranking/features';

const paper = (id: string, title: string, authors: string[] = [], categories: string[] = []): RankingPaper => ({ id, title, authors, categories });

function valueAt(vector: { indices: Int32Array; values: Float32Array }, index: number): number {
  const at = vector.indices.indexOf(index);
  return at < 0 ? 0 : (vector.values[at] ?? 0);
}

describe('extractFeatures', () => {
  it('counts title terms twice with sublinear tf, adds bigrams, authors and categories', () => {
    const features = extractFeatures({ id: 'x', title: 'graph graph', abstract: 'graph neural', authors: ['Ada Lovelace'], categories: ['cs.LG', 'cs.AI'] });
    const count = (index: number): number => features.counts[features.indices.indexOf(index)] ?? 0;
    // `graph`: 2 × 2 in the title + 1 in the abstract = 5 → 1 + ln 5.
    expect(count(textIndex('graph'))).toBeCloseTo(1 + Math.log(5), 6);
    expect(count(textIndex('graph graph'))).toBeCloseTo(1 + Math.log(2), 6);
    expect(count(textIndex('graph neural'))).toBeCloseTo(1, 6);
    expect(count(authorIndex('ada lovelace'))).toBe(1);
    expect(count(categoryIndex('cs.LG', true))).toBe(1);
    expect(count(categoryIndex('cs.AI', false))).toBe(1);
    expect(features.indices.includes(categoryIndex('cs.AI', true))).toBe(false);
    expect([...features.indices]).toEqual([...features.indices].sort((a, b) => a - b));
  });

  it('leaves the excluded author out', () => {
    const features = extractFeatures(paper('x', 'graphs', ['Ada Lovelace', 'C. Babbage']), { excludeAuthor: 'ada lovelace' });
    expect(features.indices.includes(authorIndex('ada lovelace'))).toBe(false);
    expect(features.indices.includes(authorIndex('c babbage'))).toBe(true);
  });
});

describe('document frequencies and TF-IDF', () => {
  const df = createDocumentFrequencies();
  for (const p of [paper('1', 'graph neural'), paper('2', 'graph kernel'), paper('3', 'spectral kernel')]) addDocument(df, extractFeatures(p));

  it('gives scikit-learn’s smoothed IDF and unit-length vectors', () => {
    const vectorizer = createVectorizer(df, { authors: 0, categories: 0 });
    const vector = vectorize(extractFeatures(paper('q', 'graph spectral')), vectorizer);
    // Title words count twice: tf 2 → 1 + ln 2 for both; idf(graph) = ln(4/3) + 1, idf(spectral) = ln(4/2) + 1,
    // idf of the unseen bigram = ln(4/1) + 1.
    const tf = 1 + Math.log(2);
    const raw = [tf * (Math.log(4 / 3) + 1), tf * (Math.log(2) + 1), tf * (Math.log(4) + 1)];
    const norm = Math.hypot(...raw);
    expect(valueAt(vector, textIndex('graph'))).toBeCloseTo((raw[0] ?? 0) / norm, 5);
    expect(valueAt(vector, textIndex('spectral'))).toBeCloseTo((raw[1] ?? 0) / norm, 5);
    expect(valueAt(vector, textIndex('graph spectral'))).toBeCloseTo((raw[2] ?? 0) / norm, 5);
    expect(Math.hypot(...vector.values)).toBeCloseTo(1, 5);
  });

  it('weighs each block to its share of the length', () => {
    const vectorizer = createVectorizer(df, { authors: 0.5, categories: 0.2 });
    const vector = vectorize(extractFeatures(paper('q', 'graph', ['Ada Lovelace'], ['cs.LG'])), vectorizer);
    const total = Math.sqrt(1 + 0.25 + 0.04);
    expect(valueAt(vector, authorIndex('ada lovelace'))).toBeCloseTo(0.5 / total, 5);
    const categories = Math.hypot(valueAt(vector, categoryIndex('cs.LG', true)), valueAt(vector, categoryIndex('cs.LG', false)));
    expect(categories).toBeCloseTo(0.2 / total, 5);
  });

  it('drops features no other paper has from a negative’s vector', () => {
    const vectorizer = createVectorizer(df);
    const vector = vectorize(extractFeatures(paper('1', 'graph neural')), vectorizer);
    const shared = sharedPart(vector, vectorizer);
    expect(shared.indices.includes(textIndex('graph'))).toBe(true);
    expect(shared.indices.includes(textIndex('neural'))).toBe(false);
    expect(shared.indices.includes(textIndex('graph neural'))).toBe(false);
  });

  it('round-trips through plain JSON and refuses another feature space', () => {
    const json = JSON.parse(JSON.stringify(toDocumentFrequenciesJson(df))) as ReturnType<typeof toDocumentFrequenciesJson>;
    const back = parseDocumentFrequenciesJson(json);
    expect(back.docs).toBe(3);
    expect(back.counts[textIndex('kernel')]).toBe(2);
    expect(() => parseDocumentFrequenciesJson({ ...json, dimension: 1024 })).toThrow(/rebuilt/);
  });
});
