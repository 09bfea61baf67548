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
import { CHROME_BUILD } from '../scripts/launch.mjs';
import { makeListing } from '../tests/fixtures/make-listing';
import { EXPORT_FORMATS } from '@/lib/export/index';
import { exportPapersOf, measureExports } from './exports';
import { measureExtension, measurePlain, type HeapSample, type Listing, type RunPlan } from './pages';
import { aimsOf, formatReport, median, round, scalingOf, SUPERLINEAR_GROWTH, toResult, type BenchReport, type BenchResult } from './report';
import { extensionPageOf, measureStore, type StorePlan, type WriteRun } from './store';
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
}

const FULL: Plan = {
  mode: 'full',
  sizes: [100, 500, 2000],
  pages: { warmups: 1, runs: 5, markTermsWarmups: 1, markTermsRuns: 3, markTermsMaxEntries: 500 },
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
};

const SMOKE: Plan = {
  mode: 'smoke',
  sizes: [100],
  pages: { warmups: 1, runs: 1, markTermsWarmups: 0, markTermsRuns: 1, markTermsMaxEntries: 500 },
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
  const content = join(CHROME_BUILD, 'content-scripts', 'arxiv.js');
  const css = join(CHROME_BUILD, 'content-scripts', 'arxiv.css');
  const background = join(CHROME_BUILD, 'background.js');
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

const NOTES = [
  'Every time is a median over the measured runs after the warm-ups (see runs/warmups per row), taken inside the browser with performance.now() unless the row says otherwise.',
  'augment_ms: DOMContentLoaded (Navigation Timing domContentLoadedEventStart) to the content script\'s sift:controls performance mark, when every feature has put its controls on every entry (checked: one controls span per entry); the 50 benchmark rules are installed first. details.parsed_ms is DOMContentLoaded to sift:parsed (script start at document_end plus the parse); details.annotations_shown_ms is DOMContentLoaded to sift:ready (data-sift-ready): the stored stars and the rule highlights shown, which waits for the background\'s answers, delivered only after the browser\'s own first style and layout of the page. Baseline: page_load_ms, navigation start to loadEventEnd of the same listing in the same Chromium build and flags without the extension.',
  'parse_ms and highlight_ms run once per fresh page load, cold, as the content script does; highlight_ms is compileRules + each entry\'s field elements (as the parser found them) + paintHighlights into CSS.highlights. mark.js runs on another fresh load of the same listing, over the listing\'s <dl> containers, with the same 50 terms; details.painted_ms adds the frame that shows the result.',
  'filter_toggle_ms: a click on the toolbar\'s "Hide cross-lists" toggle made inside a requestAnimationFrame callback, until a task posted from it runs (after that frame\'s style, layout and paint), so vsync waiting is excluded (details.empty_frame_ms is the same measurement around an empty callback). Baseline: the same entries hidden by writing style.display on each node. Toggles alternate hide and show (details.hide_ms, details.show_ms); showing lays the entries out again and costs more.',
  'Store: messages go from an extension page through runtime.sendMessage to the background service worker (validation, Dexie, the sift.changed broadcast included). reading_list_render_ms is navigation start to the first rows painted; its baseline is a raw getAll of the same store. Baselines: raw IndexedDB on the same database from the same page — one readonly transaction with a get per key; one readwrite transaction with one put per paper.',
  `scaling: median_ms / entries at the smallest and the largest listing; per_entry_growth above ${SUPERLINEAR_GROWTH} is reported as worse than linear (an allowance for noise), k is the exponent in time ∝ entries^k.`,
  'content_script_heap_bytes: V8 heap used (CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage) on the augmented listing minus the same listing without the extension; main world and the isolated world share the isolate, so the difference is what the content script keeps alive. DOM nodes and listeners from CDP Memory.getDOMCounters, also as differences.',
];

/**
 * Runs the whole benchmark and writes the report. `root` is the project folder; the in-page probe
 * is `.cache/bench/probe.js` there (built by scripts/bench.mjs).
 */
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
  log('the same listings with the extension: augmentation, filter toggle, heap');
  const extension = await measureExtension(listings, rules, plan.pages, extensionPage);
  log(`store: ${plan.store.papers} papers through the background (${extensionPage})`);
  const store = await measureStore(plain.seedMetas, plan.store, extensionPage);
  log(`exports of ${plan.exportPapers} papers`);
  const exportSamples = measureExports(exportPapersOf(plain.seedMetas, plan.exportPapers), plan.exportWarmups, plan.exportRuns);

  const results: BenchResult[] = [];
  const heap: Record<string, unknown> = {};
  const { warmups } = plan.pages;
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
    const toggle = toResult({
      name: 'filter_toggle_ms',
      entries,
      samples: e.toggle.map((s) => s.ms),
      warmups: warmups * 2,
      baseline: { name: 'style.display on each cross-list node', samples: e.toggleBaseline.map((s) => s.ms), warmups: warmups * 2 },
    });
    const measuredToggles = e.toggle.slice(warmups * 2);
    toggle.details = {
      hide_ms: round(median(measuredToggles.filter((_, i) => i % 2 === 0).map((s) => s.ms))),
      show_ms: round(median(measuredToggles.filter((_, i) => i % 2 === 1).map((s) => s.ms))),
      click_script_ms: medianOf(e.toggle, warmups * 2, (s) => s.scriptMs),
      empty_frame_ms: medianOf(e.toggleFloor, warmups * 2, (s) => s.ms),
    };
    results.push(toggle);
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

  const largest = String(Math.max(...plan.sizes));
  const smallest = String(Math.min(...plan.sizes));
  const heapAt = (size: string) => (heap[size] as { content_script_heap_bytes: number }).content_script_heap_bytes;
  const marginal =
    largest === smallest ? null : round((heapAt(largest) - heapAt(smallest)) / (Number(largest) - Number(smallest)));
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
    sizes: {
      ...bundleSizes(),
      content_script_heap_bytes: heapAt(largest),
      content_script_heap_entries: Number(largest),
      // What each further entry costs, without the script's fixed share (its code, Preact, the toolbar).
      heap_marginal_bytes_per_entry: marginal,
      heap_by_entries: heap,
    },
    scaling: scalingOf(results),
    aims: aimsOf(results),
    notes: NOTES,
  };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${formatReport(report)}\n`);
  log(`report written to ${out}`);
  return report;
}
