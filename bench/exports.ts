/**
 * Export timings in Node: the exporters are pure functions of `ExportPaper[]`, so no browser is
 * needed. The papers are the seed listing's, renumbered, with the tags, notes and star times a
 * real reading list carries; the baseline is `JSON.stringify` of the same papers. Every format is
 * timed with the user's tags and notes included (the opt-in that writes the most).
 */
import type { ArxivId, PaperMeta } from '@/lib/arxiv/types';
import { EXPORT_FORMATS, type ExportOptions, type ExportPaper } from '@/lib/export/index';

const OPTIONS: ExportOptions = { includeUserData: true };

const TAGS = ['to read', 'storage', 'llm serving', 'theory', 'reviewed'];

/** `count` export papers built from `seeds`, each with a unique id and some user data. */
export function exportPapersOf(seeds: readonly PaperMeta[], count: number): ExportPaper[] {
  const start = Date.UTC(2026, 0, 1);
  return Array.from({ length: count }, (_, i): ExportPaper => {
    const seed = seeds[i % seeds.length];
    if (!seed) throw new Error('no seed papers to export');
    const id = `${2401 + Math.floor(i / 90_000)}.${10_000 + (i % 90_000)}` as ArxivId;
    const paper: ExportPaper = {
      ...seed,
      id,
      absUrl: `https://arxiv.org/abs/${id}`,
      tags: TAGS.slice(0, i % 3),
      starredAt: start + i * 60_000,
    };
    if (i % 4 === 0) paper.note = `Read section ${(i % 7) + 1} again; compare with ${seed.id}.`;
    return paper;
  });
}

export interface ExportSamples {
  /** Per format id, every sample (warm-ups first). */
  byFormat: Map<string, number[]>;
  baseline: number[];
  /** Output size per format, in characters, from the last run. */
  chars: Map<string, number>;
}

/** Times every format in `EXPORT_FORMATS` and `JSON.stringify`, alternating, `warmups + runs` times. */
export function measureExports(papers: readonly ExportPaper[], warmups: number, runs: number): ExportSamples {
  const byFormat = new Map<string, number[]>(EXPORT_FORMATS.map((format) => [format.id, []]));
  const chars = new Map<string, number>();
  const baseline: number[] = [];
  for (let run = 0; run < warmups + runs; run += 1) {
    for (const format of EXPORT_FORMATS) {
      const start = performance.now();
      const text = format.serialize(papers, OPTIONS);
      byFormat.get(format.id)?.push(performance.now() - start);
      chars.set(format.id, text.length);
    }
    const start = performance.now();
    JSON.stringify(papers);
    baseline.push(performance.now() - start);
  }
  return { byFormat, baseline, chars };
}
