/**
 * The export test cases: the 29 papers of the saved cs.DC listing (tests/fixtures/export/
 * seed-papers.json) plus synthetic papers for the hard cases real listings rarely show at once.
 * Every case is serialised to every format and compared with tests/fixtures/export/<case>.<ext>.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArxivId, Subject } from '@/lib/arxiv/types';
import { toCleanExportPaper, type ExportOptions, type ExportPaper } from '@/lib/export';

// A string, not `new URL(…)`: under happy-dom the global URL is not Node's.
export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/export/');
export const LISTING_FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/list-new-cs.DC-2026-02-27.html');

export function readFixture(name: string): string {
  return readFileSync(`${FIXTURE_DIR}${name}`, 'utf8');
}

export const SEED_PAPERS = JSON.parse(readFixture('seed-papers.json')) as ExportPaper[];

const DC: Subject = { name: 'Distributed, Parallel, and Cluster Computing', code: 'cs.DC' };

type PaperInput = Omit<Partial<ExportPaper>, 'id'> & { id: string; title: string; authors: string[] };

/** A synthetic paper with the fields a listing always has, overridden by `input`. */
export function paper(input: PaperInput): ExportPaper {
  const { id, ...rest } = input;
  return {
    id: id as ArxivId,
    primarySubject: DC,
    subjects: [DC],
    section: 'new',
    absUrl: `https://arxiv.org/abs/${id}`,
    pdfUrl: `https://arxiv.org/pdf/${id}`,
    ...rest,
  };
}

export const TEX_TITLE = paper({
  id: '2603.01234',
  version: 1,
  title: 'Faster $\\tilde O(D)$-Round Separators for $x_1$-Planar Graphs via \\(k\\)-Paths and $$n^2$$ Bounds',
  authors: ['Yaseen Abd-Elhaleem', 'Michal Dory'],
  abstract: 'We show $\\tilde O(D)$ rounds suffice.',
});

export const SPECIAL_CHARACTERS = paper({
  id: '2603.01235',
  title: 'R&D at 100% of #HPC_nodes: {Braced} text, a stray } and {open brace, x^2, a $5 bill, \\& kept \\',
  authors: ['Ann O_Neil', 'Bob Smith & Sons'],
  journalRef: 'Proc. R&D 2025, 50% #1',
  doi: '10.1000/abc_def(2025)',
  tags: ['R&D', 'x_y'],
  note: 'Read §3 & 100% {of it}',
});

export const UNICODE_NAMES = paper({
  id: '2603.01236',
  title: 'Über Ångström-scale Modelling of Øresund Traffic',
  authors: ['Piotr Żelasko', 'Christopher Ré', 'Dirk Pflüger', 'Søren Ødegård', 'Łukasz Kaiser', 'José María García-López', '李雷'],
});

export const NAME_SHAPES = paper({
  id: '2603.01237',
  title: 'Mononyms, Particles and Suffixes',
  authors: [
    'Plato',
    'Johannes Diderik van der Waals',
    'Ludwig van Beethoven Jr.',
    'ATLAS Collaboration',
    'Jean-Pierre de la Fontaine',
    'Martin Luther King III',
  ],
});

export const TAGS_AND_NOTES = [
  paper({
    id: '2603.01238',
    version: 2,
    title: '+1 Trick: Why "Sum, Then Scale" Works',
    authors: ['Carol Jones', 'Dan Brown'],
    abstract: '=SUM(A1:A2) is how it starts.\nSecond paragraph, with "quotes".',
    comments: '@mention: 12 pages, 3 figures',
    tags: ['to-read', 'theory'],
    note: '=HYPERLINK("http://evil.example","click"), then "quoted", and more\nsecond line',
    starredAt: Date.UTC(2026, 1, 27, 10, 30, 0),
  }),
  paper({
    id: '2603.01239',
    title: '-5 Degrees: Cold Storage at Scale',
    authors: ['Erin Gray'],
    note: '- dash first, then a tab\tinside',
    starredAt: Date.UTC(2026, 1, 28, 8, 0, 0),
  }),
  paper({
    id: '2603.01240',
    title: 'Tabs and Returns',
    authors: ['Frank Hill'],
    tags: ['@home', 'theory'],
    note: '\tleading tab',
    comments: '\rleading carriage return',
  }),
];

