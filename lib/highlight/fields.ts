/**
 * The elements each rule field is matched in, and the text of a field element as the reader sees
 * it: one pass over its text nodes, skipping labels and rendered math.
 */
import type { EntryFields } from '../arxiv/types';
import { RULE_FIELDS, type RuleField } from '../rules/types';

/** The elements of one entry that hold each field; every element is matched on its own. */
export type FieldElements = Partial<Record<RuleField, readonly Element[]>>;

/**
 * What is not the field's visible text: arXiv's field labels, and MathJax output (the rendered
 * math is not text a rule can meaningfully match, and its TeX source sits in a `script`). Before
 * MathJax runs, the TeX is plain text and is matched as typed. MathJax 2 (arXiv's version) wraps
 * output in `.MathJax*` spans/divs with a `script[type^="math/tex"]`; MathJax 3 uses `mjx-container`.
 */
/** MathJax's rendered output: MathJax 2's `.MathJax*` spans and divs, MathJax 3's `mjx-container`. */
export const MATHJAX_OUTPUT = [
  '.MathJax_Preview',
  '.MathJax',
  '.MathJax_Display',
  '.MathJax_CHTML',
  '.MathJax_SVG',
  '.MathJax_SVG_Display',
  '.MJX_Assistive_MathML',
  'mjx-container',
].join(', ');

const SKIPPED = [
  'span.descriptor', // "Title:", "Authors:", "Comments:", "Subjects:", "Abstract:" labels
  'script', // includes MathJax 2's script[type^="math/tex"] source
  'style',
  'template',
  MATHJAX_OUTPUT,
].join(', ');

/**
 * The field elements of an entry as its parser read them (`Paper.element.fields`, filled on every
 * page kind), so there is one selector set, the parser's. Authors are matched one link at a time,
 * so the `, ` separators and the `(1) ((1) Umeå University)` affiliation text between them are
 * never matched as part of a name.
 */
export function fieldElementsOf(parsed: EntryFields): FieldElements {
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
