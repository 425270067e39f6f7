/**
 * Profiles cases 1 and 2 on chosen pages in Chromium: each adapter's detect,
 * the claiming adapter's extract and enrichment timed apart, then a CPU
 * profile (CDP) of detection + extraction repeated, by self and total time per
 * function. Run: npx tsx scripts/bench/profile-extraction.ts <fixture substring>... [--runs=N] [--profile=detect|extract|enrich]
 */
import { writeFileSync } from 'node:fs';
import { bundleProbe } from './bundle';
import { readabilityPages, shortName, storyPages } from './pages';
import { summariseProfile, type CpuProfile } from './profile-summary';

async function main() {
  const args = process.argv.slice(2);
  const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 30);
  const profile = args.find((a) => a.startsWith('--profile='))?.slice(10) as 'detect' | 'extract' | 'enrich' | undefined;
  const wanted = args.filter((a) => !a.startsWith('--'));
  const pages = [...storyPages(), ...readabilityPages()].filter((p) => wanted.some((w) => shortName(p.fixture).includes(w)));
  const harness = await import('../../tests/e2e/harness');
  const { chromium } = await import('playwright-core');
  const probe = await bundleProbe('extraction-profile.ts', { minify: false });
  // Anonymous functions are named by their line in this file.
  writeFileSync('/tmp/extraction-profile.js', probe);
  const web = new harness.RoutedWeb();
  const browser = await chromium.launch({ executablePath: harness.CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    await context.route(/^https?:\/\//, (route) => route.fulfill(web.respond(route.request().url())));
    for (const bench of pages) {
      web.set(bench.url, { fixture: bench.fixture });
      const page = await context.newPage();
      await page.goto(bench.url, { waitUntil: 'load' });
      await page.evaluate(probe);
      const stages = await page.evaluate((r) => (globalThis as any).ficshelfProfile.stages(r), runs);
      console.log(shortName(bench.fixture), JSON.stringify(stages, (_, v) => (typeof v === 'number' ? +v.toFixed(3) : v)));
      if (profile) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
        await cdp.send('Profiler.start');
        await page.evaluate(([r, part]) => (globalThis as any).ficshelfProfile.readRepeatedly(r, part), [runs * 10, profile] as const);
        const result = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
        console.log(summariseProfile(result.profile, 25));
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