// Base keys dai2026storage ×3 and dai2026storagea: the suffix for the third "storage" paper must
// skip `a`, which another paper owns as its base key. Listed out of id order on purpose.
export const COLLIDING_KEYS = [
  paper({ id: '2602.23220', title: 'Storage Tuning II', authors: ['Dong Dai', 'Chris Egersdoerfer'] }),
  paper({ id: '2602.22409', title: 'Storagea Systems', authors: ['Dong Dai'] }),
  paper({ id: '2602.22423', title: 'Storage for All', authors: ['Dong Dai'] }),
  paper({ id: '2602.22392', title: 'Storage Tuning I', authors: ['Dong Dai', 'Md Hasanur Rashid'] }),
];

export const MARKDOWN_INJECTION = paper({
  id: '2603.01241',
  title: '[Click me](javascript:alert(1)) <img src=x onerror=alert(1)> *bold* _it_ `code` ~~strike~~ | pipe \\[escaped\\]',
  authors: ['Eve <script>', 'Mallory [x](y)'],
  absUrl: 'javascript:alert(1)',
  note: '<b>note</b> [link](http://evil.example)',
  tags: ['<tag>'],
});

export const OLD_STYLE_IDS = [
  paper({ id: 'math/0601001', title: 'An Old Math Paper', authors: ['Grace Hopper'] }),
  paper({ id: 'hep-th/9901001', title: 'A Nineties Paper', authors: ['Alan Turing'] }),
  paper({ id: 'math.GT/0309136', title: 'A Subject-Class Paper', authors: ['Emmy Noether'] }),
  paper({ id: 'cond-mat/9108001', title: 'The First Year', authors: ['Paul Ginsparg'] }),
  paper({ id: '0704.0001', title: 'The First New-Scheme Paper', authors: ['Pavel Nadolsky'] }),
];

// Name parts that start with a letter outside ASCII: BibTeX 0.99d abbreviates their first byte.
export const NAME_INITIALS = paper({
  id: '2603.01242',
  title: 'Initials That Compile',
  authors: ['Łukasz Kaiser', 'Piotr Żelasko', 'Hans Christian Ørsted', 'Ümit V. Çatalyürek', 'Jean-Ümit Èvora-Šimić', 'Ærø Østergaard', 'Élodie Ó Súilleabháin'],
});

// Characters OT1 prints as other glyphs (<, >, |) or reads as a space (~), outside and inside math.
export const OT1_CHARACTERS = paper({
  id: '2603.01243',
  title: 'Latency < 5 ms > Baseline ~ 2x | p99 and $a < b > c$ with $\\sim$',
  authors: ['Ann Lee'],
  journalRef: 'J. Phys. ~A <1> | 2',
});

// Math and code-like tokens a title-casing CSL processor would mangle.
export const TITLE_CASING = paper({
  id: '2603.01244',
  title: 'Faster $\\tilde O(D)$ Separators, $\\sqrt{n}$ Bounds and $\\mathcal{O}(1)$ Steps for nanoGPT on x86 with torch.compile',
  authors: ['Michal Dory'],
});

export const MARKDOWN_MATH = paper({
  id: '2603.01245',
  title: 'Sorting in $O(n \\log n)$ and \\(k\\)-Paths: a $\\{0,1\\}$ Story',
  authors: ['Grace Hopper'],
  tags: ['theory'],
  note: 'Compare with $\\Theta(n)$.\nSecond line.',
});

export const DOI_CHOICES = [
  paper({ id: '2603.01246', title: 'No Journal DOI', authors: ['Ann Lee'] }),
  paper({ id: '2603.01247', title: 'One Journal DOI', authors: ['Ann Lee'], doi: '10.1103/PhysRevD.110.012345', journalRef: 'Phys. Rev. D 110, 012345 (2024)' }),
  paper({ id: '2603.01248', title: 'Two Journal DOIs', authors: ['Ann Lee'], doi: '10.1000/first 10.1000/second' }),
  paper({ id: '2603.01249', title: 'A DOI Written as a Link', authors: ['Ann Lee'], doi: 'https://doi.org/10.1000/linked' }),
  paper({ id: '2603.01250', title: 'Not a DOI', authors: ['Ann Lee'], doi: 'see journal' }),
  paper({ id: 'math/0703845', title: 'An Old-Style Id with a Journal Ref', authors: ['Emmy Noether'], journalRef: 'Math. Ann. 100 (2007) 1-20' }),
];

