import { bundleProbe } from '../bundle';
import type { BenchCase } from '../context';
import { readabilityPages, shortName, storyPages, type BenchPage } from '../pages';
import { caseResult, firstReadNote, firstReadRow, median, percentile, type CaseResult, type FirstRead } from '../stats';

/**
 * Case 1: FicShelf detection + extraction (classifyPage) vs
 * `new Readability(doc.cloneNode(true)).parse()` on the same live document.
 * On story pages FicShelf must take at most a quarter of Readability's time;
 * on the readability corpus (not stories) the row shows what FicShelf costs
 * there instead, without a target.
 */
export const extractionCase: BenchCase = async (ctx) => {
  const probe = await bundleProbe('probe.ts');
  const browser = await ctx.plain();
  const pages: BenchPage[] = [...storyPages(), ...readabilityPages(10)];
  const results: CaseResult[] = [];
  const firstReads: FirstRead[] = [];
  for (const bench of pages) {
    const page = await browser.open(bench, probe);
    const measured = await page.evaluate(
      (options) => (globalThis as any).ficshelfBench.extraction(options),
      { warmup: ctx.warmup, runs: ctx.runs, inner: 1 },
    );
    await page.close();
    const isStory = bench.kind === 'story';
    const result = caseResult(
      {
        case: '1 extraction',
        name: shortName(bench.fixture),
        target: isStory ? { kind: 'ratio', max: 0.25 } : undefined,
        note: `read as ${measured.kind}${measured.site ? ` (${measured.site})` : ''}${measured.inner > 1 ? `; ${measured.inner} calls per sample` : ''}${splitNote(measured.split)}; ${firstReadNote(measured)}`,
      },
      measured.subject,
      { name: 'Readability', samples: measured.baseline },
    );
    if (isStory && measured.kind !== 'story') {
      result.pass = false;
      result.note += ': expected a story';
    }
    results.push(result);
    if (isStory) firstReads.push(measured);
    ctx.log(`  ${result.name}: ${result.median.toFixed(2)} ms vs ${result.baseline!.median.toFixed(2)} ms`);
  }
  const firstRow = firstReadRow({ case: '1 extraction', name: `story pages (${firstReads.length}): first read on a fresh page` }, firstReads, 'Readability, first');
  return [storySummary(results.filter((r) => r.target)), firstRow, ...results];
};

/**
 * One row for the story pages: the median of their ratios (each page's own
 * row keeps its pass or fail), with how many pages are within the target and
 * which is furthest from it.
 */
function storySummary(stories: CaseResult[]): CaseResult {
  const ratios = stories.map((r) => r.ratio!);
  const worst = stories.reduce((a, b) => (b.ratio! > a.ratio! ? b : a));
  const within = stories.filter((r) => r.pass).length;
  const ratio = median(ratios);
  return {
    case: '1 extraction',
    name: `story pages (${stories.length}): median of per-page ratios`,
    unit: 'ms',
    median: median(stories.map((r) => r.median)),
    p95: percentile(stories.map((r) => r.median), 95),
    runs: stories.length,
    baseline: { name: 'Readability', median: median(stories.map((r) => r.baseline!.median)), p95: percentile(stories.map((r) => r.baseline!.median), 95) },
    ratio,
    target: { kind: 'ratio', max: 0.25 },
    pass: ratio <= 0.25,
    note: `${within} of ${stories.length} pages within 0.25× on their own; furthest: ${worst.name} at ${worst.ratio!.toFixed(2)}×; times are medians across pages`,
  };
}

/** "; detect 0.1, extract 3.2 (…) ms": where the time goes, median of three each. */
function splitNote(split: Record<string, number>): string {
  const parts = Object.entries(split).map(([part, ms]) => `${part} ${ms.toFixed(1)}`);
  return parts.length ? `; split ms: ${parts.join(', ')}` : '';
}
