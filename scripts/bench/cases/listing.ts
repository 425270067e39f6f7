import { bundleProbe } from '../bundle';
import type { BenchCase } from '../context';
import { listingPages, shortName, type BenchPage } from '../pages';
import { caseResult, firstReadNote, firstReadRow, type CaseResult, type FirstRead } from '../stats';
import { listingTemplatesHtml } from '../listing-templates';

/**
 * Case 3: blurb extraction + verdicts, as the listing filter runs them
 * (classifyPage's listing, each blurb paired with its entry's element, then
 * verdict per entry with a reader's spoiler and rating settings). Baseline: one walk
 * over every element inside the entries. Then a synthetic listing at growing
 * sizes, to show the growth is linear: the work blurbs of every listing
 * fixture cloned in place of one listing's entries.
 */
const SYNTHETIC_SOURCE = 'ao3/tag-works-a-shit-ton-of-angst.html';
const SIZES = [100, 250, 500, 1000];
const TARGET_MS_AT_1000 = 30;

export const listingCase: BenchCase = async (ctx) => {
  const probe = await bundleProbe('probe.ts');
  const browser = await ctx.plain();
  const results: CaseResult[] = [];
  const firstReads: FirstRead[] = [];
  for (const bench of listingPages()) {
    const page = await browser.open(bench, probe);
    const measured = await page.evaluate(
      (options) => (globalThis as any).ficshelfBench.listing(options),
      { warmup: ctx.warmup, runs: ctx.runs, inner: 1 },
    );
    await page.close();
    results.push(
      caseResult(
        { case: '3 listing', name: shortName(bench.fixture), note: `${measured.entries} entries, ${measured.hidden} hidden; ${firstReadNote(measured)}`, detail: true },
        measured.subject,
        { name: 'entry DOM walk', samples: measured.baseline },
      ),
    );
    firstReads.push(measured);
  }
  results.push(firstReadRow({ case: '3 listing', name: `listing fixtures (${firstReads.length}): first read on a fresh page` }, firstReads, 'entry DOM walk, first'));
  const source = listingPages().find((p) => p.fixture === SYNTHETIC_SOURCE) ?? listingPages()[0]!;
  const templates = listingTemplatesHtml();
  for (const size of SIZES) results.push(...(await synthetic(ctx, browser, source, probe, templates, size)));
  results.push(linearity(results.filter((r) => /^synthetic \d+ entries$/.test(r.name))));
  ctx.log(`  ${listingPages().length} listing fixtures, synthetic ${SIZES.join('/')}`);
  return results;
};

async function synthetic(
  ctx: Parameters<BenchCase>[0],
  browser: Awaited<ReturnType<Parameters<BenchCase>[0]['plain']>>,
  source: BenchPage,
  probe: string,
  templates: string,
  size: number,
): Promise<CaseResult[]> {
  const page = await browser.open(source, probe);
  const measured = await page.evaluate(
    ([count, options, html]) => (globalThis as any).ficshelfBench.syntheticListing(count, options, html),
    [size, { warmup: ctx.warmup, runs: ctx.runs, inner: 1 }, templates] as const,
  );
  await page.close();
  const rows = [
    caseResult(
      {
        case: '3 listing',
        name: `synthetic ${size} entries`,
        target: size === 1000 ? { kind: 'median', max: TARGET_MS_AT_1000 } : undefined,
        note: `${measured.entries} entries read, ${measured.hidden} hidden, cloned from the work blurbs of every listing fixture into ${shortName(source.fixture)}; split: classifyPage ${measured.extractMs.toFixed(1)} ms (of it enrichment ${measured.enrichMs.toFixed(1)}), pairing with elements ${measured.pairingMs.toFixed(1)} ms, verdicts ${measured.verdictMs.toFixed(1)} ms; ${firstReadNote(measured)}`,
      },
      measured.subject,
      { name: 'entry DOM walk', samples: measured.baseline },
    ),
  ];
  // At the target's size, what no parsing work can give back: the DOM reads alone, and the
  // least a whole read costs (only the fields a verdict uses, enriched and judged). When the
  // least fails the target, no reader of every entry can pass it on this machine.
  if (size === 1000) {
    rows.push(
      caseResult(
        { case: '3 listing', name: 'synthetic 1000: DOM reads a verdict needs', note: 'one scoped query per field and each tag text, as readBlurbs reads them, nothing parsed or judged' },
        measured.domReads,
        { name: 'entry DOM walk', samples: measured.baseline },
      ),
      caseResult(
        {
          case: '3 listing',
          name: 'synthetic 1000: the least a whole read costs',
          target: { kind: 'median', max: TARGET_MS_AT_1000 },
          note: `only the fields a verdict uses, read and squashed as readBlurbs does, enriched and judged; no stats, dates, series, URLs or pairing (${measured.floorHidden} hidden, as the whole pass: ${measured.hidden})`,
        },
        measured.floor,
        { name: 'entry DOM walk', samples: measured.baseline },
      ),
    );
  }
  return rows;
}

/**
 * Per-entry cost at the largest size over per-entry cost at the smallest:
 * about 1 when growth is linear. Reported as a row of its own (unit ms per
 * entry), passing when within 1.5×.
 */
function linearity(rows: CaseResult[]): CaseResult {
  const sizeOf = (r: CaseResult) => Number(r.name.match(/\d+/)![0]);
  const perEntry = rows.map((r) => r.median / sizeOf(r));
  const growth = perEntry[perEntry.length - 1]! / perEntry[0]!;
  return {
    case: '3 listing',
    name: 'per-entry cost, 1000 vs 100',
    unit: 'ms',
    median: perEntry[perEntry.length - 1]!,
    p95: perEntry[perEntry.length - 1]!,
    runs: rows.length,
    baseline: { name: 'per entry at 100', median: perEntry[0]!, p95: perEntry[0]! },
    ratio: growth,
    target: { kind: 'ratio', max: 1.5 },
    pass: growth <= 1.5,
    note: `per-entry ms at ${rows.map(sizeOf).join('/')}: ${perEntry.map((v) => v.toFixed(4)).join(' / ')}`,
  };
}
