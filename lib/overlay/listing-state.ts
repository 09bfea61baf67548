import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { ArxivId } from '@/lib/arxiv/types';
import type { Annotation, TagInfo } from '@/lib/store/api';
import type { Rule } from '@/lib/rules/types';
import { NO_FILTERS, type FilterFlags, type FilterId } from './filters';

/**
 * The listing's view of the user's annotations, rules and filters, as signals outside any
 * component. Features read the signals and change them only through the actions, so optimistic
 * updates, broadcasts from other tabs and filter toggles flow through one place.
 */
export interface ListingState {
  readonly entryCount: number;
  readonly annotations: ReadonlySignal<ReadonlyMap<ArxivId, Annotation>>;
  readonly tags: ReadonlySignal<readonly TagInfo[]>;
  readonly rules: ReadonlySignal<readonly Rule[]>;
  /** Papers of this page the reader had not seen anywhere when the listing opened. */
  readonly newIds: ReadonlySignal<ReadonlySet<ArxivId>>;
  /** Papers of this page the reader has seen (on any listing) → when first seen. */
  readonly seen: ReadonlySignal<ReadonlyMap<ArxivId, number>>;
  /** Papers matched by at least one enabled rule → the ids of the rules. */
  readonly matches: ReadonlySignal<ReadonlyMap<ArxivId, readonly string[]>>;
  /**
   * Papers a hide rule hides → the ids of those rules. Derived, never stored: a rule never hides
   * a starred, tagged, noted or kept paper, and deleting or editing the rule shows again what only
   * it hid.
   */
  readonly ruleHidden: ReadonlySignal<ReadonlyMap<ArxivId, readonly string[]>>;
  /** Papers hidden by the reader or by a rule: the one answer the flags, the counts and bulk work share. */
  readonly hiddenIds: ReadonlySignal<ReadonlySet<ArxivId>>;
  /** Abstracts the page did not print, as they arrive from the cache or arXiv's API. */
  readonly abstracts: ReadonlySignal<ReadonlyMap<ArxivId, string>>;
  /** Where fetching the missing abstracts stands, for the toolbar's quiet progress line. */
  readonly abstractProgress: ReadonlySignal<AbstractProgress | undefined>;
  /** Entries whose abstract disclosure the reader opened (by button or the `a` key). */
  readonly openAbstracts: ReadonlySignal<ReadonlySet<ArxivId>>;
  readonly filters: ReadonlySignal<FilterFlags>;
  readonly textFilter: ReadonlySignal<string>;
  /** Rules just saved by the user whose star/hide should be carried out on this page now. */
  readonly rulesToApply: ReadonlySignal<ReadonlySet<string>>;
  readonly counts: ReadonlySignal<ListingCounts>;
  /** "For you" scores of the page's papers (empty until the model arrives, or when ranking is off). */
  readonly scores: ReadonlySignal<ReadonlyMap<ArxivId, number>>;
  /** How the entries are ordered: arXiv's order, or by the reader's interests. */
  readonly sortMode: ReadonlySignal<SortMode>;
  /** What "For you" stands on, or why it is off, for the toolbar. */
  readonly rankingNote: ReadonlySignal<string>;
  /** Entry indices in on-screen order while "For you" has moved them; `undefined` in arXiv's order. */
  readonly entryOrder: ReadonlySignal<readonly number[] | undefined>;

