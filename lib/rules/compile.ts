/**
 * Compiles the user's highlight rules into matchers. Phrase and word rules that fold text the
 * same way are merged, per field, into ONE alternation of escaped literals, so a field's text is
 * scanned once whatever the number of rules; each regex rule runs on its own.
 *
 * This module runs in every listing, so it holds only cheap checks. The regex safety check and
 * the breadth check (judge.ts, with redos-detector) run in the background when a rule is saved,
 * imported or listed for a page, and listings compile a regex rule only on that stored verdict.
 */
import { i18n } from '#i18n';
import { foldText, type FoldOptions } from './fold';
import { RULE_FIELDS, type Rule, type RuleField } from './types';

/** A rule that compiled, with the colour slot that names its highlight (`sift-rule-<slot>`). */
export interface CompiledRule {
  readonly rule: Rule;
  readonly slot: number;
}

/** A literal (phrase or word) pattern as folded for its group, and the rules that share it. */
export interface LiteralAlternative {
  readonly key: string;
  readonly mode: 'phrase' | 'word';
  /** Word mode: whether the key starts / ends with a word character, so the text must not continue it there. */
  readonly boundaryBefore: boolean;
  readonly boundaryAfter: boolean;
  readonly ruleIds: readonly string[];
}

/**
 * The phrase and word rules of one pass. `regex` is a global alternation of every key, longest
 * first, so at each position it finds the longest key; `candidates` maps that key to every
 * alternative that also starts there (itself and the keys that are its prefixes).
 */
export interface LiteralGroup {
  readonly regex: RegExp;
  readonly candidates: ReadonlyMap<string, readonly LiteralAlternative[]>;
}

/** One regex rule, compiled for text folded by its pass (diacritics only: case goes to the `i` flag). */
export interface RegexMatcher {
  readonly ruleId: string;
  readonly regex: RegExp;
}

/** The matchers that run on one folding of a field's text: the text is folded once per pass. */
export interface FoldPass {
  readonly fold: FoldOptions;
  readonly literals?: LiteralGroup;
  readonly regexes: readonly RegexMatcher[];
}

export interface RuleProblem {
  readonly ruleId: string;
  readonly error: string;
}

export interface CompiledRules {
  /** Enabled rules that compiled, by id. */
  readonly rules: ReadonlyMap<string, CompiledRule>;
  /** Distinct rule colours (`#rrggbb`, lower case); a rule's `slot` indexes this list. */
  readonly colors: readonly string[];
  /** Per field, the passes to run on its text; empty when no rule looks at the field. */
  readonly fields: Readonly<Record<RuleField, readonly FoldPass[]>>;
  /** Enabled rules that were refused, with the reason; the others still work. */
  readonly problems: readonly RuleProblem[];
}

/** `{ ok: true }`, or `{ ok: false, error }` with a sentence for the rule editor. */
export type RuleCheck = { ok: true } | { ok: false; error: string };

/** Longer patterns are refused outright: the detector's work grows with length, and no real rule needs more. */
export const MAX_PATTERN_LENGTH = 200;

const COLOR = /^#[0-9a-f]{6}$/i;
/** A letter, digit or combining mark: what a whole-word match must not be glued to. */
export const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Escapes the syntax characters of a `u`-mode pattern (where escaping anything else is an error). */
const SYNTAX_CHAR = /[\\^$.*+?()[\]{}|/]/g;

/** Whether `value` is a rule colour, `#rrggbb`: the only form allowed into generated CSS. */
export function isRuleColor(value: string): boolean {
  return COLOR.test(value);
}

/** How a phrase or word rule folds the text it meets (and its own pattern). */
export function foldOptionsOf(rule: Rule): FoldOptions {
  return { caseFold: !rule.caseSensitive, diacriticFold: !rule.diacriticSensitive };
}

/** The folded literal a phrase or word rule looks for; empty when the pattern is blank. */
export function literalKey(rule: Rule): string {
  return foldText(rule.pattern.trim(), foldOptionsOf(rule)).text.trim();
}

/** The regex source a regex rule runs: its accents folded like the text it will meet. */
export function regexSource(rule: Rule): string {
  return foldText(rule.pattern, { caseFold: false, diacriticFold: !rule.diacriticSensitive }).text;
}

