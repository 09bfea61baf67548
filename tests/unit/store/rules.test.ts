import { describe, expect, it } from 'vitest';
import { compileRules, ruleFingerprint } from '@/lib/rules/compile';
import { UNSAFE_REGEX_MESSAGE } from '@/lib/rules/regex-safety';
import { LIMITS } from '@/lib/schemas/fields';
import { NOW, freshDb, rule, storeApi } from './support';

/** `r` as the store keeps it: with the verdict of the check run when it was saved. */
const judged = (r: ReturnType<typeof rule>) => ({ ...r, verdict: { of: ruleFingerprint(r) } });

describe('rules', () => {
  it('saves, lists oldest first, replaces and deletes rules', async () => {
    const db = freshDb();
    const { call, changes } = storeApi(db);
    const later = rule('r2', { createdAt: NOW + 10, pattern: 'Turing', mode: 'phrase', fields: ['authors'], action: 'star' });
    expect(await call('rules.upsert', { rule: later })).toEqual(judged(later));
    await call('rules.upsert', { rule: rule('r1') });
    expect((await call('rules.list', {})).map((r) => r.id)).toEqual(['r1', 'r2']);

    const edited = rule('r1', { pattern: 'Byzantine', enabled: false, updatedAt: NOW + 20 });
    await call('rules.upsert', { rule: edited });
    expect(await db.rules.get('r1')).toEqual(judged(edited));

    expect(await call('rules.delete', { id: 'r2' })).toEqual({ deleted: true });
    expect(await call('rules.delete', { id: 'r2' })).toEqual({ deleted: false });
    expect(await call('rules.list', {})).toEqual([judged(edited)]);
    expect(changes.map((c) => c.tables)).toEqual([['rules'], ['rules'], ['rules'], ['rules']]);
  });

  it.each([
    ['(unbalanced', /Invalid regular expression/],
    ['(a+)+$', /backtrack catastrophically/],
    ['.', /matches nearly everything/],
  ])('refuses to save the regex %s, saying why, and stores nothing', async (pattern, why) => {
    const db = freshDb();
    const { call } = storeApi(db);
    await expect(call('rules.upsert', { rule: rule('re', { mode: 'regex', pattern }) })).rejects.toThrow(why);
    expect(await db.rules.count()).toBe(0);
  });

  it('stores the verdict it computed, not one the sender made up', async () => {
    const db = freshDb();
    const { call } = storeApi(db);
    const forged = { ...rule('re', { mode: 'regex', pattern: 'raft' }), verdict: { of: 'anything', error: 'forged' } };
    await call('rules.upsert', { rule: forged });
    expect((await db.rules.get('re'))?.verdict).toEqual({ of: ruleFingerprint(forged) });
  });

  it(`keeps at most ${LIMITS.regexRules} regex rules and ${LIMITS.rules} rules, refusing more with words`, async () => {
    const db = freshDb();
    const { call } = storeApi(db);
    await db.rules.bulkPut(Array.from({ length: LIMITS.regexRules }, (_, i) => judged(rule(`x${i}`, { mode: 'regex', pattern: `raft${i}` }))));
    await expect(call('rules.upsert', { rule: rule('one-more', { mode: 'regex', pattern: 'paxos' }) })).rejects.toThrow(
      `Sift keeps at most ${LIMITS.regexRules} regular-expression rules`,
    );
    await call('rules.upsert', { rule: rule('x0', { mode: 'regex', pattern: 'raft edited' }) });
    await db.rules.bulkPut(Array.from({ length: LIMITS.rules - LIMITS.regexRules }, (_, i) => judged(rule(`w${i}`, { pattern: `word ${i}` }))));
    await expect(call('rules.upsert', { rule: rule('more', { pattern: 'paxos' }) })).rejects.toThrow(`Sift keeps at most ${LIMITS.rules} rules`);
    expect(await db.rules.count()).toBe(LIMITS.rules);
  });

  it('lower-cases the rule colour', async () => {
    const db = freshDb();
    const { call } = storeApi(db);
    expect(await call('rules.upsert', { rule: rule('c', { color: '#FFCC00' }) })).toMatchObject({ color: '#ffcc00' });
  });
});

describe('rules handed to listings', () => {
  // As the first version stored them (it kept no verdicts), and one edited behind the verdict.
  const stored = [
    rule('safe', { mode: 'regex', pattern: 'raft\\d', createdAt: NOW + 1 }),
    rule('unsafe', { mode: 'regex', pattern: '(a+)+$', createdAt: NOW + 2 }),
    { ...rule('stale', { mode: 'regex', pattern: 'paxos\\d', createdAt: NOW + 3 }), verdict: { of: ruleFingerprint(rule('x', { mode: 'regex', pattern: 'older' })) } },
    rule('phrase', { mode: 'phrase', pattern: 'quorum', createdAt: NOW + 4 }),
  ];

  it('judges rules without a current verdict when a listing opens and keeps the verdicts, so the listing compiles them', async () => {
    const db = freshDb();
    const { call, changes } = storeApi(db);
    await db.rules.bulkPut(stored);
    const { rules } = await call('listing.open', { ids: [] });
    expect(rules.map((r) => [r.id, r.verdict])).toEqual([
      ['safe', { of: ruleFingerprint(stored[0]!) }],
      ['unsafe', { of: ruleFingerprint(stored[1]!), error: UNSAFE_REGEX_MESSAGE }],
      ['stale', { of: ruleFingerprint(stored[2]!) }],
      ['phrase', { of: ruleFingerprint(stored[3]!) }],
    ]);
    expect(await db.rules.toArray()).toEqual(expect.arrayContaining(rules));
    const compiled = compileRules(rules);
    expect([...compiled.rules.keys()]).toEqual(['safe', 'stale', 'phrase']);
    expect(compiled.problems).toEqual([{ ruleId: 'unsafe', error: UNSAFE_REGEX_MESSAGE }]);
    // A verdict is derived from the rule: writing it is no edit to broadcast or sync.
    expect(changes).toEqual([]);
    expect(await db.syncStamps.count()).toBe(0);
  });

  it('hands judged rules to other tabs in the change notice and to rules.list', async () => {
    const db = freshDb();
    const { call, changes } = storeApi(db);
    await db.rules.bulkPut(stored);
    await call('rules.delete', { id: 'phrase' });
    expect(changes[0]?.rules?.map((r) => r.verdict?.of)).toEqual(stored.slice(0, 3).map(ruleFingerprint));
    expect((await call('rules.list', {})).every((r) => r.verdict?.of === ruleFingerprint(r))).toBe(true);
  });
});

