// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collectTextRuns, fieldElementsOf, type FieldElements } from '../../lib/highlight/fields';
import { parseArxivPage } from '../../lib/arxiv/parse';
import {
  FALLBACK_ATTRIBUTE,
  highlightName,
  highlightSupport,
  paintHighlights,
} from '../../lib/highlight/paint';
import { compileRules } from '../../lib/rules/compile';
import type { Rule } from '../../lib/rules/types';
import { FakeHighlight, fakeSupport } from '../unit/highlight/fake-highlight';
import { loadFixture } from '../fixtures/load-fixture';
import { makeRule, withVerdict } from '../unit/rules/make-rule';

const sections = [...loadFixture('list-new-cs.DC-2026-02-27.html').querySelectorAll('dl#articles')];


/** The text a range covers, read through a live Range (StaticRange has no `toString`). */
function textOf(range: AbstractRange): string {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live.toString();
}

function rangesOf(support: ReturnType<typeof fakeSupport>, slot = 0): AbstractRange[] {
  return support.registry.get(highlightName(slot))?.ranges ?? [];
}

let dds: Element[];
let entries: FieldElements[];

beforeEach(() => {
  // Ranges only work on nodes of the window's document in happy-dom, so each test gets a fresh
  // copy of the listing's sections there.
  document.body.replaceChildren(...sections.map((dl) => document.importNode(dl, true)));
  dds = [...document.querySelectorAll('dl#articles > dd')];
  entries = parseArxivPage(document, 'https://arxiv.org/list/cs.DC/new').papers.map((paper) => fieldElementsOf(paper.element.fields));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fieldElementsOf', () => {
  it('finds every field of a listing entry, authors one link each', () => {
    const fields = entries[5] as FieldElements;
    expect(Object.keys(fields).sort()).toEqual(['abstract', 'authors', 'comments', 'subjects', 'title']);
    expect(fields.authors?.map((a) => a.textContent)).toEqual(['Alex Aizman', 'Abhishek Gaikwad', 'Piotr Żelasko']);
  });

  it('leaves out fields an entry does not have', () => {
    const withoutComments = entries.findIndex((fields) => !fields.comments);
    expect(withoutComments).toBeGreaterThanOrEqual(0);
    expect(dds[withoutComments]?.querySelector('.list-comments')).toBeNull();
  });
});

describe('fieldElementsOf on every page kind', () => {
  // Search results and abs pages use other markup than listings; the parser's field nodes are the
  // one selector set, so a title or author rule paints there as on a listing.
  it.each([
    ['search results', 'search-results.html', 'https://arxiv.org/search/?query=distributed&searchtype=all'],
    ['an abs page', 'abs-2602.22195.html', 'https://arxiv.org/abs/2602.22195'],
  ])('paints a title rule and an author rule on %s', (_name, fixture, url) => {
    document.body.replaceChildren(document.importNode(loadFixture(fixture).body, true));
    const page = parseArxivPage(document, url);
    const paper = page.papers[0]!;
    const fields = fieldElementsOf(paper.element.fields);
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(['title', 'authors', 'abstract', 'subjects']));
    const titleWord = paper.title.split(/\s+/).find((word) => /^[A-Za-z]{5,}$/.test(word))!;
    const author = paper.authors[0]!;
    const support = fakeSupport();
    const result = paintHighlights([fields], compileRules([makeRule({ id: 't', pattern: titleWord, fields: ['title'] }), makeRule({ id: 'a', pattern: author, fields: ['authors'], color: '#00aa00' })]), support);
    expect(result.matches[0]?.ruleIds.sort()).toEqual(['a', 't']);
    const painted = [...support.registry.values()].flatMap((highlight) => highlight.ranges.map(textOf));
    expect(painted).toEqual(expect.arrayContaining([titleWord, author]));
  });
});

describe('collectTextRuns', () => {
  it('reads a field as shown, without its descriptor label', () => {
    const [run, ...rest] = collectTextRuns(entries[6]?.title?.[0] as Element);
    expect(rest).toEqual([]);
    expect(run?.text.trim()).toBe('veScale-FSDP: Flexible and High-Performance FSDP at Scale');
  });

  it('skips rendered MathJax and its TeX script, and breaks the text around them', () => {
    const title = document.createElement('div');
    title.className = 'list-title mathjax';
    const label = document.createElement('span');
    label.className = 'descriptor';
    label.textContent = 'Title:';
    const preview = document.createElement('span');
    preview.className = 'MathJax_Preview';
    preview.textContent = 'G';
    const rendered = document.createElement('span');
    rendered.className = 'MathJax';
    rendered.textContent = 'G';
    const tex = document.createElement('script');
    tex.type = 'math/tex';
    tex.textContent = 'G';
    const mjx = document.createElement('mjx-container');
    mjx.textContent = 'H';
    title.append(label, 'Bounds for ', preview, rendered, tex, ' graphs and ', mjx, ' more');
    expect(collectTextRuns(title).map((run) => run.text)).toEqual(['Bounds for ', ' graphs and ', ' more']);
  });
});

