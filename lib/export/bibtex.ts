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
 *           doi={10.48550/arXiv.2602.22290},
 *     }
 *
 * Choices, each made so the file parses (BibTeX 0.99d, biber, citation-js, pandoc) and compiles
 * with pdflatex under the classic styles and biblatex (tests/unit/export/real-consumers.test.ts):
 * - Titles keep their TeX (`$\tilde O(D)$`); only what would break a build or print wrongly is
 *   escaped (see `toBibTeXText`). The whole title is wrapped in a second pair of braces: arXiv
 *   titles are typed by their authors in the casing they want, and styles that sentence-case
 *   titles would otherwise lower-case proper nouns ("Alibaba Cloud", "Lustre").
 * - Names are written `von Last, Jr, First`, the one form BibTeX never has to guess about. They
 *   stay UTF-8 except for a non-ASCII letter that starts a name part: BibTeX 0.99d abbreviates
 *   `Łukasz` to the first *byte* of `Ł`, which LaTeX rejects as an invalid UTF-8 sequence (so do
 *   `abbrv` and every style that prints initials), and decides "von or Last" by that byte. Written
 *   as a brace-protected TeX command, `{\L}ukasz`, it is one letter to BibTeX and prints as `Ł.`.
 * - `doi` is the journal DOI when arXiv lists one, otherwise the DataCite DOI every arXiv paper
 *   has (`10.48550/arXiv.<id>`), so reference managers can deduplicate and resolve the entry.
 * - The journal reference goes in `note={Journal-ref: …}`, not `journal=`: standard styles print
 *   `note` for `@misc` and silently ignore `journal` there, so the reference would vanish.
 * - Only when the user asks for them (`includeUserData`): tags become `keywords` (biblatex) and
 *   the note `annote`, which styles do not print but reference managers import. A `.bib` is
 *   usually shared with co-authors, so they are left out by default.
 */
import { toCitationKeys } from './citation-keys';
import { toCleanExportPaper } from './clean-text';
import { absUrlOf, dateOfArxivId, doiOf, toOneLine, toPercentEscape, type ExportPaper } from './export-paper';
import { parseAuthorName, type AuthorName } from './names';
import { resolveExportOptions, type ExportOptions } from './options';
import { mathSpans } from './tex-math';

/**
 * Indices of the raw (unescaped) braces that have no partner. Braces inside one math span pair
 * only with each other, braces outside math only with each other, so no group straddles a `$`.
 */
function unmatchedBraces(text: string, mathOf: Int32Array): Set<number> {
  const unmatched = new Set<number>();
  const textStack: number[] = [];
  let mathStack: number[] = [];
  let currentMath = -1;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\\') {
      i += 1;
      continue;
    }
    if (c !== '{' && c !== '}') continue;
    const math = mathOf[i] ?? -1;
    if (math !== currentMath && math !== -1) {
      for (const j of mathStack) unmatched.add(j);
      mathStack = [];
      currentMath = math;
    }
    const stack = math === -1 ? textStack : mathStack;
    if (c === '{') stack.push(i);
    else if (stack.pop() === undefined) unmatched.add(i);
  }
  for (const j of [...textStack, ...mathStack]) unmatched.add(j);
  return unmatched;
}

// TeX primitives and LaTeX commands that read or write files, redefine things, end the document,
// or put links and raw PDF objects into the output. arXiv text is untrusted, and a `.bib` is
// compiled on other people's machines: these are printed as text instead of run.
const UNSAFE_COMMAND =
  /^(?:input|include|includeonly|openin|openout|closein|closeout|read|readline|write|immediate|newwrite|newread|def|edef|gdef|xdef|let|futurelet|global|outer|long|csname|endcsname|expandafter|noexpand|afterassignment|aftergroup|every[a-z]*|catcode|lccode|uccode|mathcode|delcode|sfcode|newcommand|renewcommand|providecommand|DeclareRobustCommand|DeclareTextCommand|newenvironment|renewenvironment|usepackage|RequirePackage|documentclass|special|directlua|latelua|luaexec|luadirect|scantokens|endinput|end|begin|output|shipout|batchmode|nonstopmode|scrollmode|errorstopmode|errmessage|message|primitive|pdf[a-zA-Z]*|href|url|nolinkurl|hyperlink|hypertarget|hyperref|verb|loop|repeat|makeatletter|makeatother|bibitem|newblock|item|par|vskip|hskip|newpage|clearpage)$/;

