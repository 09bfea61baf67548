/**
 * "For you" against the database: the reader's training data assembled from the store, the model
 * trained on it by lib/ranking and kept in the `ranking` table (one record, with the basis it was
 * trained on), and the "These are my papers" seeds. Nothing here leaves the browser.
 *
 * Retraining is lazy: a `ranking.model` request compares the store's basis (how many papers, the
 * latest paper write, the seeds) with the stored model's and trains again only when it moved, so a
 * star costs nothing until a listing asks.
 */
import type { ArxivId } from '@/lib/arxiv/types';
import type { CachedAbstract } from '@/lib/abstracts/cache-policy';
import { addDocument, createDocumentFrequencies, createVectorizer } from '@/lib/ranking/document-frequencies';
import { extractFeatures, toRankingPaper, type RankingPaper } from '@/lib/ranking/features';
import { toRankingModelJson, trainRanking, type ExampleLabel, type TrainingExample } from '@/lib/ranking/model';
import { toSparseStatistics, type RankingAnswer } from '@/lib/overlay/ranking-wire';
import { readerNameOf } from '@/lib/ranking/reader-name';
import type { PaperRecord, SiftDb } from './db';

export type { RankingRecord } from './ranking-record';

/**
 * Seen-but-left papers trained on at most, the most recent first chosen: enough for the weak
 * negatives to describe what the reader skips, and training stays within tens of milliseconds.
 */
export const MAX_SEEN_EXAMPLES = 3000;

/** One paper to learn from, labelled; `seed` marks the reader's own ("These are my papers"). */
export interface LabelledPaper {
  paper: RankingPaper;
  label: ExampleLabel;
  seed?: true;
}

function fromCache(record: CachedAbstract): RankingPaper {
  return { id: record.id, title: record.title, abstract: record.abstract, authors: record.authors, categories: record.categories };
}

function isPositive(record: PaperRecord): boolean {
  return record.starredAt !== undefined || record.tags.length > 0;
}

/**
 * The reader's training data: starred and tagged papers and the seeds as positives (their stored
 * snapshot, the abstract filled in from the cache when the snapshot has none), hidden papers as
 * strong negatives, and the latest `maxSeen` papers seen but left alone as weak negatives, for
 * those the abstract cache holds (a seen mark has no text of its own). Oldest seen first, as the
 * trainer expects. Seeds the cache does not hold are left out.
 */
export async function assembleTrainingData(db: SiftDb, maxSeen = MAX_SEEN_EXAMPLES): Promise<LabelledPaper[]> {
  return db.transaction('r', [db.papers, db.seen, db.abstracts, db.ranking], async () => {
    const records = await db.papers.toArray();
    const known = new Set<string>(records.map((record) => record.id));
    const seeds = (await seedIds(db)).filter((id) => !known.has(id));
    const seen = (await db.seen.toArray())
      .filter((mark) => !known.has(mark.id))
      .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))
      .slice(-maxSeen);
    const labelled = records.filter((record) => isPositive(record) || record.hiddenAt !== undefined);
    const cached = await db.abstracts.bulkGet([...labelled.filter((record) => !record.meta.abstract).map((record) => record.id), ...seeds, ...seen.map((mark) => mark.id)]);
    const byId = new Map(cached.flatMap((record) => (record ? [[record.id, record] as const] : [])));
    const out: LabelledPaper[] = labelled.map((record) => {
      const paper = toRankingPaper(record.meta);
      const abstract = paper.abstract ?? byId.get(record.id)?.abstract;
      // i18n-exempt: ExampleLabel values the ranker learns from, never shown
      return { paper: abstract === undefined ? paper : { ...paper, abstract }, label: isPositive(record) ? 'positive' : 'hidden' };
    });
    for (const id of seeds) {
      const record = byId.get(id);
      // i18n-exempt: an ExampleLabel value, never shown
      if (record) out.push({ paper: fromCache(record), label: 'positive', seed: true });
    }
    for (const mark of seen) {
      const record = byId.get(mark.id);
      // i18n-exempt: an ExampleLabel value, never shown
      if (record) out.push({ paper: fromCache(record), label: 'seen' });
    }
    return out;
  });
}

/** What the model depends on, cheaply: the papers' count and latest write, and the seeds the cache holds. */
async function basisOf(db: SiftDb): Promise<string> {
  return db.transaction('r', [db.papers, db.ranking, db.abstracts], async () => {
    const count = await db.papers.count();
    const latest = (await db.papers.orderBy('updatedAt').last())?.updatedAt ?? 0;
    const seeds = await seedIds(db);
    const cached = (await db.abstracts.bulkGet(seeds)).filter(Boolean).length;
    return `${count}:${latest}:${cached}:${seeds.join(',')}`;
  });
}

/**
 * Trains the reader's model from `assembleTrainingData` (document frequencies from those same
 * papers) and answers it as a page needs it: the model's plain JSON, only its nonzero weights, and
 * the sparse statistics. The reader's own name, as the seeds show it, is no feature of any paper.
 * With no positive at all, ranking is off and the answer says why.
 */
export function trainFromPapers(papers: readonly LabelledPaper[], now: number): RankingAnswer {
  const df = createDocumentFrequencies();
  const readerName = readerNameOf(papers.filter((paper) => paper.seed).map(({ paper }) => paper.authors));
  const featureOptions = readerName === undefined ? {} : { excludeAuthor: readerName };
  const examples: TrainingExample[] = papers.map(({ paper, label }) => {
    const features = extractFeatures(paper, featureOptions);
    addDocument(df, features);
    return { features, label };
  });
  const trained = trainRanking(examples, createVectorizer(df));
  if (trained.status === 'off') return { status: 'off', message: trained.message };
  return {
    status: 'ready',
    model: toRankingModelJson(trained.model),
    statistics: toSparseStatistics(df),
    trainedAt: now,
    counts: trained.model.counts,
    titles: Object.fromEntries(papers.filter((paper) => paper.label === 'positive').map(({ paper }) => [paper.id, paper.title])),
  };
}

/** The reader's model: the stored one while its basis holds, else trained afresh and stored. */
export async function rankingModel(db: SiftDb, now: number): Promise<RankingAnswer> {
  const basis = await basisOf(db);
  const stored = await db.ranking.get('model');
  if (stored?.answer && stored.basis === basis) return stored.answer;
  const answer = trainFromPapers(await assembleTrainingData(db), now);
  await db.ranking.put({ key: 'model', basis, answer });
  return answer;
}

async function seedIds(db: SiftDb): Promise<ArxivId[]> {
  const record = await db.ranking.get('seeds');
  return record?.ids ?? [];
}

/** The seed ids, how many of them the abstract cache holds (only those can be learned from), and the rest. */
export interface SeedsView {
  ids: ArxivId[];
  known: number;
  missing: ArxivId[];
}

/** The seeds, and which of them the abstract cache holds. */
export async function getSeeds(db: SiftDb): Promise<SeedsView> {
  const ids = await seedIds(db);
  const cached = await db.abstracts.bulkGet(ids);
  const missing = ids.filter((_id, index) => cached[index] === undefined);
  return { ids, known: ids.length - missing.length, missing };
}

/** Replaces the reader's seed papers ("These are my papers"), once each, in their order. */
export async function setSeeds(db: SiftDb, ids: readonly ArxivId[]): Promise<SeedsView> {
  await db.ranking.put({ key: 'seeds', ids: [...new Set(ids)] });
  return getSeeds(db);
}

/** "Forget what Sift learned": the model and the seeds go; stars, tags and hides stay. */
export async function resetRanking(db: SiftDb): Promise<void> {
  await db.ranking.clear();
}
