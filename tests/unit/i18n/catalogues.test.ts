/**
 * Every translation in locales/ says what locales/en.yml says, in its own words: the same keys,
 * every `$1`…`$9` and `{name}` the English form has (a translation may reorder them, never drop
 * or invent one, or the reader sees a blank or a literal `{title}`), the same plural forms, and
 * no empty message (Chrome falls back to nothing, not to English, for an empty string).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SUPPORTED_LOCALES, parseMessagesText, type ParsedMessage } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';

const LOCALES_DIR = join(import.meta.dirname, '../../../locales');
const SOURCE = 'en';
/** Chrome Web Store limits: the description is cut at 132 characters, the name refused over 75. */
const MAX_DESCRIPTION = 132;
const MAX_NAME = 75;

/** `$1`…`$9` as Chrome substitutes them (`$$` is a literal dollar), and `{name}` as @wxt-dev/i18n does. */
const SUBSTITUTION = /\$\$|\$[1-9]|\{[A-Za-z0-9_]+\}/g;

function substitutionsOf(text: string): string[] {
  return [...new Set(text.match(SUBSTITUTION) ?? [])].filter((found) => found !== '$$').sort();
}

/** A message's forms by name: `''` for a simple message, `0`/`1`/`n` for a plural. */
function formsOf(message: ParsedMessage): Record<string, string> {
  if (message.type === 'plural') return message.plurals;
  return { '': message.message };
}

function parse(text: string): Map<string, ParsedMessage> {
  return new Map(parseMessagesText(text, 'YAML').map((message) => [message.key.join('.'), message]));
}

/** What is wrong with `translation` against `source`, one line per problem, `key: what`. */
function catalogueProblems(source: Map<string, ParsedMessage>, translation: Map<string, ParsedMessage>): string[] {
  const problems: string[] = [];
  for (const key of source.keys()) if (!translation.has(key)) problems.push(`${key}: missing`);
  for (const key of translation.keys()) if (!source.has(key)) problems.push(`${key}: not in ${SOURCE}.yml`);
  for (const [key, message] of translation) {
    const original = source.get(key);
    if (original === undefined) continue;
    const forms = formsOf(message);
    const originalForms = formsOf(original);
    const names = Object.keys(forms).sort().join(' ');
    const originalNames = Object.keys(originalForms).sort().join(' ');
    if (names !== originalNames) {
      problems.push(`${key}: forms [${names}], ${SOURCE}.yml has [${originalNames}]`);
      continue;
    }
    for (const [form, text] of Object.entries(forms)) {
      const where = form === '' ? key : `${key}.${form}`;
      if (text.trim() === '') problems.push(`${where}: empty`);
      // @wxt-dev/i18n joins the forms with ' | ' and splits them again at run time.
      if (message.type === 'plural' && text.includes('|')) problems.push(`${where}: a plural form cannot hold "|"`);
      const found = substitutionsOf(text).join(' ');
      const expected = substitutionsOf(originalForms[form] ?? '').join(' ');
      if (found !== expected) problems.push(`${where}: substitutions [${found}], ${SOURCE}.yml has [${expected}]`);
    }
  }
  return problems;
}

function messageText(catalogue: Map<string, ParsedMessage>, key: string): string {
  const message = catalogue.get(key);
  if (message?.type !== 'simple') throw new Error(`${key} is not a simple message`);
  return message.message;
}

