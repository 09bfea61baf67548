import { describe, expect, it } from 'vitest';
import { MAX_PATTERN_LENGTH, checkRuleShape, compileRules, ruleFingerprint } from '../../../lib/rules/compile';
import { checkRule, judgeRule } from '../../../lib/rules/judge';
import { UNSAFE_REGEX_MESSAGE } from '../../../lib/rules/regex-safety';
import { makeRule, withVerdict } from './make-rule';

const regex = (pattern: string, caseSensitive = false) => makeRule({ pattern, mode: 'regex', caseSensitive });

describe('checkRule', () => {
  it.each(['(a+)+$', '(a|aa)*b', '(\\w+\\s?)*$', '(x+x+)+y', '([a-z]*)*x', 'a.*b.*c.*d', '(\\d+)*\\.'])(
    'refuses %s, which can backtrack catastrophically, and says why',
    (pattern) => {
      expect(checkRule(regex(pattern))).toEqual({ ok: false, error: UNSAFE_REGEX_MESSAGE });
      expect(UNSAFE_REGEX_MESSAGE).toMatch(/backtrack catastrophically .* could freeze the page/);
    },
  );

  it('refuses a pattern that is only ambiguous once case is ignored', () => {
    expect(checkRule(regex('(a|A)+$', true)).ok).toBe(true);
    expect(checkRule(regex('(a|A)+$', false))).toEqual({ ok: false, error: UNSAFE_REGEX_MESSAGE });
  });

  it.each([
    '\\bgraph(s|ical)?\\b',
    '\\d+ GPUs',
    'graph.*neural',
    'LLMs?|large language models?',
    '(?:\\w+ ){2,5}learning',
    '\\p{Lu}{2,}',
    '(?<=\\$)O\\(',
    '^',
    '\\b',
    '(?:)',
  ])('accepts the everyday pattern %s', (pattern) => {
    expect(checkRule(regex(pattern))).toEqual({ ok: true });
  });

  it.each([
    ['(', 'Invalid regular expression: /(/iu: Unterminated group'],
    ['a{2,1}', 'Invalid regular expression: /a{2,1}/iu: numbers out of order in {} quantifier'],
    ['\\-', 'Invalid regular expression: /\\-/iu: Invalid escape'],
  ])('refuses invalid syntax %s with the engine message', (pattern, message) => {
    expect(checkRule(regex(pattern))).toEqual({ ok: false, error: message });
  });

  it('refuses a named backreference, which the safety check cannot judge', () => {
    const result = checkRule(regex('(?<w>\\w)\\k<w>'));
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/cannot judge/) });
  });

  it('refuses a backreference to a variable-length group, which the safety check cannot judge', () => {
    expect(checkRule(regex('(a+)\\1'))).toMatchObject({ ok: false, error: expect.stringMatching(/cannot judge/) });
  });

  it.each([
    [makeRule({ pattern: '   ' }), 'The pattern is empty.'],
    [makeRule({ pattern: '\u0301' }), 'The pattern is empty once accents are ignored.'],
    [makeRule({ pattern: 'x'.repeat(MAX_PATTERN_LENGTH + 1) }), `The pattern is longer than ${MAX_PATTERN_LENGTH} characters.`],
    [makeRule({ pattern: 'graph', fields: [] }), 'Choose at least one field to match.'],
    [makeRule({ pattern: 'graph', color: 'red;} body{display:none' }), 'The colour must look like #rrggbb.'],
    [makeRule({ pattern: 'graph', color: '#fff' }), 'The colour must look like #rrggbb.'],
  ])('refuses an unusable rule (%#) with a message', (rule, error) => {
    expect(checkRule(rule)).toEqual({ ok: false, error });
  });

  it('accepts phrase text full of regex syntax, which it matches literally', () => {
    expect(checkRule(makeRule({ pattern: '(a+)+$ .*+?()[]{}|\\^$' }))).toEqual({ ok: true });
  });
});

describe('compileRules', () => {
  it('leaves out disabled rules and reports refused ones without stopping the rest', () => {
    const compiled = compileRules([
      makeRule({ id: 'ok', pattern: 'graph' }),
      makeRule({ id: 'off', pattern: 'graph', enabled: false }),
      judgeRule(makeRule({ id: 'bad', pattern: '(a+)+$', mode: 'regex' })),
    ]);
    expect([...compiled.rules.keys()]).toEqual(['ok']);
    expect(compiled.problems).toEqual([{ ruleId: 'bad', error: UNSAFE_REGEX_MESSAGE }]);
  });

  it('gives each distinct colour one slot, in rule order, ignoring letter case', () => {
    const compiled = compileRules([
      makeRule({ id: 'a', pattern: 'a', color: '#FF0000' }),
      makeRule({ id: 'b', pattern: 'b', color: '#00ff00' }),
      makeRule({ id: 'c', pattern: 'c', color: '#ff0000' }),
    ]);
    expect(compiled.colors).toEqual(['#ff0000', '#00ff00']);
    expect(['a', 'b', 'c'].map((id) => compiled.rules.get(id)?.slot)).toEqual([0, 1, 0]);
  });

  it('merges phrase and word rules that fold alike into one alternation per field, longest first', () => {
    const compiled = compileRules([
      makeRule({ id: 'g', pattern: 'graph', fields: ['title'] }),
      makeRule({ id: 'gn', pattern: 'Graph Neural', mode: 'word', fields: ['title'] }),
      makeRule({ id: 'cs', pattern: 'GPU', caseSensitive: true, fields: ['title'] }),
      withVerdict(makeRule({ id: 'r', pattern: 'LLMs?', mode: 'regex', fields: ['title'] })),
    ]);
    const [insensitive, caseKept, ...rest] = compiled.fields.title;
    expect(insensitive).toMatchObject({ fold: { caseFold: true, diacriticFold: true }, regexes: [] });
    expect(insensitive?.literals?.regex.source).toBe('graph neural|graph');
    // The regex rule folds accents but not case (its `i` flag does that), like the case-sensitive phrase.
    expect(caseKept).toMatchObject({ fold: { caseFold: false, diacriticFold: true } });
    expect(caseKept?.literals?.regex.source).toBe('GPU');
    expect(caseKept?.regexes.map((r) => r.ruleId)).toEqual(['r']);
    expect(rest).toEqual([]);
    expect(compiled.fields.abstract).toEqual([]);
  });
});

