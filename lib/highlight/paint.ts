/**
 * Paints rule matches on a listing with the CSS Custom Highlight API: ranges over the page's own
 * text nodes, registered as one `Highlight` per rule colour, styled by `::highlight()` CSS. The
 * page's DOM is never changed, so arXiv's MathJax and layout stay as they are.
 *
 * Without the API (older browsers) nothing is wrapped in `<mark>`: rewriting text nodes would
 * break MathJax, which re-reads them. `paintHighlights` then only reports which entries matched
 * which colours, and returns CSS keyed on `FALLBACK_ATTRIBUTE`; the caller sets that attribute on
 * each matched entry (`dd.setAttribute(FALLBACK_ATTRIBUTE, slots.map(highlightName).join(' '))`)
 * to get a colour bar beside it.
 */
import { i18n } from '#i18n';
import { isRuleColor, type CompiledRules } from '../rules/compile';
import { matchText } from '../rules/match';
import { RULE_FIELDS, type RuleField } from '../rules/types';
import { collectTextRuns, type FieldElements, type TextRun } from './fields';

/** The part of a `Highlight` that painting uses. */
export interface HighlightLike {
  add(range: AbstractRange): unknown;
}

/** The highlight registry (`CSS.highlights`) and a `Highlight` factory; test doubles fit too. */
export interface HighlightSupport<H extends HighlightLike = HighlightLike> {
  registry: { set(name: string, highlight: H): unknown; delete(name: string): unknown };
  createHighlight(): H;
}

/** The colours one entry matched. `index` is the entry's position in the list given to `paintHighlights`. */
export interface EntryMatch {
  index: number;
  ruleIds: string[];
  /** Colour slots of the matched rules, ascending; `highlightName(slot)` names each. */
  slots: number[];
}

export interface PaintResult {
  /** `highlight`: ranges are registered; `fallback`: the API is missing and the caller marks entries. */
  mode: 'highlight' | 'fallback';
  matches: EntryMatch[];
  /** The stylesheet for this mode's colours; the caller injects it (once per paint). */
  css: string;
  /** How many ranges were painted (0 in fallback mode). */
  ranges: number;
  /** How many matches the rules found on the page, painted or not. */
  found: number;
  /** When the range cap left matches unpainted: a sentence saying so, for the reader. */
  notice?: string;
  /**
   * Takes the highlights out of the registry (`false`) or puts them back (`true`), keeping the
   * ranges: what the reader sees goes away and comes back without matching again.
   */
  setShown(shown: boolean): void;
  /** Removes the registered highlights (nothing to undo in fallback mode). */
  clear(): void;
}

/**
 * Ranges painted per page at most. The bench's 50 rules make 6,865 ranges on a 500-entry listing
 * (painted with their frame in 199 ms) and 27,524 on 2,000 entries, the most arXiv lists on one
 * page (719 ms), about 26 µs a range. This cap paints all of such a rule set on any page and
 * bounds the worst case near 0.8 s, where a `.` rule once made 2.45 million ranges (a minute).
 */
export const MAX_PAINTED_RANGES = 30_000;

export interface PaintOptions {
  /** See {@link MAX_PAINTED_RANGES}. */
  maxRanges?: number;
  /**
   * The entry to paint from when the cap bites (later entries next, then earlier ones), so what
   * the reader is looking at is painted; called only then. Without it, painting goes from the
   * top of the page.
   */
  firstEntry?: () => number;
}

/** The attribute a fallback caller sets on a matched entry: space-separated `highlightName`s. */
export const FALLBACK_ATTRIBUTE = 'data-sift-rules';

/** The registry name of a colour slot's highlight, also its `::highlight()` name. */
export function highlightName(slot: number): string {
  return `sift-rule-${slot}`;
}

/** The page's highlight registry and `Highlight` constructor, or `null` when the browser lacks them. */
export function highlightSupport(): HighlightSupport<Highlight> | null {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight !== 'function') return null;
  const registry = CSS.highlights;
  return { registry, createHighlight: () => new Highlight() };
}

/**
 * `::highlight()` rules for each colour slot: a translucent background (readable on light and dark
 * pages) and an underline in the full colour, so a match does not rely on the tint alone.
 */
