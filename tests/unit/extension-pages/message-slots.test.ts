import { describe, expect, it } from 'vitest';
import { i18n } from '#i18n';
import { fillSlots } from '@/lib/extension-pages/message-slots';

/** A stand-in for a rendered node, so a part that is a slot's node is told from text. */
const node = (name: string) => ({ node: name });

describe('fillSlots', () => {
  it.each([
    ['a slot inside the sentence', 'Press {key} to star.', { key: node('kbd') }, ['Press ', node('kbd'), ' to star.']],
    ['a slot at each end, no empty text around them', '{a} and {b}', { a: node('a'), b: node('b') }, [node('a'), ' and ', node('b')]],
    ['slots a translation moved and repeated', '{b}, then {a}, then {b}', { a: node('a'), b: node('b') }, [node('b'), ', then ', node('a'), ', then ', node('b')]],
    ['two slots side by side', '{a}{b}.', { a: node('a'), b: node('b') }, [node('a'), node('b'), '.']],
    ['a brace word that names no slot, kept as text', 'Use {x} or {a}', { a: node('a') }, ['Use {x} or ', node('a')]],
    ['a message without slots', 'Nothing here.', {}, ['Nothing here.']],
  ])('cuts %s', (_case, message, slots, expected) => {
    expect(fillSlots(() => message, slots as Record<string, unknown>)).toEqual(expected);
  });

  it('asks the translation with every slot left as {name}', () => {
    const asked: Record<string, string>[] = [];
    fillSlots(
      (marks) => {
        asked.push(marks);
        return '';
      },
      { star: 1, hide: 2 },
    );
    expect(asked).toEqual([{ star: '{star}', hide: '{hide}' }]);
  });

  it('never searches slot text for slots: a node holding "{b}" stays one part', () => {
    expect(fillSlots(() => '{a} {b}', { a: '{b}', b: node('b') })).toEqual(['{b}', ' ', node('b')]);
  });

  it('cuts a catalogue message at its slots, words between them intact', () => {
    const parts = fillSlots((marks) => i18n.t('welcome.adds.marks', marks), { star: node('star'), hide: node('hide'), tag: node('tag'), note: node('note') });
    expect(parts).toEqual([node('star'), ' what you want to read, ', node('hide'), " what you don't, ", node('tag'), ' and ', node('note'), ' the rest.']);
  });
});
