/**
 * What "For you" shows on the page, as pure functions: the model as a page scores with it, each
 * entry's relevance mark, the "Why?" line, and the toolbar's note on what the model stands on.
 */
import { i18n } from '#i18n';
import type { ArxivId } from '@/lib/arxiv/types';
import { createVectorizer, type Vectorizer } from '@/lib/ranking/document-frequencies';
import type { Explanation } from '@/lib/ranking/explain';
import { parseRankingModelJson, type RankingModel } from '@/lib/ranking/model';
import { parseSparseStatistics, type RankingAnswer } from './ranking-wire';

/** A model ready to score this page's papers, with the titles of what it learned from. */
export interface PageModel {
  readonly model: RankingModel;
  readonly vectorizer: Vectorizer;
  readonly titles: Readonly<Record<string, string>>;
  readonly note: string;
}

/**
 * The background's answer as a page model, or the reason ranking is off. A damaged answer throws
 * (the caller shows "For you" as unavailable; the next retrain replaces it).
 */
export function toPageModel(answer: RankingAnswer): PageModel | { off: string } {
  if (answer.status === 'off') return { off: answer.message };
  const model = parseRankingModelJson(answer.model);
  const vectorizer = createVectorizer(parseSparseStatistics(answer.statistics), model.blockWeights);
  const { positives, hidden, seen } = answer.counts;
  const learned = { positives: i18n.t('overlay.forYou.positives', positives), hidden: i18n.t('overlay.forYou.hidden', hidden), seen: i18n.t('overlay.forYou.seen', seen) };
  const note = model.kind === 'linear' ? i18n.t('overlay.forYou.learnedFrom', learned) : i18n.t('overlay.forYou.closestTo', { positives: learned.positives });
  return { model, vectorizer, titles: answer.titles, note };
}

export type RelevanceLevel = 'high' | 'medium' | 'low';

/** The share of a page marked high, and high or medium: a day's few must-reads stand out. */
const HIGH_SHARE = 0.1;
const MEDIUM_SHARE = 0.35;

/**
 * Each paper's relevance mark, by its rank among the page's scores (scores of one model do not
 * mean the same on another day, ranks do): the top tenth high, the next quarter medium.
 */
export function relevanceLevels(scores: ReadonlyMap<ArxivId, number>): Map<ArxivId, RelevanceLevel> {
  const ranked = [...scores].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const high = Math.ceil(ranked.length * HIGH_SHARE);
  const medium = Math.ceil(ranked.length * MEDIUM_SHARE);
  return new Map(ranked.map(([id], rank) => [id, rank < high ? 'high' : rank < medium ? 'medium' : 'low']));
}

/** The mark's glyphs for a level; its accessible name is `Relevance: <level>`. */
export const RELEVANCE_GLYPHS: Readonly<Record<RelevanceLevel, string>> = { high: '●●●', medium: '●●○', low: '●○○' };

/**
 * "Why?" as one line of plain text: the terms and authors that weigh most and the positive the
 * paper is closest to, by title when the model knows it.
 *
 * @example whyLine(explanation, { '2602.1': 'LLM serving' }) → 'Terms: llm, serving · Authors: … · Closest to your “LLM serving”'
 */
export function whyLine(explanation: Explanation, titles: Readonly<Record<string, string>>): string {
  const parts: string[] = [];
  if (explanation.terms.length > 0) parts.push(i18n.t('overlay.forYou.terms', { terms: explanation.terms.map((term) => term.label).join(', ') }));
  if (explanation.authors.length > 0) parts.push(i18n.t('overlay.forYou.authors', { authors: explanation.authors.map((author) => author.label).join(', ') }));
  const closest = explanation.closest;
  if (closest && closest.similarity > 0) parts.push(i18n.t('overlay.forYou.closest', { title: titles[closest.id] ?? closest.id }));
  return parts.length > 0 ? parts.join(' · ') : i18n.t('overlay.forYou.nothingAlike');
}
