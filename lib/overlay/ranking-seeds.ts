/**
 * "These are my papers" as the reader types them: arXiv ids one per line or comma-separated,
 * with or without `arXiv:`, a version, or the abs/pdf URL around them.
 */
import { parseArxivId, type ArxivId } from '@/lib/arxiv/ids';

const URL_PREFIX = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\//i;

/** Seeds kept at most: a reader's own work, not a library (the message limit is far above it). */
export const MAX_SEEDS = 500;

/**
 * The ids in `text`, once each in the order written, and the pieces that are not ids (for the
 * reader to fix). More than `MAX_SEEDS` ids are cut to the first ones.
 *
 * @example parseSeedIds('arXiv:2602.22392v2, https://arxiv.org/abs/2602.22409\nnope') → { ids: ['2602.22392', '2602.22409'], rejected: ['nope'] }
 */
export function parseSeedIds(text: string): { ids: ArxivId[]; rejected: string[] } {
  const ids = new Set<ArxivId>();
  const rejected: string[] = [];
  for (const piece of text.split(/[\s,;]+/)) {
    if (piece === '') continue;
    const parsed = parseArxivId(piece.replace(URL_PREFIX, '').replace(/\.pdf$/i, ''));
    if (parsed) ids.add(parsed.id);
    else rejected.push(piece);
  }
  return { ids: [...ids].slice(0, MAX_SEEDS), rejected };
}
