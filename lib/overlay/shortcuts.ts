import { i18n } from '#i18n';

/** The listing's keyboard shortcuts: one table for dispatch and for the help dialog. */
export const SHORTCUTS = [
  { key: 'j', command: 'next', description: i18n.t('overlay.shortcuts.next') },
  { key: 'k', command: 'previous', description: i18n.t('overlay.shortcuts.previous') },
  { key: 'u', command: 'nextUnseen', description: i18n.t('overlay.shortcuts.nextUnseen') },
  { key: 's', command: 'star', description: i18n.t('overlay.shortcuts.star') },
  { key: 'x', command: 'hide', description: i18n.t('overlay.shortcuts.hide') },
  { key: 't', command: 'tag', description: i18n.t('overlay.shortcuts.tag') },
  { key: 'n', command: 'note', description: i18n.t('overlay.shortcuts.note') },
  { key: 'a', command: 'abstract', description: i18n.t('overlay.shortcuts.abstract') },
  { key: 'o', command: 'open', description: i18n.t('overlay.shortcuts.open') },
  { key: 'p', command: 'pdf', description: i18n.t('overlay.shortcuts.pdf') },
  { key: 'c', command: 'copyBibtex', description: i18n.t('overlay.shortcuts.copyBibtex') },
  { key: 'v', command: 'select', description: i18n.t('overlay.shortcuts.select') },
  { key: 'J', command: 'extendNext', description: i18n.t('overlay.shortcuts.extendNext') },
  { key: 'K', command: 'extendPrevious', description: i18n.t('overlay.shortcuts.extendPrevious') },
  { key: 'r', command: 'sortForYou', description: i18n.t('overlay.shortcuts.sortForYou') },
  { key: '/', command: 'filter', description: i18n.t('overlay.shortcuts.filter') },
  { key: '?', command: 'help', description: i18n.t('overlay.shortcuts.help') },
] as const;

export type ShortcutCommand = (typeof SHORTCUTS)[number]['command'];

const BY_KEY = new Map<string, ShortcutCommand>(SHORTCUTS.map((s) => [s.key, s.command]));
const KEY_OF = new Map<ShortcutCommand, string>(SHORTCUTS.map((s) => [s.command, s.key]));

/**
 * A control's tooltip with its key from the shortcut table, so a tooltip can never name a key that
 * does something else.
 *
 * @example withShortcut('Star', 'star') // 'Star (s)'
 */
export function withShortcut(label: string, command: ShortcutCommand): string {
  return i18n.t('overlay.withShortcut', [label, KEY_OF.get(command) ?? '']);
}

/** Elements where a key press is typing, not a command. */
const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/**
 * The command a keydown means, or undefined when it is not a shortcut, carries a modifier, or
 * happens while the user types (checked along the composed path, so inputs inside Sift's shadow
 * root count too).
 */
export function shortcutOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'composedPath' | 'isComposing'>): ShortcutCommand | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return undefined;
  for (const target of event.composedPath()) {
    if (isTypingTarget(target)) return undefined;
  }
  return BY_KEY.get(event.key);
}

function isTypingTarget(target: EventTarget): boolean {
  const element = target as Partial<HTMLElement>;
  return (element.tagName !== undefined && TYPING.has(element.tagName)) || element.isContentEditable === true;
}
