/**
 * The listing's one conversation with the store. Features and UI call the session, never the
 * store: it loads everything in one message, carries out every action optimistically (rolling
 * back, with a message saying what failed, when the store refuses), applies other tabs' changes
 * from the broadcast without asking again, skips the echo of its own writes, and answers the
 * popup.
 */
import { i18n } from '#i18n';
import type { ArxivId, ArxivPage, Paper, PaperMeta } from '@/lib/arxiv/types';
import type { Rule } from '@/lib/rules/types';
import type { Annotation, ApiData, ApiName, ApiResult, ChangeNotice, OverlayStatus, TagInfo } from '@/lib/store/api';
import { isSiftAbstracts, isSiftChanged, isTabMessage, type AbstractsDelivery } from '@/lib/store/api';
import { traitsOf } from '@/lib/arxiv/page-kinds';
import { callApi, type SendMessage } from '@/lib/store/client';
import { LIMITS } from '@/lib/schemas/fields';
import { defaultTagColor } from '@/lib/store/tag-colors';
import { isContextInvalidated } from './context-invalidated';
import type { EntryIndex } from './entry-index';
import { availableFilters } from './filters';
import { blankAnnotation, type ListingState } from './listing-state';
import type { Notifier } from './notify';
import type { AnnotationsPreview } from './preview';
import type { RankingAnswer } from './ranking-wire';

export interface ListingSessionOptions {
  page: ArxivPage;
  entries: EntryIndex;
  state: ListingState;
  notify: Notifier;
  /** Sends one request to the background (`browser.runtime.sendMessage`). */
  send: SendMessage;
  /** Listens to runtime messages (broadcasts, the popup); returns the unsubscribe. */
  subscribe(listener: (message: unknown) => Promise<unknown> | undefined): () => void;
  signal: AbortSignal;
  /** Called once when the extension was updated under the tab: the overlay detaches. */
  detach(): void;
  /** This session's id in the store's broadcasts; random unless a test fixes it. */
  origin?: string;
  /** The store's answer about the entries read while the page streamed in (preview.ts), shown until the session's own. */
  preview?: AnnotationsPreview;
}

export type ExtensionPage = 'reading-list' | 'options';

export interface ActionOptions {
  /** The reader acted on the papers, so they count as seen (not so when a rule stars them). */
  marksSeen?: boolean;
}

export interface ListingSession {
  /** Settles when the store's first answer (annotations, tags, rules, seen marks) is applied. */
  readonly ready: Promise<void>;
  star(papers: readonly Paper[], starred: boolean, options?: ActionOptions): Promise<boolean>;
  toggleStar(paper: Paper): Promise<boolean>;
  hide(papers: readonly Paper[], hidden: boolean): Promise<boolean>;
  /**
   * Hides the paper, or shows it again: a paper the reader hid is unhidden, and a paper a hide
   * rule hides is kept shown from now on (the rule's hide is undone for it alone).
   */
  toggleHidden(paper: Paper): Promise<boolean>;
  tag(papers: readonly Paper[], tag: string, on: boolean): Promise<boolean>;
  note(paper: Paper, note: string): Promise<boolean>;
  /** Saves `rule` and shows it once the store has it; rejects with the store's reason (the rules dialog shows it). */
  saveRule(rule: Rule): Promise<void>;
  deleteRule(id: string): Promise<boolean>;
  openPage(page: ExtensionPage): Promise<boolean>;
  /** Marks papers seen now (saved in batches; every action on a paper marks it too). */
  markSeen(ids: readonly ArxivId[]): void;
  /** Marks every paper of the page seen; resolves with the ids it marked, for the undo. */
  markAllSeen(): Promise<ArxivId[]>;
  /** Forgets that `ids` were seen (the undo of "Mark all seen"). */
  unmarkSeen(ids: readonly ArxivId[]): Promise<boolean>;
  /** The counts and filters the popup shows. */
  status(): OverlayStatus;
  /** The reader's "For you" model (the background retrains it first if papers changed). */
  rankingModel(): Promise<RankingAnswer>;
}

/** The browser's words for a message the stopped service worker never answered. */
function isDroppedConnection(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Could not establish connection|Receiving end does not exist|message port closed|no answer from the Sift background/i.test(message);
}

/** The paper as plain data, without its DOM handle: what the store snapshots and exports use. */
export function toPaperMeta(paper: Paper): PaperMeta {
  const { element: _element, ...meta } = paper;
  return meta;
}

