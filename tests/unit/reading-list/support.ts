/** Paper records for the reading-list tests. */
import type { ArxivId } from '@/lib/arxiv/types';
import type { PaperRecord } from '@/lib/store/db';

/** A stored record of `id` with plain metadata; `meta` overrides merge into the snapshot. */
export function record(id: string, overrides: Partial<Omit<PaperRecord, 'meta'>> & { meta?: Partial<PaperRecord['meta']> } = {}): PaperRecord {
  const { meta, ...rest } = overrides;
  return {
    id: id as ArxivId,
    meta: {
      id: id as ArxivId,
      title: `Paper ${id}`,
      authors: ['Ada Lovelace'],
      abstract: 'We study things.',
      subjects: [{ name: 'Distributed, Parallel, and Cluster Computing', code: 'cs.DC' }],
      section: 'new',
      absUrl: `https://arxiv.org/abs/${id}`,
      pdfUrl: `https://arxiv.org/pdf/${id}`,
      ...meta,
    },
    tags: [],
    starredAt: 1_000,
    updatedAt: 1_000,
    ...rest,
  };
}