// Control symbols that are valid in running text. Accents need a letter or a group after them.
const SAFE_SYMBOLS = new Set(['&', '%', '$', '#', '_', ' ', ',', '-', '/', '@']);
const ACCENT_SYMBOLS = new Set(["'", '"', '`', '^', '~', '=', '.']);

// In OT1, LaTeX's default font encoding, `<`, `>` and `|` print as ¡, ¿ and —, and `~` is a
// non-breaking space: outside math they are written as the text commands that print them.
const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '^': '\\^{}',
  $: '\\$',
  '~': '\\textasciitilde{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
  // natbib's `\bibitem[label]` takes the author names as an optional argument, which the first
  // unbraced `]` would end.
  '[': '{[}',
  ']': '{]}',
};
// `%` would start a comment, `#` a macro parameter and `&` an alignment cell inside math too.
const MATH_ESCAPES: Readonly<Record<string, string>> = { '&': '\\&', '%': '\\%', '#': '\\#' };

// Greek letters and math symbols that pdflatex's UTF-8 input does not define (it covers Latin
// letters, accents and typographic punctuation): written as their math commands, so a title
// typed with `α` or `≤` instead of `$\alpha$` still compiles.
const MATH_CHARACTERS: Readonly<Record<string, string>> = {
  α: '\\alpha', β: '\\beta', γ: '\\gamma', δ: '\\delta', ε: '\\varepsilon', ϵ: '\\epsilon', ζ: '\\zeta',
  η: '\\eta', θ: '\\theta', ϑ: '\\vartheta', ι: '\\iota', κ: '\\kappa', λ: '\\lambda', μ: '\\mu', ν: '\\nu',
  ξ: '\\xi', π: '\\pi', ϖ: '\\varpi', ρ: '\\rho', ϱ: '\\varrho', σ: '\\sigma', ς: '\\varsigma', τ: '\\tau',
  υ: '\\upsilon', φ: '\\varphi', ϕ: '\\phi', χ: '\\chi', ψ: '\\psi', ω: '\\omega', Γ: '\\Gamma',
  Δ: '\\Delta', Θ: '\\Theta', Λ: '\\Lambda', Ξ: '\\Xi', Π: '\\Pi', Σ: '\\Sigma', Υ: '\\Upsilon',
  Φ: '\\Phi', Ψ: '\\Psi', Ω: '\\Omega', '≤': '\\leq', '≥': '\\geq', '≠': '\\neq', '≈': '\\approx',
  '∼': '\\sim', '≃': '\\simeq', '≡': '\\equiv', '∞': '\\infty', '∈': '\\in', '∉': '\\notin',
  '⊂': '\\subset', '⊆': '\\subseteq', '⊃': '\\supset', '⊇': '\\supseteq', '∪': '\\cup', '∩': '\\cap',
  '∑': '\\sum', '∏': '\\prod', '∫': '\\int', '√': '\\surd', '∂': '\\partial', '∇': '\\nabla',
  '∀': '\\forall', '∃': '\\exists', ℓ: '\\ell', '⊕': '\\oplus', '⊗': '\\otimes', '∘': '\\circ',
  '′': '\\prime', '⋅': '\\cdot', '∗': '\\ast', '−': '-', '∝': '\\propto', '≪': '\\ll', '≫': '\\gg',
  '↦': '\\mapsto', '⇒': '\\Rightarrow', '⇔': '\\Leftrightarrow', '⟨': '\\langle', '⟩': '\\rangle',
  '∧': '\\wedge', '∨': '\\vee', '∅': '\\emptyset', '⊥': '\\perp', '∥': '\\parallel', '≔': ':=',
};
const HAS_MATH_CHARACTER = /[\u0370-\u03FF\u2032\u2070-\u22FF\u27E8\u27E9\u2113]/;

