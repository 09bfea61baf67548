import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, toCitationKeys, type ExportPaper } from '@/lib/export';
import { SEED_PAPERS } from './cases';

// Speed is measured by `npm run bench`; these tests check that large inputs stay correct.

/** `count` papers cycling through the seed listing with fresh ids, so keys collide a lot. */
function manyPapers(count: number): ExportPaper[] {
  return Array.from({ length: count }, (_, i) => {
    const seed = SEED_PAPERS[i % SEED_PAPERS.length] as ExportPaper;
    const id = `2602.${String(10000 + i).padStart(5, '0')}`;
    return { ...seed, id: id as ExportPaper['id'], absUrl: `https://arxiv.org/abs/${id}` };
  });
}

describe('exports at scale', () => {
  const papers = manyPapers(10_000);

  it.each(EXPORT_FORMATS.map((f) => [f.id, f] as const))('serialises every one of 10,000 papers as %s', (_id, format) => {
    const output = format.serialize(papers);
    for (const paper of [papers[0]!, papers[4_999]!, papers[9_999]!]) expect(output).toContain(paper.id);
  });

  it('gives 50,000 papers sharing one base key 50,000 distinct keys', () => {
    const same = Array.from({ length: 50_000 }, (_, i) => {
      const id = `2602.${String(i).padStart(5, '0')}`;
      return { ...(SEED_PAPERS[0] as ExportPaper), id: id as ExportPaper['id'] };
    });
    expect(new Set(toCitationKeys(same)).size).toBe(same.length);
  });
});
