/**
 * Where each rule field lives in an arXiv entry, and the text of a field element as the reader
 * sees it: one pass over its text nodes, skipping labels and rendered math.
 */
import type { EntryFields } from '../arxiv/types';
import { RULE_FIELDS, type RuleField } from '../rules/types';

/** The elements of one entry that hold each field; every element is matched on its own. */
export type FieldElements = Partial<Record<RuleField, readonly Element[]>>;

/**
 * Field selectors, listing markup first (arxiv-browse `list/list_macros.html`, the `dd > div.meta`
 * of /new, /recent, /pastweek and month pages), then the abs page (`abs/abs.html`). Authors are the
 * author links themselves, so the `, ` separators and the `(1) ((1) Umeå University)` affiliation
 * text between them are never matched as part of a name.
 */
const FIELD_SELECTORS: Readonly<Record<RuleField, readonly string[]>> = {
  title: [
    'div.list-title', // listing: <div class='list-title mathjax'><span class='descriptor'>Title:</span> …
    'h1.title', // abs page: <h1 class="title mathjax"><span class="descriptor">Title:</span>…
  ],
  authors: [
    'div.list-authors > a', // listing: <div class='list-authors'><a href=…>Name</a>, <a …>Name</a> (1)…
    'div.authors > a', // abs page: <div class="authors"><span class="descriptor">Authors:</span><a …>Name</a>…
  ],
  abstract: [
    'p.mathjax', // listing (/new only): <p class='mathjax'> hard-wrapped abstract </p>
    'blockquote.abstract', // abs page: <blockquote class="abstract mathjax"><span class="descriptor">Abstract:</span>…
  ],
  comments: [
    'div.list-comments', // listing: <div class='list-comments mathjax'><span class='descriptor'>Comments:</span> …
    'td.tablecell.comments', // abs page: metadata table cell
  ],
  subjects: [
    'div.list-subjects', // listing: descriptor, <span class="primary-subject">Name (cs.DC)</span>; Name (cs.AI)
    'td.tablecell.subjects', // abs page: metadata table cell, same `Name (code); …` text
  ],
};

/**
 * What is not the field's visible text: arXiv's field labels, and MathJax output (the rendered
 * math is not text a rule can meaningfully match, and its TeX source sits in a `script`). Before
 * MathJax runs, the TeX is plain text and is matched as typed. MathJax 2 (arXiv's version) wraps
 * output in `.MathJax*` spans/divs with a `script[type^="math/tex"]`; MathJax 3 uses `mjx-container`.
 */
const SKIPPED = [
  'span.descriptor', // "Title:", "Authors:", "Comments:", "Subjects:", "Abstract:" labels
  'script', // includes MathJax 2's script[type^="math/tex"] source
  'style',
  'template',
  '.MathJax_Preview',
  '.MathJax',
  '.MathJax_Display',
  '.MathJax_CHTML',
  '.MathJax_SVG',
  '.MathJax_SVG_Display',
  '.MJX_Assistive_MathML',
  'mjx-container',
].join(', ');

/**
 * The field elements of one entry, found inside `roots` (a listing's `dt` and `dd`, or an abs
 * page's main column). Fields absent from the entry are absent from the result.
 */
export function fieldElementsOf(roots: Element | readonly Element[]): FieldElements {
  const list: readonly Element[] = 'nodeType' in roots ? [roots] : roots;
  const fields: FieldElements = {};
  for (const field of RULE_FIELDS) {
    const selector = FIELD_SELECTORS[field].join(', ');
    const found: Element[] = [];
    for (const root of list) {
      if (root.matches(selector)) found.push(root);
      found.push(...root.querySelectorAll(selector));
    }
    if (found.length > 0) fields[field] = found;
  }
  return fields;
}

/**
 * The field elements of an entry the parser has already read (`Paper.element.fields`): the same
 * nodes `fieldElementsOf` would find, without querying the entry again. Authors are matched one
 * link at a time, as there.
 */
export function fieldElementsFromParsed(parsed: EntryFields): FieldElements {
  const fields: FieldElements = {};
  for (const field of RULE_FIELDS) {
    const element = parsed[field];
    if (!element) continue;
    if (field === 'authors') {
      const links = element.querySelectorAll(':scope > a');
      fields.authors = links.length > 0 ? [...links] : [element];
    } else {
      fields[field] = [element];
    }
  }
  return fields;
}

/**
 * A stretch of visible text with no skipped element inside it: `text` is the concatenation of
 * `nodes`, and `offsets[i]` is where `nodes[i]` starts in it.
 */
export interface TextRun {
  text: string;
  nodes: Text[];
  offsets: number[];
}

/**
 * The text runs of a field element, in document order, in one TreeWalker pass (no layout reads).
 * A skipped element (a label, rendered math) ends the current run, so a match never joins the
 * words on either side of a formula or a label.
 */
export function collectTextRuns(element: Element): TextRun[] {
  const doc = element.ownerDocument;
  const runs: TextRun[] = [];
  let current: TextRun | undefined;
  let parts: string[] = [];
  let length = 0;
  const close = () => {
    if (current) {
      current.text = parts.join('');
      runs.push(current);
    }
    current = undefined;
    parts = [];
    length = 0;
  };
  // NodeFilter constants inline: content scripts and test environments need not expose NodeFilter.
  const SHOW_ELEMENT = 0x1;
  const SHOW_TEXT = 0x4;
  const FILTER_ACCEPT = 1;
  const FILTER_REJECT = 2;
  const FILTER_SKIP = 3;
  const walker = doc.createTreeWalker(element, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode(node: Node): number {
      if (node.nodeType === 3) return FILTER_ACCEPT;
      if ((node as Element).matches(SKIPPED)) {
        close();
        return FILTER_REJECT;
      }
      return FILTER_SKIP;
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (text.data.length === 0) continue;
    current ??= { text: '', nodes: [], offsets: [] };
    current.nodes.push(text);
    current.offsets.push(length);
    parts.push(text.data);
    length += text.data.length;
  }
  close();
  return runs;
}
