/**
 * The bench's arithmetic and report format, kept pure so it can be unit
 * tested: summaries of timing samples, targets and their verdicts, and the
 * table printed at the end of a run.
 */

export interface Summary {
  median: number;
  p95: number;
  min: number;
  runs: number;
}

/** A target is either a ratio to the baseline, or a ceiling on the median, the p95 or a single value. */
export type Target =
  | { kind: 'ratio'; max: number }
  | { kind: 'median'; max: number }
  | { kind: 'p95'; max: number }
  | { kind: 'value'; max: number };

export interface CaseResult {
  /** Which of the six cases (e.g. "1 extraction"). */
  case: string;
  /** What was measured (e.g. the fixture). */
  name: string;
  unit: 'ms' | 'KB';
  median: number;
  p95: number;
  runs: number;
  baseline?: { name: string; median: number; p95: number };
  /** subject median / baseline median. */
  ratio?: number;
  target?: Target;
  pass?: boolean;
  note?: string;
  /** A per-page row that a summary row already covers: kept in the JSON, left out of the printed table. */
  detail?: boolean;
}

function sorted(values: readonly number[]): number[] {
  if (values.length === 0) throw new Error('no samples');
  return [...values].sort((a, b) => a - b);
}

export function median(values: readonly number[]): number {
  const s = sorted(values);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Nearest-rank percentile: the smallest sample with at least p% of samples at or below it. */
export function percentile(values: readonly number[], p: number): number {
  const s = sorted(values);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[rank - 1]!;
}

export function summarize(values: readonly number[]): Summary {
  return { median: median(values), p95: percentile(values, 95), min: sorted(values)[0]!, runs: values.length };
}

export function ratio(subject: number, baseline: number): number {
  return baseline > 0 ? subject / baseline : Number.POSITIVE_INFINITY;
}

/** Whether a result meets its target; undefined when it has none. */
export function meets(result: Pick<CaseResult, 'median' | 'p95' | 'ratio' | 'target'>): boolean | undefined {
  const target = result.target;
  if (!target) return undefined;
  switch (target.kind) {
    case 'ratio':
      return result.ratio !== undefined && result.ratio <= target.max;
    case 'median':
    case 'value':
      return result.median < target.max || (target.kind === 'value' && result.median === target.max);
    case 'p95':
      return result.p95 < target.max;
  }
}

/** Builds a result from samples, with its baseline's samples and target, and judges it. */
export function caseResult(
  fields: { case: string; name: string; unit?: CaseResult['unit']; target?: Target; note?: string; detail?: boolean },
  samples: readonly number[],
  baseline?: { name: string; samples: readonly number[] },
): CaseResult {
  const subject = summarize(samples);
  const result: CaseResult = { unit: 'ms', ...fields, median: subject.median, p95: subject.p95, runs: subject.runs };
  if (baseline) {
    const base = summarize(baseline.samples);
    result.baseline = { name: baseline.name, median: base.median, p95: base.p95 };
    result.ratio = ratio(subject.median, base.median);
  }
  result.pass = meets(result);
  return result;
}

export function describeTarget(target: Target | undefined, unit: string): string {
  if (!target) return '';
  switch (target.kind) {
    case 'ratio':
      return `≤ ${target.max}× base`;
    case 'median':
      return `median < ${target.max} ${unit}`;
    case 'p95':
      return `p95 < ${target.max} ${unit}`;
    case 'value':
      return `≤ ${target.max} ${unit}`;
  }
}

/** Numbers with 3 significant figures at most, so columns stay short and comparable. */
export function formatNumber(value: number | undefined): string {
  if (value === undefined) return '';
  if (!Number.isFinite(value)) return '∞';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toPrecision(2);
}

const COLUMNS = ['case', 'name', 'median', 'p95', 'baseline', 'base med', 'ratio', 'target', 'ok'] as const;

function row(result: CaseResult): string[] {
  const unit = result.unit;
  return [
    result.case,
    result.name,
    `${formatNumber(result.median)} ${unit}`,
    `${formatNumber(result.p95)} ${unit}`,
    result.baseline?.name ?? '',
    result.baseline ? `${formatNumber(result.baseline.median)} ${unit}` : '',
    result.ratio === undefined ? '' : `${formatNumber(result.ratio)}×`,
    describeTarget(result.target, unit),
    result.pass === undefined ? '' : result.pass ? 'pass' : 'FAIL',
  ];
}

/** A fixed-width text table; `markdown` gives the same rows as a Markdown table for docs/performance.md. */
export function formatTable(results: readonly CaseResult[], options: { markdown?: boolean } = {}): string {
  const rows = [COLUMNS.slice(), ...results.map(row)];
  if (options.markdown) {
    const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
    return [line(rows[0]!), line(COLUMNS.map(() => '---')), ...rows.slice(1).map(line)].join('\n');
  }
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((cells) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

/** A page's first call of each side (cold), as the probe reports them. */
export interface FirstRead {
  firstMs: number;
  firstBaseMs: number;
}

export function firstReadNote(read: FirstRead): string {
  return `first read ${read.firstMs.toFixed(1)} ms (baseline's first ${read.firstBaseMs.toFixed(1)} ms)`;
}

/**
 * A row for the first call on each page: cold, with nothing compiled or
 * cached yet, which is what a reader pays on every page view (the repeated
 * samples of the other rows are what the medians ask for). Median and
 * p95 across pages, beside the baseline's first calls; reported, no target.
 */
export function firstReadRow(fields: { case: string; name: string }, reads: readonly FirstRead[], baseName: string): CaseResult {
  const result = caseResult(
    { ...fields, note: 'cold: the first call on each page, as on every page view; median and p95 across pages' },
    reads.map((r) => r.firstMs),
    { name: baseName, samples: reads.map((r) => r.firstBaseMs) },
  );
  result.pass = undefined;
  return result;
}
