import { describe, expect, it, vi } from 'vitest';
import { compileRules } from '@/lib/rules/compile';
import { freshDb, rule, storeApi } from './support';

// The detector as it answers once its budget for the minute is spent (see regex-safety.ts).
vi.mock('@/lib/rules/regex-safety', async (original) => {
  const actual = await original<typeof import('@/lib/rules/regex-safety')>();
  return {
    ...actual,
    checkRegexSafety: () => {
      throw new Error(actual.BUSY_MESSAGE);
    },
  };
});

describe('rules listed while the detector is busy', () => {
  it('come back unjudged and unchanged in the store, and the listing says they are not checked yet', async () => {
    const db = freshDb();
    const { call } = storeApi(db);
    const unjudged = rule('re', { mode: 'regex', pattern: 'raft\\d' });
    await db.rules.bulkPut([unjudged, rule('phrase', { mode: 'phrase', pattern: 'quorum' })]);
    const { rules } = await call('listing.open', { ids: [] });
    expect(rules.find((r) => r.id === 're')).toEqual(unjudged);
    expect(await db.rules.get('re')).toEqual(unjudged);
    // A phrase rule needs no detector: it is judged all the same.
    expect((await db.rules.get('phrase'))?.verdict).toBeDefined();
    const compiled = compileRules(rules);
    expect([...compiled.rules.keys()]).toEqual(['phrase']);
    expect(compiled.problems).toEqual([{ ruleId: 're', error: expect.stringMatching(/^Not checked yet/) }]);
  });

  it('refuse a save with the busy reason rather than storing an unjudged rule', async () => {
    const db = freshDb();
    const { call } = storeApi(db);
    await expect(call('rules.upsert', { rule: rule('re', { mode: 'regex', pattern: 'raft\\d' }) })).rejects.toThrow(/too many regular expressions/);
    expect(await db.rules.count()).toBe(0);
  });
});
