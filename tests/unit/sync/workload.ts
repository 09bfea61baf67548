/**
 * Generated annotation states for the capacity test and the bench: a researcher who triages the
 * day's listing. A session stars about 20 papers of that day's submissions (ids close together,
 * as a listing shows them), starring one every few seconds, then tags each with two of a dozen
 * tags a minute or two later; sessions fall on working days over about two years.
 */
import type { ArxivId } from '@/lib/arxiv/types';
import { emptyState, type MergeablePaper, type ReplicatedState } from '@/lib/store/merge';
import { stampOfMs } from '@/lib/sync/hlc';

export const TAG_NAMES = ['to-read', 'ml', 'systems', 'theory', 'cite', 'reviewed', 'group-meeting', 'survey', 'benchmarks', 'ideas', 'consensus', 'gpu'];

/** A small seeded PRNG (mulberry32), so every run builds the same state. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 24 * 60 * 60 * 1000;
const START = Date.UTC(2024, 11, 2, 9, 0);

export interface Workload {
  starred: number;
  /** Notes of `noteLength` characters on the most recently starred papers. */
  notes?: number;
  noteLength?: number;
  /** Papers only marked read, besides the starred ones. */
  seen?: number;
  /**
   * Listing seen marks (the `seen` table): a day's listing of 150 papers scrolled past in one
   * session, a mark every second or two, on the working days before the newest star.
   */
  marks?: number;
  seed?: number;
}

function idOf(day: number, index: number): ArxivId {
  const date = new Date(START + day * DAY);
  const yymm = `${String(date.getUTCFullYear() % 100).padStart(2, '0')}${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  const number = Math.min(99_999, (date.getUTCDate() - 1) * 1000 + index + 1);
  return `${yymm}.${String(number).padStart(5, '0')}` as ArxivId;
}

/** A state with `starred` papers starred and tagged twice, plus notes and seen marks. */
export function triageState({ starred, notes = 0, noteLength = 200, seen = 0, marks = 0, seed = 1 }: Workload): ReplicatedState {
  const rand = random(seed);
  const state = emptyState();
  const papers: MergeablePaper[] = [];
  let day = 0;
  while (papers.length < starred) {
    day += rand() < 0.3 ? 2 : 1;
    const sessionStart = START + day * DAY + Math.floor(rand() * 8 * 3600_000);
    const picks = new Set<number>();
    while (picks.size < 20) picks.add(Math.floor(rand() * 900));
    let at = sessionStart;
    for (const index of [...picks]) {
      if (papers.length >= starred) break;
      at += 2_000 + Math.floor(rand() * 15_000);
      const id = idOf(day, index);
      if (state.papers.has(id)) continue;
      const first = TAG_NAMES[Math.floor(rand() * rand() * TAG_NAMES.length)]!;
      let second = TAG_NAMES[Math.floor(rand() * TAG_NAMES.length)]!;
      if (second === first) second = TAG_NAMES[(TAG_NAMES.indexOf(first) + 1) % TAG_NAMES.length]!;
      const tagAt = at + 60_000 + Math.floor(rand() * 60_000);
      const paper: MergeablePaper = {
        id,
        starredAt: at,
        tags: [first, second],
        stamps: { star: stampOfMs(at), tags: { [first]: stampOfMs(tagAt), [second]: stampOfMs(tagAt + 5_000) } },
      };
      papers.push(paper);
      state.papers.set(id, paper);
    }
  }
  const words = 'we study the consensus latency of replicated logs under partial synchrony and compare it with the gpu baseline'.split(' ');
  for (const paper of papers.slice(-notes)) {
    if (notes === 0) break;
    let text = '';
    while (text.length < noteLength) text += `${words[Math.floor(rand() * words.length)]} `;
    paper.note = text.slice(0, noteLength);
    paper.stamps!.note = paper.stamps!.star! + 3;
  }
  for (let i = 0; i < seen; i++) {
    const id = idOf(Math.floor(rand() * day), 900 + Math.floor(rand() * 99));
    if (state.papers.has(id)) continue;
    const at = START + Math.floor(rand() * day * DAY);
    state.papers.set(id, { id, seenAt: at, tags: [], stamps: { seen: stampOfMs(at) } });
  }
  for (let markDay = day; state.seen.size < marks && markDay > -3000; markDay -= rand() < 0.3 ? 2 : 1) {
    let at = START + markDay * DAY + Math.floor(rand() * 8 * 3600_000);
    for (let i = 0; i < 150 && state.seen.size < marks; i++) {
      const id = idOf(markDay, Math.floor(rand() * 999));
      at += 1_000 + Math.floor(rand() * 2_000);
      state.seen.set(id, { id, at, stamp: stampOfMs(at) });
    }
  }
  for (const [i, name] of TAG_NAMES.entries()) {
    state.tags.set(name, { name, color: `#${(0x4e79a7 + i * 0x101010).toString(16).slice(-6)}`, createdAt: START, stamp: stampOfMs(START) });
  }
  return state;
}
