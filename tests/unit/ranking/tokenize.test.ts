import { describe, expect, it } from 'vitest';
import { normalizeAuthorName, stemPlural, stripTex, tokenize } from '../../../lib/ranking/tokenize';

describe('stripTex', () => {
  it.each([
    ['Schr\\"{o}dinger', 'Schrödinger'],
    ["Erd\\H{o}s and P\\'olya", 'Erdős and Pólya'],
    ['\\v{S}ar\\c{c}ević', 'Šarçević'],
    ['{\\o}ster and Stra{\\ss}e', 'oster and Strasse'],
    ['$\\Lambda$CDM cosmology', 'LambdaCDM cosmology'],
    ['$k$-means clustering', 'k-means clustering'],
    ['an $\\mathcal{O}(n \\log n)$ bound', 'an O n n bound'],
    ['\\emph{sparse} attention', 'sparse attention'],
    ['$\\cdot$ kept apart from \\c c', 'kept apart from ç'],
  ])('reads %j as %j', (tex, text) => {
    expect(stripTex(tex).replace(/\s+/g, ' ').trim()).toBe(text);
  });

  it('leaves text without TeX as it is', () => {
    expect(stripTex('Plain words, 3 numbers.')).toBe('Plain words, 3 numbers.');
  });
});

describe('tokenize', () => {
  it.each([
    ['Self-Supervised Models', ['self', 'supervised', 'model']],
    ['self supervised model', ['self', 'supervised', 'model']],
    ['$k$-means and X-ray studies', ['kmeans', 'xray', 'study']],
    ['Schr\\"odinger equations', ['schrodinger', 'equation']],
    ['Schrödinger equations', ['schrodinger', 'equation']],
    ['SCHRÖDINGER Equations', ['schrodinger', 'equation']],
    ['Łódź and São Paulo', ['lodz', 'sao', 'paulo']],
    ['a com- putation of the classes', ['computation', 'class']],
    ['pre- and post-training', ['pre', 'post', 'training']],
    ["the model's 2025 results in 3D", ['model', 'result', '3d']],
    ['$\\Lambda$CDM galaxies', ['lambdacdm', 'galaxy']],
  ])('tokenises %j', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });

  it('keeps plurals when stemming is off', () => {
    expect(tokenize('graph networks', { stem: false })).toEqual(['graph', 'networks']);
  });
});

describe('stemPlural', () => {
  it.each([
    ['models', 'model'],
    ['studies', 'study'],
    ['classes', 'class'],
    ['analysis', 'analysis'],
    ['corpus', 'corpus'],
    ['gas', 'gas'],
    ['glass', 'glass'],
    ['its', 'its'],
  ])('%s → %s', (word, stem) => {
    expect(stemPlural(word)).toBe(stem);
  });
});

describe('normalizeAuthorName', () => {
  it.each([
    ['A. A. C. Sander', 'a a c sander'],
    ["Anson D'Aloisio", "anson d'aloisio"],
    ['Guang-Can Guo', 'guang can guo'],
    ['Piotr Żelasko', 'piotr zelasko'],
    ['  Jean-Luc   Picard ', 'jean luc picard'],
  ])('%j → %j (as the evaluation users file spells names)', (name, normalised) => {
    expect(normalizeAuthorName(name)).toBe(normalised);
  });
});
