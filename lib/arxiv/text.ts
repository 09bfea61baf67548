/**
 * Reading text out of arXiv markup the way its author typed it: TeX stays TeX, labels
 * (`<span class="descriptor">Title:</span>`) drop out, whitespace collapses.
 */
import { DESCRIPTOR_CLASS } from './selectors';

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * MathJax output that replaces TeX once MathJax has run (2.x: `span.MathJax`, previews, assistive
 * MathML; 3.x: `mjx-container`). The TeX itself survives in `script[type^="math/tex"]`.
 */
const MATHJAX_OUTPUT_CLASSES = new Set([
  'MathJax',
  'MathJax_Preview',
  'MathJax_Display',
  'MathJax_SVG',
  'MathJax_SVG_Display',
  'MathJax_CHTML',
  'MJX_Assistive_MathML',
]);
/** What every one of those class names contains. */
const MATHJAX_CLASS_MARK = /MathJax|MJX/;
/** What separates the names in a class attribute (HTML's ASCII whitespace). */
const CLASS_SEPARATOR = /[\t\n\f\r ]+/;

/** arXiv's urlize writes long links as `<a href="URL">this https URL</a>`. */
const URLIZED_TEXT = /^this\s+https?\s+url$/i;

/**
 * A run of two or more whitespace characters, or one that is not a plain space: the runs whose
 * collapsing changes the text. `/\s+/g` matches every space between two words as well, and on a
 * 2000-entry listing replacing those with themselves was a fifth of the parse (24 of 126 ms).
 */
const WHITESPACE_TO_COLLAPSE = /\s\s+|[^\S ]/g;

/** Collapses every run of whitespace (including no-break spaces) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE_TO_COLLAPSE, ' ').trim();
}

export interface ReadTextOptions {
  /** Elements to leave out entirely, on top of labels, scripts and MathJax output. */
  omit?: (element: Element) => boolean;
}

/**
 * The text of `root` as typed on arXiv, whitespace collapsed: `span.descriptor` labels are left
 * out; TeX is kept as written, even after MathJax 2 has typeset it (rendered spans are skipped and
 * `<script type="math/tex">x</script>` is read back as `$x$`, display math as `$$x$$`); links that
 * arXiv shortened to "this https URL" are read as their address; `<br>` is a space.
 * Reads only the given subtree and never changes it.
 */
export function readText(root: Element, options: ReadTextOptions = {}): string {
  const parts: string[] = [];
  appendText(root, parts, options.omit);
  return collapseWhitespace(parts.join(''));
}

function appendText(node: Node, parts: string[], omit: ((element: Element) => boolean) | undefined): void {
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) {
      parts.push(child.nodeValue ?? '');
      continue;
    }
    if (child.nodeType !== ELEMENT_NODE) continue;
    const element = child as Element;
    if (omit?.(element) || isLabel(element) || isMathJaxOutput(element)) continue;
    switch (element.localName) {
      case 'script':
        parts.push(texOfScript(element));
        continue;
      case 'style':
      case 'template':
      case 'noscript':
        continue;
      case 'br':
        parts.push(' ');
        continue;
      case 'a': {
        const href = element.getAttribute('href');
        if (href && URLIZED_TEXT.test(collapseWhitespace(element.textContent ?? ''))) {
          parts.push(href);
          continue;
        }
        break;
      }
    }
    appendText(element, parts, omit);
  }
}

/**
 * The class names of `element`, when its class attribute mentions `mark` at all. The attribute is
 * read instead of `classList`, whose token list, made for every element the text readers look
 * at, was a tenth of parsing a listing.
 */
function classNamesMentioning(element: Element, mark: string | RegExp): string[] | undefined {
  const classes = element.getAttribute('class');
  if (classes === null || !(typeof mark === 'string' ? classes.includes(mark) : mark.test(classes))) return undefined;
  return classes.split(CLASS_SEPARATOR);
}

/** `<span class="descriptor">Title:</span>` and the like: arXiv's field labels. */
export function isLabel(element: Element): boolean {
  return classNamesMentioning(element, DESCRIPTOR_CLASS)?.includes(DESCRIPTOR_CLASS) ?? false;
}

function isMathJaxOutput(element: Element): boolean {
  if (element.localName.startsWith('mjx-')) return true;
  return classNamesMentioning(element, MATHJAX_CLASS_MARK)?.some((name) => MATHJAX_OUTPUT_CLASSES.has(name)) ?? false;
}

/** MathJax 2 keeps the source of typeset math in `<script type="math/tex[; mode=display]">`. */
function texOfScript(script: Element): string {
  const type = script.getAttribute('type') ?? '';
  if (!type.startsWith('math/tex')) return '';
  const delimiter = type.includes('mode=display') ? '$$' : '$';
  return `${delimiter}${script.textContent ?? ''}${delimiter}`;
}
