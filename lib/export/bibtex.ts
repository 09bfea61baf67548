/**
 * BibTeX export in the shape of arXiv's own "Export BibTeX citation":
 *
 *     @misc{ding2026energy,
 *           title={{Energy Efficient Federated Learning with Hyperdimensional Computing (HDC)}},
 *           author={Ding, Yahao and Yang, Yinchao},
 *           year={2026},
 *           eprint={2602.22290},
 *           archivePrefix={arXiv},
 *           primaryClass={cs.DC},
 *           url={https://arxiv.org/abs/2602.22290},
 *     }
 *
 * Choices, each made so the file both parses (BibTeX, biber, citation-js) and compiles:
 * - Titles keep their TeX (`$\tilde O(D)$`); only what would break a build is escaped (see
 *   `toBibTeXText`). The whole title is wrapped in a second pair of braces: arXiv titles are
 *   typed by their authors in the casing they want, and styles that sentence-case titles would
 *   otherwise lower-case proper nouns a word-level acronym heuristic cannot recognise ("Alibaba
 *   Cloud", "Lustre"). Keeping the author's casing is the lesser evil.
 * - Names are written `von Last, Jr, First` — the one form BibTeX never has to guess about —
 *   and stay UTF-8: biber/biblatex read UTF-8 natively, BibTeX 0.99 passes it through to a UTF-8
 *   LaTeX (the default input encoding since 2018), and arXiv's own export is UTF-8 too. Escaping
 *   to `{\.Z}elasko` would need a full table and still fail for scripts TeX macros do not cover.
 * - The journal reference goes in `note={Journal-ref: …}`, not `journal=`: standard styles print
 *   `note` for `@misc` and silently ignore `journal` there, so the reference would vanish.
 * - The user's tags become `keywords` (biblatex) and the user's note `annote`, which styles do
 *   not print but reference managers import.
 */
import { toCitationKeys } from './citation-keys';
import { absUrlOf, dateOfArxivId, toOneLine, toPercentEscape, type ExportPaper } from './export-paper';
import { parseAuthorName, type AuthorName } from './names';

interface Span {
  start: number;
  /** Exclusive. */
  end: number;
}

/** Where `text[from]` opens math (`$`, `$$`, `\(`), the span up to its closing delimiter. */
function mathSpanAt(text: string, from: number): Span | undefined {
  let open: string;
  let close: string;
  if (text.startsWith('\\(', from)) [open, close] = ['\\(', '\\)'];
  else if (text.startsWith('$$', from)) [open, close] = ['$$', '$$'];
  else if (text[from] === '$') [open, close] = ['$', '$'];
  else return undefined;
  let i = from + open.length;
  while (i < text.length) {
    if (text.startsWith(close, i)) return { start: from, end: i + close.length };
    // A backslash takes the next character with it, so `\$` never closes math.
    i += text[i] === '\\' && close !== '\\)' ? 2 : 1;
  }
  return undefined;
}

/**
 * Indices of braces that have no partner. Every brace counts, escaped or not, because BibTeX
 * itself balances `\{` and `\}` like plain braces when it reads a field.
 */
function unmatchedBraces(text: string): Set<number> {
  const open: number[] = [];
  const unmatched = new Set<number>();
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '{') open.push(i);
    else if (text[i] === '}') {
      if (open.pop() === undefined) unmatched.add(i);
    }
  }
  for (const i of open) unmatched.add(i);
  return unmatched;
}

const ALWAYS_ESCAPED = new Set(['&', '%', '#']);

/**
 * Makes `text` safe inside a braced BibTeX field while keeping its TeX: `&`, `%`, `#` become
 * `\&`, `\%`, `\#`; outside math `_` becomes `\_`, `^` becomes `\^{}` and a `$` that opens no
 * math becomes `\$`; braces without a partner become `\textbraceleft{}`/`\textbraceright{}`
 * (`\lbrace{}`/`\rbrace{}` in math) so the field still balances; a trailing backslash becomes
 * `\textbackslash{}` so it cannot escape the field's closing brace. Math (`$…$`, `$$…$$`,
 * `\(…\)`), TeX commands and already-escaped characters pass through unchanged.
 *
 * @example toBibTeXText('Q&A on $x_1$ at 50% {HPC') // → 'Q\&A on $x_1$ at 50\% \textbraceleft{}HPC'
 */
