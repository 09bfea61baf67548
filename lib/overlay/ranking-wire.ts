/**
 * What the background sends a listing for "For you": the reader's model as plain JSON and the
 * document frequencies it was trained with, sparse (only features some paper had), so a page can
 * score its entries itself. Pure and Dexie-free: the content script imports it.
 */
import { i18n } from '#i18n';
import { fromBase64, toBase64 } from '@/lib/ranking/base64';
import type { DocumentFrequencies } from '@/lib/ranking/document-frequencies';
import { FEATURE_DIMENSION } from '@/lib/ranking/features';
import type { RankingModel, RankingModelJson } from '@/lib/ranking/model';

/** Document frequencies without their zeros: base64 of ascending Int32 indices and their Uint32 counts. */
export interface SparseStatistics {
  docs: number;
  indices: string;
  counts: string;
}

/** The answer to `ranking.model`: a model to score with, or ranking is off and `message` says why. */
export type RankingAnswer =
  | {
      status: 'ready';
      model: RankingModelJson;
      statistics: SparseStatistics;
      trainedAt: number;
      counts: RankingModel['counts'];
      /** Titles of the positives, by id, so "Why?" can name the closest one. */
      titles: Record<string, string>;
    }
  | { status: 'off'; message: string };

/**
 * Statistics as `SparseStatistics`: a few thousand papers touch a few hundred thousand of the
 * 650,000 counters, so the message is a fraction of the dense 3.5 MB.
 */
export function toSparseStatistics(df: DocumentFrequencies): SparseStatistics {
  const indices: number[] = [];
  df.counts.forEach((count, index) => {
    if (count !== 0) indices.push(index);
  });
  const packed = Int32Array.from(indices);
  const counts = Uint32Array.from(packed, (index) => df.counts[index] ?? 0);
  return {
    docs: df.docs,
    indices: toBase64(new Uint8Array(packed.buffer)),
    counts: toBase64(new Uint8Array(counts.buffer)),
  };
}

/** Statistics back from `toSparseStatistics`; throws on arrays that disagree or leave the feature space. */
export function parseSparseStatistics(sparse: SparseStatistics): DocumentFrequencies {
  const indexBytes = fromBase64(sparse.indices);
  const countBytes = fromBase64(sparse.counts);
  const indices = new Int32Array(indexBytes.buffer, indexBytes.byteOffset, indexBytes.byteLength / 4);
  const values = new Uint32Array(countBytes.buffer, countBytes.byteOffset, countBytes.byteLength / 4);
  if (indices.length !== values.length) throw new Error(i18n.t('overlay.forYou.damagedStatistics'));
  const counts = new Uint32Array(FEATURE_DIMENSION);
  indices.forEach((index, i) => {
    if (index < 0 || index >= FEATURE_DIMENSION) throw new Error(i18n.t('overlay.forYou.damagedStatistics'));
    counts[index] = values[i] ?? 0;
  });
  return { docs: sparse.docs, counts };
}
