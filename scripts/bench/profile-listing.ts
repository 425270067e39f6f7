/**
 * Profiles case 3 (the listing filter) in Chromium: per-stage timings on a
 * synthetic listing, then a CPU profile (CDP) of the whole read repeated,
 * summarised by self time per function. Run: npx tsx scripts/bench/profile-listing.ts [entries] [runs]
 */
import { writeFileSync } from 'node:fs';
import { bundleProbe } from './bundle';
import { listingPages } from './pages';
import { listingTemplatesHtml } from './listing-templates';
import { summariseProfile, type CpuProfile } from './profile-summary';

const SOURCE = 'ao3/tag-works-a-shit-ton-of-angst.html';

async function main() {
  const count = Number(process.argv[2] ?? 1000);
  const runs = Number(process.argv[3] ?? 15);
  const harness = await import('../../tests/e2e/harness');
  const { chromium } = await import('playwright-core');
  const probe = await bundleProbe('listing-profile.ts', { minify: false });
  const web = new harness.RoutedWeb();
  const browser = await chromium.launch({ executablePath: harness.CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    await context.route(/^https?:\/\//, (route) => route.fulfill(web.respond(route.request().url())));
    const source = listingPages().find((p) => p.fixture === SOURCE)!;
    web.set(source.url, { fixture: source.fixture });
    const page = await context.newPage();
    await page.goto(source.url, { waitUntil: 'load' });
    await page.evaluate(probe);
    const stages = await page.evaluate(([n, r, html]) => (globalThis as any).ficshelfProfile.stages(n, r, html), [count, runs, listingTemplatesHtml()] as const);
    console.log(JSON.stringify(stages, null, 1));

    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.evaluate((r) => (globalThis as any).ficshelfProfile.judgeRepeatedly(r), runs);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    writeFileSync('/tmp/listing.cpuprofile', JSON.stringify(profile));
    console.log(summariseProfile(profile));
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