describe('catalogueProblems', () => {
  const source = parse(
    [
      'greeting: "Hello {name}, $1 new"',
      'count:',
      '  1: 1 paper',
      '  n: $1 papers',
      'nested:',
      '  done: Done',
    ].join('\n'),
  );

  it('passes a translation that reorders the substitutions', () => {
    const translation = parse(['greeting: "$1 neu, {name}"', 'count:', '  1: 1 Artikel', '  n: $1 Artikel', 'nested:', '  done: Fertig'].join('\n'));
    expect(catalogueProblems(source, translation)).toEqual([]);
  });

  it.each([
    ['a missing key', ['greeting: "Hallo {name}, $1 neu"', 'count:', '  1: 1 Artikel', '  n: $1 Artikel'], 'nested.done: missing'],
    ['a key English lacks', ['greeting: "Hallo {name}, $1 neu"', 'count:', '  1: 1 Artikel', '  n: $1 Artikel', 'nested:', '  done: Fertig', '  extra: Mehr'], 'nested.extra: not in en.yml'],
    ['a dropped named substitution', ['greeting: "Hallo, $1 neu"', 'count:', '  1: 1 Artikel', '  n: $1 Artikel', 'nested:', '  done: Fertig'], 'greeting: substitutions [$1], en.yml has [$1 {name}]'],
    ['a renamed substitution', ['greeting: "Hallo {nom}, $1 neu"', 'count:', '  1: 1 Artikel', '  n: $1 Artikel', 'nested:', '  done: Fertig'], 'greeting: substitutions [$1 {nom}], en.yml has [$1 {name}]'],
    ['a dropped positional substitution in one plural form', ['greeting: "Hallo {name}, $1 neu"', 'count:', '  1: 1 Artikel', '  n: Artikel', 'nested:', '  done: Fertig'], 'count.n: substitutions [], en.yml has [$1]'],
    ['a lost plural form', ['greeting: "Hallo {name}, $1 neu"', 'count:', '  n: $1 Artikel', 'nested:', '  done: Fertig'], 'count: forms [n], en.yml has [1 n]'],
    ['a plural become a simple message', ['greeting: "Hallo {name}, $1 neu"', 'count: $1 Artikel', 'nested:', '  done: Fertig'], 'count: forms [], en.yml has [1 n]'],
    ['an empty message', ['greeting: "Hallo {name}, $1 neu"', 'count:', '  1: 1 Artikel', '  n: $1 Artikel', 'nested:', "  done: ' '"], 'nested.done: empty'],
    ['a bar inside a plural form', ['greeting: "Hallo {name}, $1 neu"', 'count:', '  1: 1 Artikel', '  n: $1 Artikel | Papers', 'nested:', '  done: Fertig'], 'count.n: a plural form cannot hold "|"'],
  ])('reports %s', (_, lines, problem) => {
    expect(catalogueProblems(source, parse(lines.join('\n')))).toContain(problem);
  });
});

const english = parse(readFileSync(join(LOCALES_DIR, `${SOURCE}.yml`), 'utf8'));
const translations = readdirSync(LOCALES_DIR)
  .filter((file) => file.endsWith('.yml') && file !== `${SOURCE}.yml`)
  .map((file) => ({ locale: file.slice(0, -'.yml'.length), catalogue: parse(readFileSync(join(LOCALES_DIR, file), 'utf8')) }));

describe('locales/', () => {
  it('holds at least one translation besides English', () => {
    expect(translations.map(({ locale }) => locale)).toContain('de');
  });

  it.each([{ locale: SOURCE, catalogue: english }, ...translations])('$locale is a locale Chrome and Firefox load, with a store-sized name and description', ({ locale, catalogue }) => {
    expect(SUPPORTED_LOCALES.has(locale)).toBe(true);
    expect(messageText(catalogue, 'extName').length).toBeLessThanOrEqual(MAX_NAME);
    expect(messageText(catalogue, 'extDescription').length).toBeLessThanOrEqual(MAX_DESCRIPTION);
  });

  it.each(translations)('$locale has exactly the messages, substitutions and plural forms of en.yml, none empty', ({ catalogue }) => {
    expect(catalogueProblems(english, catalogue)).toEqual([]);
  });

  it.each([{ locale: SOURCE, catalogue: english }, ...translations])('$locale names its own language and direction for the pages', ({ locale, catalogue }) => {
    expect(messageText(catalogue, 'lang')).toBe(locale.replace('_', '-'));
    expect(['ltr', 'rtl']).toContain(messageText(catalogue, 'dir'));
  });

  it.each(translations)('$locale groups numbers in its own language', ({ locale, catalogue }) => {
    const tag = messageText(catalogue, 'sync.numberLocale');
    expect(Intl.getCanonicalLocales(tag)).toEqual([tag]);
    expect(new Intl.Locale(tag).language).toBe(new Intl.Locale(locale.replace('_', '-')).language);
  });
});
