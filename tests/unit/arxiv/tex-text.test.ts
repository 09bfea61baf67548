import { describe, expect, it } from 'vitest';
import { readableTex } from '@/lib/arxiv/tex-text';

describe('readableTex', () => {
  it.each([
    ['An $\\tilde O(D)$-round algorithm', 'An Õ(D)-round algorithm'],
    ['$O(\\log n)$ time', 'O(log n) time'],
    ['$O(n^2)$ and $x_{10}$', 'O(n²) and x₁₀'],
    ['$\\sqrt{n}$ and $\\sqrt{n+1}$', '√n and √(n+1)'],
    ['Learning on $\\mathbb{R}^d$', 'Learning on ℝ^d'],
    ['$\\alpha$-$\\beta$ pruning', 'α-β pruning'],
    ['$\\frac{1}{2}$-approximation', '1/2-approximation'],
    ['$\\mathcal{O}(k)$ rounds', 'O(k) rounds'],
    ['costs \\$5, not $5$', 'costs $5, not 5'],
    ['an unclosed $ sign', 'an unclosed $ sign'],
    ['$\\unknowncommand x$', 'unknowncommand x'],
    ['Plain title, no math', 'Plain title, no math'],
  ])('%s → %s', (input, expected) => {
    expect(readableTex(input)).toBe(expected);
  });

  it('leaves nesting deeper than any title has as typed, so hostile input cannot recurse without bound', () => {
    const deep = `$${'\\sqrt{'.repeat(2000)}x${'}'.repeat(2000)}$`;
    const text = readableTex(deep);
    expect(text.startsWith('√(√(√(')).toBe(true);
    expect(text).toContain('\\sqrt{');
  });
});
