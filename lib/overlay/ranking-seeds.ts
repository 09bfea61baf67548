/**
 * "These are my papers" as the reader types them: arXiv ids one per line or comma-separated,
 * with or without `arXiv:`, a version, or the abs/pdf URL around them, and author pages
 * (`https://arxiv.org/a/<id>`), which list a reader's papers for them.
 */
import { parseArxivId, type ArxivId } from '@/lib/arxiv/ids';
import { authorOfUrl } from '@/lib/arxiv/url';

const URL_PREFIX = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\//i;

/** Seeds kept at most: a reader's own work, not a library (the message limit is far above it). */
export const MAX_SEEDS = 500;

/** Only a whole URL names an author page: a bare `a/x` is more likely a typo than a page. */
const ABSOLUTE_URL = /^https?:\/\//i;

/**
 * The ids in `text`, once each in the order written, the author pages it names (as canonical
 * `https://arxiv.org/a/<id>` URLs, once each), and the pieces that are neither (for the reader to
 * fix). More than `MAX_SEEDS` ids are cut to the first ones.
 *
 * @example parseSeedIds('arXiv:2602.22392v2, https://arxiv.org/abs/2602.22409\nhttps://arxiv.org/a/dai_d_1.html nope')
 * // → { ids: ['2602.22392', '2602.22409'], authorPages: ['https://arxiv.org/a/dai_d_1'], rejected: ['nope'] }
 */
export function parseSeedIds(text: string): { ids: ArxivId[]; authorPages: string[]; rejected: string[] } {
  const ids = new Set<ArxivId>();
  const authorPages = new Set<string>();
  const rejected: string[] = [];
  for (const piece of text.split(/[\s,;]+/)) {
    if (piece === '') continue;
    const author = ABSOLUTE_URL.test(piece) ? authorOfUrl(piece) : undefined;
    if (author !== undefined) {
      authorPages.add(`https://arxiv.org/a/${author}`);
      continue;
    }
    const parsed = parseArxivId(piece.replace(URL_PREFIX, '').replace(/\.pdf$/i, ''));
    if (parsed) ids.add(parsed.id);
    else rejected.push(piece);
  }
  return { ids: [...ids].slice(0, MAX_SEEDS), authorPages: [...authorPages], rejected };
}
