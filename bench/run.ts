/**
 * `npm run bench`: measures Sift on generated arXiv listings in Debian's Chromium against baselines
 * taken in the same run, prints a table and writes bench/report.json. scripts/bench.mjs builds the
 * extension and bundles this file (and the in-page probe) before calling `runBench`.
 *
 * `--smoke` runs every measurement once or twice at 100 entries with a small store, so a test can
 * check the harness and the report's shape in under a minute; its timings mean nothing.
 */
import { readFileSync, statSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FIXTURES_DIR } from '../scripts/arxiv-routes.mjs';
import { READER_BUILD } from '../scripts/launch.mjs';
import { makeListing } from '../tests/fixtures/make-listing';
import { EXPORT_FORMATS } from '@/lib/export/index';
import { benchBackup } from './backup';
import { exportPapersOf, measureExports } from './exports';
import { benchHeavyStore } from './heavy-store';
import { measureMathJax } from './mathjax';
import { measureStreamed, type StreamedSample, type StreamedSamples } from './streamed';
import { measureExtension, measurePlain, TEXT_QUERY, type ExtensionSamples, type HeapSample, type Listing, type RunPlan, type ToggleRuns } from './pages';
import type { InputTiming, ScrollRun } from './probe-api';
import { measureRanking, RANKING_FULL, RANKING_SMOKE, type RankingPlan, type Timing } from './ranking';
import { aimsOf, FRAME_MS, formatReport, median, quantile, round, scalingOf, SUPERLINEAR_GROWTH, toResult, type BenchReport, type BenchResult } from './report';
import { extensionPageOf, measureStore, type StorePlan, type WriteRun } from './store';
import { measureSync, SYNC_PLAN, type SyncPlan } from './sync';
import { benchRules, TERMS } from './terms';

const SEED_FILE = 'list-new-cs.DC-2026-02-27.html';
const SEED_PATH = '/list/cs.DC/new';

interface Plan {
  mode: 'full' | 'smoke';
  sizes: number[];
  pages: RunPlan;
  store: StorePlan;
  exportPapers: number;
  exportWarmups: number;
  exportRuns: number;
  sync: SyncPlan;
  ranking: RankingPlan;
  /** Papers in the fake-indexeddb store that is backed up and restored, and that the heavy-store reads run on. */
  backupPapers: number;
  heavyStorePapers: number;
  /** MathJax runs on the listing of this many entries (or the nearest measured size). */
  mathjaxEntries: number;
  mathjax: { warmups: number; runs: number };
  /** The largest listing again, its HTML arriving at `rateMBps` (bench/streamed.ts). */
  streamed: { rateMBps: number; warmups: number; runs: number };
}

/**
 * 4 MB/s: a 2000-entry listing with abstracts (6.4 MB of HTML) takes 1.6 s to arrive, about what
 * a fast connection to arXiv gives, whose server sends the page as it writes it.
 */
const STREAMED_RATE_MBPS = 4;

const FULL: Plan = {
  mode: 'full',
  sizes: [100, 500, 2000],
  pages: { warmups: 1, runs: 5, markTermsWarmups: 1, markTermsRuns: 3, markTermsMaxEntries: 500, keyJ: 50, scrollRuns: 3, scrollPx: 12, scrollFrames: 240 },
  store: {
    papers: 100_000,
    readingListPapers: 10_000,
    getIds: 2000,
    getWarmups: 1,
    getRuns: 7,
    writes: 1000,
    writeWarmups: 1,
    writeRuns: 3,
    readingListWarmups: 1,
    readingListRuns: 5,
    fillBatch: 5000,
  },
  exportPapers: 10_000,
  exportWarmups: 1,
  exportRuns: 5,
  sync: SYNC_PLAN,
  ranking: RANKING_FULL,
  backupPapers: 100_000,
  heavyStorePapers: 100_000,
  mathjaxEntries: 500,
  mathjax: { warmups: 1, runs: 3 },
  streamed: { rateMBps: STREAMED_RATE_MBPS, warmups: 1, runs: 3 },
};

