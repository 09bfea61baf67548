/**
 * The full check of a rule, with the regex safety detector (redos-detector, through
 * regex-safety.ts) and the breadth check, and the verdict that records it. These run in the
 * background (when a rule is saved, imported, synced or listed for a page) and on the options
 * page, never in a listing: the content script compiles rules on their stored verdict
 * (compile.ts), so it does not carry the detector.
 */
import { i18n } from '#i18n';
import {
  WORD_CHAR,
  checkRuleShape,
  escapeLiteral,
  foldOptionsOf,
  isWordCharAt,
  literalKey,
  regexFlags,
  regexSource,
  ruleFingerprint,
  type RuleCheck,
} from './compile';
import { foldText, type FoldOptions } from './fold';
import { checkRegexSafety } from './regex-safety';
import type { Rule, RuleField } from './types';

/**
 * Whether a rule can be compiled: the cheap checks (`checkRuleShape`: known fields, a `#rrggbb`
 * colour, a pattern neither blank nor over `MAX_PATTERN_LENGTH`, valid regex syntax), and for a
 * regex that it cannot backtrack catastrophically (see `checkRegexSafety`). The error is a
 * sentence for the rule editor. Throws when the detector's budget is spent.
 *
 * @example checkRule({ ...rule, mode: 'regex', pattern: '(a|aa)*b' }) → { ok: false, error: 'This regular expression…' }
 */
export function checkRule(rule: Rule): RuleCheck {
  const shape = checkRuleShape(rule);
  if (!shape.ok || rule.mode !== 'regex') return shape;
  // Report the detector's refusal against what the user typed, then judge what will actually run.
  const typed = checkRegexSafety(rule.pattern, regexFlags(rule));
  if (!typed.ok) return typed;
  return checkRegexSafety(regexSource(rule), regexFlags(rule));
}

/**
 * An abstract-sized sample of arXiv prose, with TeX, digits and punctuation: a pattern that
 * matches most of it would paint most of every listing.
 */
const BREADTH_SAMPLE =
  // i18n-exempt: sample arXiv prose that patterns are matched against, never shown
  'We study Byzantine fault-tolerant consensus for $n \\ge 3f+1$ replicas under partial synchrony. Our protocol, Quorum-7, commits in two rounds (4.2 ms at 64 nodes) and recovers from leader failures without a view change; prior work (PBFT, HotStuff) needs three. We prove safety and liveness, give a TLA+ specification, and evaluate on 128 GPUs across 3 data centres: throughput improves 2.3x over the baseline while the tail latency stays below 20 ms. Code is available.';
/**
 * Short abstracts from unrelated fields, written for this check (with {@link BREADTH_SAMPLE}): a
 * one-character rule found in every one of them is found in nearly every paper.
 */
const UBIQUITY_SAMPLES = [
  BREADTH_SAMPLE,
  // i18n-exempt: a sample abstract (mathematics), never shown
  'Let $G$ be a finite group acting on a compact Riemann surface of genus $g \\ge 2$. We show that the number of conjugacy classes of such actions grows at most polynomially in $g$, and give a sharp bound for cyclic groups.',
  // i18n-exempt: a sample abstract (astrophysics), never shown
  'We report the detection of a faint stellar stream in the outer halo of the Andromeda galaxy using deep photometry from a wide-field survey. The stream spans roughly 40 kpc and suggests the recent accretion of a dwarf satellite on a radial orbit.',
  // i18n-exempt: a sample abstract (biology), never shown
  'Root hair growth in Arabidopsis depends on a tip-focused calcium gradient. Using live imaging and a genetically encoded sensor, we find that oscillations of cytosolic calcium precede bursts of cell wall expansion by several seconds.',
  // i18n-exempt: a sample abstract (condensed matter), never shown
  'We study a two-dimensional Hubbard model on the kagome lattice at one-third filling. At intermediate coupling the ground state is a valence bond crystal with a 12-site unit cell; stronger interactions drive a transition into a magnetically ordered phase.',
  // i18n-exempt: a sample abstract (computer science), never shown
  'Large language models often answer questions about recent events with confident but outdated facts. We introduce a benchmark of 3,200 time-stamped questions and measure how retrieval from a news archive changes accuracy.',
];
/** The fields of running prose, where the samples stand for what a rule meets. */
const PROSE_FIELDS: readonly RuleField[] = ['title', 'abstract', 'comments'];
/** More matches than one per this many characters, or this share of the text covered, is "nearly everything". */
const BREADTH_CHARS_PER_MATCH = 12;
const BREADTH_COVERAGE = 0.4;
const EMPTY_MATCH_MESSAGE = i18n.t('rules.problems.emptyMatch');