describe('judgeRule and stored verdicts', () => {
  it.each(['.', '[^x]', '\\w', '[a-z]+', '\\S+', '.{40}'])('refuses the regex %s, which matches nearly everything', (pattern) => {
    expect(judgeRule(regex(pattern)).verdict).toEqual({ of: ruleFingerprint(regex(pattern)), error: expect.stringMatching(/matches nearly everything/) });
  });

  it.each(['e', ' '])('refuses the phrase %j, which matches nearly everything', (pattern) => {
    expect(judgeRule(makeRule({ pattern: `${pattern}` })).verdict?.error).toMatch(/matches nearly everything|empty/);
  });

  it.each(['x*', '(?:)', '^', '\\b'])('refuses the regex %s, which matches empty text', (pattern) => {
    expect(judgeRule(regex(pattern)).verdict?.error).toMatch(/matches empty text/);
  });

  it.each(['\\d+ GPUs', 'graph.*neural', 'consensus', 'LLMs?|large language models?'])('accepts %s and records that it was checked', (pattern) => {
    const judged = judgeRule(regex(pattern));
    expect(judged.verdict).toEqual({ of: ruleFingerprint(judged) });
  });

  it('carries the safety check\'s refusal into the verdict', () => {
    expect(judgeRule(regex('(a+)+$')).verdict?.error).toBe(UNSAFE_REGEX_MESSAGE);
  });

  it('compiles a judged rule without checking it again, and refuses it with the stored reason', () => {
    const safe = { ...regex('(a+)+$'), verdict: { of: ruleFingerprint(regex('(a+)+$')) } };
    expect(compileRules([safe]).problems).toEqual([]);
    const refused = { ...regex('raft'), verdict: { of: ruleFingerprint(regex('raft')), error: 'No.' } };
    expect(compileRules([refused]).problems).toEqual([{ ruleId: refused.id, error: 'No.' }]);
  });

  it('refuses a regex rule whose verdict is about an older pattern, saying it is not checked yet', () => {
    const stale = { ...regex('(a+)+$'), verdict: { of: ruleFingerprint(regex('raft')) } };
    expect(compileRules([stale]).problems).toEqual([{ ruleId: stale.id, error: expect.stringMatching(/^Not checked yet/) }]);
  });

  it('refuses every unjudged regex rule with words, and compiles unjudged phrase and word rules on the cheap checks', () => {
    const rules = [
      ...Array.from({ length: 3 }, (_, i) => makeRule({ id: `r${i}`, pattern: `word${i}\\d`, mode: 'regex' })),
      makeRule({ id: 'p', pattern: 'raft' }),
      makeRule({ id: 'w', pattern: 'Paxos', mode: 'word' }),
      makeRule({ id: 'bad colour', pattern: 'raft', color: 'red' }),
    ];
    const { problems, rules: compiled } = compileRules(rules);
    expect([...compiled.keys()]).toEqual(['p', 'w']);
    expect(problems.map((problem) => problem.ruleId)).toEqual(['r0', 'r1', 'r2', 'bad colour']);
    expect(problems[0]?.error).toMatch(/^Not checked yet/);
    expect(problems[3]?.error).toBe('The colour must look like #rrggbb.');
  });
});

describe('checkRuleShape, the rules dialog\'s check in a listing', () => {
  it.each([
    [regex('(unbalanced'), /Invalid regular expression/],
    [regex('x'.repeat(MAX_PATTERN_LENGTH + 1)), /longer than 200 characters/],
    [makeRule({ pattern: '  ' }), /The pattern is empty/],
    [makeRule({ pattern: 'graph', fields: [] }), /at least one field/],
    [makeRule({ pattern: 'graph', color: '#fff' }), /#rrggbb/],
  ])('refuses an unusable rule (%#) as checkRule does', (rule, error) => {
    expect(checkRuleShape(rule)).toEqual({ ok: false, error: expect.stringMatching(error) });
    expect(checkRule(rule)).toEqual(checkRuleShape(rule));
  });

  it.each(['(a+)+$', '.', 'x*'])('leaves the regex %s, refused on save by the background, to the background', (pattern) => {
    expect(checkRuleShape(regex(pattern))).toEqual({ ok: true });
    expect(judgeRule(regex(pattern)).verdict?.error).toBeDefined();
  });
});
