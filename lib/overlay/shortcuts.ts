/** The listing's keyboard shortcuts: one table for dispatch and for the help dialog. */
export const SHORTCUTS = [
  { key: 'j', command: 'next', description: 'Next entry' },
  { key: 'k', command: 'previous', description: 'Previous entry' },
  { key: 'u', command: 'nextUnseen', description: 'Next unseen entry (continue where you stopped)' },
  { key: 's', command: 'star', description: 'Star or unstar the entry' },
  { key: 'x', command: 'hide', description: 'Hide or show the entry' },
  { key: 't', command: 'tag', description: 'Tag the entry' },
  { key: 'n', command: 'note', description: 'Write a note on the entry' },
  { key: 'a', command: 'abstract', description: 'Show or hide the abstract (where the page has none)' },
  { key: 'o', command: 'open', description: 'Open the abstract page' },
  { key: 'p', command: 'pdf', description: 'Open the PDF' },
  { key: 'c', command: 'copyBibtex', description: 'Copy the entry as BibTeX' },
  { key: 'v', command: 'select', description: 'Select the entry, or let it go' },
  { key: 'J', command: 'extendNext', description: 'Select on to the next entry (shift+j)' },
  { key: 'K', command: 'extendPrevious', description: 'Select on to the previous entry (shift+k)' },
  { key: 'r', command: 'sortForYou', description: 'Sort: arXiv order or For you' },
  { key: '/', command: 'filter', description: 'Filter this listing' },
  { key: '?', command: 'help', description: 'Show these shortcuts' },
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
  return `${label} (${KEY_OF.get(command)})`;
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
