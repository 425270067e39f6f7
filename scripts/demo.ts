/**
 * `npm run demo`: builds FicShelf, serves sample stories at their real
 * addresses (routed to saved pages, no network), and opens Chromium with the
 * extension loaded. With no display (no $DISPLAY, or --screenshots) it writes
 * screenshots of each sample and its popup instead, and names the folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../tests/helpers/fixtures';
import { activeTabId, launchChromium, openPopupFor, openStoryPage, RoutedWeb } from '../tests/e2e/harness';
import { SAMPLES } from './samples';

const OUT = path.join(ROOT, '.demo', 'screenshots');

async function main(): Promise<void> {
  const headless = process.argv.includes('--screenshots') || !process.env.DISPLAY;
  console.log('Building the extension…');
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'wxt'), ['build'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'ensure-browsers.mjs')], { stdio: 'inherit' });

  const web = new RoutedWeb();
  for (const sample of SAMPLES) web.set(sample.url, sample.route);
  const session = await launchChromium(web, { headless });

  if (!headless) {
    for (const sample of SAMPLES) await openStoryPage(session, sample.url);
    console.log(`Chromium is open with FicShelf and ${SAMPLES.length} sample stories, one per tab:`);
    for (const sample of SAMPLES) console.log(`  ${sample.name}: ${sample.url}`);
    console.log('Click the FicShelf toolbar button on any tab. Close the browser window to end the demo.');
    await new Promise<void>((resolve) => session.context.on('close', () => resolve()));
    return;
  }

  mkdirSync(OUT, { recursive: true });
  for (const sample of SAMPLES) {
    const page = await openStoryPage(session, sample.url);
    await page.screenshot({ path: path.join(OUT, `${sample.name}-page.png`) });
    const kind = await page.evaluate(() => document.documentElement.dataset.ficshelf);
    const popup = await openPopupFor(session, await activeTabId(session));
    await popup.screenshot({ path: path.join(OUT, `${sample.name}-popup.png`), fullPage: true });
    console.log(`  ${sample.name}: detected "${kind}" → ${sample.name}-page.png, ${sample.name}-popup.png`);
    await popup.close();
    await page.close();
  }
  await session.close();
  console.log(`No display: screenshots written to ${OUT}`);
}

main().catch((error) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
