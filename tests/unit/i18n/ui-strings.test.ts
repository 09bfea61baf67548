/**
 * Every word Sift shows a reader goes through `browser.i18n` (`i18n.t` from `#i18n`, keys in
 * locales/en.yml). This test reads the source with TypeScript's parser and fails on text that
 * bypasses it: JSX text, literal values of the attributes a reader sees or hears (title,
 * aria-label, placeholder…), labels in lib's tables, and any string literal that reads as prose.
 *
 * What stays in English on purpose is listed below with the reason, file by file, or marked on
 * its line with an `i18n-exempt: <reason>` comment (on that line or the one above).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOTS = ['components', 'entrypoints', 'lib'];

/** Files whose English literals are data, not interface text. */
const EXEMPT_FILES: Record<string, string> = {
  'lib/settings/categories.ts': "arXiv's category names, which arXiv itself publishes only in English",
  'lib/extension-pages/rule-preview-sample.ts': 'sample arXiv papers the rule preview matches against',
  'lib/arxiv/selectors.ts': "CSS selectors for arXiv's markup",
  'lib/ranking/tokenize.ts': 'English stop words: the papers ranked are written in English',
  'lib/export/citation-keys.ts': 'English stop words a citation key skips, as BibTeX tools do for English titles',
  'lib/store/db.ts': "Dexie's index specifications",
};

/** Attributes whose value a reader sees or a screen reader speaks. */
const SPOKEN_ATTRIBUTES = new Set([
  'title',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'placeholder',
  'alt',
  'label',
]);

/** Object properties that carry interface text in lib's tables (filters, shortcuts, undo labels). */
const TEXT_PROPERTIES = new Set(['label', 'title', 'description', 'hint', 'placeholder', 'ariaLabel', 'summary', 'heading', 'text', 'message']);

/** Calls whose string arguments are never shown: diagnostics, selectors, class names. */
const SILENT_CALLEES = new Set(['querySelector', 'querySelectorAll', 'closest', 'matches', 'add', 'remove', 'toggle', 'contains', 'setProperty', 'getPropertyValue']);

const LETTER = /\p{L}/u;
/** Two words with a space between them: a phrase, not a key, a class token or an identifier. */
const PROSE = /\p{L}{2,}[’'.,;:!?…)]*\s+[(“"‘']?\p{L}/u;

interface Finding {
  file: string;
  line: number;
  text: string;
}

function sourceFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path, pattern);
    return pattern.test(entry.name) ? [path] : [];
  });
}

function isI18nCall(node: ts.Node): boolean {
  return ts.isCallExpression(node) && node.expression.getText() === 'i18n.t';
}

function calleeName(call: ts.CallExpression): string {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) ? callee.name.text : callee.getText();
}

/** Why a string literal's place makes it never-shown text, or undefined when it may be shown. */
function isSilentPlace(literal: ts.Node): boolean {
  let node: ts.Node = literal;
  while (node.parent !== undefined) {
    const parent: ts.Node = node.parent;
    if (isI18nCall(parent)) return (parent as ts.CallExpression).arguments[0] === node;
    if (ts.isCallExpression(parent)) {
      const callee = parent.expression.getText();
      if (callee.startsWith('console.') || SILENT_CALLEES.has(calleeName(parent))) return true;
    }
    if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isLiteralTypeNode(parent)) return true;
    if (ts.isPropertyAssignment(parent) && parent.name === node) return true;
    if (ts.isJsxAttribute(parent)) {
      const name = parent.name.getText();
      return ['class', 'className', 'style', 'rel', 'type', 'role', 'href', 'id'].includes(name) || name.startsWith('data-');
    }
    if (ts.isBinaryExpression(parent) && /^(===|!==|==|!=)$/.test(parent.operatorToken.getText())) return true;
    if (ts.isCaseClause(parent) || ts.isElementAccessExpression(parent)) return true;
    if (ts.isStatement(parent)) return false;
    node = parent;
  }
  return false;
}

function spokenAttributeOf(literal: ts.Node): boolean {
  for (let node: ts.Node | undefined = literal.parent; node !== undefined; node = node.parent) {
    if (isI18nCall(node)) return false;
    if (ts.isJsxAttribute(node)) return SPOKEN_ATTRIBUTES.has(node.name.getText());
    if (ts.isPropertyAssignment(node)) return TEXT_PROPERTIES.has(node.name.getText());
    if (ts.isStatement(node) || ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node)) return false;
  }
  return false;
}

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  return undefined;
}

function findingsIn(file: string, text = readFileSync(file, 'utf8')): Finding[] {
  const lines = text.split('\n');
  const exemptLine = (line: number) => /i18n-exempt: \S/.test(lines[line] ?? '') || /i18n-exempt: \S/.test(lines[line - 1] ?? '');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const findings: Finding[] = [];
  const report = (node: ts.Node, shown: string) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line;
    if (!exemptLine(line)) findings.push({ file, line: line + 1, text: shown.trim().slice(0, 80) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      if (LETTER.test(node.text)) report(node, node.text);
      return;
    }
    const literal = literalText(node);
    if (literal !== undefined && LETTER.test(literal) && !isSilentPlace(node)) {
      if (spokenAttributeOf(node) || PROSE.test(literal)) report(node, literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

/** Text left in an extension page's HTML: the pages set their title and words from script. */
function htmlFindings(file: string): Finding[] {
  const bare = readFileSync(file, 'utf8')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]*>/g, '\n');
  return bare
    .split('\n')
    .filter((line) => LETTER.test(line))
    .map((line) => ({ file, line: 0, text: line.trim() }));
}

describe('interface text goes through browser.i18n', () => {
  const scripts = ROOTS.flatMap((root) => sourceFiles(root, /\.tsx?$/)).filter((file) => !(file in EXEMPT_FILES));
  const pages = sourceFiles('entrypoints', /\.html$/);

  it('finds the source it checks', () => {
    expect(scripts.length).toBeGreaterThan(100);
    expect(pages.length).toBeGreaterThanOrEqual(4);
  });

  it('has no English literal in components, entry points or lib', () => {
    const findings = scripts.flatMap((file) => findingsIn(file)).map(({ file, line, text }) => `${file}:${line}: ${text}`);
    expect(findings).toEqual([]);
  });

  it('has no text in the extension pages\' HTML', () => {
    expect(pages.flatMap((file) => htmlFindings(file))).toEqual([]);
  });

  it('tells a translated string from one that bypasses the catalogue', () => {
    const sample = [
      "const a = <p>Only starred</p>;",
      "const b = <button title=\"Star\" />;",
      "const c = { label: 'Starred' };",
      "throw new Error('could not save the star');",
      "const d = <p title={i18n.t('toolbar.star')}>{i18n.t('toolbar.onlyStarred')}</p>;",
      "const e = <p className=\"sift-btn sift-star\" data-sift-kind=\"two words\" />;",
      "console.warn('[sift] feature failed', error);",
      "el.querySelector('dl dt a');",
      "// i18n-exempt: a test of the marker",
      "const f = 'left in English';",
    ].join('\n');
    const lines = findingsIn('sample.tsx', sample).map((finding) => finding.line);
    expect(lines).toEqual([1, 2, 3, 4]);
  });

  it('names only files that exist among its exemptions', () => {
    const all = new Set(ROOTS.flatMap((root) => sourceFiles(root, /\.tsx?$/)));
    expect(Object.keys(EXEMPT_FILES).filter((file) => !all.has(file))).toEqual([]);
  });
});
