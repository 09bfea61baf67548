/**
 * Runs compiled rules over text. Offsets are always in the text as given (folding is undone
 * through the fold map), and every scan is bounded: at most `MAX_MATCHES_PER_SCAN` matches per
 * matcher and text, regex rules see at most `MAX_REGEX_INPUT` characters, and an empty match
 * still moves on, so no rule can hold the page. TeX command names never match (see
 * `tex-commands.ts`): rules find what the reader sees.
 */
import type { PaperMeta, Subject } from '../arxiv/types';
import { WORD_CHAR, type CompiledRules, type LiteralGroup, type RegexMatcher } from './compile';
import { foldText, toOriginalRange, type FoldedText } from './fold';
import { cutsTexCommand, texCommandsOf } from './tex-commands';
import { RULE_FIELDS, type RuleField } from './types';

/** One rule matching `text.slice(start, end)` of the text it was run on. */
export interface RuleMatch {
  ruleId: string;
  start: number;
  end: number;
}

/**
 * A match in one item of a paper field: `item` indexes `authors`, or the subjects (primary subject
 * first when the paper names it), and is 0 for the single-text fields.
 */
export interface FieldMatch extends RuleMatch {
  item: number;
}

export interface RuleActions {
  hide: boolean;
  star: boolean;
}

export interface PaperMatch {
  ruleIds: Set<string>;
  byField: Partial<Record<RuleField, FieldMatch[]>>;
  actions: RuleActions;
}

/** The metadata rules look at: what a parsed listing entry or a stored snapshot provides. */
export type PaperText = Pick<PaperMeta, 'title' | 'authors' | 'abstract' | 'comments' | 'subjects'> &
  Partial<Pick<PaperMeta, 'primarySubject'>>;

/** Matches kept per matcher and text: far above any real field, low enough to bound a `.` rule. */
export const MAX_MATCHES_PER_SCAN = 1000;
/**
 * Regex rules see at most this many characters of a field. An accepted pattern's cost can still
 * grow polynomially with length (see `checkRegexSafety`); arXiv caps abstracts at 1,920 characters.
 */
export const MAX_REGEX_INPUT = 10_000;

function codePointLengthAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1;
}

function isWordCharBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const last = Array.from(text.slice(Math.max(0, index - 2), index)).pop();
  return last !== undefined && WORD_CHAR.test(last);
}

function isWordCharFrom(text: string, index: number): boolean {
  const code = text.codePointAt(index);
  return code !== undefined && WORD_CHAR.test(String.fromCodePoint(code));
}

function scanLiterals(group: LiteralGroup, folded: FoldedText, out: RuleMatch[]): void {
  const { regex, candidates } = group;
  const text = folded.text;
  regex.lastIndex = 0;
  for (let scanned = 0; scanned < MAX_MATCHES_PER_SCAN; scanned++) {
    const match = regex.exec(text);
    if (!match) break;
    const start = match.index;
    // The alternation reports the longest key at `start`; shorter keys starting there are its
    // prefixes, and keys starting inside it are found by resuming one character later.
    for (const alternative of candidates.get(match[0]) ?? []) {
      const end = start + alternative.key.length;
      if (alternative.boundaryBefore && isWordCharBefore(text, start)) continue;
      if (alternative.boundaryAfter && isWordCharFrom(text, end)) continue;
      const [from, to] = toOriginalRange(folded, start, end);
      for (const ruleId of alternative.ruleIds) out.push({ ruleId, start: from, end: to });
    }
    regex.lastIndex = start + codePointLengthAt(text, start);
  }
}

function scanRegex(matcher: RegexMatcher, folded: FoldedText, out: RuleMatch[]): void {
  const { regex, ruleId } = matcher;
  const text = folded.text.length > MAX_REGEX_INPUT ? folded.text.slice(0, MAX_REGEX_INPUT) : folded.text;
  regex.lastIndex = 0;
  for (let scanned = 0; scanned < MAX_MATCHES_PER_SCAN; scanned++) {
    const match = regex.exec(text);
    if (!match) break;
    if (match[0].length === 0) {
      // Nothing to paint, and the engine would find the same empty match again: step past it.
      regex.lastIndex = match.index + codePointLengthAt(text, match.index);
      continue;
    }
    const [start, end] = toOriginalRange(folded, match.index, match.index + match[0].length);
    out.push({ ruleId, start, end });
  }
}

