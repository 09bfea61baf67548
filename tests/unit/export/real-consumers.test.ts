/**
 * The exports read by the tools researchers actually run: pdflatex with BibTeX 0.99d under the
 * classic styles (plain, abbrv, unsrt, plainnat), pdflatex with biblatex + biber, and pandoc's
 * citeproc on the CSL-JSON and the BibTeX. Any error or warning from those tools fails the test.
 *
 * The tools come from Debian packages that `npm run setup` and `.ci/run` install; on a machine
 * without them these tests fail and say how to install them (they never skip: CI must run them).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  doiOf,
  parseAuthorName,
  toBibTeX,
  toCitationKeys,
  toCleanExportPaper,
  toCSLJSON,
  type CitationKeyStyle,
  type ExportPaper,
} from '@/lib/export';
import { mathSpans } from '@/lib/export/tex-math';
import { ALL_PAPERS, UNICODE_NAMES } from './cases';

const run = promisify(execFile);

const DEBIAN_PACKAGES = 'texlive-latex-base texlive-latex-recommended texlive-bibtex-extra texlive-fonts-recommended lmodern biber pandoc';
const INSTALL_HINT =
  `These tests run the real tools. Install them with \`npm run setup\` (Debian/Ubuntu), or ` +
  `\`sudo apt-get install -y ${DEBIAN_PACKAGES}\`.`;

// pdflatex has no fonts for CJK without texlive-lang-cjk, so the one CJK name is left out of the
// LaTeX runs (it stays UTF-8 in the .bib for xelatex and lualatex); pandoc gets every paper.
const LATEX_PAPERS: readonly ExportPaper[] = ALL_PAPERS.map((p) =>
  p === UNICODE_NAMES ? { ...p, authors: p.authors.filter((a) => !/\p{Script=Han}/u.test(a)) } : p,
);

let dir = '';

beforeAll(async () => {
  const missing: string[] = [];
  for (const tool of ['pdflatex', 'bibtex', 'biber', 'pandoc', 'kpsewhich']) {
    await run(tool, ['--version']).catch(() => missing.push(tool));
  }
  for (const file of ['plainnat.bst', 'natbib.sty', 'biblatex.sty', 'lmodern.sty', 't1lmr.fd']) {
    const found = await run('kpsewhich', [file]).then(({ stdout }) => stdout.trim() !== '').catch(() => false);
    if (!found) missing.push(file);
  }
  if (missing.length > 0) throw new Error(`Missing ${missing.join(', ')}. ${INSTALL_HINT}`);
  dir = mkdtempSync(join(tmpdir(), 'sift-consumers-'));
}, 60_000);

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

interface ToolRun {
  code: number;
  output: string;
}

async function tool(command: string, args: readonly string[], cwd: string): Promise<ToolRun> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

/**
 * LaTeX's own complaints in a log: errors (`!` lines), every `Warning` (LaTeX, package, class,
 * font) and glyphs missing from a font. Over- and underfull boxes are typesetting badness that a
 * 120-author list or a long URL produces in any document, not a complaint about the input.
 */
function latexProblems(log: string): string[] {
  return log
    .split('\n')
    .filter((line) => /^!|Warning|Missing character/.test(line));
}

function jobDir(name: string): string {
  return mkdtempSync(join(dir, `${name}-`));
}

interface LatexJob {
  name: string;
  preamble: string;
  bibliography: string;
  processor: 'bibtex' | 'biber';
  keyStyle: CitationKeyStyle;
}

const PDFLATEX = ['-interaction=nonstopmode', '-halt-on-error', '-file-line-error'];