const SMOKE: Plan = {
  mode: 'smoke',
  sizes: [100],
  pages: { warmups: 1, runs: 1, markTermsWarmups: 0, markTermsRuns: 1, markTermsMaxEntries: 500, keyJ: 5, scrollRuns: 1, scrollPx: 12, scrollFrames: 30 },
  store: {
    papers: 1000,
    readingListPapers: 200,
    getIds: 200,
    getWarmups: 1,
    getRuns: 1,
    writes: 20,
    writeWarmups: 0,
    writeRuns: 1,
    readingListWarmups: 0,
    readingListRuns: 1,
    fillBatch: 500,
  },
  exportPapers: 200,
  exportWarmups: 1,
  exportRuns: 1,
  sync: { papers: 200, warmups: 0, runs: 1, sizes: [100] },
  ranking: RANKING_SMOKE,
  backupPapers: 500,
  heavyStorePapers: 500,
  mathjaxEntries: 100,
  mathjax: { warmups: 0, runs: 1 },
  streamed: { rateMBps: STREAMED_RATE_MBPS, warmups: 0, runs: 1 },
};

interface Args {
  plan: Plan;
  out: string;
}

function parseArgs(argv: readonly string[], root: string): Args {
  const smoke = argv.includes('--smoke');
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at === -1 ? undefined : argv[at + 1];
  };
  const plan: Plan = structuredClone(smoke ? SMOKE : FULL);
  const sizes = value('--sizes');
  if (sizes) plan.sizes = sizes.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const runs = Number(value('--runs'));
  if (Number.isInteger(runs) && runs > 0) plan.pages.runs = runs;
  return { plan, out: resolve(root, value('--out') ?? 'bench/report.json') };
}

function log(message: string) {
  console.log(`[bench] ${message}`);
}

