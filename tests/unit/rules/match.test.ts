import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PaperText } from '../../../lib/rules/match';
import { compileRules } from '../../../lib/rules/compile';
import { foldText, toOriginalRange } from '../../../lib/rules/fold';
import { MAX_MATCHES_PER_SCAN, MAX_REGEX_INPUT, matchPaper, matchText } from '../../../lib/rules/match';
import type { Rule, RuleField } from '../../../lib/rules/types';
import { makeRule, withVerdict } from './make-rule';
import seedJson from './seed-papers.json';

const seed = seedJson as PaperText[];

const WORD = /[\p{L}\p{N}\p{M}]/u;

/** Reference matcher for a literal rule: every occurrence of its folded key, checked position by position. */
function naiveMatches(rule: Rule, text: string): Array<{ ruleId: string; start: number; end: number }> {
  const fold = { caseFold: !rule.caseSensitive, diacriticFold: !rule.diacriticSensitive };
  const key = foldText(rule.pattern.trim(), fold).text.trim();
  const folded = foldText(text, fold);
  const isWord = (c: string | undefined) => c !== undefined && WORD.test(c);
  const found = [];
  for (let i = 0; i + key.length <= folded.text.length; i++) {
    if (!folded.text.startsWith(key, i)) continue;
    if (rule.mode === 'word') {
      if (isWord(key[0]) && isWord(folded.text[i - 1])) continue;
      if (isWord(key[key.length - 1]) && isWord(folded.text[i + key.length])) continue;
    }
    const [start, end] = toOriginalRange(folded, i, i + key.length);
    found.push({ ruleId: rule.id, start, end });
  }
  return found;
}

/** The original text each match covers, per rule id. */
function found(rules: Rule[], text: string, field: RuleField = 'title'): string[] {
  return matchText(compileRules(rules), field, text).map((m) => `${m.ruleId}:${text.slice(m.start, m.end)}`);
}

describe('whole-word rules', () => {
  const graph = makeRule({ id: 'w', pattern: 'graph', mode: 'word' });
  it.each([
    ['Graph partitioning', ['w:Graph']],
    ['a graph.', ['w:graph']],
    ['dense graphs', []],
    ['every subgraph', []],
    ['the $G$-graph of $G$', ['w:graph']],
    ['(graph)', ['w:graph']],
    ['graph_1', ['w:graph']],
    ['graph2vec', []],
    ['graphé', []],
    ['Knowledge-Graph', ['w:Graph']],
  ])('in %j finds %j', (text, expected) => {
    expect(found([graph], text)).toEqual(expected);
  });

  it('keeps an accent with its letter: an accented last letter is still the word only when accents are ignored', () => {
    expect(found([graph], 'graph\u0301')).toEqual(['w:graph\u0301']);
    expect(found([{ ...graph, diacriticSensitive: true }], 'graph\u0301 graphé')).toEqual([]);
  });

  it('checks boundaries only at word-character edges of the pattern', () => {
    const cpp = makeRule({ id: 'c', pattern: 'C++', mode: 'word' });
    expect(found([cpp], 'in C++, C++17 and ObjC++')).toEqual(['c:C++', 'c:C++']);
    expect(found([makeRule({ id: 'g', pattern: '$G$', mode: 'word' })], 'a graph $G$-free')).toEqual(['g:$G$']);
  });

  it('treats letters of every script as word characters', () => {
    const rule = makeRule({ id: 'w', pattern: 'граф', mode: 'word' });
    expect(found([rule], 'граф и графы')).toEqual(['w:граф']);
  });
});

