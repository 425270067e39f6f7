/**
 * Timing inside the page. Chromium coarsens performance.now() (to 100 µs
 * outside cross-origin-isolated pages), so fast work is timed in batches of
 * `inner` calls and divided. Subject and baseline alternate, with the order
 * swapped every run, so background load falls on both alike.
 */

export interface TimingOptions {
  warmup: number;
  runs: number;
  /** Calls per sample (each sample is the mean of a batch). */
  inner?: number;
}

export interface Samples {
  subject: number[];
  baseline: number[];
}

function timeBatch(work: () => unknown, inner: number): number {
  const start = performance.now();
  for (let i = 0; i < inner; i++) work();
  return (performance.now() - start) / inner;
}

export function timeInterleaved(subject: () => unknown, baseline: (() => unknown) | null, options: TimingOptions): Samples {
  const inner = options.inner ?? 1;
  const samples: Samples = { subject: [], baseline: [] };
  for (let run = 0; run < options.warmup + options.runs; run++) {
    const keep = run >= options.warmup;
    const order = run % 2 === 0 ? ['subject', 'baseline'] : ['baseline', 'subject'];
    for (const which of order) {
      const work = which === 'subject' ? subject : baseline;
      if (!work) continue;
      const ms = timeBatch(work, inner);
      if (keep) samples[which as keyof Samples].push(ms);
    }
  }
  return samples;
}

/** The same for async work (IndexedDB), one call per sample. */
export async function timeInterleavedAsync(
  subject: (run: number) => Promise<unknown>,
  baseline: ((run: number) => Promise<unknown>) | null,
  options: TimingOptions,
): Promise<Samples> {
  const samples: Samples = { subject: [], baseline: [] };
  for (let run = 0; run < options.warmup + options.runs; run++) {
    const keep = run >= options.warmup;
    const order = run % 2 === 0 ? ['subject', 'baseline'] : ['baseline', 'subject'];
    for (const which of order) {
      const work = which === 'subject' ? subject : baseline;
      if (!work) continue;
      const start = performance.now();
      await work(run);
      const ms = performance.now() - start;
      if (keep) samples[which as keyof Samples].push(ms);
    }
  }
  return samples;
}

/** The fastest and the median of a set of timings, for the profile-* scripts' stage tables. */
export function minAndMedian(times: number[]): { min: number; median: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]! };
}

/** `runs` samples of `work`, each the mean of `inner` calls, as min and median. */
export function timeRepeated(work: () => unknown, runs: number, inner = 1): { min: number; median: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(timeBatch(work, inner));
  return minAndMedian(times);
}

/**
 * One call of `work` and how long it took: the first call on a fresh page is
 * what a reader pays on each page view (the content script starts anew on
 * every page), before any expression is compiled or any cache filled.
 */
export function timeFirst<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}
