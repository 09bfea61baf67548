import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutOf, withShortcut } from '@/lib/overlay/shortcuts';

function keydown(key: string, path: Partial<HTMLElement>[] = [{ tagName: 'BODY' }], modifiers: Partial<KeyboardEvent> = {}) {
  return {
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    isComposing: false,
    ...modifiers,
    composedPath: () => path as EventTarget[],
  };
}

describe('shortcutOf', () => {
  it.each(SHORTCUTS.map((s) => [s.key, s.command] as const))('maps %s to %s', (key, command) => {
    expect(shortcutOf(keydown(key))).toBe(command);
  });

  it.each([
    ['an input', [{ tagName: 'INPUT' }]],
    ['a textarea', [{ tagName: 'TEXTAREA' }]],
    ['a select', [{ tagName: 'SELECT' }]],
    ['a contenteditable', [{ tagName: 'DIV', isContentEditable: true }]],
    ['an input inside a shadow root', [{ tagName: 'INPUT' }, { tagName: 'DIV' }, { tagName: 'SIFT-OVERLAY' }, { tagName: 'BODY' }]],
  ])('never fires while typing in %s', (_label, path) => {
    expect(shortcutOf(keydown('s', path))).toBeUndefined();
  });

  it.each([{ ctrlKey: true }, { metaKey: true }, { altKey: true }, { isComposing: true }])('leaves %j to the browser', (modifiers) => {
    expect(shortcutOf(keydown('s', undefined, modifiers))).toBeUndefined();
  });

  it('ignores keys that are not shortcuts', () => {
    expect(shortcutOf(keydown('q'))).toBeUndefined();
    expect(shortcutOf(keydown('S'))).toBeUndefined();
  });
});

describe('withShortcut', () => {
  it.each([
    ['Star', 'star', 'Star (s)'],
    ['Hide', 'hide', 'Hide (x)'],
    ['Keyboard shortcuts', 'help', 'Keyboard shortcuts (?)'],
  ] as const)('names %s with its key from the table', (label, command, expected) => {
    expect(withShortcut(label, command)).toBe(expected);
  });
});
