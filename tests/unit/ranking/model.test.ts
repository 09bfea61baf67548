import { describe, expect, it } from 'vitest';
import { addDocument, createDocumentFrequencies, createVectorizer } from '../../../lib/ranking/document-frequencies';
import { explainPaper } from '../../../lib/ranking/explain';
import { extractFeatures, toRankingPaper, type RankingPaper } from '../../../lib/ranking/features';
import {
  parseRankingModelJson,
  scorePapers,
  toRankingModelJson,
  trainRanking,
  type TrainingExample,
} from '../../../lib/ranking/model';

const TOPICS = {
  speech: ['speech recognition', 'acoustic model', 'spoken language', 'automatic speech', 'speaker diarization'],
  galaxies: ['galaxy cluster', 'dark matter', 'stellar mass', 'redshift survey', 'star formation'],
  quantum: ['quantum error', 'qubit gates', 'entanglement witness', 'surface code', 'quantum circuit'],
};

function paperAbout(id: string, topic: keyof typeof TOPICS, n: number, authors: string[] = [`Author ${id}`]): RankingPaper {
  const phrases = TOPICS[topic];
  const pick = (i: number): string => phrases[(n + i) % phrases.length] ?? '';
  return { id, title: `${pick(0)} with ${pick(1)}`, abstract: `We study ${pick(2)} and ${pick(3)} for ${pick(1)}.`, authors, categories: ['cs.CL'] };
}

const history = [
  ...Array.from({ length: 20 }, (_, i) => paperAbout(`s${i}`, 'speech', i)),
  ...Array.from({ length: 20 }, (_, i) => paperAbout(`g${i}`, 'galaxies', i)),
  ...Array.from({ length: 20 }, (_, i) => paperAbout(`q${i}`, 'quantum', i)),
];
const df = createDocumentFrequencies();
for (const paper of history) addDocument(df, extractFeatures(paper));
const vectorizer = createVectorizer(df);

const examples = (positives: RankingPaper[], seen: RankingPaper[], hidden: RankingPaper[] = []): TrainingExample[] => [
  ...positives.map((paper) => ({ features: extractFeatures(paper), label: 'positive' as const })),
  ...hidden.map((paper) => ({ features: extractFeatures(paper), label: 'hidden' as const })),
  ...seen.map((paper) => ({ features: extractFeatures(paper), label: 'seen' as const })),
];

const listing = [paperAbout('L-g', 'galaxies', 7), paperAbout('L-q', 'quantum', 3), paperAbout('L-s', 'speech', 4)];
const listingFeatures = listing.map((paper) => extractFeatures(paper));
const orderOf = (scores: Float64Array): string[] => listing.map((paper, i) => ({ id: paper.id, score: scores[i] ?? 0 })).sort((a, b) => b.score - a.score).map((entry) => entry.id);

describe('trainRanking', () => {
  it('is off, and says why, without a single positive', () => {
    const result = trainRanking(examples([], history.slice(0, 10)), vectorizer);
    expect(result).toEqual({ status: 'off', reason: 'no-positives', message: expect.stringMatching(/star/i) });
  });

  it.each([1, 4])('falls back to closeness to the starred papers with %d positives', (n) => {
    const result = trainRanking(examples(history.slice(0, n), history.slice(20, 60)), vectorizer);
    if (result.status !== 'ready') throw new Error('expected a model');
    expect(result.model.kind).toBe('similarity');
    expect(result.model.weights).toBeUndefined();
    expect(orderOf(scorePapers(result.model, listingFeatures, vectorizer))[0]).toBe('L-s');
  });

  it('trains a linear model from five positives and ranks their topic first', () => {
    const result = trainRanking(examples(history.slice(20, 25), [...history.slice(0, 20), ...history.slice(40, 60)]), vectorizer);
    if (result.status !== 'ready') throw new Error('expected a model');
    expect(result.model.kind).toBe('linear');
    expect(result.model.counts).toEqual({ positives: 5, hidden: 0, seen: 40 });
    expect(orderOf(scorePapers(result.model, listingFeatures, vectorizer))[0]).toBe('L-g');
  });

  it('pushes a hidden topic below a merely seen one', () => {
    const positives = history.slice(0, 5);
    const result = trainRanking(examples(positives, history.slice(20, 40), history.slice(40, 60)), vectorizer);
    if (result.status !== 'ready') throw new Error('expected a model');
    expect(orderOf(scorePapers(result.model, listingFeatures, vectorizer))).toEqual(['L-s', 'L-g', 'L-q']);
  });

  it('trains on the latest maxSeen seen papers only', () => {
    const result = trainRanking(examples(history.slice(0, 5), history.slice(20, 60)), vectorizer, {
      c: 0.1, seenWeight: 0.25, similarityWeight: 0.5, maxSeen: 7,
    });
    if (result.status !== 'ready') throw new Error('expected a model');
    expect(result.model.counts.seen).toBe(7);
    const full = trainRanking(examples(history.slice(0, 5), history.slice(53, 60)), vectorizer, {
      c: 0.1, seenWeight: 0.25, similarityWeight: 0.5, maxSeen: 7,
    });
    if (full.status !== 'ready') throw new Error('expected a model');
    expect(Array.from(result.model.weights ?? [])).toEqual(Array.from(full.model.weights ?? []));
  });

  it('gives the same model for the same examples in the same order', () => {
    const input = examples(history.slice(0, 6), history.slice(20, 60));
    const a = trainRanking(input, createVectorizer(df));
    const b = trainRanking(input, createVectorizer(df));
    if (a.status !== 'ready' || b.status !== 'ready') throw new Error('expected models');
    expect(toRankingModelJson(a.model)).toEqual(toRankingModelJson(b.model));
  });
});