/** The flags a regex rule runs with: always `u`, and `i` unless it is case-sensitive. */
export function regexFlags(rule: Rule): 'u' | 'iu' {
  return rule.caseSensitive ? 'u' : 'iu';
}

/** Whether `source` compiles with `flags`, with the engine's own message when it does not. */
function checkSyntax(source: string, flags: 'u' | 'iu'): RuleCheck {
  try {
    new RegExp(source, flags);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The cheap checks of a rule, which need no regex safety detector: it names at least one known
 * field and a `#rrggbb` colour (the colour goes into generated CSS, so nothing else is accepted),
 * its pattern is not blank and at most `MAX_PATTERN_LENGTH` characters, a phrase or word is not
 * blank once folded, and a regex is valid with the `u` flag as typed and as folded. The listing's
 * rules dialog runs only these; the background adds the safety and breadth checks when the rule is
 * saved (`judgeRule` in judge.ts) and refuses the save with that reason.
 *
 * @example checkRuleShape({ ...rule, mode: 'regex', pattern: '(a' }) → { ok: false, error: 'Invalid regular expression: /(a/u: Unterminated group' }
 */
export function checkRuleShape(rule: Rule): RuleCheck {
  if (rule.fields.length === 0) return { ok: false, error: i18n.t('rules.problems.noField') };
  const unknown = rule.fields.find((field) => !RULE_FIELDS.includes(field));
  if (unknown !== undefined) return { ok: false, error: i18n.t('rules.problems.unknownField', { field: unknown }) };
  if (!isRuleColor(rule.color)) return { ok: false, error: i18n.t('rules.problems.colour') };
  if (rule.pattern.trim().length === 0) return { ok: false, error: i18n.t('rules.problems.emptyPattern') };
  if (rule.pattern.length > MAX_PATTERN_LENGTH) {
    return { ok: false, error: i18n.t('rules.problems.tooLong', MAX_PATTERN_LENGTH) };
  }
  if (rule.mode !== 'regex') {
    return literalKey(rule).length > 0 ? { ok: true } : { ok: false, error: i18n.t('rules.problems.emptyFolded') };
  }
  // Report syntax errors against what the user typed, then against what will actually run.
  const typed = checkSyntax(rule.pattern, regexFlags(rule));
  return typed.ok ? checkSyntax(regexSource(rule), regexFlags(rule)) : typed;
}

/**
 * What a rule's verdict is about: the parts that decide whether its pattern is safe and specific.
 * A verdict whose `of` differs from the rule's fingerprint is stale (the pattern was edited).
 */
export function ruleFingerprint(rule: Rule): string {
  return `${rule.mode}|${rule.caseSensitive ? 'c' : ''}${rule.diacriticSensitive ? 'd' : ''}|${rule.pattern}`;
}

/** Whether `rule` carries a verdict about its current pattern (see `judgeRule` in judge.ts). */
export function hasCurrentVerdict(rule: Rule): boolean {
  return rule.verdict !== undefined && rule.verdict.of === ruleFingerprint(rule);
}

/** The checks a judged rule still needs in a listing: cheap ones, no detector. */
function checkJudgedRule(rule: Rule): RuleCheck {
  if (rule.verdict?.error !== undefined) return { ok: false, error: rule.verdict.error };
  if (rule.fields.length === 0 || rule.fields.some((field) => !RULE_FIELDS.includes(field))) return { ok: false, error: i18n.t('rules.problems.knownFields') };
  if (!isRuleColor(rule.color)) return { ok: false, error: i18n.t('rules.problems.colour') };
  if (rule.mode !== 'regex') return literalKey(rule).length > 0 ? { ok: true } : { ok: false, error: i18n.t('rules.problems.emptyFolded') };
  return checkSyntax(regexSource(rule), regexFlags(rule));
}

interface PassBuilder {
  field: RuleField;
  fold: FoldOptions;
  literals: Map<string, { mode: 'phrase' | 'word'; key: string; ruleIds: string[] }>;
  regexes: RegexMatcher[];
}

/** `key` as a `u`-mode pattern that matches it literally. */
export function escapeLiteral(key: string): string {
  return key.replace(SYNTAX_CHAR, '\\$&');
}

/** Whether `key` starts (or, with `fromEnd`, ends) with a word character, so a whole-word match must not continue it there. */
export function isWordCharAt(key: string, fromEnd: boolean): boolean {
  const chars = Array.from(key);
  const c = fromEnd ? chars[chars.length - 1] : chars[0];
  return c !== undefined && WORD_CHAR.test(c);
}

function buildGroup(alternatives: readonly LiteralAlternative[]): LiteralGroup {
  const keys = [...new Set(alternatives.map((a) => a.key))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const candidates = new Map<string, LiteralAlternative[]>();
  for (const key of keys) {
    candidates.set(key, alternatives.filter((a) => key.startsWith(a.key)));
  }
  return { regex: new RegExp(keys.map(escapeLiteral).join('|'), 'gu'), candidates };
}

/**
 * Compile rules for `matchText` / `matchPaper` / `paintHighlights`. Disabled rules are left out;
 * enabled rules that fail their check are left out and listed in `problems`, so one bad rule (say,
 * from an old backup) never stops the rest; a repeated id keeps its first rule. A rule whose
 * stored verdict is current (see `judgeRule` in judge.ts) gets only the cheap checks and its
 * verdict. Without one, a phrase or word rule gets the cheap checks (`checkRuleShape`), and a regex
 * rule is refused: the background judges rules before it hands them to a listing, so only a
 * rule it could not judge yet (the detector's budget was spent) arrives so, and no listing runs
 * the detector. Each distinct colour gets a slot, in rule order.
 *
 * Rules are grouped per field into passes, one per way of folding the text (case × diacritics;
 * regex rules fold diacritics only). A pass holds one alternation regex over the escaped folded
 * keys of its phrase and word rules, longest first, and its regex rules. Word boundaries are
 * checked after a match, on the folded text, so the alternation stays plain literals (the
 * fastest shape for the regex engine).
 */
export function compileRules(rules: readonly Rule[]): CompiledRules {
  const compiled = new Map<string, CompiledRule>();
  const colors: string[] = [];
  const problems: RuleProblem[] = [];
  const passes = new Map<string, PassBuilder>();
  const passOf = (field: RuleField, fold: FoldOptions): PassBuilder => {
    const id = `${field}|${fold.caseFold}|${fold.diacriticFold}`;
    let pass = passes.get(id);
    if (!pass) {
      pass = { field, fold, literals: new Map(), regexes: [] };
      passes.set(id, pass);
    }
    return pass;
  };

  for (const rule of rules) {
    if (!rule.enabled || compiled.has(rule.id)) continue;
    let check: RuleCheck;
    if (hasCurrentVerdict(rule)) check = checkJudgedRule(rule);
    else if (rule.mode === 'regex') check = { ok: false, error: i18n.t('rules.problems.unjudged') };
    else check = checkRuleShape(rule);
    if (!check.ok) {
      problems.push({ ruleId: rule.id, error: check.error });
      continue;
    }
    const color = rule.color.toLowerCase();
    let slot = colors.indexOf(color);
    if (slot < 0) slot = colors.push(color) - 1;
    compiled.set(rule.id, { rule, slot });
    const fields = [...new Set(rule.fields)];
    if (rule.mode === 'regex') {
      const fold: FoldOptions = { caseFold: false, diacriticFold: !rule.diacriticSensitive };
      const regex = new RegExp(regexSource(rule), `g${regexFlags(rule)}`);
      for (const field of fields) passOf(field, fold).regexes.push({ ruleId: rule.id, regex });
      continue;
    }
    const key = literalKey(rule);
    for (const field of fields) {
      const literals = passOf(field, foldOptionsOf(rule)).literals;
      const id = `${rule.mode}\u0000${key}`;
      const alternative = literals.get(id);
      if (alternative) alternative.ruleIds.push(rule.id);
      else literals.set(id, { mode: rule.mode, key, ruleIds: [rule.id] });
    }
  }

  const fields: Record<RuleField, FoldPass[]> = { title: [], abstract: [], authors: [], comments: [], subjects: [] };
  for (const { field, fold, literals, regexes } of passes.values()) {
    const alternatives = [...literals.values()].map(
      (a): LiteralAlternative => ({
        ...a,
        boundaryBefore: a.mode === 'word' && isWordCharAt(a.key, false),
        boundaryAfter: a.mode === 'word' && isWordCharAt(a.key, true),
      }),
    );
    fields[field].push(alternatives.length > 0 ? { fold, literals: buildGroup(alternatives), regexes } : { fold, regexes });
  }
  return { rules: compiled, colors, fields, problems };
}
