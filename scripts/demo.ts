/**
 * `npm run demo`: builds FicShelf, serves sample stories at their real
 * addresses (routed to saved pages, no network), and opens Chromium with the
 * extension loaded. With no display (no $DISPLAY, or --screenshots) it writes
 * screenshots of each sample, its popup, and reader mode on each story in a
 * light and a dark theme instead; then saves a few samples through the
 * popup's Save and shows the library and the offline reader in both themes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../tests/helpers/fixtures';
import type { Page } from 'playwright-core';
import { activeTabId, launchChromium, openPopupFor, openStoryPage, RoutedWeb, type ChromiumSession } from '../tests/e2e/harness';
import { leaveReaderWithEsc, sendToggleReader, setReaderSettings, waitForReader } from '../tests/e2e/reader-helpers';
import { LIBRARY_SAMPLES, SAMPLES, SAVE_ROUTES, type Sample } from './samples';

const OUT = path.join(ROOT, '.demo', 'screenshots');
/** Reader mode is shown in these themes, set through storage as the options page would. */
const READER_THEMES = ['light', 'dark'] as const;

async function main(): Promise<void> {
  const headless = process.argv.includes('--screenshots') || !process.env.DISPLAY;
  console.log('Building the extension…');
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'wxt'), ['build'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'ensure-browsers.mjs')], { stdio: 'inherit' });

  const web = new RoutedWeb();
  for (const sample of SAMPLES) web.set(sample.url, sample.route);
  for (const extra of SAVE_ROUTES) web.set(extra.url, extra.route);
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
    await popup.close();
    const readerShots = kind === 'story' ? await screenshotReader(session, page, sample.name) : [];
    const noReader = kind === 'story' && readerShots.length === 0 ? ' (no chapter text on this page, so no reader mode)' : '';
    console.log(`  ${sample.name}: detected "${kind}" → ${[`${sample.name}-page.png`, `${sample.name}-popup.png`, ...readerShots].join(', ')}${noReader}`);
    await page.close();
  }
  const saved = await saveSamples(session, SAMPLES.filter((s) => LIBRARY_SAMPLES.includes(s.name)));
  console.log(`  library: saved ${saved.length} samples → ${(await screenshotLibrary(session, saved)).join(', ')}`);
  await session.close();
  console.log(`No display: screenshots written to ${OUT}`);
}

/** Reader mode on a story page, once per theme; returns the files written. */
async function screenshotReader(session: ChromiumSession, page: Page, name: string): Promise<string[]> {
  const files: string[] = [];
  for (const theme of READER_THEMES) {
    await setReaderSettings(session, { theme });
    const answer = await sendToggleReader(session, page);
    if (!answer?.ok) break;
    await waitForReader(page);
    const file = `${name}-reader-${theme}.png`;
    await page.screenshot({ path: path.join(OUT, file) });
    files.push(file);
    await leaveReaderWithEsc(page);
  }
  return files;
}

/** Saves each sample as a reader would: its page, the popup, Save; returns the ids the library now holds. */
async function saveSamples(session: ChromiumSession, samples: Sample[]): Promise<string[]> {
  const ids: string[] = [];
  for (const sample of samples) {
    const page = await openStoryPage(session, sample.url);
    const popup = await openPopupFor(session, await activeTabId(session));
    await popup.click('[data-action="save"]');
    await popup.waitForSelector('[data-library-state="saved"]', { timeout: 60_000 });
    const id = await popup.getAttribute('.recent-saves li[data-story-id]', 'data-story-id');
    if (id) ids.push(id);
    await Promise.all([popup.close(), page.close()]);
  }
  return ids;
}

/** library.html and the offline reader (read.html?id=…) on the first saved story, in each theme; returns the files written. */
async function screenshotLibrary(session: ChromiumSession, ids: string[]): Promise<string[]> {
  const files: string[] = [];
  const page = await session.context.newPage();
  for (const theme of READER_THEMES) {
    // The library follows the system's colour scheme; the offline reader follows the reader settings.
    await page.emulateMedia({ colorScheme: theme });
    await setReaderSettings(session, { theme });
    await page.goto(`chrome-extension://${session.extensionId}/library.html`);
    await page.waitForSelector('[data-ficshelf="library-item"]');
    files.push(await shot(page, `library-${theme}.png`));
    files.push(await screenshotUpdateCheck(page, theme));
    const first = ids[0];
    if (!first) continue;
    await page.goto(`chrome-extension://${session.extensionId}/read.html?id=${encodeURIComponent(first)}`);
    await page.waitForSelector('[data-ficshelf="offline-reader"][data-state="ready"] .fs-text');
    files.push(await shot(page, `offline-reader-${theme}.png`));
  }
  await page.close();
  return files;
}

/** "Check for updates" on every saved story, once it has finished (the samples are up to date, or say why not). */
async function screenshotUpdateCheck(page: Page, theme: string): Promise<string> {
  await page.check('[data-action="select-all"]');
  await page.click('[data-action="check-updates"]');
  await page.waitForSelector('[data-ficshelf="update-check"][data-state="done"]', { timeout: 60_000 });
  return shot(page, `library-updates-${theme}.png`);
}

async function shot(page: Page, file: string): Promise<string> {
  await page.screenshot({ path: path.join(OUT, file) });
  return file;
}

main().catch((error) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
