/**
 * The shape of bench/report.json, and the pure arithmetic over it: medians, how each figure grows
 * from the smallest to the largest listing, the overlay issue's aims, and the printed table.
 */

/** One measured figure at one size: the median of `runs` runs after `warmups` discarded ones. */
export interface BenchResult {
  name: string;
  /** Listing entries, ids looked up, papers exported…: the size the figure was measured at. */
  entries: number;
  median_ms: number;
  /** What the figure is compared with in the same run, or null when nothing honest compares. */
  baseline: string | null;
  baseline_ms: number | null;
  /** `median_ms / baseline_ms`. */
  ratio: number | null;
  runs: number;
  warmups: number;
  samples_ms: number[];
  baseline_samples_ms?: number[];
  note?: string;
  /** Figures measured beside this one (painted time, counts, per-call times…). */
  details?: Record<string, unknown>;
}

export type ScalingVerdict = 'sublinear' | 'linear' | 'worse than linear';

/** How one figure grows from the smallest to the largest size it was measured at. */
export interface ScalingRow {
  name: string;
  from_entries: number;
  to_entries: number;
  from_ms: number;
  to_ms: number;
  per_entry_from_ms: number;
  per_entry_to_ms: number;
  /** `per_entry_to_ms / per_entry_from_ms`: 1 is linear, above 1 costs more per entry at scale. */
  per_entry_growth: number;
  /** `k` in `time ∝ entries^k`, from the two end points. */
  exponent: number;
  verdict: ScalingVerdict;
}

export interface AimRow {
  aim: string;
  figure: string;
  entries: number;
  value: number | null;
  target: number;
  met: boolean | null;
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memory_gb: number;
  os: string;
  node: string;
  chromium: string;
  /** 1-minute load average when the run started: other work on the machine skews timings. */
  load_average: number;
}

export interface BenchReport {
  machine: MachineInfo;
  date: string;
  mode: 'full' | 'smoke';
  results: BenchResult[];
  sizes: Record<string, unknown>;
  scaling: ScalingRow[];
  aims: AimRow[];
  notes: string[];
}

/**
 * Per-entry cost may grow this much from the smallest to the largest listing before a figure
 * counts as worse than linear: room for timer and scheduling noise on a shared 2-core machine.
 */
export const SUPERLINEAR_GROWTH = 1.25;

/** The median of `values` (the mean of the middle two for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Rounds to three decimals, so the report stays readable and diffable. */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export interface ResultInput {
  name: string;
  entries: number;
  /** Every sample, warm-ups first. */
  samples: readonly number[];
  warmups: number;
  baseline?: { name: string; samples: readonly number[]; warmups: number };
  note?: string;
}

/** Drops the warm-ups, takes medians and the ratio to the baseline's median. */
export function toResult({ name, entries, samples, warmups, baseline, note }: ResultInput): BenchResult {
  const measured = samples.slice(warmups);
  const median_ms = round(median(measured));
  const baselineMeasured = baseline?.samples.slice(baseline.warmups);
  const baseline_ms = baselineMeasured ? round(median(baselineMeasured)) : null;
  const result: BenchResult = {
    name,
    entries,
    median_ms,
    baseline: baseline?.name ?? null,
    baseline_ms,
    ratio: baseline_ms ? round(median_ms / baseline_ms) : null,
    runs: measured.length,
    warmups,
    samples_ms: measured.map(round),
  };
  if (baselineMeasured) result.baseline_samples_ms = baselineMeasured.map(round);
  if (note) result.note = note;
  return result;
}

/**
 * For every figure measured at two or more sizes, its growth from the smallest size to the
 * largest: time per entry at each end, their ratio, and the exponent. A per-entry cost growing by
 * more than `SUPERLINEAR_GROWTH` is reported as worse than linear.
 */
export function scalingOf(results: readonly BenchResult[]): ScalingRow[] {
  const byName = new Map<string, BenchResult[]>();
  for (const result of results) byName.set(result.name, [...(byName.get(result.name) ?? []), result]);
  const rows: ScalingRow[] = [];
  for (const [name, list] of byName) {
    if (list.length < 2) continue;
    const sorted = [...list].sort((a, b) => a.entries - b.entries);
    const from = sorted[0];
    const to = sorted[sorted.length - 1];
    if (!from || !to || from.entries === to.entries || !(from.median_ms > 0) || !(to.median_ms > 0)) continue;
    const perFrom = from.median_ms / from.entries;
    const perTo = to.median_ms / to.entries;
    const growth = perTo / perFrom;
    rows.push({
      name,
      from_entries: from.entries,
      to_entries: to.entries,
      from_ms: from.median_ms,
      to_ms: to.median_ms,
      per_entry_from_ms: round(perFrom),
      per_entry_to_ms: round(perTo),
      per_entry_growth: round(growth),
      exponent: round(Math.log(to.median_ms / from.median_ms) / Math.log(to.entries / from.entries)),
      verdict: growth > SUPERLINEAR_GROWTH ? 'worse than linear' : growth < 1 / SUPERLINEAR_GROWTH ? 'sublinear' : 'linear',
    });
  }
  return rows;
}

