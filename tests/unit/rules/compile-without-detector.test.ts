import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkRuleShape, compileRules, ruleFingerprint } from '../../../lib/rules/compile';
import { judgeRule } from '../../../lib/rules/judge';
import { makeRule } from './make-rule';

// The detector, watched: a listing must compile rules without ever calling it.
const detector = vi.hoisted(() => ({ isSafePattern: vi.fn(() => ({ safe: true })) }));
vi.mock('redos-detector', () => detector);

const regex = (id: string, pattern: string) => makeRule({ id, pattern, mode: 'regex' });

beforeEach(() => detector.isSafePattern.mockClear());

describe('compiling in a listing', () => {
  it('never runs the detector, on unjudged, stale and judged regex rules alike', () => {
    const unjudged = regex('unjudged', 'raft\\d');
    const stale = { ...regex('stale', 'paxos\\d'), verdict: { of: ruleFingerprint(regex('stale', 'older')) } };
    const judged = { ...regex('judged', 'quorum\\d'), verdict: { of: ruleFingerprint(regex('judged', 'quorum\\d')) } };
    const compiled = compileRules([unjudged, stale, judged, makeRule({ id: 'phrase', pattern: 'consensus' })]);
    expect([...compiled.rules.keys()]).toEqual(['judged', 'phrase']);
    expect(compiled.problems.map((problem) => problem.ruleId)).toEqual(['unjudged', 'stale']);
    expect(checkRuleShape(regex('typed', '(a+)+$'))).toEqual({ ok: true });
    expect(detector.isSafePattern).not.toHaveBeenCalled();
  });

  it('leaves the detector to judgeRule, which the background runs (so the mock above is the one in use)', () => {
    judgeRule(regex('r', 'lattice\\d'));
    expect(detector.isSafePattern).toHaveBeenCalled();
  });
});