// Text without any of these is already safe (most titles and names): no per-character pass.
const NEEDS_WORK = /[\\{}$&%#_^~<>|[\]\u0370-\u03FF\u2032\u2070-\u22FF\u27E8\u27E9\u2113]/;

function mathCharacter(c: string, inMath: boolean): string | undefined {
  const command = MATH_CHARACTERS[c];
  if (command === undefined) return undefined;
  if (inMath) return /^\\[a-zA-Z]+$/.test(command) ? `{${command}}` : command;
  return `\\ensuremath{${command}}`;
}

/**
 * Makes `text` safe inside a braced BibTeX field, for BibTeX, biber and pdflatex alike, while
 * keeping its TeX:
 * - `&`, `%`, `#` are escaped everywhere; outside math `_`, `^`, a `$` that opens no math, `~`,
 *   `<`, `>` and `|` become the commands that print them (`\_`, `\^{}`, `\$`,
 *   `\textasciitilde{}`, `\textless{}`, `\textgreater{}`, `\textbar{}`); `[` and `]` are braced.
 * - Braces without a partner, and every escaped brace `\{`/`\}` (BibTeX counts those as braces
 *   too, TeX does not: `{\}` balances for one and not the other), become `\textbraceleft{}`/
 *   `\textbraceright{}` (`\lbrace{}`/`\rbrace{}` in math).
 * - A backslash that starts no safe command — at the end, before a character TeX has no text
 *   command for, or before a command that reads files, redefines macros or writes raw PDF
 *   (`\input`, `\def`, `\write`, `\href`, `\pdf…`, and the name such a command would define)
 *   — becomes `\textbackslash{}`.
 * - Greek letters and math symbols typed as Unicode become their math commands.
 * Math (`$…$`, `$$…$$`, `\(…\)`), other TeX commands and escaped characters pass through.
 *
 * @example toBibTeXText('Q&A on $x_1$ at 50% {HPC') // → 'Q\&A on $x_1$ at 50\% \textbraceleft{}HPC'
 */
export function toBibTeXText(input: string): string {
  const text = toOneLine(input);
  if (!NEEDS_WORK.test(text)) return text;
  const spans = mathSpans(text);
  const mathOf = new Int32Array(text.length).fill(-1);
  spans.forEach((span, index) => mathOf.fill(index, span.start, span.end));
  const unmatched = unmatchedBraces(text, mathOf);
  const convertSymbols = HAS_MATH_CHARACTER.test(text);
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    const inMath = (mathOf[i] ?? -1) !== -1;
    if (c === '\\') {
      const next = text[i + 1];
      if (next === '{' || next === '}') {
        out += braceWord(next, inMath);
        i += 2;
      } else if (next !== undefined && /[a-zA-Z]/.test(next)) {
        let end = i + 2;
        while (end < text.length && /[a-zA-Z]/.test(text[end] ?? '')) end += 1;
        const name = text.slice(i + 1, end);
        if (UNSAFE_COMMAND.test(name)) {
          out += `\\textbackslash{}${name}`;
          // The control word right after (`\def\x`) is the name it would have defined, undefined now.
          if (text[end] === '\\' && /[a-zA-Z]/.test(text[end + 1] ?? '')) {
            let after = end + 1;
            while (after < text.length && /[a-zA-Z]/.test(text[after] ?? '')) after += 1;
            out += `\\textbackslash{}${text.slice(end + 1, after)}`;
            end = after;
          }
        } else out += `\\${name}`;
        i = end;
      } else if (next !== undefined && (inMath || isSafeSymbol(next, text[i + 2]))) {
        out += c + next;
        i += 2;
      } else {
        out += '\\textbackslash{}';
        i += 1;
      }
      continue;
    }
    if ((c === '{' || c === '}') && unmatched.has(i)) out += braceWord(c, inMath);
    else {
      const escaped = inMath ? MATH_ESCAPES[c] : TEXT_ESCAPES[c];
      out += escaped ?? (convertSymbols ? (mathCharacter(c, inMath) ?? c) : c);
    }
    i += 1;
  }
  return out;
}

