/**
 * Elements inside a translated sentence. A sentence that wraps a `<kbd>`, a `<strong>` or a link
 * stays one message with named slots (`{star} what you want to read…`), so a translator sees it
 * whole and may move the slots; the page renders the text around each slot and puts its own node
 * where the slot stands. Nothing is parsed as markup, and no substituted text is searched for slots.
 */

/** The `{name}` slots of a message, as @wxt-dev/i18n writes named substitutions. */
const SLOT = /\{([A-Za-z0-9_]+)\}/g;

/**
 * The parts of a message in reading order: its text between slots, and `slots[name]` where
 * `{name}` stands. `translate` is asked for the message with every slot left as `{name}` (pass its
 * argument to `i18n.t` as the named substitutions, which keeps the key's slot names type-checked),
 * then the message is cut at those slots. A `{word}` that names no slot stays text; empty text
 * between two slots is left out.
 *
 * @example fillSlots((marks) => i18n.t('welcome.adds.rules', marks), { rules: <strong>Rules</strong> })
 * // [<strong>Rules</strong>, ' highlight your keywords and authors, and can star or hide what they match.']
 */
export function fillSlots<K extends string, T>(translate: (marks: Record<K, string>) => string, slots: Readonly<Record<K, T>>): (string | T)[] {
  const names = Object.keys(slots) as K[];
  const marks = Object.fromEntries(names.map((name) => [name, `{${name}}`])) as Record<K, string>;
  const message = translate(marks);
  const parts: (string | T)[] = [];
  let text = '';
  let from = 0;
  for (const match of message.matchAll(SLOT)) {
    text += message.slice(from, match.index);
    from = match.index + match[0].length;
    const name = match[1] as K;
    if (!Object.hasOwn(slots, name)) {
      text += match[0];
      continue;
    }
    if (text !== '') parts.push(text);
    text = '';
    parts.push(slots[name]);
  }
  text += message.slice(from);
  if (text !== '') parts.push(text);
  return parts;
}
