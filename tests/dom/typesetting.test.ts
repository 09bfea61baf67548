// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { TYPESET_IDLE_MS, TYPESET_SETTLE_MS, watchTypesetting } from '../../lib/highlight/typesetting';

/** A listing entry in arXiv's markup with TeX in its abstract, inside its `dl`; `loader` adds MathJax.js. */
function listing({ loader = false } = {}): { dd: HTMLElement; abstract: HTMLElement; script?: HTMLScriptElement } {
  document.head.replaceChildren();
  document.body.replaceChildren();
  let script: HTMLScriptElement | undefined;
  if (loader) {
    // What mathjaxToggle() inserts, with a type no browser runs, so happy-dom does not fetch it.
    script = document.createElement('script');
    script.type = 'text/x-not-run';
    script.setAttribute('src', '//static.arxiv.org/MathJax-2.7.3/MathJax.js');
    document.head.append(script);
  }
  const dl = document.createElement('dl');
  const dd = document.createElement('dd');
  const abstract = document.createElement('p');
  abstract.className = 'mathjax';
  abstract.textContent = 'A separator of $G$ in $\\tilde O(D)$ rounds, and a separator tree.';
  dd.append(abstract);
  dl.append(dd);
  document.body.append(dl);
  return { dd, abstract, script };
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

/** What the HTML-CSS output jax does: a frame before every script, marked as being processed. */
function startOutput(abstract: Element): Element[] {
  return [...abstract.querySelectorAll('script')].map((script, index) => {
    const frame = document.createElement('span');
    frame.className = 'MathJax MathJax_Processing';
    frame.id = `MathJax-Element-${index + 1}-Frame`;
    script.before(frame);
    const glyphs = document.createElement('span');
    frame.append(glyphs);
    glyphs.append(document.createTextNode('Õ(D)'));
    return frame;
  });
}

/** The chunk revealed: processing marks off, previews emptied. */
function revealOutput(frames: Element[]): void {
  for (const frame of frames) {
    frame.className = 'MathJax';
    frame.previousElementSibling?.replaceChildren();
  }
}

const settled = () => new Promise((resolve) => setTimeout(resolve, TYPESET_SETTLE_MS * 3));

describe('watchTypesetting', () => {
  it('counts one rewrite once tex2jax has split and replaced the text, however many formulas it took', async () => {
    const { dd, abstract } = listing();
    const rewrites = watchTypesetting(document, [dd], new AbortController().signal).rewrites;
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
    const rewrites = watchTypesetting(document, [dd], new AbortController().signal).rewrites;
    revealOutput(startOutput(abstract));
    const controls = document.createElement('span');
    controls.setAttribute('data-sift-ui', '');
    dd.prepend(controls);
    controls.append(document.createTextNode('Undo'));
    await settled();
    expect(rewrites.value).toBe(0);
    expect(abstract.querySelector('.MathJax')?.textContent).toBe('Õ(D)');
  });

  it('stops with its signal', async () => {
    const { dd, abstract } = listing();
    const stop = new AbortController();
    const rewrites = watchTypesetting(document, [dd], stop.signal).rewrites;
    stop.abort();
    encloseFirstMath(abstract.firstChild as Text);
    await settled();
    expect(rewrites.value).toBe(0);
  });
});

describe('pending typesetting', () => {
  it('is not waited for on a page that does not load MathJax', () => {
    const { dd } = listing();
    expect(watchTypesetting(document, [dd], new AbortController().signal).pending.value).toBe(false);
  });

  it('lasts from the start until every formula has its output and none is still being built', async () => {
    const { dd, abstract } = listing({ loader: true });
    const { pending } = watchTypesetting(document, [dd], new AbortController().signal);
    expect(pending.value).toBe(true);
    encloseFirstMath(abstract.firstChild as Text);
    await settled();
    expect(pending.value).toBe(true);
    const frames = startOutput(abstract);
    await settled();
    expect(pending.value).toBe(true);
    revealOutput(frames);
    await settled();
    expect(pending.value).toBe(false);
  });

  it('ends when MathJax.js fails to load', () => {
    const { dd, script } = listing({ loader: true });
    const { pending } = watchTypesetting(document, [dd], new AbortController().signal);
    script?.dispatchEvent(new Event('error'));
    expect(pending.value).toBe(false);
  });

  it(`ends when MathJax has not started ${TYPESET_IDLE_MS} ms after the load, and starts again if it does`, async () => {
    const { dd, abstract } = listing({ loader: true });
    const { pending } = watchTypesetting(document, [dd], new AbortController().signal);
    await new Promise((resolve) => setTimeout(resolve, TYPESET_IDLE_MS - 200));
    expect(pending.value).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(pending.value).toBe(false);
    encloseFirstMath(abstract.firstChild as Text);
    await Promise.resolve();
    expect(pending.value).toBe(true);
  });
});