/** Runs one document through pdflatex, the bibliography processor and pdflatex twice; returns every problem seen. */
async function compile(job: LatexJob): Promise<string[]> {
  const cwd = jobDir(job.name);
  const bib = toBibTeX(LATEX_PAPERS, { includeUserData: true, citationKeyStyle: job.keyStyle });
  const keys = toCitationKeys(LATEX_PAPERS.map((p) => toCleanExportPaper(p, true)), job.keyStyle);
  writeFileSync(join(cwd, 'refs.bib'), bib, 'utf8');
  writeFileSync(
    join(cwd, 'doc.tex'),
    [
      '\\documentclass{article}',
      // Missing glyphs become errors instead of lines buried in the log.
      '\\tracinglostchars=3',
      job.preamble,
      '\\begin{document}',
      `Every entry: \\cite{${keys.join(',')}}.`,
      job.bibliography,
      '\\end{document}',
      '',
    ].join('\n'),
    'utf8',
  );
  const problems: string[] = [];
  const first = await tool('pdflatex', ['-draftmode', ...PDFLATEX, 'doc.tex'], cwd);
  if (first.code !== 0) return [`pdflatex (first run) failed:\n${first.output.slice(-3000)}`];
  const processor = await tool(job.processor, ['doc'], cwd);
  const processorProblems = processor.output
    .split('\n')
    .filter((line) => (job.processor === 'bibtex' ? /Warning--|error message|I'm skipping|I was expecting/.test(line) : /WARN|ERROR/.test(line)));
  if (processor.code !== 0 || processorProblems.length > 0) {
    problems.push(`${job.processor} exited ${processor.code}:`, ...processorProblems, processor.code !== 0 ? processor.output.slice(-3000) : '');
  }
  // Citations resolve on the run after the one that reads the bibliography.
  const second = await tool('pdflatex', ['-draftmode', ...PDFLATEX, 'doc.tex'], cwd);
  if (second.code !== 0) problems.push(`pdflatex (second run) failed:\n${second.output.slice(-3000)}`);
  const final = await tool('pdflatex', [...PDFLATEX, 'doc.tex'], cwd);
  if (final.code !== 0) problems.push(`pdflatex (final run) failed:\n${final.output.slice(-3000)}`);
  problems.push(...latexProblems(readFileSync(join(cwd, 'doc.log'), 'latin1')));
  return problems.filter((p) => p !== '');
}

// LaTeX's default OT1 encoding (where `<`, `>` and `|` used to print as ¡, ¿ and —) for two
// styles, T1 with Latin Modern for the others.
const OT1 = '\\usepackage{amsmath,amssymb}\n\\usepackage{url}';
const T1 = '\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}\n\\usepackage{amsmath,amssymb}\n\\usepackage{url}';

const LATEX_JOBS: readonly LatexJob[] = [
  { name: 'plain', preamble: OT1, bibliography: '\\bibliographystyle{plain}\n\\bibliography{refs}', processor: 'bibtex', keyStyle: 'short' },
  { name: 'abbrv', preamble: T1, bibliography: '\\bibliographystyle{abbrv}\n\\bibliography{refs}', processor: 'bibtex', keyStyle: 'short' },
  { name: 'unsrt', preamble: OT1, bibliography: '\\bibliographystyle{unsrt}\n\\bibliography{refs}', processor: 'bibtex', keyStyle: 'arxiv' },
  {
    name: 'plainnat',
    preamble: `${T1}\n\\usepackage{natbib}`,
    bibliography: '\\bibliographystyle{plainnat}\n\\bibliography{refs}',
    processor: 'bibtex',
    keyStyle: 'short',
  },
  {
    name: 'biblatex',
    preamble: `${T1}\n\\usepackage[backend=biber,style=authoryear,maxbibnames=200]{biblatex}\n\\addbibresource{refs.bib}`,
    bibliography: '\\printbibliography',
    processor: 'biber',
    keyStyle: 'short',
  },
];

describe('BibTeX export compiled by pdflatex', () => {
  it.each(LATEX_JOBS.map((job) => [job.name, job] as const))(
    'compiles every entry with %s, without an error or warning',
    async (_name, job) => {
      expect(await compile(job)).toEqual([]);
    },
    180_000,
  );
});

/** Letters and digits only, lower-cased: what survives every tool's rendering of a title. */
function fingerprint(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** The parts of a title outside TeX math, which tools render differently (as Unicode, as TeX). */
function textParts(title: string): string[] {
  const parts: string[] = [];
  let at = 0;
  for (const span of mathSpans(title)) {
    parts.push(title.slice(at, span.start));
    at = span.end;
  }
  parts.push(title.slice(at));
  return parts.map(fingerprint).filter((part) => part.length >= 3);
}

function familyOf(author: string): string {
  const name = parseAuthorName(author);
  return name.kind === 'literal' ? name.literal : name.family;
}

async function renderWithPandoc(bibliography: string, file: string, keys: readonly string[]): Promise<ToolRun> {
  const cwd = jobDir('pandoc');
  writeFileSync(join(cwd, file), bibliography, 'utf8');
  writeFileSync(join(cwd, 'doc.md'), `${keys.map((key) => `[@${key}]`).join(' ')}\n`, 'utf8');
  return tool('pandoc', ['doc.md', '--citeproc', `--bibliography=${file}`, '-t', 'plain', '--wrap=none'], cwd);
}

describe.each([
  ['CSL-JSON', 'refs.json', (papers: readonly ExportPaper[]) => toCSLJSON(papers, { includeUserData: true })],
  ['BibTeX', 'refs.bib', (papers: readonly ExportPaper[]) => toBibTeX(papers, { includeUserData: true })],
] as const)('%s rendered by pandoc --citeproc', (_format, file, serialise) => {
  const papers = ALL_PAPERS.map((p) => toCleanExportPaper(p, true));
  const keys = toCitationKeys(papers);
  let rendered: ToolRun | undefined;
  const output = async (): Promise<ToolRun> => {
    rendered ??= await renderWithPandoc(serialise(ALL_PAPERS), file, keys);
    return rendered;
  };

  it('renders without a warning and resolves every citation key', async () => {
    const { code, output: text } = await output();
    expect(code).toBe(0);
    // Plain text cannot show every formula; pandoc then prints the TeX as typed and says so.
    const warnings = text.split('\n').filter((line) => /WARNING|not found|\?\)/.test(line) && !/Could not convert TeX math/.test(line));
    expect(warnings).toEqual([]);
  }, 60_000);

  it('prints every title, first author and DOI', async () => {
    const text = (await output()).output;
    const printed = fingerprint(text);
    const missing = papers.flatMap((paper) => {
      const problems: string[] = [];
      for (const part of textParts(paper.title)) if (!printed.includes(part)) problems.push(`${paper.id}: title part "${part}"`);
      const first = paper.authors[0];
      if (first !== undefined && !printed.includes(fingerprint(familyOf(first)))) problems.push(`${paper.id}: author ${first}`);
      if (!text.includes(doiOf(paper))) problems.push(`${paper.id}: DOI ${doiOf(paper)}`);
      return problems;
    });
    expect(missing).toEqual([]);
  }, 60_000);
});
