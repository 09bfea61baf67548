/**
 * The 50 highlight terms the benchmark paints with Sift's rules and with mark.js: the kind of list
 * a reader keeps, taken from the seed listing (tests/fixtures/list-new-cs.DC-2026-02-27.html) so
 * every one of them occurs on the generated pages. Author surnames include diacritics (Żelasko,
 * Pflüger, Ré); names shorter than three letters (Li, Xu, Wu) are left out because mark.js's
 * regular expression has no word boundaries and would paint them inside every other word.
 */
import type { Rule } from '@/lib/rules/types';

export const AUTHOR_TERMS = [
  'Zhang', 'Wang', 'Liu', 'Huang', 'Zhu', 'Yang', 'Rashid', 'Chen', 'Zhou', 'Zhong', 'Xie', 'Tang', 'Strack',
  'Park', 'Jiang', 'Jain', 'Żelasko', 'Pflüger', 'Ré', 'Wiesner', 'Weimann', 'Sugiura', 'Snyder', 'Sattath',
  'Tallent',
] as const;

export const KEYWORD_TERMS = [
  'federated', 'serving', 'LLM', 'cache', 'storage', 'parallel', 'distributed', 'GPU', 'file system',
  'bandwidth', 'shuffle', 'simulation', 'privacy', 'energy', 'cloud', 'token', 'memory', 'scheduling',
  'consensus', 'latency', 'throughput', 'inference', 'training', 'heterogeneous', 'checkpoint',
] as const;

export const TERMS: readonly string[] = [...AUTHOR_TERMS, ...KEYWORD_TERMS];

const COLORS = ['#ffd54f', '#81c784', '#64b5f6', '#e57373', '#ba68c8', '#4db6ac'];

/**
 * The rules a reader would write for these terms: whole-word author rules on the author field and
 * phrase keyword rules on title and abstract, case- and accent-insensitive, in six colours.
 */
export function benchRules(now = 0): Rule[] {
  const rule = (pattern: string, index: number, author: boolean): Rule => ({
    id: `bench-${index}`,
    pattern,
    mode: author ? 'word' : 'phrase',
    fields: author ? ['authors'] : ['title', 'abstract'],
    caseSensitive: false,
    diacriticSensitive: false,
    color: COLORS[index % COLORS.length] ?? '#ffd54f',
    action: 'highlight',
    enabled: true,
    createdAt: now,
    updatedAt: now,
  });
  return [
    ...AUTHOR_TERMS.map((term, i) => rule(term, i, true)),
    ...KEYWORD_TERMS.map((term, i) => rule(term, AUTHOR_TERMS.length + i, false)),
  ];
}
