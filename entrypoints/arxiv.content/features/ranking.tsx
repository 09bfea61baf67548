import { effect } from '@preact/signals';
import { i18n } from '#i18n';
import type { Feature } from '@/lib/overlay/feature';
import { PAGE_KINDS, AUGMENTED_KINDS } from '@/lib/arxiv/page-kinds';
import type { ArxivId, Paper } from '@/lib/arxiv/types';
import { addEntryButtons, addEntryControls, onEntryButton } from '@/lib/overlay/entry-buttons';
import { buttonControl, type EntryButtonSpec, type EntryControl } from '@/lib/overlay/entry-controls';
import { createReorderer, rankedOrder } from '@/lib/overlay/ranking-order';
import { loadSortMode, saveSortMode } from '@/lib/overlay/ranking-sort-setting';
import { RELEVANCE_GLYPHS, relevanceLevels, toPageModel, whyLine, type PageModel } from '@/lib/overlay/ranking-view';
import { shortcutOf } from '@/lib/overlay/shortcuts';
import { explainPaper } from '@/lib/ranking/explain';
import { extractFeatures, toRankingPaper, type PaperFeatures } from '@/lib/ranking/features';
import { scorePapers } from '@/lib/ranking/model';

/** How long a burst of stars, hides and tags settles before the model is asked for again. */
const RETRAIN_AFTER_MS = 1200;
/** Entries whose features one idle slice computes: about 15 ms, so scrolling never waits on them. */
const FEATURES_PER_SLICE = 100;

const idle = () => new Promise<void>((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 2000 }) : setTimeout(resolve, 0)));

/** What of the annotations the model learns from: which papers are starred, tagged or hidden. */
function learnedFrom(annotations: Iterable<{ id: ArxivId; starred: boolean; hidden: boolean; tags: readonly string[] }>): string {
  const parts: string[] = [];
  for (const a of annotations) if (a.starred || a.hidden || a.tags.length > 0) parts.push(`${a.id}:${a.starred ? 's' : ''}${a.hidden ? 'h' : ''}${a.tags.length}`);
  return parts.sort().join(',');
}

/**
 * "For you": scores every entry with the reader's model (trained in the background on their
 * stars, tags and hides; nothing leaves the browser), marks each entry's relevance, explains it on
 * "Why?", and, while the toolbar's sort (or `r`) says "For you", orders each section by score.
 * Scoring waits for the listing's first answer and an idle moment, off the page's critical path;
 * a star, hide or tag asks for the retrained model and scores again.
 */
/** An entry's relevance mark, shown when its score arrives. */
const RANK_MARK: EntryControl = {
  className: 'sift-rank',
  make(doc) {
    const mark = doc.createElement('span');
    mark.className = 'sift-rank';
    mark.setAttribute('role', 'img');
    mark.hidden = true;
    return mark;
  },
};

function whyButton(): EntryButtonSpec {
  const label = i18n.t('overlay.entry.why');
  return { className: 'sift-why-btn', label, title: i18n.t('overlay.entry.whyTitle'), kind: 'action', text: label, hidden: true, expanded: false };
}

