/**
 * The export test cases: the 29 papers of the saved cs.DC listing (tests/fixtures/export/
 * seed-papers.json) plus synthetic papers for the hard cases real listings rarely show at once.
 * Every case is serialised to every format and compared with tests/fixtures/export/<case>.<ext>.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArxivId, Subject } from '@/lib/arxiv/types';
import type { ExportPaper } from '@/lib/export';

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

export interface ExportCase {
  name: string;
  papers: ExportPaper[];
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
];

/** Every paper of every case, for parse-back tests that check each field of each paper. */
export const ALL_PAPERS: readonly ExportPaper[] = CASES.flatMap((c) => c.papers);

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