  applyAnnotations(ids: readonly ArxivId[], records: Readonly<Record<string, Annotation>>): void;
  putAnnotation(annotation: Annotation): void;
  annotationOf(id: ArxivId): Annotation | undefined;
  /** Hidden by the reader or by a rule. */
  isHidden(id: ArxivId): boolean;
  setTags(tags: readonly TagInfo[]): void;
  setRules(rules: readonly Rule[]): void;
  setNewIds(ids: Iterable<ArxivId>): void;
  addAbstracts(found: readonly { id: ArxivId; abstract: string }[]): void;
  setAbstractProgress(progress: AbstractProgress | undefined): void;
  toggleAbstract(id: ArxivId): void;
  /** Records `ids` as seen at `at` (a paper seen before keeps its first time), or unseen with `null`. */
  setSeen(ids: Iterable<ArxivId>, at: number | null): void;
  /** Replaces the seen marks with `marks` (id → first seen), as the store answered. */
  loadSeen(marks: Readonly<Record<string, number>>): void;
  setMatches(matches: ReadonlyMap<ArxivId, readonly string[]>): void;
  toggleFilter(id: FilterId, on?: boolean): void;
  setTextFilter(text: string): void;
  applyRuleNow(ruleId: string): void;
  clearRulesToApply(): void;
  setScores(scores: ReadonlyMap<ArxivId, number>, note: string): void;
  setSortMode(mode: SortMode): void;
  setEntryOrder(order: readonly number[] | undefined): void;
}

export type SortMode = 'arxiv' | 'for-you';

export interface AbstractProgress {
  /** Papers of the page whose abstract the page did not print. */
  wanted: number;
  /** Of those, how many have arrived. */
  arrived: number;
  /** The queue's state as the background reports it (`waiting`, `fetching`, `backing-off`, `off`, …). */
  state: string;
  retryAt?: number;
  lastError?: string;
}

export interface ListingCounts {
  all: number;
  starred: number;
  hidden: number;
  matching: number;
  unseen: number;
  /** Tag name → papers on this page carrying it, in the order of the tag list. */
  byTag: ReadonlyMap<string, number>;
}

