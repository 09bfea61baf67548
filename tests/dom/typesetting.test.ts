// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { TYPESET_SETTLE_MS, watchTypesetting } from '../../lib/highlight/typesetting';

/** A listing entry in arXiv's markup with TeX in its abstract, inside its `dl`. */
function listing(): { dd: HTMLElement; abstract: HTMLElement } {
  document.body.replaceChildren();
  const dl = document.createElement('dl');
  const dd = document.createElement('dd');
  const abstract = document.createElement('p');
  abstract.className = 'mathjax';
  abstract.textContent = 'A separator of $G$ in $\\tilde O(D)$ rounds, and a separator tree.';
  dd.append(abstract);
  dl.append(dd);
  document.body.append(dl);
  return { dd, abstract };
}

/** What MathJax 2's tex2jax `encloseMath` does to the first `$…$` of a text node. */
function encloseFirstMath(text: Text): void {
  const open = text.data.indexOf('$');
  const close = text.data.indexOf('$', open + 1) + 1;
  const after = text.splitText(close);
  const math = text.splitText(open);
  const tex = math.data.slice(1, -1);
  math.remove();
  const preview = document.createElement('span');
  preview.className = 'MathJax_Preview';
  preview.textContent = tex;
  const script = document.createElement('script');
  script.type = 'math/tex';
  script.textContent = tex;
  after.before(preview, script);
}

/** What the HTML-CSS output jax does for one math script: its rendering before it, the preview gone. */
function renderMath(script: Element): void {
  const frame = document.createElement('span');
  frame.className = 'MathJax';
  script.before(frame);
  const glyphs = document.createElement('span');
  frame.append(glyphs);
  glyphs.append(document.createTextNode('Õ(D)'));
  script.previousElementSibling?.previousElementSibling?.remove();
}

const settled = () => new Promise((resolve) => setTimeout(resolve, TYPESET_SETTLE_MS * 3));

describe('watchTypesetting', () => {
  it('counts one rewrite once tex2jax has split and replaced the text, however many formulas it took', async () => {
    const { dd, abstract } = listing();
    const rewrites = watchTypesetting([dd], new AbortController().signal);
    encloseFirstMath(abstract.firstChild as Text);
    encloseFirstMath([...abstract.childNodes].find((node): node is Text => node instanceof Text && node.data.includes('$'))!);
    expect(rewrites.value).toBe(0);
    await settled();
    expect(rewrites.value).toBe(1);
    expect(abstract.querySelectorAll('script[type="math/tex"]')).toHaveLength(2);
  });

  it('ignores MathJax building its output and Sift rendering its own controls', async () => {
    const { dd, abstract } = listing();
    encloseFirstMath(abstract.firstChild as Text);
    const rewrites = watchTypesetting([dd], new AbortController().signal);
    renderMath(abstract.querySelector('script')!);
    const controls = document.createElement('span');
    controls.setAttribute('data-sift-ui', '');
    dd.prepend(controls);
    controls.append(document.createTextNode('Undo'));
    await settled();
    expect(rewrites.value).toBe(0);
    expect(abstract.querySelector('.MathJax_Preview')).toBeNull();
  });

  it('stops with its signal', async () => {
    const { dd, abstract } = listing();
    const stop = new AbortController();
    const rewrites = watchTypesetting([dd], stop.signal);
    stop.abort();
    encloseFirstMath(abstract.firstChild as Text);
    await settled();
    expect(rewrites.value).toBe(0);
  });
});
