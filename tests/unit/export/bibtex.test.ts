import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { describe, expect, it } from 'vitest';
import {
  absUrlOf,
  dateOfArxivId,
  doiOf,
  parseAuthorName,
  toBibTeX,
  toBibTeXName,
  toBibTeXText,
  toCitationKeys,
} from '@/lib/export';
import { familyWithParticle } from '@/lib/export/names';
import { ALL_PAPERS, CLEAN_PAPERS, SEED_PAPERS, SPECIAL_CHARACTERS, TEX_TITLE, UNICODE_NAMES } from './cases';

interface RawEntry {
  type: string;
  label: string;
  properties: Record<string, string>;
}

/** The entries as citation-js's BibTeX reader sees them, before mapping to CSL. */
function rawEntries(bib: string): RawEntry[] {
  return plugins.input.chain(bib, { target: '@biblatex/entries+list', generateGraph: false }) as RawEntry[];
}

describe('toBibTeXText', () => {
  it.each([
    ['R&D', 'R\\&D'],
    ['100%', '100\\%'],
    ['#1', '\\#1'],
    ['HPC_nodes', 'HPC\\_nodes'],
    ['x^2', 'x\\^{}2'],
    ['a $5 bill', 'a \\$5 bill'],
    ['$x_1$ and $y^2$', '$x_1$ and $y^2$'],
    ['$\\tilde O(D)$-round', '$\\tilde O(D)$-round'],
    ['\\(k_1\\) paths', '\\(k_1\\) paths'],
    ['$$n^2$$', '$$n^2$$'],
    ['$50%$', '$50\\%$'],
    ['already \\& escaped \\%', 'already \\& escaped \\%'],
    ['{Braced} words', '{Braced} words'],
    ['a stray } brace', 'a stray \\textbraceright{} brace'],
    ['{open brace', '\\textbraceleft{}open brace'],
    ['set $\\{x$', 'set $\\lbrace{}x$'],
    ['ends in \\', 'ends in \\textbackslash{}'],
    ['line\nbreak\ttab', 'line break tab'],
    ['Żelasko ~ Ré', 'Żelasko \\textasciitilde{} Ré'],
    ['a < b > c | d', 'a \\textless{} b \\textgreater{} c \\textbar{} d'],
    ['$a < b$ and $\\sim$', '$a < b$ and $\\sim$'],
    ['{\\}', '\\textbraceleft{}\\textbraceright{}'],
    ['$\\{x\\}$', '$\\lbrace{}x\\rbrace{}$'],
    ['\\input{/etc/passwd} \\def\\x{y} \\href{javascript:x}{y} \\pdfobj', '\\textbackslash{}input{/etc/passwd} \\textbackslash{}def\\textbackslash{}x{y} \\textbackslash{}href{javascript:x}{y} \\textbackslash{}pdfobj'],
    ['\\textit{kept} \\tilde', '\\textit{kept} \\tilde'],
    ['a \\[ b \\1 c \\\' }', 'a \\textbackslash{}{[} b \\textbackslash{}1 c \\textbackslash{}\' \\textbraceright{}'],
    ["Erd\\H{o}s and G\\\"odel", "Erd\\H{o}s and G\\\"odel"],
    ['α-helix ≤ ∞ and $α$', '\\ensuremath{\\alpha}-helix \\ensuremath{\\leq} \\ensuremath{\\infty} and ${\\alpha}$'],
  ])('escapes %j as %j', (input, expected) => {
    expect(toBibTeXText(input)).toBe(expected);
  });
});

describe('toBibTeXName', () => {
  it.each([
    ['Yahao Ding', 'Ding, Yahao'],
    ['Johannes Diderik van der Waals', 'van der Waals, Johannes Diderik'],
    ['Ludwig van Beethoven Jr.', 'van Beethoven, Jr., Ludwig'],
    ['Plato', '{Plato}'],
    ['ATLAS Collaboration', '{ATLAS Collaboration}'],
    ['Piotr Żelasko', '{\\.Z}elasko, Piotr'],
    ['Łukasz Kaiser', 'Kaiser, {\\L}ukasz'],
    ['Hans Christian Ørsted', '{\\O}rsted, Hans Christian'],
    ['Ümit Çatalyürek', '{\\c{C}}atalyürek, {\\"U}mit'],
    ['Jean-Ümit Èvora-Šimić', '{\\`E}vora{-}Šimić, Jean-{\\"U}mit'],
    ['Ærø Ǆ', '{\\relax Ǆ}, {\\AE}rø'],
    ['Ann O_Neil', 'O\\_Neil, Ann'],
    ['Anna and Bo', '{and} Bo, Anna'],
  ])('writes %j as %j', (input, expected) => {
    expect(toBibTeXName(parseAuthorName(input))).toBe(expected);
  });
});

