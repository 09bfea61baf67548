import { describe, expect, it } from 'vitest';
import { ruleFingerprint } from '@/lib/rules/compile';
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