function gzipSize(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

function medianOf<T>(samples: readonly T[], warmups: number, pick: (sample: T) => number): number {
  return round(median(samples.slice(warmups).map(pick)));
}

/** Raw and gzipped sizes of the built bundles users download. */
function bundleSizes(): Record<string, number> {
  const content = join(READER_BUILD, 'content-scripts', 'arxiv.js');
  const css = join(READER_BUILD, 'content-scripts', 'arxiv.css');
  const background = join(READER_BUILD, 'background.js');
  const sizes: Record<string, number> = {
    content_script_bytes: statSync(content).size,
    content_script_gzip_bytes: gzipSize(content),
    background_bytes: statSync(background).size,
    background_gzip_bytes: gzipSize(background),
  };
  if (existsSync(css)) {
    sizes.content_script_css_bytes = statSync(css).size;
    sizes.content_script_css_gzip_bytes = gzipSize(css);
  }
  return sizes;
}

function heapSummary(withExtension: readonly HeapSample[], without: readonly HeapSample[], warmups: number, entries: number) {
  const used = medianOf(withExtension, warmups, (s) => s.usedBytes);
  const plain = medianOf(without, warmups, (s) => s.usedBytes);
  return {
    v8_used_bytes_with_extension: used,
    v8_used_bytes_without: plain,
    content_script_heap_bytes: round(used - plain),
    heap_bytes_per_entry: round((used - plain) / entries),
    dom_nodes_added: round(medianOf(withExtension, warmups, (s) => s.nodes) - medianOf(without, warmups, (s) => s.nodes)),
    event_listeners_added: round(medianOf(withExtension, warmups, (s) => s.listeners) - medianOf(without, warmups, (s) => s.listeners)),
  };
}

function writeSummary(runs: readonly WriteRun[], warmups: number) {
  const calls = runs.slice(warmups).flatMap((run) => run.perCallMs);
  const sorted = [...calls].sort((a, b) => a - b);
  return { per_call_median_ms: round(median(calls)), per_call_p95_ms: round(sorted[Math.floor(sorted.length * 0.95)] ?? Number.NaN) };
}

const ms = (timings: readonly InputTiming[]) => timings.map((t) => t.ms);

/** Median and p90 of what a list of timings says, for details. */
function spread(values: readonly number[]) {
  return { median_ms: round(median(values)), p90_ms: round(quantile(values, 0.9)), max_ms: round(Math.max(...values)) };
}

/**
 * The figures of the reader's input on an augmented listing: every filter toggle on and off (one
 * row each, and `filter_toggle_on_ms` / `filter_toggle_off_ms` for the slowest filter), the text
 * filter's keystrokes and clearing, `j`, and a star's round trip.
 */
function inputResults(e: ExtensionSamples, entries: number, warmups: number, pages: RunPlan, rawPutMs: readonly number[], messageMs: number, refusedMessageMs: number): BenchResult[] {
  const results: BenchResult[] = [];
  const floor = round(median(ms(e.floor.slice(warmups))));
  for (const phase of ['on', 'off'] as const) {
    const baselineOf = (runs: ToggleRuns) => ({
      name: `style.display on the ${runs.nodes} nodes "${runs.label}" takes off the page (${phase === 'on' ? 'hiding' : 'showing'} them), from the same trusted click on a fresh load`,
      samples: ms(phase === 'on' ? runs.nodesHide : runs.nodesShow),
      warmups,
    });
    const perFilter = [...e.toggles].map(([id, runs]) => {
      const result = toResult({ name: `filter_toggle_${phase}_ms[${id}]`, entries, samples: ms(runs[phase]), warmups, baseline: baselineOf(runs) });
      result.details = { label: runs.label, nodes: runs.nodes, script_ms: medianOf(runs[phase], warmups, (t) => t.scriptMs), from_event_ms: medianOf(runs[phase], warmups, (t) => t.fromEventMs) };
      return { id, runs, result };
    });
    const worst = perFilter.reduce((a, b) => (b.result.median_ms > a.result.median_ms ? b : a));
    const summary = toResult({
      name: `filter_toggle_${phase}_ms`,
      entries,
      samples: ms(worst.runs[phase]),
      warmups,
      baseline: baselineOf(worst.runs),
      note: `the slowest of the ${perFilter.length} toggles: a trusted click to the next painted frame`,
    });
    summary.details = { slowest: worst.id, empty_click_ms: floor, by_filter: Object.fromEntries(perFilter.map((f) => [f.id, f.result.median_ms])) };
    results.push(summary, ...perFilter.map((f) => f.result));
  }
  const keys = toResult({ name: 'text_filter_key_ms', entries, samples: ms(e.textKey), warmups: warmups * TEXT_QUERY.length, note: `each keystroke of "${TEXT_QUERY}" typed into the filter box: keydown → the frame after its input event` });
  keys.details = { script_ms: medianOf(e.textKey, warmups * TEXT_QUERY.length, (t) => t.scriptMs), empty_click_ms: floor };
  results.push(keys);
  results.push(toResult({ name: 'text_filter_clear_ms', entries, samples: ms(e.textClear), warmups, note: 'Escape in the filter box: keydown → next painted frame with every entry shown again' }));
  const jWarmups = warmups * pages.keyJ;
  const j = toResult({
    name: 'key_j_ms',
    entries,
    samples: ms(e.keyJ),
    warmups: jWarmups,
    baseline: { name: "the same scroll alone (scrollIntoView of the next entry from a trusted key's own listener, on the same augmented page)", samples: ms(e.keyJBaseline), warmups: jWarmups },
    note: `${pages.keyJ} j presses per load, each keydown → next painted frame; samples_ms are the per-press frame times`,
  });
  const presses = ms(e.keyJ.slice(jWarmups));
  j.details = { ...spread(presses), over_one_frame: presses.filter((v) => v > FRAME_MS).length, presses: presses.length, script_ms: medianOf(e.keyJ, jWarmups, (t) => t.scriptMs) };
  results.push(j);
  const star = toResult({
    name: 'star_roundtrip_ms',
    entries,
    samples: e.starRoundtrip,
    warmups: warmups * 2,
    baseline: { name: 'raw IndexedDB put, one transaction per paper (store bench)', samples: rawPutMs, warmups: 0 },
    note: "a trusted click on a star (on, then off) → the background's sift.changed broadcast of it reaching an extension page (clocks: performance.timeOrigin + now in both)",
  });
  star.details = { click_to_painted_ms: medianOf(e.starClick, warmups * 2, (t) => t.ms), papers_star_message_ms: messageMs, refused_message_ms: refusedMessageMs };
  results.push(star);
  return results;
}

function scrollResult(entries: number, withSift: readonly ScrollRun[], without: readonly ScrollRun[], pages: RunPlan): BenchResult {
  const longest = (runs: readonly ScrollRun[]) => runs.map((run) => Math.max(...run.frameMs));
  const result = toResult({
    name: 'scroll_longest_frame_ms',
    entries,
    samples: longest(withSift),
    warmups: 0,
    baseline: { name: 'the same scroll without the extension', samples: longest(without), warmups: 0 },
    note: `longest frame while a script scrolls ${pages.scrollPx} px per frame for ${pages.scrollFrames} frames from the top, Sift measuring after each frame which entries are in view, to mark the titles read seen`,
  });
  const frames = (runs: readonly ScrollRun[]) => runs.flatMap((run) => run.frameMs);
  const over = (runs: readonly ScrollRun[]) => frames(runs).filter((v) => v > FRAME_MS * 1.5).length;
  const loaf = (runs: readonly ScrollRun[]) => round(Math.max(0, ...runs.flatMap((run) => run.longAnimationFramesMs)));
  result.details = {
    frame_p90_ms_with: round(quantile(frames(withSift), 0.9)),
    frame_p90_ms_without: round(quantile(frames(without), 0.9)),
    frames_over_25ms_with: over(withSift),
    frames_over_25ms_without: over(without),
    longest_animation_frame_ms_with: loaf(withSift),
    longest_animation_frame_ms_without: loaf(without),
  };
  return result;
}

/** A ranking timing as a result: its runs after warm-ups, with the CPU time beside. */
function timingResult(name: string, entries: number, timing: Timing, note: string): BenchResult {
  const result = toResult({ name, entries, samples: timing.runs, warmups: 0, note });
  result.details = { cpu_median_ms: round(timing.cpuMedian) };
  return result;
}

const NOTES = [
  'Every time is a median over the measured runs after the warm-ups (see runs/warmups per row), taken inside the browser with performance.now() unless the row says otherwise.',
  'augment_ms: DOMContentLoaded (Navigation Timing domContentLoadedEventStart) to the content script\'s sift:controls performance mark, when every feature has put its controls on every entry (checked: one controls span per entry); the 50 benchmark rules are installed first. details.parsed_ms is DOMContentLoaded to sift:parsed (script start at document_end plus the parse); details.annotations_shown_ms is DOMContentLoaded to sift:ready (data-sift-ready): the stored stars and the rule highlights shown, which waits for the background\'s answers, delivered only after the browser\'s own first style and layout of the page; ready_ms\'s baseline is that frame without the extension, DOMContentLoaded to the first frame painted after it on the same listing (an init script\'s requestAnimationFrame, then a task posted from it). Baseline of augment_ms: page_load_ms, navigation start to loadEventEnd of the same listing in the same Chromium build and flags without the extension.',
  'parse_ms and highlight_ms run once per fresh page load, cold, as the content script does; highlight_ms is compileRules + each entry\'s field elements (as the parser found them) + paintHighlights into CSS.highlights. mark.js runs on another fresh load of the same listing, over the listing\'s <dl> containers, with the same 50 terms; details.painted_ms adds the frame that shows the result.',
  'Input figures (filter_toggle_on_ms / _off_ms per filter and for the slowest, text_filter_key_ms, text_filter_clear_ms, key_j_ms, star click) are real input from Playwright (Sift ignores untrusted events); the injected probe times each from its first event (a capture listener on window) until a task posted from the next requestAnimationFrame runs, i.e. after that frame is painted, so up to one vsync interval of waiting is included: details.empty_click_ms is the same measurement around a click that does nothing. The baseline of each toggle is a trusted click on the inert entry count whose own listener sets style.display on the nodes that very filter took off the page (details.nodes), hiding them for the toggle on and showing them for the toggle off, on a fresh load of the same listing where no filter was ever on, in the order the toggles ran (the first time a page hides an entry it tears down the layout inside it, which later hides do not pay); the baseline of j is a trusted key whose own listener makes the scroll j makes, and nothing else. Each load starts with the listing unseen (seen.unmark), so the filters and the seen marking see the same state every run.',
  'cls: the sum of layout-shift values (no recent input) from navigation to 300 ms after the page is ready, with Sift and without; scroll_longest_frame_ms: the longest animation-frame interval while a script scrolls the page from the top, with Sift (measuring the entries in view, every entry unseen) and without. Every listing load checks arXiv.css is applied.',
  'Node-side figures (sync_*, ranking_*, backup_*, heavy_first_rows_ms, export_*) run in this Node process; backup and heavy-store use fake-indexeddb, one run each.',
  'Store: messages go from an extension page through runtime.sendMessage to the background service worker (validation, Dexie, the sift.changed broadcast included). reading_list_render_ms is navigation start to the first rows painted; its baseline is a raw getAll of the same store. Baselines: raw IndexedDB on the same database from the same page — one readonly transaction with a get per key; one readwrite transaction with one put per paper.',
  `scaling: median_ms / entries at the smallest and the largest listing; per_entry_growth above ${SUPERLINEAR_GROWTH} is reported as worse than linear (an allowance for noise), k is the exponent in time ∝ entries^k.`,
  'content_script_heap_bytes: V8 heap used (CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage) on the augmented listing minus the same listing without the extension; main world and the isolated world share the isolate, so the difference is what the content script keeps alive. DOM nodes and listeners from CDP Memory.getDOMCounters, also as differences.',
];

/**
 * Runs the whole benchmark and writes the report. `root` is the project folder; the in-page probe
 * is `.cache/bench/probe.js` there (built by scripts/bench.mjs).
 */
/** `augment_streamed_ms`: controls after DOMContentLoaded on a listing that arrived at a reader's pace. */
function streamedResult(entries: number, streamed: StreamedSamples, warmups: number): BenchResult {
  const { plain, extension } = streamed;
  const result = toResult({
    name: 'augment_streamed_ms',
    entries,
    samples: extension.map((s) => s.augmentMs ?? Number.NaN),
    warmups,
    baseline: { name: `page_load_ms of the same listing at ${streamed.rateMBps} MB/s, no extension`, samples: plain.map((s) => s.loadMs), warmups },
    note: `DOMContentLoaded → controls on every entry, the HTML arriving at ${streamed.rateMBps} MB/s from a local server`,
  });
  const of = (samples: readonly StreamedSample[], pick: (s: StreamedSample) => number | undefined) => medianOf(samples, warmups, (s) => pick(s) ?? Number.NaN);
  const previewed = extension.slice(warmups).filter((s) => s.previewMs !== undefined);
  result.details = {
    read_ahead_entries: of(extension, (s) => s.readAheadEntries),
    read_ahead_ms: of(extension, (s) => s.readAheadMs),
    // The loads on which the store's answer about the first entries read ahead was in when the page was parsed, and when it was shown.
    preview_loads: previewed.length,
    preview_ms: previewed.length > 0 ? round(median(previewed.map((s) => s.previewMs ?? Number.NaN))) : null,
    ready_ms: of(extension, (s) => s.readyMs),
    controls_at_ms: of(extension, (s) => s.controlsAtMs),
    dcl_with_extension_ms: of(extension, (s) => s.dclMs),
    dcl_without_ms: of(plain, (s) => s.dclMs),
    page_load_with_extension_ms: of(extension, (s) => s.loadMs),
  };
  return result;
}

export async function runBench(argv: readonly string[], root: string): Promise<BenchReport> {
  const { plan, out } = parseArgs(argv, root);
  const injected = {
    probe: readFileSync(join(root, '.cache', 'bench', 'probe.js'), 'utf8'),
    mark: readFileSync(join(root, 'node_modules', 'mark.js', 'dist', 'mark.min.js'), 'utf8'),
  };
  const loadAverage = round(loadavg()[0] ?? 0);
  const seedHtml = readFileSync(join(FIXTURES_DIR, SEED_FILE), 'utf8');
  const listings: Listing[] = plan.sizes.map((entries) => ({ entries, path: `${SEED_PATH}?show=${entries}`, html: makeListing(seedHtml, entries) }));
  const rules = benchRules(Date.UTC(2026, 1, 27));
  const extensionPage = extensionPageOf();

  log(`listings of ${plan.sizes.join(', ')} entries without the extension: page load, parse, highlight, mark.js`);
  const plain = await measurePlain(listings, SEED_PATH, rules, TERMS, plan.pages, injected);
  log('the same listings with the extension: augmentation, every filter toggle, text filter, j, a star, layout shifts, scrolling, heap');
  const extension = await measureExtension(listings, rules, plan.pages, extensionPage, injected.probe);
  const mathjaxListing = [...listings].sort((a, b) => Math.abs(a.entries - plan.mathjaxEntries) - Math.abs(b.entries - plan.mathjaxEntries))[0];
  if (!mathjaxListing) throw new Error('no listing to typeset');
  log(`MathJax on the ${mathjaxListing.entries}-entry listing, with and without the extension`);
  const mathjax = await measureMathJax(mathjaxListing, rules, plan.mathjax, extensionPage);
  const streamedListing = listings[listings.length - 1]!;
  log(`the ${streamedListing.entries}-entry listing arriving at ${plan.streamed.rateMBps} MB/s, with and without the extension`);
  const streamed = await measureStreamed(streamedListing.path, streamedListing.html, plan.streamed.rateMBps, plan.streamed.warmups + plan.streamed.runs);
  log(`store: ${plan.store.papers} papers through the background (${extensionPage})`);
  const store = await measureStore(plain.seedMetas, plan.store, extensionPage);
  log(`exports of ${plan.exportPapers} papers`);
  const exportSamples = measureExports(exportPapersOf(plain.seedMetas, plan.exportPapers), plan.exportWarmups, plan.exportRuns);
  log(`sync codec and merge of ${plan.sync.papers} papers`);
  const sync = measureSync(plan.sync);
  log(`ranking: ${plan.ranking.positives} positives, ${plan.ranking.negatives} negatives, a ${plan.ranking.listing}-entry listing`);
  const ranking = measureRanking(plan.ranking);
  log(`backup and restore of ${plan.backupPapers} papers (fake-indexeddb, in Node)`);
  const backup = await benchBackup({ papers: plan.backupPapers, gzip: true });
  log(`reading list first rows over ${plan.heavyStorePapers} stored papers (fake-indexeddb, in Node)`);
  const heavy = await benchHeavyStore({ papers: plan.heavyStorePapers });

  const results: BenchResult[] = [];
  const heap: Record<string, unknown> = {};
  const { warmups } = plan.pages;
  // The store bench's per-message figures, the same for every listing's star.
  const messageMs = writeSummary(store.write, plan.store.writeWarmups).per_call_median_ms;
  const refusedMessageMs = writeSummary(store.refused, plan.store.writeWarmups).per_call_median_ms;
  for (const listing of listings) {
    const { entries } = listing;
    const p = plain.bySize.get(entries);
    const e = extension.get(entries);
    if (!p || !e) throw new Error(`no samples for ${entries} entries`);
    const parsed = p.parse.map((s) => s.papers);
    if (parsed.some((n) => n !== entries)) throw new Error(`parseArxivPage found ${parsed.join('/')} papers, expected ${entries}`);
    const last = p.highlight[p.highlight.length - 1];
    const marks = p.markRegExp[p.markRegExp.length - 1]?.marks ?? 0;
    if (!last || last.ranges === 0 || marks === 0) throw new Error(`the terms matched nothing on the ${entries}-entry listing`);

    const pageLoadNote = 'navigation start → loadEventEnd, without the extension';
    results.push(toResult({ name: 'page_load_ms', entries, samples: p.pageLoad, warmups, note: pageLoadNote }));
    const augment = toResult({
      name: 'augment_ms',
      entries,
      samples: e.augment.map((s) => s.ms),
      warmups,
      baseline: { name: 'page_load_ms (same listing, no extension)', samples: p.pageLoad, warmups },
    });
    augment.details = {
      parsed_ms: medianOf(e.augment, warmups, (s) => s.firstEntryMs),
      annotations_shown_ms: medianOf(e.augment, warmups, (s) => s.annotatedMs),
      page_load_with_extension_ms: medianOf(e.pageLoad, warmups, (v) => v),
    };
    results.push(augment);
    results.push(toResult({ name: 'parse_ms', entries, samples: p.parse.map((s) => s.ms), warmups }));
    results.push(
      toResult({
        name: 'ready_ms',
        entries,
        samples: e.augment.map((s) => s.annotatedMs),
        warmups,
        note: 'DOMContentLoaded → sift:ready: stored stars and rule highlights shown',
        baseline: { name: "the page's first painted frame after DOMContentLoaded, same listing, no extension", samples: p.firstFrame, warmups },
      }),
    );
    results.push(...inputResults(e, entries, warmups, plan.pages, store.rawWrite.flatMap((run) => run.perCallMs), messageMs, refusedMessageMs));
    const cls = toResult({
      name: 'cls',
      entries,
      samples: e.cls.map((c) => c.score),
      warmups,
      baseline: { name: 'the same listing without the extension', samples: p.cls.map((c) => c.score), warmups },
      note: 'unitless: the sum of layout-shift values without recent input, from navigation to 300 ms after ready/load',
    });
    cls.details = { shifts_with: medianOf(e.cls, warmups, (c) => c.shifts), shifts_without: medianOf(p.cls, warmups, (c) => c.shifts) };
    results.push(cls);
    results.push(scrollResult(entries, e.scroll, p.scroll, plan.pages));
    const highlight = toResult({
      name: 'highlight_ms',
      entries,
      samples: p.highlight.map((s) => s.ms),
      warmups,
      baseline: { name: 'mark.js markRegExp, one combined regex', samples: p.markRegExp.map((s) => s.ms), warmups },
    });
    highlight.details = {
      rules: rules.length,
      compile_ms: medianOf(p.highlight, warmups, (s) => s.compileMs),
      fields_ms: medianOf(p.highlight, warmups, (s) => s.fieldsMs),
      paint_ms: medianOf(p.highlight, warmups, (s) => s.paintMs),
      painted_ms: medianOf(p.highlight, warmups, (s) => s.paintedMs),
      markjs_painted_ms: medianOf(p.markRegExp, warmups, (s) => s.paintedMs),
      matched_entries: last.matchedEntries,
      ranges: last.ranges,
      markjs_marks: marks,
    };
    results.push(highlight);
    const markNote = 'mark.js markRegExp, one combined case-insensitive regex of the 50 terms';
    results.push(toResult({ name: 'markjs_ms', entries, samples: p.markRegExp.map((s) => s.ms), warmups, note: markNote }));
    if (p.markTerms.length > 0) {
      const terms = toResult({
        name: 'markjs_terms_ms',
        entries,
        samples: p.markTerms.map((s) => s.ms),
        warmups: plan.pages.markTermsWarmups,
        note: "mark.js default mark(terms): one pass per term, diacritics folded",
      });
      terms.details = { sift_highlight_ms: highlight.median_ms, times_slower_than_sift: round(terms.median_ms / highlight.median_ms) };
      results.push(terms);
    }
    heap[String(entries)] = heapSummary(e.heap, p.heap, warmups, entries);
  }

  const { store: sp } = plan;
  const get = toResult({
    name: 'store_get_ms',
    entries: sp.getIds,
    samples: store.get,
    warmups: sp.getWarmups,
    baseline: { name: 'raw IndexedDB get per key, one transaction', samples: store.rawGet, warmups: sp.getWarmups },
  });
  get.details = { store_papers: sp.papers, annotations_found: store.found };
  results.push(get);
  const write = toResult({
    name: 'store_write_ms',
    entries: sp.writes,
    samples: store.write.map((run) => run.totalMs),
    warmups: sp.writeWarmups,
    baseline: { name: 'raw IndexedDB put, one transaction per paper', samples: store.rawWrite.map((run) => run.totalMs), warmups: sp.writeWarmups },
    note: `${sp.writes} single-paper papers.star messages, one after another; median_ms is their total`,
  });
  write.details = {
    ...writeSummary(store.write, sp.writeWarmups),
    baseline: writeSummary(store.rawWrite, sp.writeWarmups),
    // The messaging floor under the message: the round trip to the background and back, the request refused by validation before any work.
    refused_message: writeSummary(store.refused, sp.writeWarmups),
    store_papers: sp.papers,
    fill_ms: round(store.fillMs),
  };
  results.push(write);
  if (store.readingList.length > 0) {
    results.push(
      toResult({
        name: 'reading_list_render_ms',
        entries: sp.readingListPapers,
        samples: store.readingList,
        warmups: sp.readingListWarmups,
        baseline: { name: 'raw IndexedDB getAll of the papers store', samples: store.rawGetAll, warmups: sp.readingListWarmups },
        note: 'reading-list.html: navigation start → first rows painted, with this many starred papers',
      }),
    );
  }
  for (const format of EXPORT_FORMATS) {
    const exported = toResult({
      name: `export_${format.id}_ms`,
      entries: plan.exportPapers,
      samples: exportSamples.byFormat.get(format.id) ?? [],
      warmups: plan.exportWarmups,
      baseline: { name: 'JSON.stringify of the same papers', samples: exportSamples.baseline, warmups: plan.exportWarmups },
      note: 'in Node',
    });
    exported.details = { output_chars: exportSamples.chars.get(format.id) ?? 0 };
    results.push(exported);
  }

  results.push(streamedResult(streamedListing.entries, streamed, plan.streamed.warmups));

  const mj = mathjax.summary;
  const typeset = toResult({
    name: 'mathjax_typeset_ms',
    entries: mathjax.entries,
    samples: mathjax.with.map((t) => t.typesetMs),
    warmups: mathjax.warmups,
    baseline: { name: 'MathJax 2.7.3 on the same listing without the extension', samples: mathjax.without.map((t) => t.typesetMs), warmups: mathjax.warmups },
    note: 'MathJax "Begin Typeset" → "End Typeset", loads alternating with and without Sift',
  });
  typeset.details = { ...mj };
  results.push(typeset);
  const syncNote = `${sync.papers} papers, in Node`;
  const encode = toResult({ name: 'sync_encode_ms', entries: sync.papers, samples: sync.encode, warmups: plan.sync.warmups, note: syncNote });
  encode.details = { bytes_by_starred: sync.bytes, capacity: sync.capacity };
  results.push(encode);
  results.push(toResult({ name: 'sync_decode_ms', entries: sync.papers, samples: sync.decode, warmups: plan.sync.warmups, note: syncNote }));
  results.push(toResult({ name: 'sync_merge_ms', entries: sync.papers, samples: sync.merge, warmups: plan.sync.warmups, note: `${syncNote}; a tenth of them changed remotely` }));
  const rp = ranking.plan;
  const examples = rp.positives + rp.negatives;
  const train = timingResult('ranking_train_ms', examples, ranking.train, `${rp.positives} positives and ${rp.negatives} seen or hidden papers, features extracted, in Node`);
  train.details = { ...train.details, model_json_bytes: ranking.modelJsonBytes, statistics_json_bytes: ranking.statisticsJsonBytes };
  results.push(train);
  results.push(timingResult('ranking_train_all_hidden_ms', examples, ranking.trainAllHidden, 'the same with every negative hidden (all trained on), in Node'));
  results.push(timingResult('ranking_score_ms', rp.listing, ranking.score, 'vectorising and scoring the listing, in Node'));
  results.push(timingResult('ranking_extract_ms', rp.listing, ranking.extract, "the listing's features, once per listing, in Node"));
  const backupNote = 'one run, in Node over fake-indexeddb (lib/store/backup-stream.ts), gzip';
  const exported = toResult({ name: 'backup_export_ms', entries: backup.papers, samples: [backup.exportMs], warmups: 0, note: backupNote });
  exported.details = { file_bytes: backup.fileBytes, gzip: backup.gzip };
  results.push(exported);
  const restored = toResult({ name: 'backup_restore_ms', entries: backup.papers, samples: [backup.restoreMs], warmups: 0, note: `${backupNote}, replace mode into an empty store` });
  restored.details = { restored: backup.restored };
  if (backup.restored !== backup.papers) throw new Error(`restored ${backup.restored} of ${backup.papers} papers`);
  results.push(restored);
  const first = toResult({
    name: 'heavy_first_rows_ms',
    entries: heavy.papers,
    samples: [heavy.firstRowsMs],
    warmups: 0,
    baseline: { name: 'the same rows by Dexie index alone', samples: [heavy.rawIndexedMs], warmups: 0 },
    note: 'reading list first rows with this many stored papers, one run, in Node over fake-indexeddb',
  });
  first.details = { first_rows: heavy.firstRows, whole_list_ms: round(heavy.wholeListMs), options_tags_ms: round(heavy.optionsTagsMs) };
  results.push(first);

  const largest = String(Math.max(...plan.sizes));
  const smallest = String(Math.min(...plan.sizes));
  const heapAt = (size: string) => (heap[size] as { content_script_heap_bytes: number }).content_script_heap_bytes;
  const marginal =
    largest === smallest ? null : round((heapAt(largest) - heapAt(smallest)) / (Number(largest) - Number(smallest)));
  const sizes = {
    ...bundleSizes(),
    content_script_heap_bytes: heapAt(largest),
    content_script_heap_entries: Number(largest),
    // What each further entry costs, without the script's fixed share (its code, Preact, the toolbar).
    heap_marginal_bytes_per_entry: marginal,
    heap_by_entries: heap,
    sync_bytes_by_starred: Object.fromEntries(sync.bytes.map((b) => [String(b.starred), b.bytes])),
  };
  const report: BenchReport = {
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memory_gb: round(totalmem() / 2 ** 30),
      os: `${type()} ${release()}`,
      node: process.version,
      chromium: plain.chromium,
      load_average: loadAverage,
    },
    date: new Date().toISOString(),
    mode: plan.mode,
    results,
    sizes,
    scaling: scalingOf(results),
    aims: aimsOf(results, sizes),
    notes: NOTES,
  };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${formatReport(report)}\n`);
  log(`report written to ${out}`);
  return report;
}
