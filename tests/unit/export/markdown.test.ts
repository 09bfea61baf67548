import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { toMarkdown, toMarkdownText, UNTAGGED_HEADING, type ExportPaper } from '@/lib/export';
import { ALL_PAPERS, MARKDOWN_INJECTION, SEED_PAPERS, TAGS_AND_NOTES } from './cases';

/** Heading → the arXiv ids linked in its section, read back from the Markdown. */
function sections(markdown: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of markdown.split('\n')) {
    const heading = /^## (.*)$/.exec(line);
    if (heading) {
      current = [];
      out.set(heading[1] ?? '', current);
      continue;
    }
    const item = /^- \[.*\]\((https:\/\/arxiv\.org\/abs\/([^)]+))\)/.exec(line);
    if (item && current) current.push(item[2] ?? '');
  }
  return out;
}

function expectedSections(papers: readonly ExportPaper[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const paper of papers) {
    const tags = paper.tags?.length ? paper.tags : [UNTAGGED_HEADING];
    for (const tag of tags) out.set(tag, [...(out.get(tag) ?? []), paper.id]);
  }
  return out;
}

describe('toMarkdownText', () => {
  it.each([
    ['[link](x)', '\\[link\\]\\(x\\)'],
    ['![x](https://e.x/i.png)', '\\!\\[x\\]\\(https://e.x/i.png\\)'],
    ['a $5 bill & &lt;', 'a \\$5 bill \\& \\&lt;'],
    ['$O(\\log n)$ and $\\{x\\}$', '$O(\\log n)$ and $\\{x\\}$'],
    ['$![a](http://e.x) <b>$', '$! [a] (http://e.x) < b>$'],
    ['<img src=x>', '\\<img src=x\\>'],
    ['*bold* _it_', '\\*bold\\* \\_it\\_'],
    ['`code`', '\\`code\\`'],
    ['~~strike~~ | pipe', '\\~\\~strike\\~\\~ \\| pipe'],
    ['back\\slash \\[', 'back\\\\slash \\\\\\['],
    ['$\\tilde O(D)$ & 100%', '$\\tilde O(D)$ \\& 100%'],
    ['two\nlines', 'two lines'],
    ['C# ##', 'C\\# \\#\\#'],
  ])('escapes %j as %j', (input, expected) => {
    expect(toMarkdownText(input)).toBe(expected);
  });
});

describe('toMarkdown', () => {
  it('links every seed paper once under each of its tags, untagged papers under "Untagged"', () => {
    const actual = sections(toMarkdown(SEED_PAPERS));
    const expected = expectedSections(SEED_PAPERS);
    expect(new Set(actual.keys())).toEqual(new Set(expected.keys()));
    for (const [tag, ids] of expected) expect(actual.get(tag)).toEqual(ids);
  });

  it('orders tag sections alphabetically and puts Untagged last', () => {
    const headings = [...sections(toMarkdown(TAGS_AND_NOTES)).keys()];
    expect(headings).toEqual(['@home', 'theory', 'to-read', UNTAGGED_HEADING]);
  });

  it('writes each item as title link, authors, arXiv id and pdf link, with the note quoted below', () => {
    const [first] = TAGS_AND_NOTES;
    if (first === undefined) throw new Error('no case');
    expect(toMarkdown([first])).toContain(
      [
        '- [+1 Trick: Why "Sum, Then Scale" Works](https://arxiv.org/abs/2603.01238) — Carol Jones, Dan Brown (arXiv:2603.01238) [pdf](https://arxiv.org/pdf/2603.01238)',
        '',
        '  > =HYPERLINK\\("http://evil.example","click"\\), then "quoted", and more',
        '  > second line',
      ].join('\n'),
    );
  });

  it('leaves no unescaped < and no [ but its own two links per item in hostile text', () => {
    const markdown = toMarkdown([MARKDOWN_INJECTION]);
    expect(markdown).not.toMatch(/(?<!\\)</);
    const body = markdown.split('\n').filter((l) => l.startsWith('- ') || l.startsWith('  >'));
    const unescapedBrackets = body.join('\n').match(/(?<!\\)\[/g) ?? [];
    expect(unescapedBrackets).toHaveLength(2);
    expect(markdown).toContain('](https://arxiv.org/abs/2603.01241)');
    expect(markdown).not.toMatch(/(?<!\\)\]\(javascript/);
  });

  it('counts a backslash in a title as text, so it cannot unescape the next bracket', () => {
    const markdown = toMarkdown([{ ...MARKDOWN_INJECTION, title: 'a\\[b](javascript:x)', tags: [] }]);
    expect(markdown).toContain('[a\\\\\\[b\\]\\(javascript:x\\)](https://arxiv.org/abs/2603.01241)');
  });

  it('percent-encodes characters that would end a link target', () => {
    const markdown = toMarkdown([{ ...MARKDOWN_INJECTION, absUrl: 'https://arxiv.org/abs/x)[y](z', tags: [] }]);
    expect(markdown).toContain('](https://arxiv.org/abs/x%29%5By%5D%28z)');
  });

  it('lists every paper of every case', () => {
    const markdown = toMarkdown(ALL_PAPERS);
    for (const paper of ALL_PAPERS) expect(markdown).toContain(`(arXiv:${toMarkdownText(paper.id)})`);
  });

  it('lists every paper under Untagged and quotes no note when tags and notes are left out', () => {
    const markdown = toMarkdown(TAGS_AND_NOTES, { includeUserData: false });
    expect([...sections(markdown).keys()]).toEqual([UNTAGGED_HEADING]);
    expect(markdown).not.toContain('  >');
  });

  it('renders hostile titles, names and notes in marked as text: no image, no HTML, no link that hides its target', () => {
    const hostile = {
      ...MARKDOWN_INJECTION,
      title: '![x](https://evil.example/t.png) [y](https://evil.example) <img src=x> $![m](https://evil.example/m.png)$',
      authors: ['![a](https://evil.example/a.png)'],
      note: '![n](https://evil.example/n.png)\n<script>alert(1)</script>',
    };
    const html = marked.parse(toMarkdown([hostile]), { async: false });
    expect(html).not.toMatch(/<img|<script/i);
    // GFM still autolinks a bare URL in text; that link shows its own target, so it hides nothing.
    for (const [, href = '', text = ''] of html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)) {
      if (href.includes('evil.example')) expect(text.startsWith('https://evil.example')).toBe(true);
    }
    expect(html).toContain('![x](https://evil.example/t.png)');
  });

  it('keeps backslashes in math single and puts the note quote after a blank line', () => {
    const markdown = toMarkdown([{ ...TAGS_AND_NOTES[1]!, title: 'Sorting in $O(n \\log n)$ time' }]);
    expect(markdown).toContain('[Sorting in $O(n \\log n)$ time]');
    expect(markdown).toMatch(/\[pdf\]\([^)]*\)\n\n {2}> /);
    expect(marked.parse(markdown, { async: false })).toContain('<blockquote>');
  });

  it('says so when there are no papers', () => {
    expect(toMarkdown([])).toBe('# Reading list\n\n_No papers._\n');
  });
});