describe('toBibTeX', () => {
  it('writes arXiv-style @misc entries with eprint, archivePrefix, primaryClass and url', () => {
    const [first] = SEED_PAPERS;
    if (first === undefined) throw new Error('empty seed');
    expect(toBibTeX([first])).toBe(
      [
        '@misc{ding2026energy,',
        '      title={{Energy Efficient Federated Learning with Hyperdimensional Computing (HDC)}},',
        '      author={Ding, Yahao and Yang, Yinchao and Wang, Jiaxiang and Liu, Zhonghao and Yang, Zhaohui and Chen, Mingzhe and Shikh-Bahaei, Mohammad},',
        '      year={2026},',
        '      eprint={2602.22290},',
        '      archivePrefix={arXiv},',
        '      primaryClass={cs.DC},',
        '      url={https://arxiv.org/abs/2602.22290},',
        '      doi={10.48550/arXiv.2602.22290},',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('returns an empty string for no papers', () => {
    expect(toBibTeX([])).toBe('');
  });

  it('parses back with citation-js into one entry per paper, keyed as toCitationKeys says', () => {
    const entries = rawEntries(toBibTeX(ALL_PAPERS));
    expect(entries.map((e) => e.label)).toEqual(toCitationKeys(CLEAN_PAPERS));
    expect(new Cite(toBibTeX(ALL_PAPERS)).data).toHaveLength(ALL_PAPERS.length);
  });

  it('round-trips eprint, archivePrefix, year, url and doi of every paper', () => {
    const entries = rawEntries(toBibTeX(ALL_PAPERS));
    CLEAN_PAPERS.forEach((paper, i) => {
      const fields = entries[i]?.properties ?? {};
      expect(fields.eprint).toBe(paper.id);
      expect(fields.archiveprefix).toBe('arXiv');
      expect(fields.year).toBe(String(dateOfArxivId(paper.id)?.year));
      expect(fields.url).toBe(absUrlOf(paper));
      expect(fields.doi).toBe(doiOf(paper));
    });
  });

  it("round-trips every author's family name through citation-js", () => {
    const items = new Cite(toBibTeX(ALL_PAPERS)).data;
    CLEAN_PAPERS.forEach((paper, i) => {
      const parsed = (items[i]?.author ?? []).map((a) =>
        [a['non-dropping-particle'], a.family ?? a.literal].filter((part) => part !== undefined).join(' '),
      );
      expect(parsed).toEqual(paper.authors.map((a) => familyWithParticle(parseAuthorName(a))));
    });
  });

  it('round-trips the titles of the seed listing exactly', () => {
    const items = new Cite(toBibTeX(SEED_PAPERS)).data;
    expect(items.map((item) => item.title)).toEqual(SEED_PAPERS.map((p) => p.title));
  });

  it('escapes special characters so they decode back to the original text', () => {
    const [item] = new Cite(toBibTeX([SPECIAL_CHARACTERS])).data;
    expect(item?.title).toContain('R&D at 100% of #HPC_nodes');
    expect(item?.note).toBe('Journal-ref: Proc. R&D 2025, 50% #1');
  });

  it('keeps TeX math in titles verbatim', () => {
    const [entry] = rawEntries(toBibTeX([TEX_TITLE]));
    expect(entry?.properties.title).toBe(`{${TEX_TITLE.title}}`);
  });

  it('writes a non-ASCII letter that starts a name part as a TeX command and keeps the rest UTF-8', () => {
    const bib = toBibTeX([UNICODE_NAMES]);
    expect(bib).toContain('{\\.Z}elasko, Piotr and Ré, Christopher');
    expect(new Cite(bib).data[0]?.author?.[0]?.family).toBe('Żelasko');
  });

  it('leaves tags and the note out unless asked, and writes the journal reference either way', () => {
    const [entry] = rawEntries(toBibTeX([SPECIAL_CHARACTERS]));
    expect(entry?.properties.note).toBe('Journal-ref: Proc. R\\&D 2025, 50\\% \\#1');
    expect(entry?.properties.keywords).toBeUndefined();
    expect(entry?.properties.annote).toBeUndefined();
  });

  it('writes the journal DOI when there is one, else the arXiv DataCite DOI', () => {
    const [journal, arxiv] = rawEntries(toBibTeX([SPECIAL_CHARACTERS, UNICODE_NAMES]));
    expect(journal?.properties.doi).toBe('10.1000/abc_def(2025)');
    expect(arxiv?.properties.doi).toBe('10.48550/arXiv.2603.01236');
  });

  it('writes the journal reference as note, tags as keywords and the user note as annote when asked', () => {
    const [entry] = rawEntries(toBibTeX([SPECIAL_CHARACTERS], { includeUserData: true }));
    expect(entry?.properties.note).toBe('Journal-ref: Proc. R\\&D 2025, 50\\% \\#1');
    expect(entry?.properties.keywords).toBe('R\\&D, x\\_y');
    expect(entry?.properties.annote).toBe('Read §3 \\& 100\\% {of it}');
  });

  it('replaces a non-http url with the canonical abstract URL', () => {
    const bib = toBibTeX([{ ...TEX_TITLE, absUrl: 'javascript:alert(1)' }]);
    expect(bib).toContain('url={https://arxiv.org/abs/2603.01234}');
    expect(bib).not.toContain('javascript');
  });

  it('keeps braces balanced in every entry', () => {
    for (const entry of toBibTeX(ALL_PAPERS).split('\n\n')) {
      let depth = 0;
      for (const c of entry) {
        depth += c === '{' ? 1 : c === '}' ? -1 : 0;
        expect(depth).toBeGreaterThanOrEqual(0);
      }
      expect(depth).toBe(0);
    }
  });
});
