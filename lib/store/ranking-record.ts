/** The ranking table's record, apart from the training code so db.ts can type the table without importing it. */
import type { ArxivId } from '@/lib/arxiv/types';
import type { RankingAnswer } from '@/lib/overlay/ranking-wire';

/** The stored model (`key: 'model'`, with `basis` and `answer`) or the reader's seed ids (`key: 'seeds'`, with `ids`). */
export interface RankingRecord {
  key: 'model' | 'seeds';
  basis?: string;
  answer?: RankingAnswer;
  ids?: ArxivId[];
}