/** One frame at 60 Hz. */
export const FRAME_MS = 1000 / 60;

/**
 * The overlay issue's aims, per size, reported and never asserted: augmented within 10% of the
 * page's own load time, a filter toggle within one frame, 50 rules highlighted at least 10× faster
 * than mark.js `markRegExp` on the same page.
 */
export function aimsOf(results: readonly BenchResult[]): AimRow[] {
  const rows: AimRow[] = [];
  const add = (aim: string, figure: string, target: number, pick: (r: BenchResult) => number | null) => {
    for (const result of results.filter((r) => r.name === figure)) {
      const value = pick(result);
      rows.push({ aim, figure, entries: result.entries, value, target, met: value === null ? null : value <= target });
    }
  };
  add('augmented in under 10% of the page load', 'augment_ms', 0.1, (r) => r.ratio);
  add('a filter toggle within one frame (ms)', 'filter_toggle_ms', round(FRAME_MS), (r) => r.median_ms);
  add('highlighting at most 1/10 of mark.js markRegExp', 'highlight_ms', 0.1, (r) => r.ratio);
  return rows;
}

type Cell = string | number | null | undefined;

function formatNumber(value: number): string {
  if (!Number.isFinite(value) || Number.isInteger(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

/** One table line: text columns padded right, numeric columns (negative width) padded left. */
function row(widths: readonly number[], cells: readonly Cell[]): string {
  return cells
    .map((value, i) => {
      const width = widths[i] ?? 0;
      const text = value === null || value === undefined ? '—' : typeof value === 'number' ? formatNumber(value) : value;
      return width < 0 ? text.padStart(-width) : text.padEnd(width);
    })
    .join(' ');
}

const RESULT_COLUMNS = [26, -7, -10, -4, 44, -10, -8];
const SCALING_COLUMNS = [26, 11, -10, -10, -7, -6, 0];
const AIM_COLUMNS = [50, -6, -8, 1, 8, 0];

/** The report as plain-text tables: results, scaling, aims, sizes. */
export function formatReport(report: BenchReport): string {
  const { machine } = report;
  const lines: string[] = [
    `Sift benchmark (${report.mode}) — ${report.date}`,
    `${machine.cpu}, ${machine.cores} cores, ${machine.memory_gb} GB, ${machine.os}, node ${machine.node}, ` +
      `chromium ${machine.chromium}, load ${machine.load_average}`,
    '',
    row(RESULT_COLUMNS, ['figure', 'entries', 'median ms', 'runs', 'baseline', 'base ms', 'ratio']),
    ...report.results.map((r) => row(RESULT_COLUMNS, [r.name, r.entries, r.median_ms, r.runs, r.baseline, r.baseline_ms, r.ratio])),
  ];
  if (report.scaling.length > 0) {
    lines.push('', 'Scaling: time per entry at the smallest vs the largest listing');
    lines.push(row(SCALING_COLUMNS, ['figure', 'sizes', 'ms/entry', 'ms/entry', 'growth', 'k', 'verdict']));
    for (const s of report.scaling) {
      const sizes = `${s.from_entries}→${s.to_entries}`;
      lines.push(row(SCALING_COLUMNS, [s.name, sizes, s.per_entry_from_ms, s.per_entry_to_ms, s.per_entry_growth, s.exponent, s.verdict]));
    }
  }
  if (report.aims.length > 0) {
    lines.push('', 'Aims (reported, not asserted)');
    for (const a of report.aims) {
      const verdict = a.met === null ? 'not measured' : a.met ? 'met' : 'MISSED';
      lines.push(row(AIM_COLUMNS, [a.aim, a.entries, a.value, '≤', String(a.target), verdict]));
    }
  }
  lines.push('', 'Sizes');
  for (const [key, value] of Object.entries(report.sizes)) {
    if (typeof value !== 'object' || value === null) lines.push(`  ${key}: ${String(value)}`);
    else for (const [sub, inner] of Object.entries(value)) lines.push(`  ${key} ${sub}: ${JSON.stringify(inner)}`);
  }
  for (const note of report.notes) lines.push(`note: ${note}`);
  return lines.join('\n');
}
