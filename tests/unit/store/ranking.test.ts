import { describe, expect, it } from 'vitest';
import { parseRankingModelJson, scorePapers } from '@/lib/ranking/model';
import { createVectorizer } from '@/lib/ranking/document-frequencies';
import { extractFeatures } from '@/lib/ranking/features';
import { parseSparseStatistics } from '@/lib/overlay/ranking-wire';
import { assembleTrainingData, getSeeds, rankingModel, resetRanking, setSeeds } from '@/lib/store/ranking';
import type { SiftDb } from '@/lib/store/db';
import { EXTENSION_ID, NOW, freshDb, id, meta, nthId, storeApi } from './support';

function cached(paperId: string, title: string, abstract: string) {
  return { id: id(paperId), title, abstract, authors: ['Grace Hopper'], categories: ['cs.DC'], withdrawn: false, source: 'page' as const, storedAt: NOW, usedAt: NOW, bytes: 100 };
}

async function fill(db: SiftDb) {
  await db.papers.bulkPut([
    { id: nthId(0), meta: meta(nthId(0), { title: 'Serving large language models', abstract: 'LLM inference serving with KV cache' }), starredAt: NOW, tags: [], updatedAt: NOW },
    { id: nthId(1), meta: meta(nthId(1), { title: 'Batching LLM inference', abstract: undefined }), tags: ['llm'], updatedAt: NOW + 1 },
    { id: nthId(2), meta: meta(nthId(2), { title: 'Byzantine consensus' }), hiddenAt: NOW, tags: [], updatedAt: NOW + 2 },
    { id: nthId(3), meta: meta(nthId(3), { title: 'Only a note' }), note: 'n', tags: [], updatedAt: NOW + 3 },
  ]);
  await db.abstracts.bulkPut([
    cached(nthId(1), 'Batching LLM inference', 'Continuous batching for LLM serving'),
    cached(nthId(5), 'Old seen paper', 'Graph partitioning'),
    cached(nthId(6), 'New seen paper', 'Stream processing'),
    cached(nthId(9), 'My own paper', 'Speculative decoding for LLM inference'),
  ]);
  await db.seen.bulkPut([
    { id: nthId(6), at: NOW + 20 },
    { id: nthId(5), at: NOW + 10 },
    { id: nthId(7), at: NOW + 30 },
    { id: nthId(0), at: NOW },
  ]);
}

describe('ranking training data', () => {
  it('labels stars and tags positive, hides strong and cached seen papers weak negatives, oldest seen first', async () => {
    const db = freshDb();
    await fill(db);
    const data = await assembleTrainingData(db);
    expect(data.map((item) => [item.paper.id, item.label])).toEqual([
      [nthId(0), 'positive'],
      [nthId(1), 'positive'],
      [nthId(2), 'hidden'],
      [nthId(5), 'seen'],
      [nthId(6), 'seen'],
    ]);
    // A snapshot without an abstract takes the cached one.
    expect(data[1]!.paper.abstract).toBe('Continuous batching for LLM serving');
  });

  it('keeps only the most recent seen marks (of which the cached ones), and adds cached seeds as positives', async () => {
    const db = freshDb();
    await fill(db);
    await setSeeds(db, [nthId(9), nthId(8)]);
    const data = await assembleTrainingData(db, 2);
    expect(data.filter((item) => item.label === 'seen').map((item) => item.paper.id)).toEqual([nthId(6)]);
    expect(data.filter((item) => item.label === 'positive').map((item) => item.paper.id)).toEqual([nthId(0), nthId(1), nthId(9)]);
    expect(await getSeeds(db)).toEqual({ ids: [nthId(9), nthId(8)], known: 1, missing: [nthId(8)] });
  });
});

describe('ranking model', () => {
  it('is off, with a reason, when nothing is starred or tagged', async () => {
    const answer = await rankingModel(freshDb(), NOW);
    expect(answer).toEqual({ status: 'off', message: expect.stringMatching(/star or tag/i) });
  });

  it('answers a model a page can score with, that puts the stars’ topic first', async () => {
    const db = freshDb();
    await fill(db);
    const answer = await rankingModel(db, NOW);
    if (answer.status !== 'ready') throw new Error('expected a model');
    const model = parseRankingModelJson(answer.model);
    const vectorizer = createVectorizer(parseSparseStatistics(answer.statistics), model.blockWeights);
    const papers = [
      { id: 'a', title: 'Consensus protocols', abstract: 'Byzantine fault tolerance', authors: [], categories: ['cs.DC'] },
      { id: 'b', title: 'LLM serving', abstract: 'inference with KV cache batching', authors: [], categories: ['cs.DC'] },
    ].map((paper) => extractFeatures(paper));
    const [consensus, serving] = scorePapers(model, papers, vectorizer);
    expect(serving).toBeGreaterThan(consensus!);
    expect(answer.counts).toEqual({ positives: 2, hidden: 1, seen: 2 });
  });

  it('is kept until the papers change, then retrained; a reset forgets it', async () => {
    const db = freshDb();
    await fill(db);
    const first = await rankingModel(db, NOW);
    expect(await rankingModel(db, NOW + 5)).toEqual(first);
    await db.papers.update(nthId(2), { hiddenAt: undefined, starredAt: NOW, updatedAt: NOW + 50 });
    const second = await rankingModel(db, NOW + 6);
    expect(second.status === 'ready' && second.trainedAt).toBe(NOW + 6);
    await setSeeds(db, [nthId(9)]);
    await resetRanking(db);
    expect(await db.ranking.count()).toBe(0);
  });
});

describe('ranking messages', () => {
  it('answer the model through JSON, seeds and reset to the extension pages only', async () => {
    const db = freshDb();
    await fill(db);
    const { call, handle } = storeApi(db);
    const answer = await call('ranking.model', {});
    expect(answer.status).toBe('ready');
    expect(await call('ranking.seeds', { ids: [nthId(9)] })).toEqual({ ids: [nthId(9)], known: 1, fetching: 0 });
    expect(await call('ranking.seeds', {})).toEqual({ ids: [nthId(9)], known: 1, fetching: 0 });
    const fromListing = { id: EXTENSION_ID, url: 'https://arxiv.org/list/cs.DC/new', tab: { id: 4 } };
    expect(await handle({ type: 'ranking.reset', data: {} }, fromListing)).toEqual({ ok: false, error: expect.stringMatching(/only the extension's own pages/) });
    expect(await handle({ type: 'ranking.model', data: {} }, fromListing)).toMatchObject({ ok: true });
    await call('ranking.reset', {});
    expect(await call('ranking.seeds', {})).toEqual({ ids: [], known: 0, fetching: 0 });
  });
});
