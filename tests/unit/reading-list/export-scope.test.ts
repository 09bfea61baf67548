import { describe, expect, it } from 'vitest';
import { choiceOf, exportScopeOf, listScopeLabel, recordsInScope, type ScopeState } from '@/lib/reading-list/export-scope';

describe('exportScopeOf', () => {
  it.each([
    ['the selection, chosen and not empty', { choice: 'selection', selected: 2, narrowed: true }, 'selection'],
    ['the list when the chosen selection is empty, narrowed', { choice: 'selection', selected: 0, narrowed: true }, 'shown'],
    ['the list when the chosen selection is empty, not narrowed', { choice: 'selection', selected: 0, narrowed: false }, 'all'],
    ['what is shown while a search or filter is active', { choice: 'list', selected: 2, narrowed: true }, 'shown'],
    ['every paper with no search or filter', { choice: 'list', selected: 0, narrowed: false }, 'all'],
  ] as const)('covers %s', (_case, state: ScopeState, expected) => {
    expect(exportScopeOf(state)).toBe(expected);
  });

  it.each([
    ['selection', 'selection'],
    ['shown', 'list'],
    ['all', 'list'],
  ] as const)('shows %s as the %s choice', (scope, choice) => {
    expect(choiceOf(scope)).toBe(choice);
  });
});

describe('recordsInScope', () => {
  const lists = { selection: () => ['s'], shown: () => ['a', 'b'], all: () => ['a', 'b', 'c'] };

  it.each([
    ['selection', ['s']],
    ['shown', ['a', 'b']],
    ['all', ['a', 'b', 'c']],
  ] as const)('%s → those records', (scope, expected) => {
    expect(recordsInScope(scope, lists)).toEqual(expected);
  });

  it('sorts no list the scope does not use', () => {
    const asked: string[] = [];
    const spy = (name: string) => () => (asked.push(name), [name]);
    recordsInScope('shown', { selection: spy('selection'), shown: spy('shown'), all: spy('all') });
    expect(asked).toEqual(['shown']);
  });
});

describe('listScopeLabel', () => {
  it('names what is shown while narrowed, every paper otherwise', () => {
    expect(listScopeLabel(true, 3, 5)).toBe('3 shown');
    expect(listScopeLabel(false, 5, 5)).toBe('All papers (5)');
  });
});
