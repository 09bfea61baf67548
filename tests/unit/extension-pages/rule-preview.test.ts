// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseArxivPage } from '@/lib/arxiv/parse';
import type { Rule } from '@/lib/rules/types';
import { previewRule } from '@/lib/extension-pages/rule-preview';
import { RULE_PREVIEW_SAMPLE } from '@/lib/extension-pages/rule-preview-sample';
import { loadFixture } from '../../fixtures/load-fixture';

const seed = parseArxivPage(loadFixture('list-new-cs.DC-2026-02-27.html'), 'https://arxiv.org/list/cs.DC/new').papers;

function rule(overrides: Partial<Rule> & Pick<Rule, 'pattern'>): Rule {
  return {
    id: 'draft',
    mode: 'word',
    fields: ['title', 'abstract', 'authors'],
    caseSensitive: false,
    diacriticSensitive: false,
    color: '#ffe066',
    action: 'highlight',
    enabled: true,
    createdAt: 0,
    updatedAt: 0,
    ...overrides,
  };
}

describe('the options page\'s preview sample', () => {
  it('is twelve papers of the seed listing exactly as the parser reads them', () => {
    expect(RULE_PREVIEW_SAMPLE).toHaveLength(12);
    for (const sample of RULE_PREVIEW_SAMPLE) {
      const parsed = seed.find((paper) => paper.title === sample.title);
      expect(parsed, sample.title).toBeDefined();
      expect(sample).toEqual({ title: parsed!.title, authors: parsed!.authors, abstract: parsed!.abstract, ...(parsed!.comments ? { comments: parsed!.comments } : {}), subjects: parsed!.subjects });
    }
  });

  it('previews the common kinds of rule: a topic word and an accented author', () => {
    expect(previewRule(rule({ pattern: 'federated' }), RULE_PREVIEW_SAMPLE).count).toBe(2);
    expect(previewRule(rule({ pattern: 'zelasko' }), RULE_PREVIEW_SAMPLE).count).toBe(1);
  });
});

describe('previewRule on the seed listing', () => {
  it('has the 29 papers of the seed listing to preview on', () => {
    expect(seed).toHaveLength(29);
  });

  it('counts the matched papers and names the first three, in listing order', () => {
    const preview = previewRule(rule({ pattern: 'federated' }), seed);
    const expected = seed.filter((paper) => /federated/i.test(`${paper.title} ${paper.abstract ?? ''}`));
    expect(preview.count).toBe(expected.length);
    expect(preview.count).toBeGreaterThan(0);
    expect(preview.samples).toEqual(expected.slice(0, 3).map((paper) => paper.title));
  });

  it('finds an author whatever the accents typed', () => {
    const preview = previewRule(rule({ pattern: 'Zelasko', fields: ['authors'] }), seed);
    expect(preview.count).toBe(1);
    expect(preview.samples[0]).toMatch(/^GetBatch/);
  });

  it('previews a regular expression, judged as the background will judge it on save', () => {
    const preview = previewRule(rule({ pattern: 'federat\\w+', mode: 'regex' }), seed);
    expect(preview).toEqual(previewRule(rule({ pattern: 'federated', mode: 'phrase' }), seed));
    expect(preview.count).toBeGreaterThan(0);
  });

  it('previews a draft that is not enabled yet', () => {
    expect(previewRule(rule({ pattern: 'federated', enabled: false }), seed).count).toBeGreaterThan(0);
  });

  it.each([
    ['a catastrophic regex', rule({ pattern: '(a|aa)*b', mode: 'regex' })],
    ['a blank pattern', rule({ pattern: '   ' })],
    ['a word found nowhere', rule({ pattern: 'xylophone' })],
  ])('matches nothing for %s', (_case, draft) => {
    expect(previewRule(draft, seed)).toEqual({ count: 0, samples: [] });
  });
});