describe('case and diacritics', () => {
  it.each([
    ['Zelasko', 'Piotr Żelasko', 'Żelasko'],
    ['Umea', '(1) Umeå University', 'Umeå'],
    ['naive', 'a naïve approach', 'naïve'],
    ['Erdos', 'Paul Erdős', 'Erdős'],
    ['lodz', 'Łódź', 'Łódź'],
    ['strasse', 'Hauptstraße 1', 'straße'],
    ['Żelasko', 'P. Zelasko', 'Zelasko'],
    ['Erdős', 'Erdos number', 'Erdos'],
    ['zelasko', 'Z\u0307elasko', 'Z\u0307elasko'],
  ])('by default, %j finds %j (both ways)', (pattern, text, expected) => {
    expect(found([makeRule({ id: 'r', pattern })], text)).toEqual([`r:${expected}`]);
  });

  it('respects a diacritic-sensitive rule', () => {
    const rule = makeRule({ id: 'r', pattern: 'Zelasko', diacriticSensitive: true });
    expect(found([rule], 'Żelasko and Zelasko')).toEqual(['r:Zelasko']);
    const accented = makeRule({ id: 'a', pattern: 'Żelasko', diacriticSensitive: true });
    expect(found([accented], 'Z\u0307elasko and Zelasko')).toEqual(['a:Z\u0307elasko']);
  });

  it('respects a case-sensitive rule', () => {
    const rule = makeRule({ id: 'r', pattern: 'LLM', caseSensitive: true });
    expect(found([rule], 'LLM, llm and Llm')).toEqual(['r:LLM']);
    expect(found([makeRule({ id: 'r', pattern: 'LLM' })], 'LLM, llm')).toEqual(['r:LLM', 'r:llm']);
  });

  it('folds accents but keeps case for a case-sensitive, diacritic-insensitive rule', () => {
    const rule = makeRule({ id: 'r', pattern: 'Lodz', caseSensitive: true });
    expect(found([rule], 'Łódź, łódź')).toEqual(['r:Łódź']);
  });

  it('applies case and accent folding to regex rules too', () => {
    const rule = withVerdict(makeRule({ id: 'r', pattern: 'Erd[oö]s\\b', mode: 'regex' }));
    expect(found([rule], 'ERDŐS and erdos')).toEqual(['r:ERDŐS', 'r:erdos']);
    const sensitive = withVerdict(makeRule({ id: 's', pattern: 'Erdős', mode: 'regex', caseSensitive: true, diacriticSensitive: true }));
    expect(found([sensitive], 'Erdős erdős Erdos')).toEqual(['s:Erdős']);
  });
});

