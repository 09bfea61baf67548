/**
 * TeX as a reader would read it in one line of plain text: `$\tilde O(\sqrt{n})$` → `Õ(√n)`. For
 * the places Sift writes a title itself (a hidden entry's one-line summary), where MathJax does not
 * run and raw TeX reads as noise. Only what titles use is mapped (Greek letters, common symbols,
 * accents, sub- and superscript digits, font commands); anything else keeps its name without the
 * backslash, so nothing is lost. No library does this without a TeX engine: MathJax renders to
 * markup, and the npm TeX-to-Unicode tables are unmaintained or data-only.
 */

const SYMBOLS: Readonly<Record<string, string>> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η',
  theta: 'θ', vartheta: 'ϑ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π',
  rho: 'ρ', sigma: 'σ', tau: 'τ', upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
  infty: '∞', sqrt: '√', times: '×', cdot: '·', cdots: '⋯', ldots: '…', dots: '…', pm: '±', mp: '∓',
  leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', ne: '≠', approx: '≈', sim: '∼', simeq: '≃', equiv: '≡',
  propto: '∝', to: '→', rightarrow: '→', leftarrow: '←', Rightarrow: '⇒', leftrightarrow: '↔', mapsto: '↦',
  in: '∈', notin: '∉', subset: '⊂', subseteq: '⊆', cup: '∪', cap: '∩', emptyset: '∅', forall: '∀',
  exists: '∃', partial: '∂', nabla: '∇', sum: '∑', prod: '∏', int: '∫', ell: 'ℓ', hbar: 'ℏ', circ: '∘',
  log: 'log', ln: 'ln', exp: 'exp', sin: 'sin', cos: 'cos', max: 'max', min: 'min', lim: 'lim',
  poly: 'poly', polylog: 'polylog', '%': '%', '&': '&', '#': '#', '_': '_', $: '$', '{': '{', '}': '}', ',': ' ', ';': ' ', '!': '', ' ': ' ',
};

/** Combining marks for accent commands: `\tilde O` → `Õ`. */
const ACCENTS: Readonly<Record<string, string>> = {
  tilde: '\u0303', widetilde: '\u0303', hat: '\u0302', widehat: '\u0302', bar: '\u0304', overline: '\u0305',
  vec: '\u20d7', dot: '\u0307', ddot: '\u0308', breve: '\u0306', check: '\u030c', acute: '\u0301', grave: '\u0300',
};

const BLACKBOARD: Readonly<Record<string, string>> = { R: 'ℝ', N: 'ℕ', Z: 'ℤ', Q: 'ℚ', C: 'ℂ', P: 'ℙ', E: '𝔼', F: '𝔽' };
const SUPERSCRIPT: Readonly<Record<string, string>> = { 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹', '+': '⁺', '-': '⁻', n: 'ⁿ', i: 'ⁱ', '*': '*' };
const SUBSCRIPT: Readonly<Record<string, string>> = { 0: '₀', 1: '₁', 2: '₂', 3: '₃', 4: '₄', 5: '₅', 6: '₆', 7: '₇', 8: '₈', 9: '₉', '+': '₊', '-': '₋' };
/** Font and text commands whose argument is simply the text. */
const TRANSPARENT = new Set(['mathrm', 'mathit', 'mathbf', 'mathsf', 'mathtt', 'textrm', 'textit', 'textbf', 'text', 'emph', 'operatorname', 'mathcal', 'mathscr', 'boldsymbol', 'left', 'right', 'big', 'Big', 'bigl', 'bigr']);

/** Reads one argument at `at`: a `{…}` group (nested braces counted) or a single character. */
function argumentAt(source: string, at: number): { text: string; end: number } {
  let i = at;
  while (source[i] === ' ') i++;
  if (source[i] !== '{') return { text: source[i] ?? '', end: Math.min(i + 1, source.length) };
  let depth = 0;
  for (let j = i; j < source.length; j++) {
    if (source[j] === '{') depth++;
    else if (source[j] === '}' && --depth === 0) return { text: source.slice(i + 1, j), end: j + 1 };
  }
  return { text: source.slice(i + 1), end: source.length };
}

function mapEach(text: string, table: Readonly<Record<string, string>>): string | undefined {
  let out = '';
  for (const char of text) {
    const mapped = table[char];
    if (mapped === undefined) return undefined;
    out += mapped;
  }
  return out;
}

/** Deeper nesting than any title has is left as typed: it keeps the work linear in the text's length. */
const MAX_DEPTH = 8;

/** One math span's TeX as plain text; each level of nesting re-reads its group once. */
function mathToText(tex: string, depth = 0): string {
  if (depth > MAX_DEPTH) return tex;
  let out = '';
  for (let i = 0; i < tex.length; ) {
    const char = tex[i]!;
    if (char === '\\') {
      const name = /^[A-Za-z]+/.exec(tex.slice(i + 1))?.[0] ?? tex[i + 1] ?? '';
      let end = i + 1 + name.length;
      if (ACCENTS[name] !== undefined) {
        const arg = argumentAt(tex, end);
        out += mathToText(arg.text, depth + 1) + ACCENTS[name];
        end = arg.end;
      } else if (name === 'mathbb') {
        const arg = argumentAt(tex, end);
        out += mapEach(arg.text, BLACKBOARD) ?? arg.text;
        end = arg.end;
      } else if (name === 'frac') {
        const top = argumentAt(tex, end);
        const bottom = argumentAt(tex, top.end);
        out += `${mathToText(top.text, depth + 1)}/${mathToText(bottom.text, depth + 1)}`;
        end = bottom.end;
      } else if (name === 'sqrt') {
        const arg = argumentAt(tex, end);
        const inner = mathToText(arg.text, depth + 1);
        out += inner.length > 1 ? `√(${inner})` : `√${inner}`;
        end = arg.end;
      } else if (TRANSPARENT.has(name)) {
        if (tex[end] === '{' || (tex[end] === ' ' && tex[end + 1] === '{')) {
          const arg = argumentAt(tex, end);
          out += mathToText(arg.text, depth + 1);
          end = arg.end;
        }
      } else {
        out += SYMBOLS[name] ?? name;
      }
      i = Math.max(end, i + 1);
    } else if (char === '^' || char === '_') {
      const arg = argumentAt(tex, i + 1);
      const inner = mathToText(arg.text, depth + 1);
      out += mapEach(inner, char === '^' ? SUPERSCRIPT : SUBSCRIPT) ?? (char === '^' ? `^${inner}` : `_${inner}`);
      i = arg.end;
    } else if (char === '{' || char === '}') {
      i++;
    } else {
      out += char;
      i++;
    }
  }
  return out;
}

/**
 * `text` with every `$…$` span turned into plain text and the rest left as typed (an escaped `\$`
 * stays a dollar, as arXiv's MathJax configuration has `processEscapes`).
 *
 * @example readableTex('An $\\tilde O(D)$-round algorithm') // 'An Õ(D)-round algorithm'
 */
export function readableTex(text: string): string {
  let out = '';
  let math: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\\' && text[i + 1] === '$') {
      if (math === undefined) out += '$';
      else math += '\\$';
      i++;
    } else if (char === '$') {
      if (text[i + 1] === '$') i++;
      if (math === undefined) math = '';
      else {
        out += mathToText(math);
        math = undefined;
      }
    } else if (math !== undefined) math += char;
    else out += char;
  }
  // An unclosed `$` is a typo, not math: keep it as typed.
  return (math === undefined ? out : `${out}$${math}`).normalize('NFC');
}