export function toHighlightCss(colors: readonly string[]): string {
  return colors
    .map((color, slot) =>
      isRuleColor(color)
        ? // i18n-exempt: CSS
          `::highlight(${highlightName(slot)}) { background-color: ${color}59; text-decoration-line: underline; text-decoration-color: ${color}; }`
        : '',
    )
    .filter((rule) => rule.length > 0)
    .join('\n');
}

/** Fallback CSS: a colour bar at the start of every entry carrying a slot in `FALLBACK_ATTRIBUTE`. */
export function toFallbackCss(colors: readonly string[]): string {
  return colors
    .map((color, slot) =>
      isRuleColor(color)
        ? // i18n-exempt: CSS
          `[${FALLBACK_ATTRIBUTE}~="${highlightName(slot)}"] { box-shadow: inset 0.3em 0 0 ${color}; }`
        : '',
    )
    .filter((rule) => rule.length > 0)
    .join('\n');
}

/**
 * Fields whose text lists several items in one element; a match must stay inside one item. Authors
 * need no entry: each author link is its own element.
 */
const ITEM_SEPARATOR: Partial<Record<RuleField, string>> = {
  subjects: ';', // "Name (cs.DC); Name (cs.AI)"
};

/** `[start, end)` of each item of `text`, whitespace trimmed, so `^`/`$` rules see the item's edges. */
function itemsOf(text: string, field: RuleField): Array<[number, number]> {
  const separator = ITEM_SEPARATOR[field];
  const pieces = separator ? text.split(separator) : [text];
  const items: Array<[number, number]> = [];
  let from = 0;
  for (const piece of pieces) {
    const start = from + (piece.length - piece.trimStart().length);
    const end = from + piece.trimEnd().length;
    if (end > start) items.push([start, end]);
    from += piece.length + (separator?.length ?? 0);
  }
  return items;
}