describe('phrase rules', () => {
  it.each(['.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '\\', '^', '$', '/', '-'])(
    'match %s literally',
    (char) => {
      const rule = makeRule({ id: 'p', pattern: `a${char}b` });
      expect(found([rule], `axb a${char}b`)).toEqual([`p:a${char}b`]);
    },
  );

  it.each([
    ['$O(\\sqrt{n})$', 'rounds in $O(\\sqrt{n})$ time', '$O(\\sqrt{n})$'],
    ['\\tilde O(D)', 'in $\\tilde O(D)$ rounds', '\\tilde O(D)'],
    ['1.34$\\times$', 'improvements of 1.34$\\times$ for AllGather', '1.34$\\times$'],
  ])('match TeX source %s as typed', (pattern, text, expected) => {
    expect(found([makeRule({ id: 't', pattern })], text)).toEqual([`t:${expected}`]);
  });

  it('finds a phrase across hard-wrapped lines and maps it onto the original whitespace', () => {
    const text = 'is widely used for\ntraining   large-scale models';
    expect(found([makeRule({ id: 'p', pattern: 'used for  training large' })], text)).toEqual([
      'p:used for\ntraining   large',
    ]);
  });
});

describe('offsets in the original text', () => {
  it.each([
    ['ß before the match', 'Straße: graph theory', 'graph', 8, 13],
    ['NFD input before the match', 'Z\u0307elasko\u0301 graph', 'graph', 10, 15],
    ['emoji before the match', '🚀🚀 graph 🚀', 'graph', 5, 10],
    ['astral letters in the match', '𝔾 𝔾raph', '𝔾raph', 3, 9],
    ['a match that is an expansion', 'Fuß ball', 'fuss', 0, 3],
  ])('land on the original characters with %s', (_, text, pattern, start, end) => {
    const [match] = matchText(compileRules([makeRule({ id: 'r', pattern })]), 'title', text);
    expect(match).toEqual({ ruleId: 'r', start, end });
  });

  it('map regex matches on folded text back to the original', () => {
    const text = 'Große Erdős-Graphen';
    const [match] = matchText(compileRules([withVerdict(makeRule({ id: 'r', pattern: 'erdos-\\w+', mode: 'regex' }))]), 'title', text);
    expect(match && text.slice(match.start, match.end)).toBe('Erdős-Graphen');
  });
});

describe('overlapping rules', () => {
  it('attributes a match to every rule it satisfies, not only the longest', () => {
    const rules = [
      makeRule({ id: 'graph', pattern: 'graph' }),
      makeRule({ id: 'graph-neural', pattern: 'graph neural' }),
      makeRule({ id: 'neural-net', pattern: 'neural network' }),
    ];
    expect(found(rules, 'Graph neural networks on graphs')).toEqual([
      'graph-neural:Graph neural',
      'graph:Graph',
      'neural-net:neural network',
      'graph:graph',
    ]);
  });

  it('lets a phrase and a word rule with the same text decide separately', () => {
    const rules = [makeRule({ id: 'p', pattern: 'graph' }), makeRule({ id: 'w', pattern: 'graph', mode: 'word' })];
    expect(found(rules, 'subgraph graph')).toEqual(['p:graph', 'p:graph', 'w:graph']);
  });

  it('finds with many rules combined exactly what each rule finds alone, and what a naive scan finds (property)', () => {
    const alphabet = fc.constantFrom('a', 'b', 'A', 'á', '\u0301', 'ß', 's', ' ', '-', '\n');
    const text = fc.array(alphabet, { maxLength: 40 }).map((chars) => chars.join(''));
    const rule = fc.record({
      pattern: fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((chars) => chars.join('')),
      mode: fc.constantFrom('phrase' as const, 'word' as const),
      caseSensitive: fc.boolean(),
      diacriticSensitive: fc.boolean(),
    });
    fc.assert(
      fc.property(text, fc.array(rule, { minLength: 1, maxLength: 6 }), (sample, specs) => {
        const rules = specs
          .map((spec, i) => makeRule({ ...spec, id: `r${i}` }))
          .filter((r) => compileRules([r]).problems.length === 0);
        const key = (m: { ruleId: string; start: number; end: number }) => `${m.ruleId}@${m.start}-${m.end}`;
        const alone = rules.flatMap((r) => matchText(compileRules([r]), 'title', sample)).map(key).sort();
        expect(matchText(compileRules(rules), 'title', sample).map(key).sort()).toEqual(alone);
        expect(rules.flatMap((r) => naiveMatches(r, sample)).map(key).sort()).toEqual(alone);
      }),
    );
  });

  it('reports every rule sharing one pattern', () => {
    const rules = [makeRule({ id: 'a', pattern: 'GPU' }), makeRule({ id: 'b', pattern: 'gpu', color: '#00ff00' })];
    expect(found(rules, 'one GPU')).toEqual(['a:GPU', 'b:GPU']);
  });
});

describe('bounded matching', () => {
  it.each(['^', '\\b', '(?:)', '$', 'x*', '(?=a)'])('terminates on the zero-length regex %s and reports nothing', (pattern) => {
    expect(found([withVerdict(makeRule({ id: 'z', pattern, mode: 'regex' }))], 'a b 🚀 c')).toEqual([]);
  });

  it('still reports the non-empty matches of a regex that can also match empty', () => {
    expect(found([withVerdict(makeRule({ id: 'z', pattern: '\\d*', mode: 'regex' }))], 'a 12 b 3')).toEqual(['z:12', 'z:3']);
  });

  it('caps the matches of one rule in one text', () => {
    const text = 'a'.repeat(MAX_MATCHES_PER_SCAN * 3);
    expect(matchText(compileRules([withVerdict(makeRule({ id: 'r', pattern: 'a', mode: 'regex' }))]), 'title', text)).toHaveLength(
      MAX_MATCHES_PER_SCAN,
    );
    expect(matchText(compileRules([makeRule({ id: 'p', pattern: 'a' })]), 'title', text)).toHaveLength(
      MAX_MATCHES_PER_SCAN,
    );
  });

  // Speed is measured by `npm run bench`; here the input cap must hold. Without it this pattern
  // would scan 300,000 characters quadratically and run into the runner's timeout.
  it('scans an accepted but polynomial regex only up to the input cap on hostile text', () => {
    const rule = withVerdict(makeRule({ id: 'r', pattern: 'foo.*bar', mode: 'regex' }));
    const compiled = compileRules([rule]);
    expect(matchText(compiled, 'abstract', 'foo'.repeat(100_000))).toEqual([]);
    expect(matchText(compiled, 'abstract', `foo${'x'.repeat(MAX_REGEX_INPUT)}bar`)).toEqual([]);
  });
});

describe('matchPaper', () => {
  const zelaskoPaper = seed[5] as PaperText;

  it('matches a rule only in the fields it names', () => {
    const authorsOnly = compileRules([makeRule({ id: 'z', pattern: 'zelasko', fields: ['authors'] })]);
    const titleOnly = compileRules([makeRule({ id: 'z', pattern: 'zelasko', fields: ['title', 'abstract'] })]);
    expect(matchPaper(authorsOnly, zelaskoPaper).byField).toEqual({ authors: [{ ruleId: 'z', start: 6, end: 13, item: 2 }] });
    expect(matchPaper(titleOnly, zelaskoPaper).ruleIds.size).toBe(0);
  });

  it('never matches across two author names', () => {
    const rule = makeRule({ id: 'r', pattern: 'Aizman, Abhishek', fields: ['authors'] });
    expect(matchPaper(compileRules([rule]), zelaskoPaper).ruleIds.size).toBe(0);
  });

  it('matches subjects as "Name (code)", one subject at a time', () => {
    const rules = [
      makeRule({ id: 'code', pattern: 'cs.DB', mode: 'word', fields: ['subjects'] }),
      withVerdict(makeRule({ id: 'anchored', pattern: '^Machine Learning \\(cs\\.LG\\)$', mode: 'regex', fields: ['subjects'] })),
      makeRule({ id: 'across', pattern: '(cs.DB); Machine', fields: ['subjects'] }),
    ];
    expect([...matchPaper(compileRules(rules), zelaskoPaper).ruleIds].sort()).toEqual(['anchored', 'code']);
  });

  it('counts the primary subject even when the subject list leaves it out', () => {
    const paper: PaperText = { ...zelaskoPaper, subjects: [], primarySubject: { name: 'Databases', code: 'cs.DB' } };
    const rule = makeRule({ id: 'db', pattern: 'Databases (cs.DB)', fields: ['subjects'] });
    expect(matchPaper(compileRules([rule]), paper).byField.subjects).toEqual([{ ruleId: 'db', start: 0, end: 17, item: 0 }]);
  });

  it('never matches a disabled rule', () => {
    const rule = makeRule({ id: 'z', pattern: 'zelasko', enabled: false });
    expect(matchPaper(compileRules([rule]), zelaskoPaper).ruleIds.size).toBe(0);
  });

  it('reports the hide and star actions its matched rules imply', () => {
    const rules = [
      makeRule({ id: 'hide', pattern: 'GetBatch', action: 'hide' }),
      makeRule({ id: 'star', pattern: 'zelasko', action: 'star' }),
      makeRule({ id: 'other', pattern: 'quantum', action: 'hide' }),
    ];
    const compiled = compileRules(rules);
    expect(matchPaper(compiled, zelaskoPaper).actions).toEqual({ hide: true, star: true });
    expect(matchPaper(compiled, seed[0] as PaperText).actions).toEqual({ hide: false, star: false });
  });
});

describe('many rules on the seed listing', () => {
  const words = ['GPU', 'LLM', 'graph', 'federated', 'serving', 'cache', 'storage', 'consensus', 'quantum', 'MoE',
    'checkpoint', 'scheduling', 'latency', 'throughput', 'memory', 'network', 'cloud', 'edge', 'privacy', 'energy',
    'training', 'inference', 'simulation', 'kernel', 'Byzantine', 'shuffle', 'file system', 'bandwidth', 'token', 'prompt',
    'separator', 'planar', 'Birkhoff', 'AES-GCM', 'serverless', 'RLHF', 'HPC', 'I/O', 'FSDP', 'CXL'];
  const rules: Rule[] = [
    ...words.map((pattern, i) => makeRule({ id: `w${i}`, pattern, mode: i % 2 ? 'word' : 'phrase', color: i % 3 ? '#ffd54f' : '#80deea' })),
    ...['Żelasko', 'Umea', 'Ré', 'Hennessy', 'Wang'].map((pattern, i) => makeRule({ id: `a${i}`, pattern, fields: ['authors'] })),
    ...['\\bLLMs?\\b', '\\d+(?:\\.\\d+)?\\s*(?:GPUs?|nodes)', '\\$[^$]+\\$', 'cs\\.(?:DC|LG)', 'Proof-of-(?:Work|Stake)'].map(
      (pattern, i) => withVerdict(makeRule({ id: `r${i}`, pattern, mode: 'regex' })),
    ),
  ];

  it('compiles all 50 rules', () => {
    const compiled = compileRules(rules);
    expect(compiled.problems).toEqual([]);
    expect(compiled.rules.size).toBe(50);
  });

  it('returns exactly the matches of running each rule on its own', () => {
    const combined = compileRules(rules);
    const single = rules.map((rule) => compileRules([rule]));
    for (const paper of seed) {
      for (const field of ['title', 'abstract', 'comments'] as const) {
        const text = paper[field] ?? '';
        const expected = single.flatMap((compiled) => matchText(compiled, field, text));
        const key = (m: { ruleId: string; start: number; end: number }) => `${m.start}-${m.end}-${m.ruleId}`;
        expect(matchText(combined, field, text).map(key).sort()).toEqual(expected.map(key).sort());
      }
    }
  });

  it('matches every one of 2000 entries the 50 rules touch', () => {
    const compiled = compileRules(rules);
    const papers = Array.from({ length: 2000 }, (_, i) => seed[i % seed.length] as PaperText);
    const perSeed = seed.map((paper) => matchPaper(compiled, paper as PaperText).ruleIds.size > 0);
    const matched = papers.filter((paper) => matchPaper(compiled, paper).ruleIds.size > 0).length;
    expect(matched).toBe(papers.filter((_, i) => perSeed[i % seed.length]).length);
    expect(matched).toBeGreaterThan(1900);
  });
});
