/** The rule editor's live preview: what a draft rule would match on a sample listing. */
import { compileRules } from '@/lib/rules/compile';
import { judgeRule } from '@/lib/rules/judge';
import { matchPaper, type PaperText } from '@/lib/rules/match';
import type { Rule } from '@/lib/rules/types';

export interface RulePreview {
  count: number;
  /** Titles of the first matched papers, in listing order. */
  samples: string[];
}

/**
 * How many of `papers` the rule matches, and the titles of the first `maxSamples` of them. The
 * draft counts as enabled (one is usually being written before it is switched on); a rule that
 * does not compile matches nothing. The draft is judged first, as the background judges it on
 * save: `compileRules` compiles a regex rule only on its verdict.
 *
 * @example previewRule({ ...rule, pattern: 'federated' }, seedPapers) // { count: 2, samples: ['Energy Efficient Federated Learning…', …] }
 */
export function previewRule(rule: Rule, papers: readonly PaperText[], maxSamples = 3): RulePreview {
  let judged: Rule;
  try {
    judged = judgeRule({ ...rule, enabled: true });
  } catch {
    // The detector's budget is spent for the minute: no preview until it is back.
    return { count: 0, samples: [] };
  }
  const compiled = compileRules([judged]);
  if (compiled.rules.size === 0) return { count: 0, samples: [] };
  const matched = papers.filter((paper) => matchPaper(compiled, paper).ruleIds.size > 0);
  return { count: matched.length, samples: matched.slice(0, maxSamples).map((paper) => paper.title) };
}