/** A global regex finding what `rule` finds in text folded as `sampleFold(rule)` folds it, whole words included. */
function breadthRegex(rule: Rule): RegExp {
  if (rule.mode === 'regex') return new RegExp(regexSource(rule), `g${regexFlags(rule)}`);
  const key = literalKey(rule);
  const before = rule.mode === 'word' && isWordCharAt(key, false) ? `(?<!${WORD_CHAR.source})` : '';
  const after = rule.mode === 'word' && isWordCharAt(key, true) ? `(?!${WORD_CHAR.source})` : '';
  return new RegExp(`${before}${escapeLiteral(key)}${after}`, 'gu');
}

function sampleFold(rule: Rule): FoldOptions {
  return rule.mode === 'regex' ? { caseFold: false, diacriticFold: !rule.diacriticSensitive } : foldOptionsOf(rule);
}

/**
 * A sentence when `rule` would match nearly any text: empty text, most of {@link BREADTH_SAMPLE},
 * or, for a phrase or word of one character on a prose field, every one of {@link UBIQUITY_SAMPLES}.
 * Longer words as common as "the" pass: they paint a few ranges per entry, like a topic word, and
 * the painter's range cap bounds the total; a one-character word also meets every article,
 * pronoun and formula variable.
 */
function breadthProblem(rule: Rule): string | undefined {
  if (rule.mode === 'regex' && new RegExp(regexSource(rule), regexFlags(rule)).test('')) return EMPTY_MATCH_MESSAGE;
  const regex = breadthRegex(rule);
  const folded = foldText(BREADTH_SAMPLE, sampleFold(rule)).text;
  let count = 0;
  let covered = 0;
  for (let match = regex.exec(folded); match && count <= folded.length; match = regex.exec(folded)) {
    if (match[0].length === 0) return EMPTY_MATCH_MESSAGE;
    count += 1;
    covered += match[0].length;
  }
  if (count * BREADTH_CHARS_PER_MATCH > folded.length || covered > folded.length * BREADTH_COVERAGE) {
    return i18n.t('rules.problems.nearlyEverything', { count, length: folded.length });
  }
  const key = rule.mode === 'regex' ? '' : literalKey(rule);
  if (Array.from(key).length !== 1 || !rule.fields.some((field) => PROSE_FIELDS.includes(field))) return undefined;
  const everywhere = UBIQUITY_SAMPLES.every((sample) => {
    regex.lastIndex = 0;
    return regex.test(foldText(sample, sampleFold(rule)).text);
  });
  if (!everywhere) return undefined;
  const asWord = rule.mode === 'word' && WORD_CHAR.test(key);
  return i18n.t(asWord ? 'rules.problems.oneCharWord' : 'rules.problems.oneCharText', { pattern: rule.pattern.trim() });
}

/**
 * `rule` with its verdict: the full check (`checkRule`) plus a refusal of patterns that match
 * nearly everything or empty text. Run when the rule is saved, imported or synced, or listed
 * without a current verdict (a rule stored before verdicts existed), in the background or an
 * extension page; listings compile on the stored verdict and never run the detector (see
 * `compileRules`). Any verdict the rule carried is replaced. Throws
 * when the detector's budget is spent (see `checkRegexSafety`), so no verdict is stored then.
 *
 * @example judgeRule({ ...rule, mode: 'regex', pattern: '.' }).verdict → { of: 'regex||.', error: 'This pattern matches nearly everything…' }
 */
export function judgeRule(rule: Rule): Rule {
  const { verdict: _old, ...bare } = rule;
  const check = checkRule(bare);
  const error = check.ok ? breadthProblem(bare) : check.error;
  return { ...bare, verdict: error === undefined ? { of: ruleFingerprint(bare) } : { of: ruleFingerprint(bare), error } };
}
