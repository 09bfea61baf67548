import { ruleFingerprint } from '../../../lib/rules/compile';
import type { Rule } from '../../../lib/rules/types';

/** A valid, enabled, case- and accent-insensitive phrase rule on every field, with `overrides`. */
export function makeRule(overrides: Partial<Rule> & Pick<Rule, 'pattern'>): Rule {
  return {
    id: overrides.id ?? `rule-${overrides.pattern}`,
    mode: 'phrase',
    fields: ['title', 'abstract', 'authors', 'comments', 'subjects'],
    caseSensitive: false,
    diacriticSensitive: false,
    color: '#ffd54f',
    action: 'highlight',
    enabled: true,
    createdAt: 0,
    updatedAt: 0,
    ...overrides,
  };
}

/**
 * `rule` as the background hands it to a listing once judged: with a current verdict and no
 * error. For tests of compiling and matching, which a listing does on the verdict alone.
 */
export function withVerdict(rule: Rule): Rule {
  return { ...rule, verdict: { of: ruleFingerprint(rule) } };
}
