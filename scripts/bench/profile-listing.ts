/**
 * Profiles case 3 (the listing filter) in Chromium: per-stage timings on a
 * synthetic listing, then a CPU profile (CDP) of the whole read repeated,
 * summarised by self time per function. Run: npx tsx scripts/bench/profile-listing.ts [entries] [runs]
 */
import { writeFileSync } from 'node:fs';
import { bundleProbe } from './bundle';
import { listingPages } from './pages';

const SOURCE = 'ao3/tag-works-a-shit-ton-of-angst.html';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

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
    const stages = await page.evaluate(([n, r]) => (globalThis as any).ficshelfProfile.stages(n, r), [count, runs] as const);
    console.log(JSON.stringify(stages, null, 1));

    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.evaluate((r) => (globalThis as any).ficshelfProfile.judgeRepeatedly(r), runs);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    writeFileSync('/tmp/listing.cpuprofile', JSON.stringify(profile));
    summarise(profile);
  } finally {
    await browser.close();
  }
}

function summarise(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    all += dt;
    const node = byId.get(id)!;
    const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}`;
    self.set(name(node), (self.get(name(node)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const key = name(byId.get(cur)!);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + dt);
    }
  });
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`).join('\n');
  console.log(`total ${all.toFixed(0)} ms\n--- self ---\n${top(self)}\n--- total ---\n${top(total)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