function isSafeSymbol(symbol: string, after: string | undefined): boolean {
  if (SAFE_SYMBOLS.has(symbol)) return true;
  return ACCENT_SYMBOLS.has(symbol) && after !== undefined && /[\p{L}{]/u.test(after);
}

function braceWord(brace: string, inMath: boolean): string {
  if (inMath) return brace === '{' ? '\\lbrace{}' : '\\rbrace{}';
  return brace === '{' ? '\\textbraceleft{}' : '\\textbraceright{}';
}

// Letters that are not a base letter plus combining marks, with their LaTeX text commands.
const LETTER_COMMANDS: Readonly<Record<string, string>> = {
  Ł: '\\L', ł: '\\l', Ø: '\\O', ø: '\\o', Æ: '\\AE', æ: '\\ae', Œ: '\\OE', œ: '\\oe', ß: '\\ss',
  Þ: '\\TH', þ: '\\th', Ð: '\\DH', ð: '\\dh', Đ: '\\DJ', đ: '\\dj', ı: '\\i',
};
// Combining marks → LaTeX accent commands (symbol accents take the letter directly; letter
// accents need it braced: `\v{C}`).
const SYMBOL_ACCENTS: Readonly<Record<string, string>> = {
  '\u0300': '`', '\u0301': "'", '\u0302': '^', '\u0303': '~', '\u0304': '=', '\u0307': '.', '\u0308': '"',
};
const LETTER_ACCENTS: Readonly<Record<string, string>> = {
  '\u0306': 'u', '\u030A': 'r', '\u030B': 'H', '\u030C': 'v', '\u0323': 'd', '\u0327': 'c', '\u0328': 'k', '\u0331': 'b',
};

/**
 * A non-ASCII letter as the brace-protected TeX command BibTeX treats as one letter: `Ł` →
 * `{\L}`, `Ż` → `{\.Z}`, `Č` → `{\v{C}}`. A letter TeX has no command for is wrapped as
 * `{\relax X}`, which BibTeX still keeps whole when it abbreviates.
 */
function texLetter(letter: string): string {
  const command = LETTER_COMMANDS[letter];
  if (command !== undefined) return `{${command}}`;
  const [base, mark, ...more] = letter.normalize('NFD');
  if (base !== undefined && /[a-zA-Z]/.test(base) && mark !== undefined && more.length === 0) {
    const symbol = SYMBOL_ACCENTS[mark];
    if (symbol !== undefined) return `{\\${symbol}${base}}`;
    const word = LETTER_ACCENTS[mark];
    if (word !== undefined) return `{\\${word}{${base}}}`;
  }
  return `{\\relax ${letter}}`;
}

// ASCII letters, spaces, dots, hyphens and apostrophes, with no word `and`: written as is.
const PLAIN_NAME = /^(?!.*\band\b)[A-Za-z .'-]*$/i;

/** `part` with its first letter written as a TeX command when that letter is not ASCII. */
function withTexInitial(part: string): string {
  const first = String.fromCodePoint(part.codePointAt(0) ?? 0);
  if (part === '' || /[a-zA-Z]/.test(first) || !/^\p{L}$/u.test(first)) return toBibTeXText(part);
  return texLetter(first) + toBibTeXText(part.slice(first.length));
}

/**
 * Escapes one part of a name; a bare `and` or a comma would otherwise split the name. Every word
 * gets its initial as a TeX command when needed; in given names so does every hyphen-separated
 * part, because styles abbreviate `Jean-Ümit` to `J.-Ü.`.
 */
function nameWord(words: string, isGiven: boolean): string {
  if (PLAIN_NAME.test(words)) return words;
  return words
    .split(' ')
    .map((w) => {
      if (w.toLowerCase() === 'and' || w.includes(',')) return `{${toBibTeXText(w)}}`;
      if (/^[\x20-\x7E]*$/.test(w)) return toBibTeXText(w);
      if (isGiven) return w.split('-').map(withTexInitial).join('-');
      // A braced hyphen: citation-js reads `{\`E}vora-Šimić` as particle "Èvora", family "Šimić".
      const word = withTexInitial(w);
      return word.startsWith('{\\') ? word.replace(/-/g, '{-}') : word;
    })
    .join(' ');
}

/**
 * One author in BibTeX's unambiguous `von Last, Jr, First` form; literal names (mononyms,
 * collaborations) are braced so BibTeX does not split them. A non-ASCII letter that starts a
 * name part is written as a TeX command so every style can abbreviate it.
 *
 * @example toBibTeXName(parseAuthorName('Johannes Diderik van der Waals')) // → 'van der Waals, Johannes Diderik'
 * @example toBibTeXName(parseAuthorName('Łukasz Żelasko')) // → '{\.Z}elasko, {\L}ukasz'
 */
export function toBibTeXName(name: AuthorName): string {
  if (name.kind === 'literal') return `{${toBibTeXText(name.literal)}}`;
  const last = nameWord(name.particle === undefined ? name.family : `${name.particle} ${name.family}`, false);
  const parts = [last];
  if (name.suffix !== undefined) parts.push(nameWord(name.suffix, false));
  if (name.given !== '') parts.push(nameWord(name.given, true));
  return parts.join(', ');
}

/** URLs and DOIs are verbatim fields: only characters that break the field are encoded. */
function toVerbatim(value: string): string {
  return value.trim().replace(/[{}\\\s]/g, toPercentEscape);
}

const INDENT = '      ';
// Fields the entry never writes, so they are not cleaned either.
const BIBTEX_OMITS = ['abstract', 'comments', 'affiliations', 'subjects'] as const;

/** Appends the lines of one entry to `lines`. */
function entry(paper: ExportPaper, key: string, lines: string[]): void {
  lines.push(`@misc{${key},`, `${INDENT}title={{${toBibTeXText(paper.title)}}},`);
  lines.push(`${INDENT}author={${paper.authors.map((a) => toBibTeXName(parseAuthorName(a))).join(' and ')}},`);
  const year = dateOfArxivId(paper.id)?.year;
  if (year !== undefined) lines.push(`${INDENT}year={${year}},`);
  lines.push(`${INDENT}eprint={${toVerbatim(paper.id)}},`, `${INDENT}archivePrefix={arXiv},`);
  if (paper.primarySubject !== undefined) lines.push(`${INDENT}primaryClass={${toBibTeXText(paper.primarySubject.code)}},`);
  lines.push(`${INDENT}url={${toVerbatim(absUrlOf(paper))}},`, `${INDENT}doi={${toVerbatim(doiOf(paper))}},`);
  if (paper.journalRef !== undefined && paper.journalRef.trim() !== '') {
    lines.push(`${INDENT}note={Journal-ref: ${toBibTeXText(paper.journalRef)}},`);
  }
  const tags = (paper.tags ?? []).map(toOneLine).filter((t) => t !== '');
  if (tags.length > 0) lines.push(`${INDENT}keywords={${tags.map(toBibTeXText).join(', ')}},`);
  if (paper.note !== undefined && paper.note.trim() !== '') lines.push(`${INDENT}annote={${toBibTeXText(paper.note)}},`);
  lines.push('}');
}

/**
 * Serialises papers as a BibTeX file: one `@misc` entry per paper in input order, separated by
 * blank lines, with unique citation keys (see `toCitationKeys`; `options.citationKeyStyle`
 * picks Sift's short keys or arXiv's). Tags and notes are written only with
 * `options.includeUserData`. Returns `''` for no papers.
 */
export function toBibTeX(papers: readonly ExportPaper[], options: ExportOptions = {}): string {
  const { includeUserData, citationKeyStyle } = resolveExportOptions('bibtex', options);
  const clean = papers.map((paper) => toCleanExportPaper(paper, includeUserData, BIBTEX_OMITS));
  const keys = toCitationKeys(clean, citationKeyStyle);
  if (clean.length === 0) return '';
  // One array of lines joined once is cheaper than flattening a string per entry.
  const lines: string[] = [];
  clean.forEach((paper, i) => {
    if (i > 0) lines.push('');
    entry(paper, keys[i] ?? '', lines);
  });
  return `${lines.join('\n')}\n`;
}
