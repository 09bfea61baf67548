import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldByClusters, foldText, toOriginalRange } from '../../../lib/rules/fold';

const insensitive = { caseFold: true, diacriticFold: true };
const sensitive = { caseFold: false, diacriticFold: false };

/** The original characters behind folded `[start, end)`. */
function originalOf(text: string, folded: ReturnType<typeof foldText>, start: number, end: number): string {
  const [from, to] = toOriginalRange(folded, start, end);
  return text.slice(from, to);
}

describe('foldText', () => {
  it.each([
    ['Żelasko', 'zelasko'],
    ['Umeå', 'umea'],
    ['naïve', 'naive'],
    ['Erdős', 'erdos'],
    ['Łukasz Øster Đorđe', 'lukasz oster dorde'],
    ['Straße', 'strasse'],
    ['ẞ', 'ss'],
    ['Æther Œuvre', 'aether oeuvre'],
    ['Kılıç', 'kilic'],
    ['ΣΟΦΟΣ σοφος', 'σοφοσ σοφοσ'],
    ['Z\u0307elasko', 'zelasko'],
    ['한국어', '한국어'],
  ])('folds %j to %j when case and accents are ignored', (input, expected) => {
    expect(foldText(input, insensitive).text).toBe(expected);
  });

  it('keeps accents and composes them (NFC) when accents count', () => {
    expect(foldText('Z\u0307elasko', sensitive).text).toBe('Żelasko');
    expect(foldText('Żelasko', { caseFold: true, diacriticFold: false }).text).toBe('żelasko');
  });

  it.each([
    ['hard-wrapped\ntext', 'hard-wrapped text'],
    ['  indented \n\t  lines  ', ' indented lines '],
    ['no\u00a0break\u2003em', 'no break em'],
  ])('collapses every whitespace run in %j to one space', (input, expected) => {
    expect(foldText(input, sensitive).text).toBe(expected);
  });

  it('carries no offset map for ASCII text that keeps its length', () => {
    const folded = foldText('Graph Neural\nNetworks', insensitive);
    expect(folded.text).toBe('graph neural networks');
    expect(folded.starts).toBeUndefined();
  });

  it.each([
    // [text, folded substring, original characters it must map back to]
    ['Die Straße der Graphen', 'strasse', 'Straße'],
    ['Die Straße der Graphen', 'graphen', 'Graphen'],
    ['große Graphen', 'se', 'ße'],
    ['Piotr Z\u0307elasko et al.', 'zelasko', 'Z\u0307elasko'],
    ['Piotr Z\u0307elasko et al.', 'et al', 'et al'],
    ['🚀 fast Ærø 🚀 graphs', 'aero', 'Ærø'],
    ['🚀 fast Ærø 🚀 graphs', 'graphs', 'graphs'],
    ['𝔾raph 𝔾 Erdős\n\n  number', 'erdos number', 'Erdős\n\n  number'],
    ['naïve   Bayes', 'naive bayes', 'naïve   Bayes'],
  ])('maps folded ranges of %j back to the original characters (%s)', (text, needle, original) => {
    const folded = foldText(text, insensitive);
    const start = folded.text.indexOf(needle);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(originalOf(text, folded, start, start + needle.length)).toBe(original);
  });

  it('widens a range that starts inside an expansion to the whole original letter', () => {
    const text = 'Fuß';
    const folded = foldText(text, insensitive);
    expect(folded.text).toBe('fuss');
    expect(originalOf(text, folded, 3, 4)).toBe('ß');
  });
});

describe('the ASCII path', () => {
  const asciiWithWhitespace = fc.stringMatching(/^[\t\n\r\v\f a-zA-Z0-9$\\{}().,-]{0,80}$/);

  it.each([
    [{ caseFold: true, diacriticFold: true }],
    [{ caseFold: false, diacriticFold: false }],
  ])('folds exactly as the general path, map included (%j)', (options) => {
    fc.assert(
      fc.property(asciiWithWhitespace, (text) => {
        const fast = foldText(text, options);
        const general = foldByClusters(text, options);
        expect(fast.text).toBe(general.text);
        for (let i = 0; i < fast.text.length; i++) {
          expect(toOriginalRange(fast, i, i + 1)).toEqual(toOriginalRange(general, i, i + 1));
        }
      }),
    );
  });

  it('collapses a hard-wrapped, indented line and maps each unit back', () => {
    const text = '\n      Parallel  File\n   Systems ';
    const folded = foldText(text, { caseFold: true, diacriticFold: true });
    expect(folded.text).toBe(' parallel file systems ');
    const start = folded.text.indexOf('file systems');
    expect(text.slice(...toOriginalRange(folded, start, start + 'file systems'.length))).toBe('File\n   Systems');
  });
});
