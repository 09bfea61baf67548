import { describe, expect, it } from 'vitest';
import { compileRules } from '../../../lib/rules/compile';
import { cutsTexCommand, texCommandsOf } from '../../../lib/rules/tex-commands';
import { matchPaper, matchText, type PaperText } from '../../../lib/rules/match';
import type { Rule } from '../../../lib/rules/types';
import { makeRule, withVerdict } from './make-rule';

/** The original text each match covers, per rule id. */
function found(rules: Rule[], text: string): string[] {
  return matchText(compileRules(rules), 'abstract', text).map((m) => `${m.ruleId}:${text.slice(m.start, m.end)}`);
}

const log = makeRule({ id: 'log', pattern: 'log', mode: 'word' });
const tilde = makeRule({ id: 'tilde', pattern: 'tilde', mode: 'word' });

describe('TeX command names are not text', () => {
  it.each([
    ['a bound of $O(D \\log n)$ rounds', []],
    ['$\\tilde O(D)$ rounds', []],
    ['$\\log n$ rounds, and log time per level', ['log:log']],
    ['the factors the tilde hides in $\\tilde\\Omega(n)$', ['tilde:tilde']],
    ['a log-concavity argument: $$\\frac{1}{n}\\log Z_k$$', ['log:log']],
    ['$\\log_2 n$ and $\\mathrm{Log}$ typeset upright', ['log:Log']],
  ])('in %j, log and tilde match only outside command names: %j', (text, expected) => {
    expect(found([log, tilde], text)).toEqual(expected);
  });

  it('keeps every offset in the text as given, so what is matched after a command is painted exactly', () => {
    const text = '$\\tilde O(D)$ rounds';
    const [match] = matchText(compileRules([makeRule({ id: 'r', pattern: 'O(D)' })]), 'title', text);
    expect(match && text.slice(match.start, match.end)).toBe('O(D)');
  });

  it('masks commands in text that needs the fold map too (accents, hard-wrapped whitespace)', () => {
    const text = 'Żelasko’s $O(\\log\n   n)$ bound and\n   log factors';
    expect(found([log], text)).toEqual(['log:log']);
    const [match] = matchText(compileRules([log]), 'abstract', text);
    expect(match?.start).toBe(text.lastIndexOf('log'));
  });

  it('a regular expression cannot reach into a command name either', () => {
    const regex = withVerdict(makeRule({ id: 'rx', pattern: 'til.e|lo+g', mode: 'regex' }));
    expect(found([regex], '$\\tilde x$ and $\\log y$, a log')).toEqual(['rx:log']);
  });

  it('a pattern typed as TeX takes the command whole and still finds the TeX', () => {
    expect(found([makeRule({ id: 'p', pattern: '\\log n' })], 'in $O(\\log n)$ time')).toEqual(['p:\\log n']);
    expect(found([makeRule({ id: 'p', pattern: 'O(\\lo' })], 'in $O(\\log n)$ time')).toEqual([]);
  });

  it('leaves control symbols and a lone backslash alone', () => {
    const dollar = makeRule({ id: 'd', pattern: '$100' });
    expect(found([dollar], 'A prize of \\$100 is offered')).toEqual(['d:$100']);
    expect(found([makeRule({ id: 'b', pattern: 'a \\ b' })], 'a \\ b')).toEqual(['b:a \\ b']);
  });

  it('matches stored paper metadata the same way (reading list, rule preview)', () => {
    const paper: PaperText = {
      title: 'A Simple Distributed Planar Separator in $\\tilde O(D)$ Rounds',
      authors: ['Yaseen Abd-Elhaleem'],
      abstract: 'improving the previous $O(D \\log n)$ bound',
      comments: undefined,
      subjects: [],
    };
    const rules = compileRules([log, tilde, makeRule({ id: 'rounds', pattern: 'rounds' })]);
    expect([...matchPaper(rules, paper).ruleIds]).toEqual(['rounds']);
  });
});

describe('texCommandsOf and cutsTexCommand', () => {
  it('finds control words, not control symbols', () => {
    expect(texCommandsOf('$\\tilde\\Omega(n)$ costs \\$5, $a\\,b$')).toEqual([
      [1, 7],
      [7, 13],
    ]);
    expect(texCommandsOf('plain text')).toEqual([]);
  });

  it.each([
    [2, 5, true], // "log" of \log
    [1, 5, false], // "\log" whole
    [0, 3, true], // "$\l"
    [5, 7, false], // " n" after it
    [0, 1, false], // "$" before it
  ])('[%i, %i) of "$\\log n$" cuts the command: %s', (start, end, cuts) => {
    expect(cutsTexCommand(texCommandsOf('$\\log n$'), start, end)).toBe(cuts);
  });
});
