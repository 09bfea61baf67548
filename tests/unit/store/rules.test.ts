import { describe, expect, it } from 'vitest';
import { NOW, freshDb, rule, storeApi } from './support';

describe('rules', () => {
  it('saves, lists oldest first, replaces and deletes rules', async () => {
    const db = freshDb();
    const { call, changes } = storeApi(db);
    const later = rule('r2', { createdAt: NOW + 10, pattern: 'Turing', mode: 'phrase', fields: ['authors'], action: 'star' });
    expect(await call('rules.upsert', { rule: later })).toEqual(later);
    await call('rules.upsert', { rule: rule('r1') });
    expect((await call('rules.list', {})).map((r) => r.id)).toEqual(['r1', 'r2']);

    const edited = rule('r1', { pattern: 'Byzantine', enabled: false, updatedAt: NOW + 20 });
    await call('rules.upsert', { rule: edited });
    expect(await db.rules.get('r1')).toEqual(edited);

    expect(await call('rules.delete', { id: 'r2' })).toEqual({ deleted: true });
    expect(await call('rules.delete', { id: 'r2' })).toEqual({ deleted: false });
    expect(await call('rules.list', {})).toEqual([edited]);
    expect(changes.map((c) => c.tables)).toEqual([['rules'], ['rules'], ['rules'], ['rules']]);
  });

  it('stores a regex rule as text without compiling it', async () => {
    const db = freshDb();
    const { call } = storeApi(db);
    const regex = rule('re', { mode: 'regex', pattern: '(unbalanced' });
    await call('rules.upsert', { rule: regex });
    expect(await db.rules.get('re')).toEqual(regex);
  });

  it('lower-cases the rule colour', async () => {
    const db = freshDb();
    const { call } = storeApi(db);
    expect(await call('rules.upsert', { rule: rule('c', { color: '#FFCC00' }) })).toMatchObject({ color: '#ffcc00' });
  });
});
