/**
 * `npm run bench`: builds FicShelf into its own folder, then measures it in
 * real Chromium against baselines taken in the same run (issue 6). Prints a
 * table and writes .bench/results.json. Options:
 *   --quick          fewer runs and a 2,000-story library (a few minutes)
 *   --only=1,4       run only these cases (1 extraction … 6 reader)
 *   --runs=N         samples per measurement after warm-up
 *   --stories=N      library size for case 5 (default 5,000; 2,000 with --quick)
 *   --no-build       reuse the extension already built in $FICSHELF_OUT_DIR
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../tests/helpers/fixtures';
import type { BenchCase, BenchContext, PlainBrowser } from './context';
import { formatTable, type CaseResult } from './stats';

interface Options {
  quick: boolean;
  only: Set<number> | null;
  runs?: number;
  stories?: number;
  build: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { quick: false, only: null, build: true };
  for (const arg of argv) {
    if (arg === '--quick') options.quick = true;
    else if (arg === '--no-build') options.build = false;
    else if (arg.startsWith('--only=')) options.only = new Set(arg.slice(7).split(',').map(Number));
    else if (arg.startsWith('--runs=')) options.runs = Number(arg.slice(7));
    else if (arg.startsWith('--stories=')) options.stories = Number(arg.slice(10));
    else throw new Error(`unknown option ${arg} (see scripts/bench/run.ts)`);
  }
  return options;
}

/** The real build plus module-size records (scripts/bench/wxt.bench.config.ts), into a folder of its own. */
function buildExtension(outDir: string, statsFile: string): void {
  rmSync(statsFile, { force: true });
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'wxt'), ['build', '-c', 'scripts/bench/wxt.bench.config.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, FICSHELF_OUT_DIR: outDir, FICSHELF_BENCH_STATS: statsFile },
  });
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const outDir = process.env.FICSHELF_OUT_DIR
    ? path.resolve(ROOT, process.env.FICSHELF_OUT_DIR)
    : mkdtempSync(path.join(os.tmpdir(), 'ficshelf-bench-'));
  // The e2e harness reads this when it is imported, so it is set before the cases load.
  process.env.FICSHELF_OUT_DIR = outDir;
  const statsFile = path.join(outDir, 'bench-module-sizes.jsonl');
  const log = (message: string) => console.log(message);

  if (options.build || !existsSync(statsFile)) {
    log(`Building the extension into ${outDir}…`);
    buildExtension(outDir, statsFile);
  }
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'ensure-browsers.mjs')], { stdio: 'inherit' });

  const harness = await import('../../tests/e2e/harness');
  const { chromium } = await import('playwright-core');
  const { CASES } = await import('./cases');

  let plain: PlainBrowser | null = null;
  let extension: Awaited<ReturnType<typeof harness.launchChromium>> | null = null;
  const web = new harness.RoutedWeb();
  const context: BenchContext = {
    quick: options.quick,
    runs: options.runs ?? (options.quick ? 10 : 20),
    warmup: options.quick ? 3 : 5,
    stories: options.stories ?? (options.quick ? 2_000 : 5_000),
    outDir,
    statsFile,
    log,
    async plain() {
      plain ??= await launchPlain(chromium, harness, web);
      return plain;
    },
    async extension() {
      extension ??= await harness.launchChromium(web);
      return extension;
    },
  };

  const started = new Date();
  const results: CaseResult[] = [];
  try {
    for (const [number, name, run] of CASES as Array<[number, string, BenchCase]>) {
      if (options.only && !options.only.has(number)) continue;
      log(`Case ${number}: ${name}`);
      const t = Date.now();
      results.push(...(await run(context)));
      log(`  (${((Date.now() - t) / 1000).toFixed(0)} s)`);
    }
  } finally {
    const closing = [plain && (plain as PlainBrowser).browser.close(), extension && (extension as { close(): Promise<void> }).close()];
    await Promise.all(closing);
  }

  const machine = await describeMachine(chromium);
  const report = { startedAt: started.toISOString(), seconds: (Date.now() - started.getTime()) / 1000, options: { ...options, only: options.only && [...options.only] }, machine, results };
  mkdirSync(path.join(ROOT, '.bench'), { recursive: true });
  writeFileSync(path.join(ROOT, '.bench', 'results.json'), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(path.join(ROOT, '.bench', 'results.md'), markdownReport(results));
  console.log('\n' + formatTable(results.filter((r) => !r.detail)));
  const parts = results.filter((r) => r.case === '4 injected (part)');
  if (parts.length > 0) console.log('\nInjected code by part (estimated, gzipped KB):\n' + formatTable(parts));
  const failed = results.filter((r) => r.pass === false);
  console.log(`\n${results.filter((r) => r.pass).length} targets hold, ${failed.length} do not. Written to .bench/results.json (and results.md).`);
  console.log(`Machine: ${machine.cpus} cores, ${machine.memoryGB} GB, ${machine.chromium}, Node ${machine.node}`);
}

/** The table as Markdown, summary rows first and per-page rows after, for docs/performance.md. */
function markdownReport(results: CaseResult[]): string {
  const notes = results.filter((r) => !r.detail && r.note).map((r) => `- ${r.case} · ${r.name}: ${r.note}`);
  return [formatTable(results.filter((r) => !r.detail), { markdown: true }), '', ...notes, '', '### Per page', '', formatTable(results.filter((r) => r.detail), { markdown: true }), ''].join('\n');
}

async function launchPlain(
  chromium: typeof import('playwright-core').chromium,
  harness: typeof import('../../tests/e2e/harness'),
  web: InstanceType<typeof harness.RoutedWeb>,
): Promise<PlainBrowser> {
  if (!harness.CHROMIUM) throw new Error('Chromium is not installed: run `apt-get install -y chromium` (as root).');
  const browser = await chromium.launch({
    executablePath: harness.CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, javaScriptEnabled: true });
  await context.route(/^https?:\/\//, (route) => route.fulfill(web.respond(route.request().url())));
  return {
    browser,
    context,
    async open(bench, probe) {
      web.set(bench.url, { fixture: bench.fixture });
      const page = await context.newPage();
      await page.goto(bench.url, { waitUntil: 'load', timeout: 60_000 });
      await page.evaluate(probe);
      return page;
    },
  };
}

async function describeMachine(chromium: typeof import('playwright-core').chromium) {
  let version = 'unknown';
  try {
    const harness = await import('../../tests/e2e/harness');
    const browser = await chromium.launch({ executablePath: harness.CHROMIUM, args: ['--no-sandbox'] });
    version = `Chromium ${browser.version()}`;
    await browser.close();
  } catch {
    // The version is informative only.
  }
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    chromium: version,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

main().catch((error) => {
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
  process.exit(1);
});
