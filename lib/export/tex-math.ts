/**
 * Where TeX math sits in a title: BibTeX must not escape inside it, CSL-JSON protects it from
 * title-casing, and Markdown keeps its backslashes for math-aware renderers. One definition keeps
 * the three formats agreeing on what counts as math.
 */

export interface TextSpan {
  start: number;
  /** Exclusive. */
  end: number;
}

/**
 * Where `text[from]` opens math (`$`, `$$`, `\(`), the span up to and including its closing
 * delimiter; `undefined` when nothing opens there or the math is never closed. A backslash takes
 * the next character with it, so `\$` never closes `$…$` math.
 *
 * @example mathSpanAt('a $x_1$ b', 2) // → { start: 2, end: 7 }
 */
export function mathSpanAt(text: string, from: number): TextSpan | undefined {
  let open: string;
  let close: string;
  if (text.startsWith('\\(', from)) [open, close] = ['\\(', '\\)'];
  else if (text.startsWith('$$', from)) [open, close] = ['$$', '$$'];
  else if (text[from] === '$') [open, close] = ['$', '$'];
  else return undefined;
  let i = from + open.length;
  while (i < text.length) {
    if (text.startsWith(close, i)) return i === from + open.length ? undefined : { start: from, end: i + close.length };
    i += text[i] === '\\' && close !== '\\)' ? 2 : 1;
  }
  return undefined;
}

/**
 * Every math span of `text`, left to right and not overlapping.
 *
 * @example mathSpans('$a$ and \\(b\\)') // → [{ start: 0, end: 3 }, { start: 8, end: 14 }]
 */
export function mathSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  if (!text.includes('$') && !text.includes('\\(')) return spans;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && text[i + 1] !== '(') {
      i += 2;
      continue;
    }
    const span = c === '$' || c === '\\' ? mathSpanAt(text, i) : undefined;
    if (span === undefined) i += 1;
    else {
      spans.push(span);
      i = span.end;
    }
  }
  return spans;
}
