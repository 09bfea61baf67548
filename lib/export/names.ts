/**
 * Splits the display names arXiv prints ("Johannes Diderik van der Waals") into the parts that
 * citation formats want (given, particle, family, suffix). arXiv keeps no structured names on
 * listing pages, so this is a heuristic in the spirit of BibTeX's own "First von Last" rule: the
 * last word is the family name, a run of lower-case words before it is the particle.
 */

export interface PersonName {
  kind: 'person';
  given: string;
  /** Lower-case particle that belongs before the family name: `van der`, `de`, `von`. */
  particle?: string;
  family: string;
  /** `Jr.`, `III` … */
  suffix?: string;
}

/** A name that must not be split: a mononym (`Plato`) or a group (`ATLAS Collaboration`). */
export interface LiteralName {
  kind: 'literal';
  literal: string;
}

export type AuthorName = PersonName | LiteralName;

const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

// Words that mark a collaboration or organisation as author; splitting "ATLAS Collaboration"
// into given "ATLAS" and family "Collaboration" would print "Collaboration, A." in styles.
const GROUP_WORDS = new Set([
  'collaboration',
  'consortium',
  'team',
  'group',
  'project',
  'committee',
  'initiative',
  'collective',
]);

// A character-case test instead of `/^\p{Ll}/u`: Unicode property regexes are slow, and every
// author of every exported paper passes through here.
// A cheap pre-check for GROUP_WORDS, so most names skip lower-casing every word.
const GROUP_WORD = /collaboration|consortium|team|group|project|committee|initiative|collective/i;

function isLowerCaseWord(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128) return code >= 97 && code <= 122;
  const first = String.fromCodePoint(word.codePointAt(0) ?? 0);
  return first !== first.toUpperCase() && first === first.toLowerCase();
}

/**
 * Parses one display name into a `PersonName`, or a `LiteralName` for mononyms and groups.
 *
 * @example parseAuthorName('Johannes Diderik van der Waals')
 *   // → { kind: 'person', given: 'Johannes Diderik', particle: 'van der', family: 'Waals' }
 * @example parseAuthorName('Plato') // → { kind: 'literal', literal: 'Plato' }
 */
export function parseAuthorName(name: string): AuthorName {
  const words = /^\S+(?: \S+)*$/.test(name) ? name.split(' ') : name.split(/\s+/).filter((w) => w !== '');
  if (words.length < 2 || (GROUP_WORD.test(name) && words.some((w) => GROUP_WORDS.has(w.toLowerCase())))) {
    return { kind: 'literal', literal: words.join(' ') };
  }
  let suffix: string | undefined;
  const last = words[words.length - 1];
  if (words.length > 2 && last !== undefined && SUFFIXES.has(last.toLowerCase())) {
    suffix = last;
    words.pop();
  }
  const familyIndex = words.length - 1;
  // The particle is the first run of lower-case words after the first word and before the last
  // (BibTeX's "von" part); everything after the run is the family name ("de la Fuente Ruiz").
  let particleStart = -1;
  for (let i = 1; i < familyIndex; i += 1) {
    if (isLowerCaseWord(words[i] ?? '')) {
      particleStart = i;
      break;
    }
  }
  let given: string[];
  let particle: string[] = [];
  let family: string[];
  if (particleStart === -1) {
    given = words.slice(0, familyIndex);
    family = words.slice(familyIndex);
  } else {
    let particleEnd = particleStart;
    while (particleEnd < familyIndex && isLowerCaseWord(words[particleEnd] ?? '')) particleEnd += 1;
    given = words.slice(0, particleStart);
    particle = words.slice(particleStart, particleEnd);
    family = words.slice(particleEnd);
  }
  // Assigned one by one: conditional object spreads cost more than the parse itself here.
  const person: PersonName = { kind: 'person', given: given.join(' '), family: '' };
  if (particle.length > 0) person.particle = particle.join(' ');
  person.family = family.join(' ');
  if (suffix !== undefined) person.suffix = suffix;
  return person;
}

/** The family name with its particle (`van der Waals`), or the whole literal name. */
export function familyWithParticle(name: AuthorName): string {
  if (name.kind === 'literal') return name.literal;
  return name.particle === undefined ? name.family : `${name.particle} ${name.family}`;
}
