import { describe, expect, it } from 'vitest';
import { compileRules } from '@/lib/rules/compile';
import { judgeRule } from '@/lib/rules/judge';
import type { Rule } from '@/lib/rules/types';
import { exportBackup, importBackup } from '@/lib/store/backup';
import { NOW, freshDb, rule as storeRule, storeApi } from '../store/support';
import { makeRule } from './make-rule';

type Mode = Rule['mode'];

const errorOf = (pattern: string, mode: Mode, overrides: Partial<Rule> = {}) => judgeRule(makeRule({ pattern, mode, ...overrides })).verdict?.error;

describe('patterns that match nearly everything are refused with words', () => {
  it.each<[string, Mode, RegExp]>([
    ['.', 'regex', /matches nearly everything/],
    ['\\w', 'regex', /matches nearly everything/],
    ['\\S', 'regex', /matches nearly everything/],
    ['[a-z]', 'regex', /matches nearly everything/],
    ['\\p{L}+', 'regex', /matches nearly everything/],
    ['a|', 'regex', /matches empty text/],
    ['|raft', 'regex', /matches empty text/],
    ['(?:raft)?', 'regex', /matches empty text/],
    ['x*', 'regex', /matches empty text/],
    ['\\b', 'regex', /matches empty text/],
    ['(?=a)', 'regex', /matches empty text/],
    ['$', 'regex', /matches empty text/],
    ['e', 'phrase', /matches nearly everything/],
    ['a', 'phrase', /nearly every paper, in running text/],
    ['t', 'phrase', /nearly every paper, in running text/],
    ['a', 'word', /nearly every paper, as a word of its own/],
    ['A', 'word', /nearly every paper, as a word of its own/],
    [' a ', 'word', /nearly every paper/],
    ['.', 'word', /nearly every paper, in running text/],
    ['s', 'phrase', /nearly every paper, in running text/],
  ])('refuses %j as a %s rule', (pattern, mode, why) => {
    expect(errorOf(pattern, mode)).toMatch(why);
  });

  it.each<[string, Mode]>([
    ['raft', 'word'],
    ['consensus', 'phrase'],
    ['GPU', 'word'],
    ['R', 'word'],
    ['C', 'word'],
    ['Q', 'word'],
    ['the', 'word'],
    ['Li', 'word'],
    ['\\d+ GPUs', 'regex'],
    ['graph.*neural', 'regex'],
    ['\\bLLMs?\\b', 'regex'],
    ['Erd[oö]s\\b', 'regex'],
  ])('accepts %j as a %s rule', (pattern, mode) => {
    expect(errorOf(pattern, mode)).toBeUndefined();
  });

  it('judges a one-letter word on what the rule looks at: a surname initial on authors alone is accepted', () => {
    expect(errorOf('a', 'word', { fields: ['authors'] })).toBeUndefined();
    expect(errorOf('a', 'word', { fields: ['authors', 'title'] })).toMatch(/nearly every paper/);
  });

  it('says what to do instead', () => {
    expect(errorOf('a', 'word')).toMatch(/longer word or a phrase/);
    expect(errorOf('a|', 'regex')).toMatch(/require at least one character/);
    expect(errorOf('.', 'regex')).toMatch(/make it more specific/);
  });
});

describe('refusal where rules enter the store', () => {
  it.each([
    ['a', 'word'],
    ['a|', 'regex'],
    ['\\w', 'regex'],
  ] as const)('rules.upsert refuses %j (%s) with the reason and stores nothing', async (pattern, mode) => {
    const db = freshDb();
    const { call } = storeApi(db);
    await expect(call('rules.upsert', { rule: storeRule('r', { pattern, mode }) })).rejects.toThrow(/nearly every|empty text/);
    expect(await db.rules.count()).toBe(0);
  });

  it('a backup import keeps such a rule switched off by its verdict, with the reason, and the others working', async () => {
    // A file from a store that never checked its rules (written past the checks, as an old Sift might have).
    const source = freshDb();
    await source.rules.bulkPut([storeRule('broad', { pattern: 'a', mode: 'word' }), storeRule('fine', { pattern: 'raft', mode: 'word' })]);
    const file = JSON.stringify(await exportBackup(source, NOW));
    const db = freshDb();
    await importBackup(db, file, { mode: 'replace', now: NOW });
    expect((await db.rules.get('broad'))?.verdict?.error).toMatch(/nearly every paper/);
    expect((await db.rules.get('fine'))?.verdict?.error).toBeUndefined();
    expect(compileRules(await db.rules.toArray()).problems.map((problem) => problem.ruleId)).toEqual(['broad']);
  });
});