/** The messages one session may send; backups and tag management are the extension pages' business. */
type SessionCall = Extract<
  ApiName,
  | 'listing.open'
  | 'annotations.get'
  | 'papers.star'
  | 'papers.hide'
  | 'papers.keep'
  | 'papers.tag'
  | 'papers.note'
  | 'rules.upsert'
  | 'rules.delete'
  | 'pages.open'
  | 'seen.mark'
  | 'seen.unmark'
  | 'abstracts.remember'
  | 'abstracts.request'
  | 'abstracts.cancel'
  | 'ranking.model'
>;

/**
 * Pauses before each reading back of a write whose answer was lost, nine seconds in all: a worker
 * the browser keeps stopping (an update, a crash loop, a test harness) can take seconds to stay up,
 * and until the store answers the tab cannot know whether the write landed.
 */
const READ_BACK_PAUSES_MS = [0, 250, 1000, 2500, 5000];

/**
 * Whether `stored` already holds what `change`, an action's edit of an annotation, makes of it, as
 * the reader sees it: every action is idempotent, so a write that landed leaves nothing to change.
 */
function alreadyHolds(stored: Annotation, change: (current: Annotation) => Annotation): boolean {
  const changed = change(stored);
  const tags = (annotation: Annotation) => [...annotation.tags].sort().join('\u0000');
  return (
    changed.starred === stored.starred &&
    changed.hidden === stored.hidden &&
    Boolean(changed.kept) === Boolean(stored.kept) &&
    (changed.note ?? '') === (stored.note ?? '') &&
    tags(changed) === tags(stored)
  );
}

/** How long seen marks gather before one message saves them (a scroll marks many entries). */
const SEEN_FLUSH_MS = 1500;

/** Flushes in a row that met no worker before the reader is told the seen marks are not saved. */
const SEEN_DROPS_TOLD = 5;

/**
 * Opens the session of a parsed listing: sends `listing.open` at once and starts listening. Every
 * listener and pending answer stops mattering when `signal` aborts.
 */
