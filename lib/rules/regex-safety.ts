/**
 * Whether a user-written regular expression may run on arXiv text: valid with the `u` flag, short,
 * and free of catastrophic backtracking as judged by `redos-detector`. The check runs in the
 * background and on the options page, when a rule is saved, imported, synced or listed without a
 * verdict, and its verdict is stored with the rule (see `judgeRule` in judge.ts); listings never
 * run it, and the content script does not carry the detector. Results are also memoised by
 * pattern and flags.
 *
 * redos-detector keeps memory after each run (about 2.4 GB of heap after 175 hostile checks in
 * Node, measured on 6.1.4), more the longer a run works. So the detector gets a time budget per
 * minute: past it a check throws instead of running, which bounds what a flood of new patterns
 * (a hostile page saving rules in a loop, say) can make the background hold.
 */
import { i18n } from '#i18n';
import { isSafePattern } from 'redos-detector';
import { MAX_PATTERN_LENGTH } from './compile';

/**
 * Bounds for the detector. The checked pattern is anchored (see `checkRegexSafety`), and every
 * rule seen in practice is judged within a few hundred steps; the step limit keeps a hostile
 * pattern's check to about 0.1 s, and the timeout is a backstop for slow machines.
 */
const DETECTOR_OPTIONS = { maxScore: 200, maxSteps: 1000, timeout: 250, downgradePattern: false } as const;

export type SafetyResult = { ok: true } | { ok: false; error: string };

const CACHE_LIMIT = 500;

/** Detector time allowed per rolling minute: 12 hostile patterns at the 250 ms timeout, or hundreds of everyday ones. */
export const DETECTOR_BUDGET_MS = 3000;
const WINDOW_MS = 60_000;

/** What a check answers when the budget is spent; thrown, never memoised or stored as a verdict. */
export const BUSY_MESSAGE = i18n.t('rules.problems.busy');

/**
 * One message whichever limit the detector hit: running out of score, steps or time all mean it
 * kept finding more ways for the same text to match.
 */
export const UNSAFE_REGEX_MESSAGE = i18n.t('rules.problems.unsafe');

/**
 * The detector cannot combine `unicode` with `caseInsensitive`, yet case folding is what makes
 * `(a|A)+$` ambiguous. So a case-insensitive rule is also judged as a case-insensitive non-Unicode
 * pattern; one that only parses in Unicode mode keeps the Unicode verdict.
 */
function isSafeIgnoringCase(anchored: string): boolean {
  try {
    return isSafePattern(anchored, { ...DETECTOR_OPTIONS, caseInsensitive: true }).safe;
  } catch {
    return true;
  }
}

function judge(anchored: string, caseInsensitive: boolean): SafetyResult {
  let safe: boolean;
  try {
    safe = isSafePattern(anchored, { ...DETECTOR_OPTIONS, unicode: true }).safe;
  } catch (error) {
    // The detector refuses what it cannot model (named backreferences, backreferences to
    // variable-length groups, `v`-mode classes); a pattern it cannot judge is not run.
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      ok: false,
      error: i18n.t('rules.problems.unjudgeable', { reason: reason ?? '' }),
    };
  }
  if (safe && caseInsensitive) safe = isSafeIgnoringCase(anchored);
  return safe ? { ok: true } : { ok: false, error: UNSAFE_REGEX_MESSAGE };
}

export interface RegexChecker {
  /** See {@link checkRegexSafety}. */
  check(pattern: string, flags: 'u' | 'iu'): SafetyResult;
  /** How many times the detector ran (memoised answers do not count). */
  runs(): number;
}

/**
 * A safety checker with its own memo and detector budget: `budgetMs` of detector time per rolling
 * minute, measured with `clock` (ms). The module's {@link checkRegexSafety} uses one; tests make
 * their own. Example: `createRegexChecker({ budgetMs: 300 }).check('(a+)+$', 'u')`.
 */
export function createRegexChecker({ clock = () => performance.now(), budgetMs = DETECTOR_BUDGET_MS } = {}): RegexChecker {
  const cache = new Map<string, SafetyResult>();
  const spent: { at: number; ms: number }[] = [];
  let runs = 0;
  const spentLastMinute = (now: number) => {
    while (spent.length > 0 && spent[0]!.at <= now - WINDOW_MS) spent.shift();
    return spent.reduce((sum, run) => sum + run.ms, 0);
  };
  return {
    runs: () => runs,
    check(pattern, flags) {
      if (pattern.length === 0) return { ok: false, error: i18n.t('rules.problems.emptyPattern') };
      if (pattern.length > MAX_PATTERN_LENGTH) {
        return { ok: false, error: i18n.t('rules.problems.tooLong', MAX_PATTERN_LENGTH) };
      }
      const key = `${flags}\u0000${pattern}`;
      const cached = cache.get(key);
      if (cached) return cached;
      let result: SafetyResult;
      try {
        new RegExp(pattern, flags);
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      const started = clock();
      if (spentLastMinute(started) >= budgetMs) throw new Error(BUSY_MESSAGE);
      runs += 1;
      try {
        result = judge(`^(?:${pattern})`, flags === 'iu');
      } finally {
        spent.push({ at: started, ms: clock() - started });
      }
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, result);
      return result;
    },
  };
}

const defaultChecker = createRegexChecker();

/**
 * Check a regular expression source before it is compiled with `flags` (`u`, plus `i` for
 * case-insensitive rules): refuses an empty or over-long pattern, invalid syntax (with the
 * engine's message), constructs the detector cannot judge, and patterns that can backtrack
 * catastrophically, each with a message for the rule editor.
 *
 * The detector judges the pattern anchored as `^(?:pattern)`, which bounds the work of one match
 * attempt. Scanning a field tries every start position, so the total cost of an accepted pattern
 * is at most polynomial in the field's length, which the matcher caps. Judging it unanchored would
 * refuse everyday patterns like `\d+ GPUs` for that polynomial scan.
 *
 * Throws {@link BUSY_MESSAGE} when the detector's budget for the minute is spent.
 *
 * @example checkRegexSafety('(a+)+$', 'u') → { ok: false, error: 'This regular expression can backtrack…' }
 */
export function checkRegexSafety(pattern: string, flags: 'u' | 'iu'): SafetyResult {
  return defaultChecker.check(pattern, flags);
}
