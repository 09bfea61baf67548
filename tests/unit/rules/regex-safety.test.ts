import { describe, expect, it } from 'vitest';
import { createRegexChecker } from '../../../lib/rules/regex-safety';

describe('the regex safety checker', () => {
  it('answers a repeated pattern from memory without running the detector again', () => {
    const checker = createRegexChecker();
    for (let i = 0; i < 50; i++) expect(checker.check('raft|paxos', 'iu')).toEqual({ ok: true });
    expect(checker.runs()).toBe(1);
  });

  it('spends at most its time budget a minute on the detector, because each run keeps memory, and says so', () => {
    // A clock that moves 50 ms at each reading, so every run takes 50 ms however busy the machine
    // is: timed by the real clock, the count of runs before the refusal went with the machine's load.
    let now = 0;
    const checker = createRegexChecker({ clock: () => (now += 50), budgetMs: 300 });
    const hostile = (i: number) => `(\\w+\\s?)*$|${'b'.repeat(i)}`;
    let i = 0;
    expect(() => {
      for (; i < 20; i++) checker.check(hostile(i), 'u');
    }).toThrow(/too many regular expressions at once; try again in a minute/);
    expect(i).toBe(6);
    now += 61_000;
    expect(checker.check(hostile(99), 'u')).toMatchObject({ ok: false });
  });
});