export function openListingSession(options: ListingSessionOptions): ListingSession {
  const { page, entries, state, notify, send, signal } = options;
  const origin = options.origin ?? crypto.randomUUID();
  const ids = entries.ids();
  let detached = false;

  const detachOnce = () => {
    if (detached) return;
    detached = true;
    options.detach();
  };

  /**
   * One request to the store. A service worker stopped mid-message drops it ("Could not establish
   * connection"), though a write may have committed: such a request is sent once more (every
   * message here is idempotent), and a caller that still fails re-reads the truth.
   */
  async function call<N extends SessionCall>(name: N, data: ApiData<N>): Promise<ApiResult<N>> {
    try {
      return await callApi(name, data, send, origin);
    } catch (error) {
      if (isContextInvalidated(error)) {
        detachOnce();
        throw error;
      }
      if (!isDroppedConnection(error)) throw error;
      return callApi(name, data, send, origin);
    }
  }

  const failed = (what: string) => (error: unknown) => {
    notify.failure(what, error);
    return false;
  };

  /** Re-reads annotations of `wanted` (all of the page's after an import), in messages the store accepts. */
  async function reread(wanted: readonly ArxivId[]): Promise<void> {
    const records = await storedAnnotations(wanted);
    if (!signal.aborted) state.applyAnnotations(wanted, records);
  }

  /** The stored annotations of `wanted` (an id without one is absent), in messages the store accepts. */
  async function storedAnnotations(wanted: readonly ArxivId[]): Promise<Record<string, Annotation>> {
    const records: Record<string, Annotation> = {};
    for (let from = 0; from < wanted.length; from += LIMITS.ids) Object.assign(records, await call('annotations.get', { ids: wanted.slice(from, from + LIMITS.ids) }));
    return records;
  }

  // Annotations and tags only: the rules would be compiled and painted once more when the
  // session's own answer replaces them, and the seen marks come with every entry's. A preview
  // with nothing stored changes nothing, so it wakes none of the state's readers.
  if (options.preview) {
    const { ids: previewed, snapshot: early } = options.preview;
    if (Object.keys(early.annotations).length > 0) state.applyAnnotations(previewed, early.annotations);
    if (early.tags.length > 0) state.setTags(early.tags);
  }

  async function load(): Promise<void> {
    const first = ids.slice(0, LIMITS.ids);
    const snapshot = await call('listing.open', { ids: first });
    if (signal.aborted) return;
    state.applyAnnotations(first, snapshot.annotations);
    state.setTags(snapshot.tags);
    state.setRules(snapshot.rules);
    state.loadSeen(snapshot.seen);
    state.setNewIds(first.filter((id) => snapshot.seen[id] === undefined));
    // arXiv shows at most 2000 entries a page; a longer page still gets every annotation.
    if (ids.length > first.length) await reread(ids.slice(first.length));
    void shareAbstracts().catch(failed(i18n.t('overlay.session.loadAbstracts')));
  }

  /**
   * Pages that print abstracts hand them to the background's cache, so most papers on /recent
   * later in the week need no request; pages that do not print them ask for them (cached ones come
   * at once, the rest from arXiv's API, 3 s apart, in `sift.abstracts` messages).
   */
  async function shareAbstracts(): Promise<void> {
    if (traitsOf(page.kind)?.fields.includes('abstract')) {
      const withAbstract = page.papers.filter((paper) => paper.abstract).map(toPaperMeta);
      for (let from = 0; from < withAbstract.length; from += LIMITS.batch) await call('abstracts.remember', { papers: withAbstract.slice(from, from + LIMITS.batch) });
      return;
    }
    const wanted = [...new Set(page.papers.filter((paper) => !paper.abstract).map((paper) => paper.id))];
    if (wanted.length === 0) return;
    let arrived = 0;
    const versions = Object.fromEntries(page.papers.flatMap((paper) => (paper.version === undefined ? [] : [[paper.id, paper.version]])));
    const answer = await call('abstracts.request', { ids: wanted.slice(0, LIMITS.ids), visible: wanted.slice(0, 30), versions });
    if (signal.aborted) return;
    state.addAbstracts(answer.cached);
    arrived = state.abstracts.peek().size;
    state.setAbstractProgress({ wanted: wanted.length, arrived, state: answer.fetching ? (answer.queued.length > 0 ? 'waiting' : 'idle') : 'off' });
    if (answer.queued.length > 0) signal.addEventListener('abort', () => void call('abstracts.cancel', {}).catch(() => undefined), { once: true });
  }

  function deliver(delivery: AbstractsDelivery): void {
    state.addAbstracts(delivery.papers);
    const progress = state.abstractProgress.peek();
    if (!progress) return;
    const { status } = delivery;
    const next = { wanted: progress.wanted, arrived: state.abstracts.peek().size, state: status.outstanding === 0 && status.state !== 'off' ? 'idle' : status.state };
    state.setAbstractProgress({ ...next, ...(status.retryAt === undefined ? {} : { retryAt: status.retryAt }), ...(status.lastError === undefined ? {} : { lastError: status.lastError }) });
  }

  /**
   * Applies `change` to the listing at once (so the click feels instant even on a slow machine),
   * then asks the store, and puts back what was there if the store refuses.
   */
  async function optimistic(
    targets: readonly ArxivId[],
    change: (current: Annotation) => Annotation,
    commit: () => Promise<Annotation[]>,
    what: string,
  ): Promise<boolean> {
    const before = Object.fromEntries(targets.map((id) => [id, state.annotationOf(id) ?? blankAnnotation(id)]));
    state.applyAnnotations(targets, Object.fromEntries(targets.map((id) => [id, change(before[id]!)])));
    try {
      const stored = await commit();
      if (!signal.aborted) state.applyAnnotations(targets, Object.fromEntries(stored.map((a) => [a.id, a])));
      return true;
    } catch (error) {
      // The write may have committed before the connection dropped: what the store holds decides,
      // both what the listing shows and whether the reader is told it failed.
      const stored = isDroppedConnection(error) && !signal.aborted ? await readBack(targets) : undefined;
      if (!signal.aborted) state.applyAnnotations(targets, stored ?? before);
      if (stored && targets.every((id) => alreadyHolds(stored[id] ?? blankAnnotation(id), change))) return true;
      return failed(what)(error);
    }
  }

  /**
   * The stored annotations of `targets`, asked again after a pause when the service worker is
   * still away (the browser starts it again on the next message); `undefined` if it never answers.
   */
  async function readBack(targets: readonly ArxivId[]): Promise<Record<string, Annotation> | undefined> {
    for (const pause of READ_BACK_PAUSES_MS) {
      await new Promise((resolve) => setTimeout(resolve, pause));
      if (signal.aborted) return undefined;
      try {
        return await storedAnnotations(targets);
      } catch (error) {
        if (!isDroppedConnection(error)) return undefined;
      }
    }
    return undefined;
  }

  const idsOf = (papers: readonly Paper[]) => [...new Set(papers.map((paper) => paper.id))];

  /** Another tab's (or page's) write: applied from the notice, asking only when it carries no records. */
  function apply(notice: ChangeNotice): void {
    if (notice.origin === origin) {
      // Our own write: its answer is applied already. Tags still come along, since a tag this tab
      // created gets its stored colour and count from here.
      if (notice.tags) state.setTags(notice.tags);
      return;
    }
    if (notice.tables.includes('papers')) {
      if (notice.ids.length === 0) void reread(ids).catch(failed(i18n.t('overlay.session.reloadAnnotations')));
      else if (notice.annotations) {
        const mine = notice.annotations.filter((annotation) => entries.byId(annotation.id).length > 0);
        state.applyAnnotations(mine.map((a) => a.id), Object.fromEntries(mine.map((a) => [a.id, a])));
      } else {
        const mine = notice.ids.filter((id) => entries.byId(id).length > 0);
        if (mine.length > 0) void reread(mine).catch(failed(i18n.t('overlay.session.reloadAnnotations')));
      }
    }
    if (notice.tables.includes('seen') && notice.seen !== undefined) state.setSeen(notice.ids, notice.seen);
    if (notice.tags) state.setTags(notice.tags);
    if (notice.rules) state.setRules(notice.rules);
  }

  // Seen marks gather and go in one message; a tab closing mid-scroll sends what it has.
  let pendingSeen = new Set<ArxivId>();
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let seenDrops = 0;
  function flushSeen(): void {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    if (pendingSeen.size === 0 || detached) return;
    const batch = [...pendingSeen];
    pendingSeen = new Set();
    void call('seen.mark', { ids: batch }).then(
      () => (seenDrops = 0),
      (error: unknown) => {
        // Marks are bookkeeping the reader did not ask for: while the worker is away they wait
        // for a later flush, and the reader hears of it once, when it stays away.
        if (signal.aborted) return;
        const away = isDroppedConnection(error);
        if (!away || ++seenDrops === SEEN_DROPS_TOLD) failed(i18n.t('overlay.session.saveSeen'))(error);
        if (!away) return;
        for (const id of batch) pendingSeen.add(id);
        flushTimer ??= setTimeout(flushSeen, SEEN_FLUSH_MS);
      },
    );
  }
  function markSeen(targets: readonly ArxivId[]): void {
    const fresh = targets.filter((id) => !state.seen.peek().has(id) && !pendingSeen.has(id));
    if (fresh.length === 0) return;
    state.setSeen(fresh, Date.now());
    for (const id of fresh) pendingSeen.add(id);
    flushTimer ??= setTimeout(flushSeen, SEEN_FLUSH_MS);
  }
  const onHidden = () => {
    if (document.visibilityState === 'hidden') flushSeen();
  };
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onHidden, { signal });
  signal.addEventListener('abort', () => clearTimeout(flushTimer), { once: true });

  function status(): OverlayStatus {
    const counts = state.counts.peek();
    return {
      kind: page.kind,
      available: [...availableFilters(page)],
      entries: counts.all,
      starred: counts.starred,
      matching: counts.matching,
      unseen: counts.unseen,
      hidden: counts.hidden,
      filters: state.filters.peek(),
    };
  }

  const unsubscribe = options.subscribe((message) => {
    if (signal.aborted) return undefined;
    if (isTabMessage(message)) {
      if (message.type === 'overlay.toggle') state.toggleFilter(message.data.filter);
      return Promise.resolve(status());
    }
    if (isSiftChanged(message)) apply(message.data);
    else if (isSiftAbstracts(message)) deliver(message.data);
    return undefined;
  });
  signal.addEventListener('abort', unsubscribe, { once: true });

  /** Adds a tag this tab just created to the tag list until the store's list arrives. */
  function knowTag(tag: string): void {
    const known = state.tags.peek();
    if (known.some((info) => info.name === tag)) return;
    const created: TagInfo = { name: tag, color: defaultTagColor(tag), count: 0 };
    state.setTags([...known, created].sort((a, b) => a.name.localeCompare(b.name)));
  }

  const session: ListingSession = {
    ready: load().catch((error: unknown) => void failed(i18n.t('overlay.session.loadAnnotations'))(error)),
    star(papers, starred, { marksSeen = true } = {}) {
      if (marksSeen) markSeen(idsOf(papers));
      return optimistic(idsOf(papers), (a) => ({ ...a, starred }), () => call('papers.star', { papers: papers.map(toPaperMeta), starred }), i18n.t('overlay.session.saveStar'));
    },
    toggleStar: (paper) => session.star([paper], !state.annotationOf(paper.id)?.starred),
    hide(papers, hidden) {
      markSeen(idsOf(papers));
      return optimistic(idsOf(papers), (a) => ({ ...a, hidden }), () => call('papers.hide', { papers: papers.map(toPaperMeta), hidden }), i18n.t('overlay.session.save'));
    },
    toggleHidden(paper) {
      if (state.annotationOf(paper.id)?.hidden) return session.hide([paper], false);
      if (!state.isHidden(paper.id)) return session.hide([paper], true);
      markSeen([paper.id]);
      return optimistic([paper.id], (a) => ({ ...a, kept: true }), () => call('papers.keep', { papers: [toPaperMeta(paper)], kept: true }), i18n.t('overlay.session.save'));
    },
    tag(papers, tag, on) {
      const name = tag.trim();
      if (on) knowTag(name);
      markSeen(idsOf(papers));
      return optimistic(
        idsOf(papers),
        (a) => ({ ...a, tags: on ? [...new Set([...a.tags, name])] : a.tags.filter((t) => t !== name) }),
        () => call('papers.tag', { papers: papers.map(toPaperMeta), tag: name, on }),
        i18n.t('overlay.session.saveTag'),
      );
    },
    note(paper, text) {
      markSeen([paper.id]);
      return optimistic(
        [paper.id],
        (a) => ({ ...a, note: text.trim() || undefined }),
        () => call('papers.note', { paper: toPaperMeta(paper), note: text }),
        i18n.t('overlay.session.saveNote'),
      );
    },
    // Not optimistic, unlike the paper actions: the background may refuse a rule as too broad or
    // unsafe, and painting it meanwhile could mark the whole page (a `.` made 2.45 million ranges).
    async saveRule(rule) {
      const saved = await call('rules.upsert', { rule });
      if (signal.aborted) return;
      const before = state.rules.peek();
      const at = before.findIndex((known) => known.id === saved.id);
      state.setRules(at === -1 ? [...before, saved] : before.map((known) => (known.id === saved.id ? saved : known)));
      // A rule that stars or hides acts on this page once, right after it is saved.
      if (rule.action !== 'highlight' && rule.enabled) state.applyRuleNow(rule.id);
    },
    async deleteRule(id) {
      const before = state.rules.peek();
      state.setRules(before.filter((rule) => rule.id !== id));
      try {
        await call('rules.delete', { id });
        return true;
      } catch (error) {
        if (!signal.aborted) state.setRules(before);
        return failed(i18n.t('overlay.session.deleteRule'))(error);
      }
    },
    openPage: (target) =>
      call('pages.open', { page: target }).then(
        () => true,
        failed(i18n.t(target === 'options' ? 'overlay.session.openOptions' : 'overlay.session.openReadingList')),
      ),
    status,
    rankingModel: () => call('ranking.model', {}),
    markSeen,
    async markAllSeen() {
      const unseen = ids.filter((id) => !state.seen.peek().has(id));
      if (unseen.length === 0) return [];
      state.setSeen(unseen, Date.now());
      for (const id of unseen) pendingSeen.delete(id);
      try {
        for (let from = 0; from < unseen.length; from += LIMITS.ids) await call('seen.mark', { ids: unseen.slice(from, from + LIMITS.ids) });
        return unseen;
      } catch (error) {
        if (!signal.aborted) state.setSeen(unseen, null);
        failed(i18n.t('overlay.session.markPageSeen'))(error);
        return [];
      }
    },
    async unmarkSeen(targets) {
      const before = targets.filter((id) => state.seen.peek().has(id));
      const at = new Map(before.map((id) => [id, state.seen.peek().get(id)!]));
      state.setSeen(before, null);
      try {
        for (let from = 0; from < before.length; from += LIMITS.ids) await call('seen.unmark', { ids: before.slice(from, from + LIMITS.ids) });
        return true;
      } catch (error) {
        if (!signal.aborted) for (const [id, time] of at) state.setSeen([id], time);
        return failed(i18n.t('overlay.session.undo'))(error);
      }
    },
  };
  return session;
}
