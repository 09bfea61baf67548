import { effect } from '@preact/signals';
import type { Feature } from '@/lib/overlay/feature';
import { AUGMENTED_KINDS } from '@/lib/arxiv/page-kinds';
import { compileRules } from '@/lib/rules/compile';
import { actionsOf } from '@/lib/rules/match';
import { fieldElementsOf, type FieldElements } from '@/lib/highlight/fields';
import { FALLBACK_ATTRIBUTE, highlightName, highlightSupport, paintHighlights, type PaintResult } from '@/lib/highlight/paint';
import { nextPaintWindow, PAINT_REACH, windowAround, type PaintWindow } from '@/lib/highlight/paint-window';
import { TYPESET_WAIT_RANGES, watchTypesetting } from '@/lib/highlight/typesetting';
import type { ArxivId, Paper } from '@/lib/arxiv/types';

/**
 * Paints keyword and author rule matches with the CSS Custom Highlight API (ranges, no DOM
 * mutation, so MathJax keeps working) on the entries around those in view (see paint-window.ts),
 * marks every matched entry for the counts and the "only matching" filter, and
 * carries out rules that star or hide: on papers new since the last visit, and on the whole page
 * right after the user saves such a rule (never again on papers already seen, so an unstar sticks).
 */
export const highlight: Feature = {
  id: 'highlight',
  include: AUGMENTED_KINDS,
  checkedOn: ['list-new-cs.DC-2026-02-27.html', 'list-recent-cs.DC.html', 'abs-2602.22195.html'],
  init({ signal, state, session, entries, document, notify, onScreen }) {
    const root = document.documentElement;
    const style = document.createElement('style');
    style.setAttribute('data-sift-ui', '');
    document.head.append(style);
    let fields: FieldElements[] | undefined;
    let painted: PaintResult | undefined;
    const marked = new Set<number>();
    const support = highlightSupport();
    let painting: PaintWindow | undefined;
    let inView: { first: number; last: number } | undefined;

    function unpaint() {
      painted?.clear();
      painted = undefined;
      for (const index of marked) entries.entries[index]?.nodes.forEach((node) => node.removeAttribute(FALLBACK_ATTRIBUTE));
      marked.clear();
    }

    // Writing a style sheet, even the same text again, makes the browser recalculate the style of
    // every element: 60-70 ms on a 2000-entry listing, one long frame each time MathJax finished or
    // a scroll moved the painted window.
    function setCss(css: string) {
      if (style.textContent !== css) style.textContent = css;
    }

    let compiled = compileRules([]);
    // MathJax typesets after load and replaces the text nodes the ranges point into.
    const typeset = watchTypesetting(document, entries.entries.flatMap((entry) => entry.nodes), signal);

    /** Paints the ranges of the entries in `painting` (all of a short listing), replacing those painted before. */
    function paintWindow(elements: readonly FieldElements[]) {
      if (!support) return;
      painted?.clear();
      const around = inView ?? { first: 0, last: 0 };
      painting ??= isWindowed(elements.length) ? windowAround(around.first, around.last, elements.length) : { from: 0, to: elements.length };
      const { from, to } = painting;
      painted = paintHighlights(elements.slice(from, to), compiled, support, { firstEntry: () => around.first - from });
      // While MathJax typesets, Chromium rebuilds every range's marker before each frame, and
      // `::highlight()` rules make every style recalculation dearer: many ranges wait until it
      // is done (see typesetting.ts).
      const waiting = painted.ranges > TYPESET_WAIT_RANGES && typeset.pending.peek();
      if (waiting) painted.setShown(false);
      setCss(waiting ? '' : painted.css);
      if (painted.notice !== undefined) {
        console.warn(`[sift] ${painted.notice}`);
        notify.show(painted.notice);
      }
    }

    // Painting depends on the rules and on the text they paint: a new rule list repaints, and so
    // does MathJax rewriting the text; nothing else does. On a page that loads MathJax, matching
    // waits for its rewrite (it comes first thing when MathJax starts), so it runs once, on the
    // text the reader will see; `pending` is read only then, so its end repaints nothing.
    const disposePaint = effect(() => {
      const rewritten = typeset.rewrites.value > 0;
      // Abstracts fetched for a page that printed none are new field elements to match in.
      if (state.abstracts.value.size > 0) fields = undefined;
      compiled = compileRules(state.rules.value);
      unpaint();
      if (!rewritten && typeset.pending.value) return;
      if (compiled.rules.size === 0) {
        setCss('');
        state.setMatches(new Map());
        return;
      }
      const elements = (fields ??= entries.entries.map(({ paper }) => fieldElementsOf(paper.element.fields)));
      // Every entry is matched, for the counts; ranges are made only for the window.
      const found = paintHighlights(elements, compiled, null);
      root.toggleAttribute('data-sift-no-highlight-api', !support);
      if (support) paintWindow(elements);
      else setCss(found.css);

      const matches = new Map<ArxivId, string[]>();
      for (const match of found.matches) {
        const entry = entries.entries[match.index];
        if (!entry) continue;
        const id = entry.paper.id;
        matches.set(id, [...new Set([...(matches.get(id) ?? []), ...match.ruleIds])]);
        if (!support) {
          entry.nodes.forEach((node) => node.setAttribute(FALLBACK_ATTRIBUTE, match.slots.map(highlightName).join(' ')));
          marked.add(match.index);
        }
      }
      state.setMatches(matches);
      for (const problem of compiled.problems) console.warn(`[sift] rule ${problem.ruleId} skipped: ${problem.error}`);
    });

    // The ranges follow the reader: once a scroll has used up half the painted margin, the window
    // moves to the entries now in view.
    onScreen.watch((entriesInView) => {
      const first = entriesInView[0]?.entry.index;
      const last = entriesInView.at(-1)?.entry.index;
      if (first === undefined || last === undefined) return;
      inView = { first, last };
      if (!painted || !fields || !isWindowed(fields.length)) return;
      const next = nextPaintWindow(painting, first, last, fields.length);
      if (!next) return;
      painting = next;
      paintWindow(fields);
    }, signal);

    const disposeShown = effect(() => {
      if (typeset.pending.value || !painted) return;
      painted.setShown(true);
      setCss(painted.css);
    });

    // Rules that star act on papers the reader had not seen when the listing opened, and once on
    // the whole page when the reader saves such a rule; this runs when the matches or the unseen
    // papers change, without repainting. Each paper is starred by rules at most once, and the star
    // does not mark it seen, so an unstar sticks and the paper still counts as unseen. Hide rules
    // are not carried out here: a rule's hide is derived from its matches (state.ruleHidden).
    const starredByRules = new Set<ArxivId>();
    const disposeActions = effect(() => {
      const matches = state.matches.value;
      const fresh = state.newIds.value;
      // Read, not peeked: the session asks for a saved rule's action once the store has the rule,
      // after its matches were painted.
      const applyNow = state.rulesToApply.value;
      const toStar: Paper[] = [];
      for (const [id, ruleIds] of matches) {
        if (starredByRules.has(id)) continue;
        const actingRules = fresh.has(id) ? ruleIds : ruleIds.filter((ruleId) => applyNow.has(ruleId));
        if (actingRules.length === 0) continue;
        const actions = actionsOf(compiled, actingRules);
        const annotation = state.annotationOf(id);
        const papers = entries.byId(id).slice(0, 1).map((entry) => entry.paper);
        if (!actions.star || annotation?.starred) continue;
        toStar.push(...papers);
        starredByRules.add(id);
      }
      if (applyNow.size > 0) state.clearRulesToApply();
      if (toStar.length > 0) void session.star(toStar, true, { marksSeen: false });
    });

    signal.addEventListener('abort', () => {
      disposePaint();
      disposeShown();
      disposeActions();
      unpaint();
      style.remove();
      root.removeAttribute('data-sift-no-highlight-api');
    });
  },
};

/** A listing of a few screens is painted whole: moving a window over it would save nothing. */
function isWindowed(entryCount: number): boolean {
  return entryCount > 3 * PAINT_REACH;
}
