import './support/node-i18n'; // first: lib modules below read browser.i18n when evaluated
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { CHROME_BUILD } from '../../scripts/launch.mjs';
import { EXPORT_FORMATS } from '../../lib/export/formats';
import type { BenchReport } from '../../bench/report';

// The benchmark itself is not part of `npm test` (timings are noise on shared machines); this runs
// its `--smoke` mode (100 entries, a small store, one or two runs each) on the extension `npm test`
// has just built, and checks the report's shape. It never looks at how fast anything was.

const PAGE_FIGURES = [
  'page_load_ms',
  'augment_ms',
  'augment_streamed_ms',
  'ready_ms',
  'parse_ms',
  'filter_toggle_on_ms',
  'filter_toggle_off_ms',
  'filter_toggle_on_ms[hideCross]',
  'filter_toggle_off_ms[onlyStarred]',
  'text_filter_key_ms',
  'text_filter_clear_ms',
  'key_j_ms',
  'star_roundtrip_ms',
  'cls',
  'scroll_longest_frame_ms',
  'highlight_ms',
  'markjs_ms',
  'markjs_terms_ms',
  'mathjax_typeset_ms',
];
const EXPORT_FIGURES = EXPORT_FORMATS.map((format) => `export_${format.id}_ms`);
const NODE_FIGURES = ['sync_encode_ms', 'sync_decode_ms', 'sync_merge_ms', 'ranking_train_ms', 'ranking_score_ms', 'backup_export_ms', 'backup_restore_ms', 'heavy_first_rows_ms'];
const WITH_BASELINE = [
  'augment_ms',
  'ready_ms',
  'filter_toggle_on_ms',
  'filter_toggle_off_ms',
  'star_roundtrip_ms',
  'cls',
  'scroll_longest_frame_ms',
  'highlight_ms',
  'mathjax_typeset_ms',
  'heavy_first_rows_ms',
  'store_get_ms',
  'store_write_ms',
  ...EXPORT_FIGURES,
];

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let report: BenchReport;
let dir: string;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dir = mkdtempSync(join(tmpdir(), 'sift-bench-smoke-'));
  const out = join(dir, 'report.json');
  const args = ['scripts/bench.mjs', '--smoke', '--no-build', '--out', out];
  await new Promise<void>((resolve, reject) => {
    execFile('node', args, { cwd: ROOT, timeout: 230_000, maxBuffer: 16 * 2 ** 20 }, (error, stdout, stderr) =>
      error ? reject(new Error(`bench --smoke failed: ${error.message}\n${stdout}\n${stderr}`)) : resolve(),
    );
  });
  report = JSON.parse(readFileSync(out, 'utf8')) as BenchReport;
});

test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the report names the machine and the date', () => {
  for (const key of ['cpu', 'os', 'node', 'chromium'] as const) expect(typeof report.machine[key], key).toBe('string');
  for (const key of ['cores', 'memory_gb', 'load_average'] as const) expect(typeof report.machine[key], key).toBe('number');
  expect(report.machine.chromium).toMatch(/\d+\.\d+/);
  expect(Number.isNaN(Date.parse(report.date))).toBe(false);
});

test('every listing figure is measured at 100 entries', () => {
  for (const name of PAGE_FIGURES) {
    expect(report.results.filter((r) => r.name === name).map((r) => r.entries), name).toEqual([100]);
  }
});

test('every filter toggle is timed both ways, j once per press, the text filter once per keystroke', () => {
  const on = report.results.filter((r) => r.name.startsWith('filter_toggle_on_ms[')).map((r) => r.name.slice('filter_toggle_on_ms'.length));
  const off = report.results.filter((r) => r.name.startsWith('filter_toggle_off_ms[')).map((r) => r.name.slice('filter_toggle_off_ms'.length));
  expect(on.length).toBeGreaterThanOrEqual(5);
  expect(off).toEqual(on);
  const slowest = report.results.find((r) => r.name === 'filter_toggle_on_ms');
  expect(on).toContain(`[${(slowest?.details as { slowest: string }).slowest}]`);
  expect(report.results.find((r) => r.name === 'key_j_ms')?.samples_ms.length).toBeGreaterThan(1);
  expect(report.results.find((r) => r.name === 'text_filter_key_ms')?.samples_ms).toHaveLength('consensus'.length);
});

test('every result has a p90 no lower than its median', () => {
  for (const result of report.results) expect(result.p90_ms, result.name).toBeGreaterThanOrEqual(result.median_ms);
});

test('store, export, sync, ranking, backup and reading-list figures are present', () => {
  const names = report.results.map((r) => r.name);
  expect(names).toEqual(expect.arrayContaining(['store_get_ms', 'store_write_ms', ...EXPORT_FIGURES, ...NODE_FIGURES]));
  if (existsSync(join(CHROME_BUILD, 'reading-list.html'))) expect(names).toContain('reading_list_render_ms');
});

test('every result has a median, and a ratio exactly when it has a baseline', () => {
  for (const result of report.results) {
    expect(typeof result.name).toBe('string');
    expect(Number.isInteger(result.entries) && result.entries > 0, result.name).toBe(true);
    expect(Number.isFinite(result.median_ms) && result.median_ms >= 0, result.name).toBe(true);
    if (result.baseline === null) {
      expect([result.baseline_ms, result.ratio], result.name).toEqual([null, null]);
    } else {
      expect(typeof result.baseline_ms, result.name).toBe('number');
      // A baseline of zero (no layout shift at all without Sift) has no ratio.
      if (result.baseline_ms === 0) expect(result.ratio, result.name).toBeNull();
      else expect(typeof result.ratio, result.name).toBe('number');
    }
  }
  for (const name of WITH_BASELINE) expect(report.results.find((r) => r.name === name)?.baseline, name).toEqual(expect.any(String));
  expect(report.results.find((r) => r.name === 'augment_ms')?.baseline).toMatch(/^page_load_ms/);
});

test('sizes give the gzipped content script and its heap', () => {
  const { content_script_bytes, content_script_gzip_bytes, background_gzip_bytes, content_script_heap_bytes } = report.sizes;
  expect(content_script_gzip_bytes).toEqual(expect.any(Number));
  expect(content_script_gzip_bytes as number).toBeGreaterThan(0);
  expect(content_script_gzip_bytes as number).toBeLessThan(content_script_bytes as number);
  expect(background_gzip_bytes).toEqual(expect.any(Number));
  expect(content_script_heap_bytes).toEqual(expect.any(Number));
});

test('scaling and aims sections are present', () => {
  // One size in smoke mode, so nothing to scale yet; the section still exists.
  expect(report.scaling).toEqual([]);
  const aimed = new Set(report.aims.map((a) => a.figure));
  for (const figure of ['augment_ms', 'ready_ms', 'parse_ms', 'filter_toggle_on_ms', 'filter_toggle_off_ms', 'text_filter_key_ms', 'text_filter_clear_ms', 'key_j_ms', 'highlight_ms', 'star_roundtrip_ms', 'cls', 'scroll_longest_frame_ms', 'mathjax_typeset_ms', 'sync_encode_ms', 'sync_merge_ms', 'ranking_train_ms', 'ranking_score_ms', 'backup_export_ms', 'backup_restore_ms', 'heavy_first_rows_ms', 'content_script_gzip_bytes', ...EXPORT_FIGURES]) {
    expect(aimed.has(figure), figure).toBe(true);
  }
  for (const aim of report.aims) expect(aim.met, aim.figure).toBe(aim.value === null ? null : aim.value <= aim.target);
});
