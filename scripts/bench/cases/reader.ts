import type { BenchCase } from '../context';
import { goldenPages } from '../pages';
import { caseResult, type CaseResult } from '../stats';
import { openStoryPage } from '../../../tests/e2e/harness';
import { leaveReaderWithEsc, sendToggleReader, waitForReader } from '../../../tests/e2e/reader-helpers';

/**
 * Case 6: reader mode on the largest full-work fixture, measured in the page
 * from the marks the reader sets (entrypoints/page.content/reader/perf-marks.ts):
 * toggle → mounted is the toggle's own work (target: one 16 ms frame),
 * toggle → painted is what the reader waits for. Baseline: the page's own
 * layout of its text (#chapters hidden, then shown, forcing layout each time).
 */
const FIXTURE = 'ao3/fullwork-empire-to-conquer-naruto-wip.html';
const MARKS = ['ficshelf:reader-toggle', 'ficshelf:reader-mounted', 'ficshelf:reader-painted'] as const;

export const readerCase: BenchCase = async (ctx) => {
  const golden = goldenPages(['ao3']).find((p) => p.fixture === FIXTURE);
  if (!golden) throw new Error(`no golden for ${FIXTURE}`);
  const session = await ctx.extension();
  session.web.set(golden.url, { fixture: FIXTURE });
  const page = await openStoryPage(session, golden.url);
  const own: number[] = [];
  const painted: number[] = [];
  const outside: number[] = [];
  const relayout: number[] = [];
  const runs = ctx.quick ? 8 : 15;
  for (let run = 0; run < runs + 1; run++) {
    await page.evaluate((names) => names.forEach((n) => performance.clearMarks(n)), [...MARKS]);
    const start = Date.now();
    const answer = await sendToggleReader(session, page);
    if (!answer?.ok) throw new Error(`toggle-reader failed: ${JSON.stringify(answer)}`);
    await waitForReader(page);
    const elapsed = Date.now() - start;
    const marks = await page.waitForFunction(
      (names) => {
        const at = names.map((n) => performance.getEntriesByName(n, 'mark')[0]?.startTime);
        return at.every((t) => t !== undefined) ? at : null;
      },
      [...MARKS],
      { timeout: 10_000 },
    );
    const [toggle, mounted, paint] = (await marks.jsonValue()) as number[];
    await leaveReaderWithEsc(page);
    const layout = await page.evaluate(() => {
      const chapters = document.querySelector<HTMLElement>('#chapters') ?? document.body;
      const start = performance.now();
      chapters.style.display = 'none';
      void chapters.offsetHeight;
      chapters.style.display = '';
      void chapters.offsetHeight;
      return performance.now() - start;
    });
    if (run === 0) continue; // warm-up: first open compiles the reader's code paths
    own.push(mounted! - toggle!);
    painted.push(paint! - toggle!);
    outside.push(elapsed);
    relayout.push(layout);
  }
  await page.close();
  const results: CaseResult[] = [
    caseResult(
      { case: '6 reader', name: "toggle's own work (toggle → mounted)", target: { kind: 'median', max: 16 }, note: FIXTURE },
      own,
      { name: '#chapters relayout', samples: relayout },
    ),
    caseResult(
      { case: '6 reader', name: 'toggle → first paragraph painted', note: 'marks in the page, good to a frame' },
      painted,
      { name: '#chapters relayout', samples: relayout },
    ),
    caseResult({ case: '6 reader', name: 'command sent → reader shown (from Node)', note: 'includes messaging and Playwright polling' }, outside),
  ];
  ctx.log(`  reader: ${results[0]!.median.toFixed(1)} ms own work, ${results[1]!.median.toFixed(1)} ms to paint`);
  return results;
};