export function toBibTeXText(input: string): string {
  const text = toOneLine(input);
  const unmatched = unmatchedBraces(text);
  const out: string[] = [];
  let mathEnd = -1;
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (i >= mathEnd) {
      const span = mathSpanAt(text, i);
      if (span !== undefined) mathEnd = span.end;
    }
    const inMath = i < mathEnd;
    if (c === '\\') {
      const next = text[i + 1];
      if (next === undefined) {
        out.push('\\textbackslash{}');
        i += 1;
      } else if ((next === '{' || next === '}') && unmatched.has(i + 1)) {
        out.push(braceWord(next, inMath));
        i += 2;
      } else if (/[a-zA-Z]/.test(next)) {
        out.push('\\');
        i += 1;
      } else {
        out.push(c, next);
        i += 2;
      }
      continue;
    }
    if ((c === '{' || c === '}') && unmatched.has(i)) out.push(braceWord(c, inMath));
    else if (ALWAYS_ESCAPED.has(c)) out.push(`\\${c}`);
    else if (!inMath && c === '_') out.push('\\_');
    else if (!inMath && c === '^') out.push('\\^{}');
    else if (!inMath && c === '$') out.push('\\$');
    else out.push(c);
    i += 1;
  }
  return out.join('');
}

function braceWord(brace: string, inMath: boolean): string {
  if (inMath) return brace === '{' ? '\\lbrace{}' : '\\rbrace{}';
  return brace === '{' ? '\\textbraceleft{}' : '\\textbraceright{}';
}

/** Escapes one word of a name; a bare `and` would otherwise split the name in two. */
function nameWord(words: string): string {
  return words
    .split(' ')
    .map((w) => (w.toLowerCase() === 'and' || w.includes(',') ? `{${toBibTeXText(w)}}` : toBibTeXText(w)))
    .join(' ');
}

/**
 * One author in BibTeX's unambiguous `von Last, Jr, First` form; literal names (mononyms,
 * collaborations) are braced so BibTeX does not split them.
 *
 * @example toBibTeXName(parseAuthorName('Johannes Diderik van der Waals')) // → 'van der Waals, Johannes Diderik'
 */
export function toBibTeXName(name: AuthorName): string {
  if (name.kind === 'literal') return `{${toBibTeXText(name.literal)}}`;
  const last = nameWord(name.particle === undefined ? name.family : `${name.particle} ${name.family}`);
  const parts = [last];
  if (name.suffix !== undefined) parts.push(nameWord(name.suffix));
  parts.push(nameWord(name.given));
  return parts.join(', ');
}

/** URLs and DOIs are verbatim fields: only characters that break the field are encoded. */
function toVerbatim(value: string): string {
  return value.trim().replace(/[{}\\\s]/g, toPercentEscape);
}

const INDENT = '      ';

function entry(paper: ExportPaper, key: string): string {
  const fields: [string, string][] = [
    ['title', `{${toBibTeXText(paper.title)}}`],
    ['author', paper.authors.map((a) => toBibTeXName(parseAuthorName(a))).join(' and ')],
  ];
  const year = dateOfArxivId(paper.id)?.year;
  if (year !== undefined) fields.push(['year', String(year)]);
  fields.push(['eprint', toVerbatim(paper.id)], ['archivePrefix', 'arXiv']);
  if (paper.primarySubject !== undefined) fields.push(['primaryClass', toBibTeXText(paper.primarySubject.code)]);
  fields.push(['url', toVerbatim(absUrlOf(paper))]);
  if (paper.doi !== undefined && paper.doi.trim() !== '') fields.push(['doi', toVerbatim(paper.doi)]);
  if (paper.journalRef !== undefined && paper.journalRef.trim() !== '') {
    fields.push(['note', `Journal-ref: ${toBibTeXText(paper.journalRef)}`]);
  }
  const tags = (paper.tags ?? []).map(toOneLine).filter((t) => t !== '');
  if (tags.length > 0) fields.push(['keywords', tags.map(toBibTeXText).join(', ')]);
  if (paper.note !== undefined && paper.note.trim() !== '') fields.push(['annote', toBibTeXText(paper.note)]);
  const lines = fields.map(([name, value]) => `${INDENT}${name}={${value}},`);
  return `@misc{${key},\n${lines.join('\n')}\n}\n`;
}

/**
 * Serialises papers as a BibTeX file: one `@misc` entry per paper in input order, separated by
 * blank lines, with unique citation keys (see `toCitationKeys`). Returns `''` for no papers.
 */
export function toBibTeX(papers: readonly ExportPaper[]): string {
  const keys = toCitationKeys(papers);
  return papers.map((paper, i) => entry(paper, keys[i] ?? '')).join('\n');
}
