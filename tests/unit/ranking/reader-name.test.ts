import { describe, expect, it } from 'vitest';
import type { ArxivId } from '@/lib/arxiv/types';
import { authorIndex } from '@/lib/ranking/features';
import { parseRankingModelJson } from '@/lib/ranking/model';
import { readerNameOf } from '@/lib/ranking/reader-name';
import { normalizeAuthorName } from '@/lib/ranking/tokenize';
import { trainFromPapers, type LabelledPaper } from '@/lib/store/ranking';

describe('readerNameOf', () => {
  it.each<[string, string[][], string | undefined]>([
    ['the name on every seed', [['Dong Dai', 'A. Lee'], ['Dong Dai'], ['B. Kim', 'Dong Dai']], 'Dong Dai'],
    ['the name on three of four seeds, written two ways', [['Dong Dai'], ['D. Dai', 'A. Lee'], ['Dong Dai', 'A. Lee'], ['Dōng Dai']], 'Dong Dai'],
    ['no one on most seeds', [['A. Lee'], ['B. Kim'], ['C. Wu']], undefined],
    ['one seed, whose author cannot be told from a co-author', [['Dong Dai', 'A. Lee']], undefined],
    ['no seeds', [], undefined],
  ])('finds %s', (_case, seeds, expected) => {
    expect(readerNameOf(seeds)).toBe(expected === undefined ? undefined : normalizeAuthorName(expected));
  });
});

describe('training on the reader’s own papers', () => {
  const paper = (n: number, title: string, authors: string[]) => ({
    id: `2601.${String(n).padStart(5, '0')}` as ArxivId,
    title,
    abstract: `${title} in distributed storage systems`,
    authors,
    categories: ['cs.DC'],
  });

  it('learns the co-authors and topics, never the reader’s own name', () => {
    const papers: LabelledPaper[] = [
      ...[1, 2, 3, 4, 5].map((n) => ({ paper: paper(n, `I/O tuning ${n}`, ['Dong Dai', n % 2 ? 'Ada Lovelace' : 'Bo Kim']), label: 'positive' as const, seed: true as const })),
      { paper: paper(6, 'Consensus protocols', ['Carl Wu']), label: 'hidden' },
      { paper: paper(7, 'Byzantine agreement', ['Carl Wu', 'Eve Ng']), label: 'hidden' },
    ];
    const answer = trainFromPapers(papers, 0);
    if (answer.status !== 'ready') throw new Error('expected a model');
    const weights = parseRankingModelJson(answer.model).weights!;
    expect(weights[authorIndex(normalizeAuthorName('Dong Dai'))]).toBe(0);
    expect(weights[authorIndex(normalizeAuthorName('Ada Lovelace'))]).toBeGreaterThan(0);
  });

  it('keeps every name when the stars are not the reader’s own papers', () => {
    const papers: LabelledPaper[] = [
      ...[1, 2, 3, 4, 5].map((n) => ({ paper: paper(n, `I/O tuning ${n}`, ['Dong Dai']), label: 'positive' as const })),
      { paper: paper(6, 'Consensus protocols', ['Carl Wu']), label: 'hidden' },
    ];
    const answer = trainFromPapers(papers, 0);
    if (answer.status !== 'ready') throw new Error('expected a model');
    expect(parseRankingModelJson(answer.model).weights![authorIndex(normalizeAuthorName('Dong Dai'))]).toBeGreaterThan(0);
  });
});