/** Index of the node holding character `offset` of the run (or ending at it, for an end offset). */
function nodeIndexAt(run: TextRun, offset: number, isEnd: boolean): number {
  let low = 0;
  let high = run.offsets.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    const start = run.offsets[mid] ?? 0;
    if (isEnd ? start < offset : start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

type RangeFactory = (run: TextRun, start: number, end: number) => AbstractRange;

function rangeFactory(): RangeFactory {
  const point = (run: TextRun, offset: number, isEnd: boolean): [Text, number] => {
    const index = nodeIndexAt(run, offset, isEnd);
    const node = run.nodes[index];
    // Runs are built from at least one non-empty text node, so there is always a node here.
    // i18n-exempt: a broken invariant for the console, never shown on the page
    if (!node) throw new Error(`No text node at offset ${offset} of a text run`);
    return [node, offset - (run.offsets[index] ?? 0)];
  };
  // StaticRange does not follow later DOM changes, which makes it far cheaper than a live Range.
  if (typeof StaticRange === 'function') {
    return (run, start, end) => {
      const [startContainer, startOffset] = point(run, start, false);
      const [endContainer, endOffset] = point(run, end, true);
      return new StaticRange({ startContainer, startOffset, endContainer, endOffset });
    };
  }
  return (run, start, end) => {
    const [startNode, startOffset] = point(run, start, false);
    const [endNode, endOffset] = point(run, end, true);
    const range = startNode.ownerDocument.createRange();
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, endOffset);
    return range;
  };
}

type MatchVisitor = (slot: number, run: TextRun, start: number, end: number) => void;

/** Runs the rules over one entry's fields, telling `visit` of each match; answers the rules and slots it matched. */
function matchEntry(entry: FieldElements, compiled: CompiledRules, fields: readonly RuleField[], visit: MatchVisitor) {
  const ruleIds = new Set<string>();
  const slots = new Set<number>();
  for (const field of fields) {
    for (const element of entry[field] ?? []) {
      for (const run of collectTextRuns(element)) {
        for (const [from, to] of itemsOf(run.text, field)) {
          for (const match of matchText(compiled, field, run.text.slice(from, to))) {
            const slot = compiled.rules.get(match.ruleId)?.slot ?? 0;
            ruleIds.add(match.ruleId);
            slots.add(slot);
            visit(slot, run, from + match.start, from + match.end);
          }
        }
      }
    }
  }
  return { ruleIds, slots };
}

function capNotice(painted: number, found: number, fromScreen: boolean): string {
  const n = (value: number) => value.toLocaleString('en');
  return i18n.t(fromScreen ? 'highlight.capFromScreen' : 'highlight.capFromTop', [n(painted), n(found)]);
}

/**
 * Match `compiled` rules against each entry's field elements (see `fieldElementsOf`) and paint the
 * matches: one pass over each field's text nodes, no layout reads, no DOM writes. A match stays
 * within one text run of one field element (one author, one subject, the text between two
 * formulas), and its range covers exactly the matched characters, across text nodes if needed.
 *
 * With `support` (by default the page's `CSS.highlights`), registers one `Highlight` per colour
 * slot under `highlightName(slot)` and returns `::highlight()` CSS. With `null` (no API), registers
 * nothing and returns fallback CSS (see the module comment). Either way, `matches` lists every
 * matched entry and `found` counts every match.
 *
 * At most `options.maxRanges` ranges are painted ({@link MAX_PAINTED_RANGES}). When the page has
 * more matches, painting starts at `options.firstEntry()` (one layout read) and `notice` says what
 * was left out. Call `clear()` before painting again with other rules.
 */
export function paintHighlights(
  entries: readonly FieldElements[],
  compiled: CompiledRules,
  support: HighlightSupport | null = highlightSupport(),
  { maxRanges = MAX_PAINTED_RANGES, firstEntry }: PaintOptions = {},
): PaintResult {
  let ranges: AbstractRange[][] = compiled.colors.map(() => []);
  const makeRange = support ? rangeFactory() : undefined;
  const fields = RULE_FIELDS.filter((field) => compiled.fields[field].length > 0);
  const matches: EntryMatch[] = [];
  let found = 0;
  let made = 0;
  const paint: MatchVisitor = (slot, run, start, end) => {
    if (!makeRange || made >= maxRanges) return;
    ranges[slot]?.push(makeRange(run, start, end));
    made += 1;
  };

  entries.forEach((entry, index) => {
    const { ruleIds, slots } = matchEntry(entry, compiled, fields, (slot, run, start, end) => {
      found += 1;
      paint(slot, run, start, end);
    });
    if (ruleIds.size > 0) {
      matches.push({ index, ruleIds: [...ruleIds], slots: [...slots].sort((a, b) => a - b) });
    }
  });

  if (!support) {
    const none = () => undefined;
    return { mode: 'fallback', matches, css: toFallbackCss(compiled.colors), ranges: 0, found, setShown: none, clear: none };
  }
  const capped = found > made;
  const start = capped && firstEntry ? Math.min(Math.max(0, Math.trunc(firstEntry())), Math.max(0, entries.length - 1)) : 0;
  if (start > 0) {
    // The first pass painted from the top; paint again from the entry on screen, wrapping round.
    ranges = compiled.colors.map(() => []);
    made = 0;
    for (let step = 0; step < entries.length && made < maxRanges; step++) {
      const entry = entries[(start + step) % entries.length];
      if (entry) matchEntry(entry, compiled, fields, paint);
    }
  }
  const registered = new Map<string, HighlightLike>();
  let count = 0;
  ranges.forEach((slotRanges, slot) => {
    if (slotRanges.length === 0) return;
    const highlight = support.createHighlight();
    for (const range of slotRanges) highlight.add(range);
    registered.set(highlightName(slot), highlight);
    count += slotRanges.length;
  });
  const setShown = (shown: boolean) => {
    for (const [name, highlight] of registered) {
      if (shown) support.registry.set(name, highlight);
      else support.registry.delete(name);
    }
  };
  setShown(true);
  return {
    mode: 'highlight',
    matches,
    css: toHighlightCss(compiled.colors),
    ranges: count,
    found,
    ...(capped ? { notice: capNotice(count, found, start > 0) } : {}),
    setShown,
    clear: () => setShown(false),
  };
}