export const ranking: Feature = {
  id: 'ranking',
  include: AUGMENTED_KINDS.filter((kind) => PAGE_KINDS[kind].toolbar),
  checkedOn: ['list-new-cs.DC-2026-02-27.html', 'list-recent-cs.DC.html', 'search-results.html'],
  // The mark and its "Why?" come last in the controls (this feature's are last), so that when the
  // scores arrive, a second or so after the page, no other button moves.
  controls: () => [RANK_MARK, buttonControl(whyButton())],
  init({ signal, page, state, session, entries, document, dialogs }) {
    const all = entries.entries;
    const reorderer = createReorderer(all, document);
    const marks = addEntryControls(entries, document, RANK_MARK);
    const whyButtons = addEntryButtons(entries, document, whyButton());

    let current: PageModel | undefined;
    let features: Promise<PaperFeatures[]> | undefined;
    const paperOf = (paper: Paper) => {
      const abstract = paper.abstract ?? state.abstracts.peek().get(paper.id);
      return toRankingPaper(abstract === undefined ? paper : { ...paper, abstract });
    };

    /** Every entry's features, a slice per idle moment (2000 entries take a few hundred ms in all). */
    async function featuresInIdleTime(): Promise<PaperFeatures[]> {
      const out: PaperFeatures[] = [];
      for (let from = 0; from < all.length; from += FEATURES_PER_SLICE) {
        await idle();
        for (const entry of all.slice(from, from + FEATURES_PER_SLICE)) out.push(extractFeatures(paperOf(entry.paper)));
      }
      return out;
    }

    async function refresh(): Promise<void> {
      const answer = await session.rankingModel();
      if (signal.aborted) return;
      const model = toPageModel(answer);
      if ('off' in model) {
        current = undefined;
        state.setScores(new Map(), model.off);
        return;
      }
      features ??= featuresInIdleTime();
      const ready = await features;
      if (signal.aborted) return;
      current = model;
      const scores = scorePapers(model.model, ready, model.vectorizer);
      state.setScores(new Map(all.map((entry, i) => [entry.paper.id, scores[i] ?? 0])), model.note);
    }
    const refreshQuietly = () => void refresh().catch((error: unknown) => state.setScores(new Map(), i18n.t('overlay.forYou.unavailable', [error instanceof Error ? error.message : String(error)])));

    let learned: string | undefined;
    void session.ready.then(async () => {
      if (signal.aborted) return;
      learned = learnedFrom(state.annotations.peek().values());
      // Features and the model's answer come along side by side.
      features ??= featuresInIdleTime();
      await idle();
      refreshQuietly();
    });

    // A star, hide or tag (here or in another tab) changes what the model learns from.
    let retrain: ReturnType<typeof setTimeout> | undefined;
    const stopRetrain = effect(() => {
      const next = learnedFrom(state.annotations.value.values());
      if (learned === undefined || next === learned) return;
      learned = next;
      clearTimeout(retrain);
      retrain = setTimeout(refreshQuietly, RETRAIN_AFTER_MS);
    });

    // Only the marks whose level changed are written: on a 2000-entry page a rescore after a star
    // moves a few, and the page's start (no scores yet) writes none.
    const shown: (string | undefined)[] = [];
    const stopMarks = effect(() => {
      const levels = relevanceLevels(state.scores.value);
      all.forEach((entry, i) => {
        const level = levels.get(entry.paper.id);
        const mark = marks[i];
        const why = whyButtons[i];
        if (!mark || !why || shown[i] === level) return;
        shown[i] = level;
        mark.hidden = level === undefined;
        why.hidden = level === undefined;
        if (level === undefined) return;
        mark.textContent = RELEVANCE_GLYPHS[level];
        const name = i18n.t(`overlay.forYou.relevance.${level}`);
        mark.setAttribute('aria-label', name);
        mark.title = name;
        mark.dataset.level = level;
      });
    });

    const stopOrder = effect(() => {
      const scores = state.scores.value;
      if (state.sortMode.value === 'for-you' && scores.size > 0) {
        const order = rankedOrder(reorderer.groups, all.map((entry) => scores.get(entry.paper.id) ?? -Infinity));
        reorderer.apply(order);
        state.setEntryOrder(order);
      } else if (state.entryOrder.peek()) {
        reorderer.restore();
        state.setEntryOrder(undefined);
      }
    });

    void loadSortMode(page.kind).then((mode) => {
      if (signal.aborted) return;
      state.setSortMode(mode);
      let first = true;
      const stopSaving = effect(() => {
        const next = state.sortMode.value;
        if (first) first = false;
        else void saveSortMode(page.kind, next);
      });
      signal.addEventListener('abort', stopSaving, { once: true });
    });

    onEntryButton(document, entries, 'sift-why-btn', signal, (entry, button) => {
      const line = entry.nodes.at(-1)?.querySelector(':scope > .sift-why');
      if (line) {
        line.remove();
        button.setAttribute('aria-expanded', 'false');
        return;
      }
      const text = document.createElement('p');
      text.className = 'sift-why';
      text.setAttribute('data-sift-ui', '');
      text.setAttribute('role', 'note');
      text.textContent = current
        ? whyLine(explainPaper(current.model, paperOf(entry.paper), current.vectorizer), current.titles)
        : state.rankingNote.peek() || i18n.t('overlay.forYou.noModel');
      entry.nodes.at(-1)?.append(text);
      button.setAttribute('aria-expanded', 'true');
    });

    document.addEventListener(
      'keydown',
      (event) => {
        if (!event.isTrusted || dialogs.current.peek() || shortcutOf(event) !== 'sortForYou') return;
        event.preventDefault();
        state.setSortMode(state.sortMode.peek() === 'for-you' ? 'arxiv' : 'for-you');
      },
      { signal },
    );

    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(retrain);
        stopRetrain();
        stopMarks();
        stopOrder();
        reorderer.restore();
        for (const line of document.querySelectorAll('.sift-why')) line.remove();
        for (const mark of marks) mark?.remove();
      },
      { once: true },
    );
  },
};
