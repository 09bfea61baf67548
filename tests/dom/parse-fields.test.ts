// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseAuthorList } from '../../lib/arxiv/authors';
import { readText } from '../../lib/arxiv/text';
import { parseHtml } from '../fixtures/load-fixture';

/** The first element of an HTML snippet, parsed like page markup. */
function element(html: string): Element {
  const found = parseHtml(`<!DOCTYPE html><body>${html}</body>`).body.firstElementChild;
  if (!found) throw new Error(`no element in ${html}`);
  return found;
}

const A = (name: string): string => `<a href="https://arxiv.org/search/cs?searchtype=author&amp;query=${encodeURIComponent(name)}" rel="nofollow">${name}</a>`;

describe('readText', () => {
  it('drops the descriptor label and collapses whitespace', () => {
    const title = element(`<div class='list-title mathjax'><span class='descriptor'>Title:</span>
          Energy Efficient Federated Learning
             with Hyperdimensional Computing (HDC)
        </div>`);
    expect(readText(title)).toBe('Energy Efficient Federated Learning with Hyperdimensional Computing (HDC)');
  });

  it('leaves out an element by its class names, whole names only, whatever separates them', () => {
    const line = element(
      `<div><span class="x\tdescriptor">Title:</span><span class="descriptors">kept</span> <span class="mathjax MathJax_Preview">dropped</span><span class="MathJax_Previews">too kept</span> <span class="\nMJX_Assistive_MathML ">x</span>end</div>`,
    );
    expect(readText(line)).toBe('kept too kept end');
  });

  it('keeps TeX exactly as typed', () => {
    expect(readText(element(`<p>in $\\tilde O(D)$ rounds, size $O(\\sqrt{n})$ &amp; 100%</p>`))).toBe(
      'in $\\tilde O(D)$ rounds, size $O(\\sqrt{n})$ & 100%',
    );
  });

  it('reads TeX back from MathJax 2 output, skipping the rendered spans', () => {
    const typeset = element(
      '<div>in <span class="MathJax_Preview"></span><span class="MathJax" id="MathJax-Element-1-Frame"><nobr>Õ(D)</nobr></span>' +
        '<script type="math/tex" id="MathJax-Element-1">\\tilde O(D)</script> rounds; ' +
        '<div class="MathJax_Display"><span>x²</span></div><script type="math/tex; mode=display">x^2</script></div>',
    );
    expect(readText(typeset)).toBe('in $\\tilde O(D)$ rounds; $$x^2$$');
  });

  it('skips MathJax 3 output and other scripts and styles', () => {
    expect(readText(element('<p>a <mjx-container>rendered</mjx-container><script>track()</script><style>p{}</style>b</p>'))).toBe('a b');
  });

  it('reads "this https URL" links as their address and <br> as a space', () => {
    const comments = element(
      '<div><span class="descriptor">Comments:</span> Code: <a href="https://github.com/NVIDIA/aistore">this https URL</a>,<br/>see <a href="https://example.org/x">https://example.org/x</a></div>',
    );
    expect(readText(comments)).toBe('Code: https://github.com/NVIDIA/aistore, see https://example.org/x');
  });

  it('leaves out elements the caller skips', () => {
    const short = element('<span>Short abstract… <a class="is-size-7">▽ More</a></span>');
    expect(readText(short, { omit: (el) => el.localName === 'a' })).toBe('Short abstract…');
  });
});

describe('parseAuthorList', () => {
  it.each([
    ['linked names joined by commas', `<div>${A('Yahao Ding')}, ${A('Yinchao Yang')}, ${A('Mohammad Shikh-Bahaei')}</div>`, ['Yahao Ding', 'Yinchao Yang', 'Mohammad Shikh-Bahaei'], []],
    ['"and" before the last name', `<div>${A('Yaseen Abd-Elhaleem')}, ${A('Michal Dory')} and ${A('Oren Weimann')}</div>`, ['Yaseen Abd-Elhaleem', 'Michal Dory', 'Oren Weimann'], []],
    ['unicode names', `<div>${A('Piotr Żelasko')}, ${A('Christopher Ré')}, ${A('Dirk Pflüger')}</div>`, ['Piotr Żelasko', 'Christopher Ré', 'Dirk Pflüger'], []],
    [
      'numbered markers and the trailing key',
      `<div>${A('Dong Xu')} (1), ${A('Han Meng')} (1, 2), ${A('Wei Tang')} (3) ((1) UC Merced, (2) Zhejinag University, (3) Bytedance and (4) Xconn-tech)</div>`,
      ['Dong Xu', 'Han Meng', 'Wei Tang'],
      ['UC Merced', 'Zhejinag University', 'Bytedance', 'Xconn-tech'],
    ],
    [
      'inline affiliations, de-duplicated',
      `<div>${A('Alex Aizman')} (NVIDIA), ${A('Abhishek Gaikwad')} (NVIDIA), ${A('Piotr Żelasko')} (Johns Hopkins University)</div>`,
      ['Alex Aizman', 'Abhishek Gaikwad', 'Piotr Żelasko'],
      ['NVIDIA', 'Johns Hopkins University'],
    ],
    ['et al.', `<div>${A('Jon Saad-Falcon')}, ${A('Avanika Narayan')}, et al.</div>`, ['Jon Saad-Falcon', 'Avanika Narayan'], []],
    [
      'et al. with additional authors not shown',
      `<div>${A('Jon Saad-Falcon')}, ${A('Avanika Narayan')}, et al. (10 additional authors not shown)</div>`,
      ['Jon Saad-Falcon', 'Avanika Narayan'],
      [],
    ],
    [
      'a search result with its plain "Authors:" label',
      `<p class="authors"><span class="has-text-black-bis">Authors:</span>\n ${A('Ruichen Xu')},\n ${A('Jianwei Huang')}</p>`,
      ['Ruichen Xu', 'Jianwei Huang'],
      [],
    ],
    ['a classic descriptor label', `<div><span class="descriptor">Authors:</span>\n${A('Yahao Ding')}, \n${A('Yinchao Yang')}</div>`, ['Yahao Ding', 'Yinchao Yang'], []],
    [
      'plain-text names with a suffix and "&"',
      '<div>John Smith, Jr., Jane Doe (MIT) &amp; Ada Lovelace</div>',
      ['John Smith Jr.', 'Jane Doe', 'Ada Lovelace'],
      ['MIT'],
    ],
    ['the unavailable-list note', '<div>(author list is unavailable)</div>', [], []],
    ['an unclosed parenthesis', `<div>${A('Dong Xu')} ((1) UC Merced, (2) Zhejinag</div>`, ['Dong Xu'], ['UC Merced', 'Zhejinag']],
  ])('reads %s', (_case, html, authors, affiliations) => {
    expect(parseAuthorList(element(html))).toEqual({ authors, affiliations });
  });
});
