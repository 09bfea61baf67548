import { describe, expect, it } from 'vitest';
import { parseAuthorName, type AuthorName } from '@/lib/export';

describe('parseAuthorName', () => {
  it.each<[string, AuthorName]>([
    ['Yahao Ding', { kind: 'person', given: 'Yahao', family: 'Ding' }],
    ['Md Hasanur Rashid', { kind: 'person', given: 'Md Hasanur', family: 'Rashid' }],
    ['Nathan R. Tallent', { kind: 'person', given: 'Nathan R.', family: 'Tallent' }],
    ['Piotr Żelasko', { kind: 'person', given: 'Piotr', family: 'Żelasko' }],
    ['Yaseen Abd-Elhaleem', { kind: 'person', given: 'Yaseen', family: 'Abd-Elhaleem' }],
    [
      'Johannes Diderik van der Waals',
      { kind: 'person', given: 'Johannes Diderik', particle: 'van der', family: 'Waals' },
    ],
    ['Jean-Pierre de la Fontaine', { kind: 'person', given: 'Jean-Pierre', particle: 'de la', family: 'Fontaine' }],
    [
      'Ludwig van Beethoven Jr.',
      { kind: 'person', given: 'Ludwig', particle: 'van', family: 'Beethoven', suffix: 'Jr.' },
    ],
    ['Martin Luther King III', { kind: 'person', given: 'Martin Luther', family: 'King', suffix: 'III' }],
    ['Plato', { kind: 'literal', literal: 'Plato' }],
    ['李雷', { kind: 'literal', literal: '李雷' }],
    ['ATLAS Collaboration', { kind: 'literal', literal: 'ATLAS Collaboration' }],
    ['  Spaced   Out  Name ', { kind: 'person', given: 'Spaced Out', family: 'Name' }],
  ])('parses %j', (input, expected) => {
    expect(parseAuthorName(input)).toEqual(expected);
  });

  it('treats a lower-case first word as a given name, not a particle (bell hooks)', () => {
    expect(parseAuthorName('bell hooks')).toEqual({ kind: 'person', given: 'bell', family: 'hooks' });
  });

  it('does not read a two-word name ending in Jr as a suffix', () => {
    expect(parseAuthorName('Alex Jr')).toEqual({ kind: 'person', given: 'Alex', family: 'Jr' });
  });
});