describe('paintHighlights', () => {
  it('creates ranges that cover exactly the matched characters', () => {
    const rules: Rule[] = [
      makeRule({ id: 'fsdp', pattern: 'fsdp', fields: ['title', 'abstract'] }),
      makeRule({ id: 'tex', pattern: '$O(\\sqrt{n})$', fields: ['abstract'], color: '#80deea' }),
      withVerdict(makeRule({ id: 'llm', pattern: '\\bLLMs?\\b', mode: 'regex', fields: ['title'], color: '#a5d6a7' })),
    ];
    const support = fakeSupport();
    paintHighlights(entries, compileRules(rules), support);

    const fsdp = rangesOf(support, 0).map(textOf);
    const inFixture = dds
      .flatMap((dd) => [dd.querySelector('.list-title'), dd.querySelector('p.mathjax')])
      .flatMap((el) => (el?.textContent ?? '').match(/fsdp/gi) ?? []);
    expect(fsdp).toEqual(inFixture);
    expect(fsdp.length).toBeGreaterThan(5);
    expect(rangesOf(support, 1).map(textOf)).toEqual(['$O(\\sqrt{n})$']);
    expect(new Set(rangesOf(support, 2).map(textOf))).toEqual(new Set(['LLM', 'LLMs']));
  });

  it('maps ranges through collapsed whitespace onto the original text nodes', () => {
    const support = fakeSupport();
    const rules = [makeRule({ id: 'p', pattern: 'widely used for training', fields: ['abstract'] })];
    paintHighlights(entries, compileRules(rules), support);
    expect(rangesOf(support).map(textOf)).toEqual(['widely used for\ntraining']);
  });

  it('splits a range across text nodes when a match spans inline markup', () => {
    const comments = document.createElement('div');
    comments.className = 'list-comments mathjax';
    const link = document.createElement('a');
    link.href = 'https://github.com/example/sift';
    link.textContent = 'github.com/example/sift';
    comments.append('Code at ', link, ' (MIT)');
    const support = fakeSupport();
    const rules = [makeRule({ id: 'c', pattern: 'at github.com/example/sift (mit', fields: ['comments'] })];
    paintHighlights([{ comments: [comments] }], compileRules(rules), support);
    const [range] = rangesOf(support);
    expect(range && textOf(range)).toBe('at github.com/example/sift (MIT');
    expect(range?.startContainer).not.toBe(range?.endContainer);
  });

  it.each(['Title', 'Title:', 'Authors', 'Comments:', 'Subjects:', 'Abstract'])(
    'never matches the descriptor label %s',
    (pattern) => {
      const support = fakeSupport();
      paintHighlights(entries, compileRules([makeRule({ id: 'd', pattern })]), support);
      for (const range of rangesOf(support)) {
        expect(range.startContainer.parentElement?.closest('.descriptor')).toBeNull();
      }
      if (pattern.endsWith(':')) expect(rangesOf(support)).toEqual([]);
    },
  );

  it('finds Żelasko with rule "zelasko" in the authors field only when authors is selected', () => {
    const authors = fakeSupport();
    const byAuthors = paintHighlights(
      entries,
      compileRules([makeRule({ id: 'z', pattern: 'zelasko', fields: ['authors'] })]),
      authors,
    );
    expect(byAuthors.matches).toEqual([{ index: 5, ruleIds: ['z'], slots: [0] }]);
    expect(rangesOf(authors).map(textOf)).toEqual(['Żelasko']);

    const others = fakeSupport();
    const otherFields = paintHighlights(
      entries,
      compileRules([makeRule({ id: 'z', pattern: 'zelasko', fields: ['title', 'abstract', 'comments', 'subjects'] })]),
      others,
    );
    expect(otherFields.matches).toEqual([]);
    expect(others.registry.size).toBe(0);
  });

  it('matches authors inside each name only, never across separators or affiliations', () => {
    const support = fakeSupport();
    const rules = [
      makeRule({ id: 'across', pattern: 'Aizman, Abhishek', fields: ['authors'] }),
      makeRule({ id: 'affiliation', pattern: 'Umea University', fields: ['authors'] }),
      makeRule({ id: 'name', pattern: 'Elmroth', fields: ['authors'] }),
    ];
    const result = paintHighlights(entries, compileRules(rules), support);
    expect(result.matches.flatMap((m) => m.ruleIds)).toEqual(['name']);
    expect(rangesOf(support).map(textOf)).toEqual(['Elmroth']);
  });

  it('matches subjects one at a time, anchors included', () => {
    const support = fakeSupport();
    const rules = [
      makeRule({ id: 'across', pattern: '(cs.DB); Machine', fields: ['subjects'] }),
      withVerdict(makeRule({ id: 'anchored', pattern: '^Databases \\(cs\\.DB\\)$', mode: 'regex', fields: ['subjects'] })),
    ];
    const result = paintHighlights(entries, compileRules(rules), support);
    expect(new Set(result.matches.flatMap((m) => m.ruleIds))).toEqual(new Set(['anchored']));
    expect(new Set(rangesOf(support).map(textOf))).toEqual(new Set(['Databases (cs.DB)']));
  });

  it('leaves the page DOM unchanged', () => {
    const listing = document.body.cloneNode(true);
    const rules = [makeRule({ id: 'a', pattern: 'graph', mode: 'word' }), makeRule({ id: 'b', pattern: 'GPU' })];
    paintHighlights(entries, compileRules(rules), fakeSupport());
    paintHighlights(entries, compileRules(rules), null);
    expect(document.body.isEqualNode(listing)).toBe(true);
  });

  it('registers one highlight per colour with matching ::highlight CSS, and clears them', () => {
    const support = fakeSupport();
    const rules = [
      makeRule({ id: 'a', pattern: 'GPU', color: '#FFD54F' }),
      makeRule({ id: 'b', pattern: 'LLM', color: '#80deea' }),
      makeRule({ id: 'c', pattern: 'cache', color: '#ffd54f' }),
    ];
    const result = paintHighlights(entries, compileRules(rules), support);
    expect(result.mode).toBe('highlight');
    expect([...support.registry.keys()].sort()).toEqual(['sift-rule-0', 'sift-rule-1']);
    expect(result.css).toContain('::highlight(sift-rule-0) { background-color: #ffd54f59;');
    expect(result.css).toContain('::highlight(sift-rule-1) { background-color: #80deea59;');
    result.clear();
    expect(support.registry.size).toBe(0);
  });

  it('uses the page CSS.highlights and Highlight when the browser has them', () => {
    const registry = new Map<string, FakeHighlight>();
    vi.stubGlobal('CSS', { highlights: registry });
    vi.stubGlobal('Highlight', FakeHighlight);
    expect(highlightSupport()).not.toBeNull();
    const result = paintHighlights(entries, compileRules([makeRule({ id: 'a', pattern: 'FSDP' })]));
    expect(result.mode).toBe('highlight');
    expect(registry.get('sift-rule-0')?.ranges.length).toBeGreaterThan(0);
  });

  describe('without the Custom Highlight API', () => {
    it('reports matched entries and fallback CSS, and touches nothing', () => {
      vi.stubGlobal('CSS', {});
      expect(highlightSupport()).toBeNull();
      const listing = document.body.cloneNode(true);
      const rules = [
        makeRule({ id: 'z', pattern: 'zelasko', fields: ['authors'], color: '#ef9a9a' }),
        makeRule({ id: 'h', pattern: 'quantum', fields: ['title'], action: 'hide', color: '#90caf9' }),
      ];
      const result = paintHighlights(entries, compileRules(rules));
      expect(result.mode).toBe('fallback');
      expect(result.matches).toEqual([
        { index: 5, ruleIds: ['z'], slots: [0] },
        { index: 28, ruleIds: ['h'], slots: [1] },
      ]);
      expect(result.css).toBe(
        `[${FALLBACK_ATTRIBUTE}~="sift-rule-0"] { box-shadow: inset 0.3em 0 0 #ef9a9a; }\n` +
          `[${FALLBACK_ATTRIBUTE}~="sift-rule-1"] { box-shadow: inset 0.3em 0 0 #90caf9; }`,
      );
      result.clear();
      expect(document.body.isEqualNode(listing)).toBe(true);
    });
  });
});
