import { describe, expect, it } from 'vitest';
import { foldText, toOriginalRange } from '../../../lib/rules/fold';

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
