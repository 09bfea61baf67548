import { describe, expect, it } from 'vitest';
import { arxivCitationKey, baseCitationKey, dateOfArxivId, toAsciiKeyPart, toCitationKeys, type ExportPaper } from '@/lib/export';
import { ALL_PAPERS, COLLIDING_KEYS, NAME_SHAPES, SEED_PAPERS, paper, shuffled } from './cases';

function keysById(papers: readonly ExportPaper[]): Map<string, string> {
  const keys = toCitationKeys(papers);
  return new Map(papers.map((p, i) => [p.id, keys[i] ?? '']));
}

describe('dateOfArxivId', () => {
  it.each([
    ['2602.22290', { year: 2026, month: 2 }],
    ['0704.0001', { year: 2007, month: 4 }],
    ['1412.1234', { year: 2014, month: 12 }],
    ['2602.22290v3', { year: 2026, month: 2 }],
    ['math/0601001', { year: 2006, month: 1 }],
    ['hep-th/9901001', { year: 1999, month: 1 }],
    ['cond-mat/9108001', { year: 1991, month: 8 }],
    ['math.GT/0309136', { year: 2003, month: 9 }],
  ])('reads %s as %j', (id, expected) => {
    expect(dateOfArxivId(id)).toEqual(expected);
  });

  it.each(['', 'not-an-id', '2613.12345', '26.1234', 'math/06010'])('rejects %j', (id) => {
    expect(dateOfArxivId(id)).toBeUndefined();
  });
});

describe('toAsciiKeyPart', () => {
  it.each([
    ['Żelasko', 'zelasko'],
    ['Ré', 're'],
    ['Pflüger', 'pfluger'],
    ['Ødegård', 'odegard'],
    ['Łukasz', 'lukasz'],
    ['Straße', 'strasse'],
    ['Abd-Elhaleem', 'abdelhaleem'],
    ['van der Waals', 'vanderwaals'],
    ['O_Neil', 'oneil'],
    ['李雷', ''],
  ])('folds %s to %j', (input, expected) => {
    expect(toAsciiKeyPart(input)).toBe(expected);
  });
});

describe('baseCitationKey', () => {
  const seed = (id: string): ExportPaper => {
    const found = SEED_PAPERS.find((p) => p.id === id);
    if (found === undefined) throw new Error(`no seed paper ${id}`);
    return found;
  };

  it.each([
    ['2602.22290', 'ding2026energy'],
    ['2602.22434', 'aizman2026getbatch'],
    ['2602.22916', 'abdelhaleem2026simple'],
    ['2602.22593', 'gao2026flying'],
    ['2412.15411', 'gandhi2024sparse'],
    ['2602.22633', 'xu2026tackling'],
  ])('keys seed paper %s as %s', (id, expected) => {
    expect(baseCitationKey(seed(id))).toBe(expected);
  });

  it('uses the ASCII-folded surname of a Unicode first author', () => {
    expect(baseCitationKey(paper({ id: '2602.22434', title: 'GetBatch', authors: ['Piotr Żelasko'] }))).toBe(
      'zelasko2026getbatch',
    );
  });

  it('keeps the particle in the surname and uses a mononym whole', () => {
    expect(baseCitationKey({ ...NAME_SHAPES, authors: NAME_SHAPES.authors.slice(1) })).toBe('vanderwaals2026mononyms');
    expect(baseCitationKey(NAME_SHAPES)).toBe('plato2026mononyms');
  });

  it('skips stop words, one-letter words and TeX commands when picking the title word', () => {
    const key = baseCitationKey(paper({ id: '2602.00001', title: 'On the $\\tilde O(D)$ Rounds', authors: ['A B'] }));
    expect(key).toBe('b2026rounds');
  });

  it('falls back to anon without authors and to no year for ids it cannot date', () => {
    expect(baseCitationKey(paper({ id: '2602.00001', title: 'Orphan', authors: [] }))).toBe('anon2026orphan');
    expect(baseCitationKey(paper({ id: 'local-1', title: 'Odd', authors: ['Ann Lee'] }))).toBe('leeodd');
  });
});