/**
 * Every match of the compiled rules that apply to `field` in `text`, as `{ ruleId, start, end }`
 * offsets into `text` itself (not its folded form), sorted by start, longer first. Rules that share
 * characters all report them: `graph` and `graph neural` both match in "graph neural networks".
 * Empty matches (`^`, `\b`) are not reported, nor matches that cut into a TeX command name (`log`
 * in `$O(\log n)$`); a pattern typed as TeX (`\tilde O(D)`) still finds the TeX.
 *
 * @example matchText(compileRules([zelasko]), 'authors', 'Piotr Żelasko') → [{ ruleId, start: 6, end: 13 }]
 */
export function matchText(compiled: CompiledRules, field: RuleField, text: string): RuleMatch[] {
  const passes = compiled.fields[field];
  if (passes.length === 0) return [];
  let out: RuleMatch[] = [];
  for (const { fold, literals, regexes } of passes) {
    const folded = foldText(text, fold);
    if (literals) scanLiterals(literals, folded, out);
    for (const matcher of regexes) scanRegex(matcher, folded, out);
  }
  const commands = out.length > 0 ? texCommandsOf(text) : [];
  if (commands.length > 0) out = out.filter((match) => !cutsTexCommand(commands, match.start, match.end));
  return out.length > 1 ? out.sort((a, b) => a.start - b.start || b.end - a.end) : out;
}

/** How a subject reads in a listing, and so what subject rules see: `Machine Learning (cs.LG)`. */
export function toSubjectText(subject: Subject): string {
  return `${subject.name} (${subject.code})`;
}

function itemsOf(paper: PaperText, field: RuleField): readonly string[] {
  switch (field) {
    case 'title':
      return [paper.title];
    case 'abstract':
      return paper.abstract === undefined ? [] : [paper.abstract];
    case 'comments':
      return paper.comments === undefined ? [] : [paper.comments];
    case 'authors':
      return paper.authors;
    case 'subjects': {
      const subjects = paper.primarySubject ? [paper.primarySubject, ...paper.subjects] : paper.subjects;
      return [...new Set(subjects.map(toSubjectText))];
    }
  }
}

/**
 * What the matched rules ask for besides painting: hide the entry, star it, or both (the caller
 * decides which wins; the rules only report).
 */
export function actionsOf(compiled: CompiledRules, ruleIds: Iterable<string>): RuleActions {
  const actions: RuleActions = { hide: false, star: false };
  for (const id of ruleIds) {
    const action = compiled.rules.get(id)?.rule.action;
    if (action === 'hide') actions.hide = true;
    else if (action === 'star') actions.star = true;
  }
  return actions;
}

/**
 * Match a paper's metadata: each rule only in its own fields, authors one name at a time and
 * subjects one `Name (code)` at a time (so no match spans two names). Returns the ids of the rules
 * that matched, the matches per field (offsets into that item's text) and the implied actions.
 */
export function matchPaper(compiled: CompiledRules, paper: PaperText): PaperMatch {
  const ruleIds = new Set<string>();
  const byField: Partial<Record<RuleField, FieldMatch[]>> = {};
  for (const field of RULE_FIELDS) {
    const items = itemsOf(paper, field);
    const matches: FieldMatch[] = [];
    items.forEach((text, item) => {
      for (const { ruleId, start, end } of matchText(compiled, field, text)) {
        matches.push({ ruleId, start, end, item });
        ruleIds.add(ruleId);
      }
    });
    if (matches.length > 0) byField[field] = matches;
  }
  return { ruleIds, byField, actions: actionsOf(compiled, ruleIds) };
}
