/**
 * Markdown reading list, grouped by tag:
 *
 *     # Reading list
 *
 *     ## storage
 *
 *     - [DIAL: Decentralized I/O AutoTuning …](https://arxiv.org/abs/2602.22392) — Md Hasanur Rashid, Xinyi Li (arXiv:2602.22392) [pdf](https://arxiv.org/pdf/2602.22392)
 *
 *       > the user's note
 *
 * Titles, names, tags and notes are untrusted text, so every character CommonMark/GFM could read
 * as markup that links, embeds or hides (`!`, `[`, `]`, `(`, `)`, `<`, `>`, `*`, `_`, backticks,
 * `~`, `|`, `#`, `&`, a `$` that opens no math, and the backslash itself) is backslash-escaped,
 * and link targets are limited to http(s) URLs with the characters that could end the target
 * percent-encoded. TeX math (`$…$`) is left as typed, so math-aware renderers (pandoc, Obsidian,
 * Jupyter, GitHub) typeset it; only the sequences that could still form a link, image or HTML tag
 * in a renderer without math (`](`, `![`, `<`) get a space, which TeX math ignores.
 * The note quote is separated from the item line by a blank line; without it the `>` is read as
 * part of the item's paragraph text by lazy-continuation rules.
 */
import { i18n } from '#i18n';
import { toCleanExportPaper } from './clean-text';
import { absUrlOf, toOneLine, toPercentEscape, type ExportPaper } from './export-paper';
import { resolveExportOptions, type ExportOptions } from './options';
import { mathSpans } from './tex-math';

/** The heading of the group that collects papers without tags. */
export const UNTAGGED_HEADING = i18n.t('export.markdown.untagged');

const escapeText = (text: string): string => text.replace(/[\\`*_[\]<>~|#!()&$]/g, (c) => `\\${c}`);
const defuseMath = (math: string): string => math.replace(/\]\(/g, '] (').replace(/!\[/g, '! [').replace(/</g, '< ');

/**
 * Backslash-escapes Markdown metacharacters so `text` renders literally (CommonMark allows a
 * backslash before any ASCII punctuation), and keeps TeX math spans as typed, with only the
 * sequences that could form a link, image or tag defused by a space.
 *
 * @example toMarkdownText('![x](https://e.x/i.png) <b>') // → '\!\[x\]\(https://e.x/i.png\) \<b\>'
 * @example toMarkdownText('$O(\\log n)$ time') // → '$O(\\log n)$ time'
 */
export function toMarkdownText(input: string): string {
  const text = toOneLine(input);
  let out = '';
  let at = 0;
  for (const span of mathSpans(text)) {
    out += escapeText(text.slice(at, span.start)) + defuseMath(text.slice(span.start, span.end));
    at = span.end;
  }
  return out + escapeText(text.slice(at));
}

/**
 * A link target that cannot break out of `(…)` or smuggle a `javascript:` URL: anything that is
 * not http(s) is replaced by `fallback`, and characters that end or confuse a link destination
 * are percent-encoded.
 */
export function toMarkdownUrl(url: string | undefined, fallback: string): string {
  const candidate = url !== undefined && /^https?:\/\//i.test(url.trim()) ? url.trim() : fallback;
  return candidate.replace(/[\s()<>[\]\\"'`]/g, toPercentEscape);
}

function item(paper: ExportPaper): string {
  const abs = toMarkdownUrl(absUrlOf(paper), `https://arxiv.org/abs/${paper.id}`);
  const pdf = toMarkdownUrl(paper.pdfUrl, `https://arxiv.org/pdf/${paper.id}`);
  const authors = paper.authors.map(toMarkdownText).join(', ');
  const byline = authors === '' ? '' : ` — ${authors}`;
  let line = `- [${toMarkdownText(paper.title)}](${abs})${byline} (arXiv:${toMarkdownText(paper.id)}) [pdf](${pdf})`;
  const note = paper.note?.trim() ?? '';
  if (note !== '') {
    const quoted = note
      .split(/\r\n|\r|\n/)
      .map((l) => (l.trim() === '' ? '  >' : `  > ${toMarkdownText(l)}`));
    line += `\n\n${quoted.join('\n')}`;
  }
  return line;
}

function compareTags(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Serialises papers as a Markdown reading list: one `##` section per tag (sorted
 * case-insensitively), a paper with several tags listed under each, papers without tags last
 * under "Untagged"; within a section papers keep their input order. Without
 * `options.includeUserData` (on by default: the list is the reader's own) there are no tag
 * sections and no notes, and every paper is listed under "Untagged".
 */
export function toMarkdown(papers: readonly ExportPaper[], options: ExportOptions = {}): string {
  const { includeUserData } = resolveExportOptions('markdown', options);
  const groups = new Map<string, string[]>();
  const untagged: string[] = [];
  for (const raw of papers) {
    const paper = toCleanExportPaper(raw, includeUserData, ['abstract', 'comments', 'affiliations', 'subjects']);
    const line = item(paper);
    const tags = new Set((paper.tags ?? []).map(toOneLine).filter((t) => t !== ''));
    if (tags.size === 0) untagged.push(line);
    for (const tag of tags) {
      const group = groups.get(tag);
      if (group === undefined) groups.set(tag, [line]);
      else group.push(line);
    }
  }
  const sections = [...groups.keys()]
    .sort(compareTags)
    .map((tag) => `## ${toMarkdownText(tag)}\n\n${(groups.get(tag) ?? []).join('\n')}\n`);
  if (untagged.length > 0) sections.push(`## ${toMarkdownText(UNTAGGED_HEADING)}\n\n${untagged.join('\n')}\n`);
  // A translation is text like any other: escaped, so no language's punctuation reads as markup.
  const heading = `# ${toMarkdownText(i18n.t('export.markdown.heading'))}\n\n`;
  if (sections.length === 0) return `${heading}_${toMarkdownText(i18n.t('export.markdown.empty'))}_\n`;
  return `${heading}${sections.join('\n')}`;
}