describe('toCitationKeys', () => {
  it('gives every paper of every test case a distinct key', () => {
    for (const papers of [SEED_PAPERS, COLLIDING_KEYS, ALL_PAPERS]) {
      const keys = toCitationKeys(papers);
      expect(new Set(keys).size).toBe(papers.length);
    }
  });

  it('gives the bare key to the smallest id and suffixes the rest in id order, skipping taken keys', () => {
    expect(Object.fromEntries(keysById(COLLIDING_KEYS))).toEqual({
      '2602.22392': 'dai2026storage',
      '2602.22409': 'dai2026storagea',
      '2602.22423': 'dai2026storageb',
      '2602.23220': 'dai2026storagec',
    });
  });

  it.each([1, 2, 3, 4, 5])('gives the same keys for shuffled input (seed %i)', (seed) => {
    for (const papers of [SEED_PAPERS, COLLIDING_KEYS]) {
      expect(keysById(shuffled(papers, seed))).toEqual(keysById(papers));
    }
  });

  it('keeps the keys of papers outside a collision group when other papers are removed', () => {
    const all = keysById([...SEED_PAPERS, paper({ id: '2603.00001', title: 'Extra', authors: ['Zed Zee'] })]);
    const fewer = keysById(SEED_PAPERS.slice(5));
    for (const [id, key] of fewer) expect(all.get(id)).toBe(key);
  });

  it('suffixes past z with aa, ab … for large collision groups', () => {
    const papers = Array.from({ length: 30 }, (_, i) =>
      paper({ id: `2602.${String(10000 + i)}`, title: 'Same', authors: ['Ann Lee'] }),
    );
    const keys = toCitationKeys(papers);
    expect(keys.slice(0, 3)).toEqual(['lee2026same', 'lee2026samea', 'lee2026sameb']);
    expect(keys.slice(26, 30)).toEqual(['lee2026samez', 'lee2026sameaa', 'lee2026sameab', 'lee2026sameac']);
  });

  it('keys the same paper listed twice apart', () => {
    const [one] = SEED_PAPERS;
    if (one === undefined) throw new Error('empty seed');
    expect(toCitationKeys([one, one])).toEqual(['ding2026energy', 'ding2026energya']);
  });
});

describe('arxivCitationKey', () => {
  it.each([
    // Keys as arXiv's "Export BibTeX citation" writes them (arxiv-browse browse/formatting/cite.py).
    ['DIAL: Decentralized I/O AutoTuning via Learned Client-side Local Metrics for Parallel File System', ['Md Hasanur Rashid'], '2602.22392', 'rashid2026dialdecentralizedioautotuning'],
    ['Attention Is All You Need', ['Ashish Vaswani'], '1706.03762', 'vaswani2017attentionneed'],
    ['Mononyms, Particles and Suffixes', ['Plato'], '2603.01237', 'plato2026mononymsparticlessuffixes'],
    ['On the Waals Forces', ['Johannes Diderik van der Waals'], '2603.01238', 'vanderwaals2026waalsforces'],
    ['A Symphony', ['Ludwig van Beethoven Jr.'], '2603.01239', 'beethoven2026symphony'],
    ['Jets at the LHC', ['ATLAS Collaboration'], '2603.01240', 'atlascollaboration2026jetslhc'],
    ['Über Ångström-scale Modelling', ['Piotr Żelasko'], '2603.01241', 'żelasko2026überångströmscalemodelling'],
    ['An Old Math Paper', ['Grace Hopper'], 'math/0601001', 'hopper2006oldmathpaper'],
  ])('gives %j the key arXiv gives it', (title, authors, id, expected) => {
    expect(arxivCitationKey(paper({ id, title, authors }))).toBe(expected);
  });

  it('keeps keys unique with the same suffixes as the short style', () => {
    const twins = [paper({ id: '2602.00002', title: 'The Same Title', authors: ['Ann Lee'] }), paper({ id: '2602.00001', title: 'The Same Title', authors: ['Ann Lee'] })];
    expect(toCitationKeys(twins, 'arxiv')).toEqual(['lee2026titlea', 'lee2026title']);
  });

  it('leaves the short keys as they were', () => {
    expect(toCitationKeys(SEED_PAPERS)).toEqual(toCitationKeys(SEED_PAPERS, 'short'));
    expect(toCitationKeys(SEED_PAPERS)[0]).toBe('ding2026energy');
  });
});