// Issue 21, item 9: text that broke pdflatex, citation-js, line-splitting RIS readers or marked.
export const HOSTILE_TITLES = [
  paper({ id: '2603.01251', title: 'A Title with {\\} in It', authors: ['Mallory Mal'] }),
  paper({ id: '2603.01252', title: 'Zero\u200Bwidth\u200D and \u202Ebidi\u202C \u2066isolates\u2069 with\uFEFF a BOM', authors: ['Eve\u200B Evil'] }),
  paper({ id: '2603.01253', title: 'Line\u0085ends\u001Cthat\u001Dsplit\u001Ereaders\u2028here', authors: ['Trudy Tamper'], abstract: 'One\u0085ER  - \u001ETY  - JOUR' }),
  paper({ id: '2603.01254', title: '![x](https://evil.example/t.png) and [y](javascript:alert(1))', authors: ['Mallory Mal'] }),
  paper({ id: '2603.01255', title: '\\input{/etc/passwd} \\def\\x{y} \\href{javascript:alert(1)}{z} \\[d\\] \\end{document}', authors: ['Mallory Mal'] }),
  paper({ id: '2603.01256', title: 'Unicode Math α ≤ β, \u0007bell, and a stray \\', authors: ['Mallory Mal'] }),
];

export const LONG_AUTHOR_LIST = paper({
  id: '2603.01257',
  title: 'A Paper with One Hundred and Twenty Authors',
  authors: Array.from({ length: 120 }, (_, i) => `Author${String.fromCharCode(65 + (i % 26))} Number${i + 1}`),
  journalRef: 'Nature 600, 1-10 (2026)',
  doi: '10.1038/s41586-026-00001-x',
});

export interface ExportCase {
  name: string;
  papers: ExportPaper[];
  /** Export options for this case; the formats' defaults when absent. */
  options?: ExportOptions;
}

export const CASES: readonly ExportCase[] = [
  { name: 'seed listing', papers: SEED_PAPERS },
  { name: 'tex in title', papers: [TEX_TITLE] },
  { name: 'special characters', papers: [SPECIAL_CHARACTERS] },
  { name: 'unicode names', papers: [UNICODE_NAMES] },
  { name: 'name shapes', papers: [NAME_SHAPES] },
  { name: 'tags and notes', papers: TAGS_AND_NOTES },
  { name: 'colliding keys', papers: COLLIDING_KEYS },
  { name: 'markdown injection', papers: [MARKDOWN_INJECTION] },
  { name: 'old-style ids', papers: OLD_STYLE_IDS },
  { name: 'empty list', papers: [] },
  { name: 'name initials', papers: [NAME_INITIALS] },
  { name: 'ot1 characters', papers: [OT1_CHARACTERS] },
  { name: 'title casing', papers: [TITLE_CASING] },
  { name: 'markdown math', papers: [MARKDOWN_MATH], options: { includeUserData: true } },
  { name: 'doi choices', papers: DOI_CHOICES },
  { name: 'hostile titles', papers: HOSTILE_TITLES },
  { name: 'long author list', papers: [LONG_AUTHOR_LIST] },
  { name: 'tags and notes included', papers: [...TAGS_AND_NOTES, SPECIAL_CHARACTERS], options: { includeUserData: true } },
  { name: 'tags and notes left out', papers: [...TAGS_AND_NOTES, SPECIAL_CHARACTERS], options: { includeUserData: false } },
  { name: 'arxiv citation keys', papers: [...SEED_PAPERS.slice(0, 8), NAME_SHAPES, UNICODE_NAMES, ...OLD_STYLE_IDS], options: { citationKeyStyle: 'arxiv' } },
];

/** Every paper of every case, for parse-back tests that check each field of each paper. */
// Unique papers: some cases export the same papers with other options.
export const ALL_PAPERS: readonly ExportPaper[] = [...new Set(CASES.flatMap((c) => c.papers))];

/** `ALL_PAPERS` as every exporter reads them (see `toCleanExportPaper`): what parse-back tests compare with. */
export const CLEAN_PAPERS: readonly ExportPaper[] = ALL_PAPERS.map((p) => toCleanExportPaper(p, true));

/** Deterministic Fisher–Yates shuffle (mulberry32), so "shuffled input" tests are repeatable. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
