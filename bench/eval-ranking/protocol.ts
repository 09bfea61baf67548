/**
 * The evaluation protocol's data: the corpus (one arXiv paper per JSONL line), the author-as-user
 * preference sets, and the user-days they define (README of the evaluation data: stars are a
 * user's first k papers, every later announcement day with a paper of theirs is a test day).
 */
import { normalizeAuthorName } from '@/lib/ranking/tokenize';

export interface CorpusPaper {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  /** Primary first. */
  categories: string[];
  /** `YYYY-MM-DD`, the day the paper was listed as new. */
  date: string;
}

export interface UserSet {
  user: string;
  papers: { id: string; date: string }[];
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Papers from JSONL text; a line that is not a paper in the documented shape is an error naming the line. */
export function parseCorpus(text: string): CorpusPaper[] {
  const papers: CorpusPaper[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim().length === 0) return;
    const value: unknown = JSON.parse(line);
    const record = value as Partial<Record<keyof CorpusPaper, unknown>>;
    if (
      typeof record.id !== 'string' || typeof record.title !== 'string' || typeof record.date !== 'string' ||
      !isStringArray(record.authors) || !isStringArray(record.categories) || record.categories.length === 0
    ) {
      throw new Error(`Corpus line ${i + 1} is not a paper with id, title, authors, categories and date.`);
    }
    papers.push({
      id: record.id,
      title: record.title,
      abstract: typeof record.abstract === 'string' ? record.abstract : '',
      authors: record.authors,
      categories: record.categories,
      date: record.date,
    });
  });
  return papers;
}

/** The `users` array of a users file (`{ definition, users: [{ user, papers: [{ id, date }] }] }`). */
export function parseUsers(text: string): UserSet[] {
  const value = JSON.parse(text) as { users?: unknown };
  if (!Array.isArray(value.users)) throw new Error('The users file has no "users" array.');
  return value.users.map((entry: unknown, i) => {
    const user = entry as { user?: unknown; papers?: unknown };
    if (typeof user.user !== 'string' || !Array.isArray(user.papers)) throw new Error(`User ${i + 1} has no name or no papers.`);
    const papers = user.papers.map((paper: unknown) => {
      const p = paper as { id?: unknown; date?: unknown };
      if (typeof p.id !== 'string' || typeof p.date !== 'string') throw new Error(`User "${String(user.user)}" lists a paper without id or date.`);
      return { id: p.id, date: p.date };
    });
    return { user: user.user, papers };
  });
}

/** The author name a user stands for: the users file's normalised name without its homonym mark (`#2`). */
export function nameOfUser(user: string): string {
  return normalizeAuthorName(user.replace(/#\d+$/, ''));
}

/** One user-day to rank: indices into the corpus array. */
export interface Task {
  user: number;
  k: number;
  day: string;
  /** The first k papers. */
  stars: number[];
  /** Primary categories of the user's papers before `day`. */
  categories: string[];
  /** The day's papers in those categories, in arXiv's (the corpus's) order. */
  candidates: number[];
  /** The user's papers among them. */
  relevant: Set<number>;
  /** All the user's papers: never negatives, whatever the day. */
  own: ReadonlySet<number>;
}

export interface TaskPlan {
  tasks: Task[];
  /** User-days dropped because none of the user's papers that day was in their earlier categories. */
  skipped: number;
}

/**
 * Every user-day of the protocol for each k in `ks`, in corpus-day order, for the users
 * `includeUser` accepts (all by default). A user's papers missing from the corpus are ignored; a
 * user needs more than k papers and a later day to take part.
 */
export function planTasks(
  corpus: readonly CorpusPaper[],
  users: readonly UserSet[],
  ks: readonly number[],
  includeUser: (user: number) => boolean = () => true,
): TaskPlan {
  const indexOf = new Map(corpus.map((paper, i) => [paper.id, i]));
  const byDay = new Map<string, number[]>();
  corpus.forEach((paper, i) => {
    const list = byDay.get(paper.date);
    if (list) list.push(i);
    else byDay.set(paper.date, [i]);
  });
  const tasks: Task[] = [];
  let skipped = 0;
  users.forEach((user, u) => {
    if (!includeUser(u)) return;
    const own = user.papers
      .flatMap((paper) => {
        const index = indexOf.get(paper.id);
        return index === undefined ? [] : [index];
      })
      .sort((a, b) => {
        const da = corpus[a]?.date ?? '';
        const db = corpus[b]?.date ?? '';
        return da < db ? -1 : da > db ? 1 : a - b;
      });
    const ownSet: ReadonlySet<number> = new Set(own);
    for (const k of ks) {
      if (own.length <= k) continue;
      const stars = own.slice(0, k);
      const starDay = corpus[stars[k - 1] ?? 0]?.date ?? '';
      const days = [...new Set(own.map((i) => corpus[i]?.date ?? ''))].filter((day) => day > starDay);
      for (const day of days) {
        const categories = [...new Set(own.filter((i) => (corpus[i]?.date ?? '') < day).map((i) => corpus[i]?.categories[0] ?? ''))].sort();
        const wanted = new Set(categories);
        const candidates = (byDay.get(day) ?? []).filter((i) => wanted.has(corpus[i]?.categories[0] ?? ''));
        const relevant = new Set(own.filter((i) => candidates.includes(i)));
        if (relevant.size === 0) {
          skipped++;
          continue;
        }
        tasks.push({ user: u, k, day, stars, categories, candidates, relevant, own: ownSet });
      }
    }
  });
  tasks.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return { tasks, skipped };
}