describe('model JSON', () => {
  it('round-trips through JSON text and scores the same', () => {
    const result = trainRanking(examples(history.slice(0, 6), history.slice(20, 60)), vectorizer);
    if (result.status !== 'ready') throw new Error('expected a model');
    const text = JSON.stringify(toRankingModelJson(result.model));
    const back = parseRankingModelJson(JSON.parse(text) as ReturnType<typeof toRankingModelJson>);
    expect(Array.from(scorePapers(back, listingFeatures, vectorizer))).toEqual(Array.from(scorePapers(result.model, listingFeatures, vectorizer)));
  });

  it('refuses a model of another feature space', () => {
    const result = trainRanking(examples(history.slice(0, 2), []), vectorizer);
    if (result.status !== 'ready') throw new Error('expected a model');
    expect(() => parseRankingModelJson({ ...toRankingModelJson(result.model), dimension: 12 })).toThrow(/retrained/);
  });
});

describe('explainPaper', () => {
  it('names the paper’s weightiest terms and authors and its closest star', () => {
    const stars = history.slice(0, 6).map((paper, i) => ({ ...paper, authors: i % 2 === 0 ? ['Grace Hopper'] : paper.authors }));
    const result = trainRanking(examples(stars, history.slice(20, 60)), vectorizer);
    if (result.status !== 'ready') throw new Error('expected a model');
    const candidate = { ...paperAbout('c', 'speech', 1), authors: ['Grace Hopper', 'Somebody Else'] };
    const why = explainPaper(result.model, candidate, vectorizer);
    expect(why.terms.length).toBeGreaterThan(0);
    expect(why.terms.some((term) => /speech|acoustic|spoken|speaker/.test(term.label))).toBe(true);
    expect(why.authors.map((author) => author.label)).toEqual(['Grace Hopper']);
    expect(why.closest?.id).toMatch(/^s/);
  });

  it('leaves the reader’s own name out of the explanation', () => {
    const result = trainRanking(examples(history.slice(0, 2), []), vectorizer);
    if (result.status !== 'ready') throw new Error('expected a model');
    const why = explainPaper(result.model, { ...paperAbout('c', 'speech', 0), authors: ['Author s0'] }, vectorizer, { excludeAuthor: 'author s0' });
    expect(why.authors).toEqual([]);
  });
});

describe('toRankingPaper', () => {
  it('puts the primary subject’s code first and keeps each code once', () => {
    const paper = toRankingPaper({
      id: '2501.00001' as never,
      title: 'T',
      authors: ['A'],
      primarySubject: { name: 'Computation and Language', code: 'cs.CL' },
      subjects: [{ name: 'Artificial Intelligence', code: 'cs.AI' }, { name: 'Computation and Language', code: 'cs.CL' }],
    });
    expect(paper.categories).toEqual(['cs.CL', 'cs.AI']);
  });
});