export function createListingState(pageIds: readonly ArxivId[]): ListingState {
  const onPage = new Set(pageIds);
  const annotations = signal<ReadonlyMap<ArxivId, Annotation>>(new Map());
  const tags = signal<readonly TagInfo[]>([]);
  const rules = signal<readonly Rule[]>([]);
  const newIds = signal<ReadonlySet<ArxivId>>(new Set());
  const seen = signal<ReadonlyMap<ArxivId, number>>(new Map());
  const abstracts = signal<ReadonlyMap<ArxivId, string>>(new Map());
  const abstractProgress = signal<AbstractProgress | undefined>(undefined);
  const openAbstracts = signal<ReadonlySet<ArxivId>>(new Set());
  const matches = signal<ReadonlyMap<ArxivId, readonly string[]>>(new Map());
  const filters = signal<FilterFlags>(NO_FILTERS);
  const textFilter = signal('');
  const rulesToApply = signal<ReadonlySet<string>>(new Set());
  const scores = signal<ReadonlyMap<ArxivId, number>>(new Map());
  const sortMode = signal<SortMode>('arxiv');
  const rankingNote = signal('');
  const entryOrder = signal<readonly number[] | undefined>(undefined);

  const ruleHidden = computed<ReadonlyMap<ArxivId, readonly string[]>>(() => {
    const hiding = new Set(rules.value.filter((rule) => rule.enabled && rule.action === 'hide').map((rule) => rule.id));
    const out = new Map<ArxivId, readonly string[]>();
    if (hiding.size === 0) return out;
    const current = annotations.value;
    for (const [id, ruleIds] of matches.value) {
      const by = ruleIds.filter((ruleId) => hiding.has(ruleId));
      if (by.length > 0 && !isExempt(current.get(id))) out.set(id, by);
    }
    return out;
  });
  const hiddenIds = computed<ReadonlySet<ArxivId>>(() => {
    const out = new Set(ruleHidden.value.keys());
    for (const [id, annotation] of annotations.value) if (annotation.hidden) out.add(id);
    return out;
  });

  const counts = computed<ListingCounts>(() => {
    let starred = 0;
    const byTag = new Map(tags.value.map((t) => [t.name, 0]));
    for (const a of annotations.value.values()) {
      if (a.starred) starred++;
      for (const tag of a.tags) byTag.set(tag, (byTag.get(tag) ?? 0) + 1);
    }
    return { all: onPage.size, starred, hidden: hiddenIds.value.size, matching: matches.value.size, unseen: onPage.size - seen.value.size, byTag };
  });

  function setSeen(ids: Iterable<ArxivId>, at: number | null) {
    const next = new Map(seen.peek());
    let changed = false;
    for (const id of ids) {
      if (!onPage.has(id)) continue;
      if (at === null) changed = next.delete(id) || changed;
      else if (!next.has(id)) {
        next.set(id, at);
        changed = true;
      }
    }
    if (changed) seen.value = next;
  }

  function applyAnnotations(ids: readonly ArxivId[], records: Readonly<Record<string, Annotation>>) {
    const next = new Map(annotations.peek());
    for (const id of ids) {
      if (!onPage.has(id)) continue;
      const record = records[id];
      if (record && isAnnotated(record)) next.set(id, record);
      else next.delete(id);
    }
    annotations.value = next;
  }

  return {
    entryCount: onPage.size,
    annotations,
    tags,
    rules,
    newIds,
    seen,
    matches,
    ruleHidden,
    hiddenIds,
    abstracts,
    abstractProgress,
    openAbstracts,
    filters,
    textFilter,
    rulesToApply,
    scores,
    sortMode,
    rankingNote,
    entryOrder,
    counts,
    applyAnnotations,
    putAnnotation: (annotation) => applyAnnotations([annotation.id], { [annotation.id]: annotation }),
    annotationOf: (id) => annotations.peek().get(id),
    isHidden: (id) => hiddenIds.peek().has(id),
    setTags: (next) => void (tags.value = next),
    setRules: (next) => void (rules.value = next),
    setNewIds: (ids) => void (newIds.value = new Set([...ids].filter((id) => onPage.has(id)))),
    setSeen,
    addAbstracts(found) {
      const fresh = found.filter((paper) => onPage.has(paper.id) && paper.abstract !== '' && !abstracts.peek().has(paper.id));
      if (fresh.length === 0) return;
      const next = new Map(abstracts.peek());
      for (const paper of fresh) next.set(paper.id, paper.abstract);
      abstracts.value = next;
    },
    setAbstractProgress: (progress) => void (abstractProgress.value = progress),
    toggleAbstract(id) {
      const next = new Set(openAbstracts.peek());
      if (!next.delete(id)) next.add(id);
      openAbstracts.value = next;
    },
    loadSeen: (marks) => void (seen.value = new Map(Object.entries(marks).filter(([id]) => onPage.has(id as ArxivId)) as [ArxivId, number][])),
    setMatches: (next) => void (matches.value = next),
    toggleFilter: (id, on) => batch(() => void (filters.value = { ...filters.peek(), [id]: on ?? !filters.peek()[id] })),
    setTextFilter: (text) => void (textFilter.value = text),
    applyRuleNow: (ruleId) => void (rulesToApply.value = new Set([...rulesToApply.peek(), ruleId])),
    clearRulesToApply: () => void (rulesToApply.value = new Set()),
    setScores: (next, note) =>
      batch(() => {
        scores.value = next;
        rankingNote.value = note;
      }),
    setSortMode: (mode) => void (sortMode.value = mode),
    setEntryOrder: (order) => void (entryOrder.value = order),
  };
}

function isAnnotated(a: Annotation): boolean {
  return a.starred || a.hidden || a.tags.length > 0 || Boolean(a.note) || Boolean(a.kept);
}

/** What a hide rule never hides: a paper the reader starred, tagged, noted or chose to keep shown. */
function isExempt(a: Annotation | undefined): boolean {
  return a !== undefined && (a.starred || a.tags.length > 0 || Boolean(a.note) || Boolean(a.kept));
}

/** An empty annotation for a paper the store has nothing on yet. */
export function blankAnnotation(id: ArxivId): Annotation {
  return { id, starred: false, hidden: false, tags: [], updatedAt: 0 };
}
