import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/fixtures';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_EXTENSION, RoutedWeb, requireBuilt } from './harness';
import { READER } from './reader-helpers';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { AO3_DRAGON_AGE_FULL, AO3_DRAGON_AGE_WORK, handMadeAo3FullWork } from './ao3-full-work';

/**
 * The Firefox build in firefox-esr, driven over WebDriver BiDi (no
 * geckodriver here): it installs, and its content script reads a routed AO3
 * work the way the Chromium build does, its popup opens reader mode there and
 * saves, and the spoiler shield and the listing filter apply.
 */
const FIREFOX = ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p));
const golden = JSON.parse(readFileSync(path.join(ROOT, 'tests/goldens/ao3/work-323217-mentalist.json'), 'utf8'));
const AO3_WORK = 'https://archiveofourown.org/works/323217';
const SEEING_RED = 'https://archiveofourown.org/works/48582418/chapters/122448127';
const JILY = 'https://archiveofourown.org/tags/James%20Potter*s*Lily%20Evans%20Potter/works';
const web = new RoutedWeb()
  .set(AO3_WORK, { fixture: 'ao3/work-323217-mentalist.html' })
  .set(SEEING_RED, { fixture: 'pages/ao3-hand-made-buffy-post-seeing-red.html' })
  .set(JILY, { fixture: 'ao3/EDITED-tag-works-jily-listing.html' })
  .set(AO3_DRAGON_AGE_WORK, { fixture: 'ao3/work-17793689-dragonage-ch1-index.html' })
  .set(AO3_DRAGON_AGE_FULL, { html: handMadeAo3FullWork() });
const GECKO_ID = JSON.parse(readFileSync(`${FIREFOX_EXTENSION}/manifest.json`, 'utf8')).browser_specific_settings.gecko.id as string;
/** The extension's moz-extension:// host, pinned so the test can open its pages. */
const EXTENSION_UUID = '5d0c3f0e-7f1a-4c55-9a55-f1c5e1f00d3a';

let browser: Browser;
let installedId: string;
beforeAll(async () => {
  if (!FIREFOX) throw new Error('Firefox is not installed: run `apt-get install -y firefox-esr` (as root).');
  requireBuilt(FIREFOX_EXTENSION);
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Extension pages can only be opened by a remote-controlled Firefox with system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'network.dns.disableIPv6': true, 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }) },
  });
  installedId = await browser.installExtension(FIREFOX_EXTENSION);
});
afterAll(async () => {
  await browser?.close();
});

describe('Firefox build', () => {
  it('installs as a temporary add-on with its gecko id', async () => {
    const manifest = JSON.parse(readFileSync(`${FIREFOX_EXTENSION}/manifest.json`, 'utf8'));
    expect(installedId).toBe(manifest.browser_specific_settings.gecko.id);
  });

  it('detects a story on a routed AO3 work', async () => {
    const page = await openStoryPage(AO3_WORK);
    expect(await page.evaluate(() => document.documentElement.dataset.ficshelf)).toBe('story');
    await page.close();
  });

  it("opens reader mode from the popup's Reader mode button", async () => {
    const story = await openStoryPage(AO3_WORK);
    const popup = await browser.newPage();
    await openExtensionPage(popup, 'popup.html', 'main.popup');
    // The popup is pointed at a tab the way Chromium's tests do it (?tab=<id>); the id comes from the extension's own tabs API.
    const tabId = await popup.evaluate(async (url) => {
      const [tab] = await (globalThis as any).browser.tabs.query({ url });
      return tab?.id as number;
    }, AO3_WORK);
    expect(tabId).toBeGreaterThan(0);
    await openExtensionPage(popup, `popup.html?tab=${tabId}`, 'button[data-action="toggle-reader"]');
    await popup.click('button[data-action="toggle-reader"]');

    await story.waitForFunction((selector) => !!document.querySelector(selector)?.shadowRoot?.querySelector('.fs-reader[data-restored] .fs-text p'), { timeout: 15_000 }, READER);
    const shown = await story.evaluate((selector) => {
      const root = document.querySelector(selector)!.shadowRoot!;
      return { title: root.querySelector('.fs-title')?.textContent, text: root.querySelector<HTMLElement>('.fs-text')!.innerText.replace(/\s+/g, ' ') };
    }, READER);
    expect(shown.title).toBe(golden.story.title);
    expect(shown.text.startsWith(golden.story.chapters[0].start)).toBe(true);
    expect(shown.text.endsWith(golden.story.chapters[0].end)).toBe(true);
    expect(shown.text).not.toContain('Kudos');

    await story.bringToFront();
    await story.keyboard.press('Escape');
    await story.waitForFunction((selector) => !document.querySelector(selector), { timeout: 10_000 }, READER);
    await popup.close();
    await story.close();
  });

  it('saves a whole AO3 work from the popup (through its full-work view) and finds it in the library', async () => {
    const story = await openStoryPage(AO3_DRAGON_AGE_WORK);
    const popup = await browser.newPage();
    await openExtensionPage(popup, 'popup.html', 'main.popup');
    const tabId = await popup.evaluate(async (url) => {
      const [tab] = await (globalThis as any).browser.tabs.query({ url });
      return tab?.id as number;
    }, AO3_DRAGON_AGE_WORK);
    await openExtensionPage(popup, `popup.html?tab=${tabId}`, '[data-library-state="not-saved"]');
    await popup.click('[data-action="save"]');
    await popup.waitForSelector('[data-library-state="saved"]', { timeout: 60_000 });
    expect(await popup.$eval('.save-outcome', (el) => el.textContent)).toBe('Saved all 14 chapters to your library.');

    const library = await browser.newPage();
    const item = '[data-ficshelf="library-item"][data-story-id="ao3:17793689"]';
    await openExtensionPage(library, 'library.html', item);
    expect(await library.$eval(`${item} .item-title a`, (el) => el.textContent)).toBe('Nobody Expects the Dragon Age Inquisition');
    expect(await library.$eval(`${item} [data-field="chapters"]`, (el) => el.textContent)).toBe('14 chapters');
    await Promise.all([library.close(), popup.close(), story.close()]);
  });

  it('covers a work that spoils past the episode set, and collapses the blurbs a tag blocklist names', async () => {
    // Written to storage from an extension page, as the options page saves them.
    const settings = await browser.newPage();
    await openExtensionPage(settings, 'popup.html', 'main.popup');
    const spoilers = { ...DEFAULT_SETTINGS.spoilers, progress: { 'Buffy the Vampire Slayer': { season: 4, episode: 9 } } };
    const blocklist = { tags: ['Slow Burn'], authors: [], allowTags: [], allowAuthors: [] };
    await settings.evaluate(
      (parts) => (globalThis as any).browser.storage.local.set({ 'settings.spoilers': parts.spoilers, 'settings.blocklist': parts.blocklist }),
      { spoilers, blocklist },
    );
    await settings.close();

    const story = await openStoryPage(SEEING_RED);
    await story.waitForFunction(() => document.documentElement.hasAttribute('data-ficshelf-filtered'), { timeout: 20_000 });
    expect(await story.$eval('[data-ficshelf="shield"]', (el) => JSON.parse(el.getAttribute('data-reasons') ?? '[]'))).toEqual([
      "Spoils Buffy S6E19 Seeing Red — you've watched through S4E9",
    ]);
    expect(await story.$eval('#chapters', (el) => (el as HTMLElement).offsetHeight > 0 && getComputedStyle(el).visibility === 'visible')).toBe(false);
    await story.close();

    const listing = await openStoryPage(JILY);
    await listing.waitForFunction(() => document.documentElement.hasAttribute('data-ficshelf-filtered'), { timeout: 20_000 });
    const hidden = await listing.$$eval('[data-ficshelf-hidden]', (els) => els.map((el) => el.querySelector('h4.heading a[href*="/works/"]')?.textContent?.trim()));
    expect(hidden).toEqual(['A Dream of Drowning', 'Keep Score', 'Sometimes all you need is someone for to be', 'Both Sides Now', 'The Middle Path of Moonlight', 'Sing Loud in the Long Night']);
    expect(await listing.$eval('[data-ficshelf="placeholder"]', (el) => JSON.parse(el.getAttribute('data-reasons') ?? '[]'))).toEqual(['Tag blocked: Slow Burn']);
    await listing.close();
  });
});

/** A new tab on a routed address, once the content script has looked at it. */
async function openStoryPage(url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const answer = web.respond(request.url());
    void request.respond({ status: answer.status, contentType: answer.contentType, body: answer.body });
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.ficshelf !== undefined, { timeout: 20_000 });
  return page;
}

/** Opens one of the extension's pages. Over BiDi goto() never settles for moz-extension:// (toolchain gotcha 6), so wait for the page's own element instead. */
async function openExtensionPage(page: Page, file: string, readySelector: string): Promise<void> {
  page.goto(`moz-extension://${EXTENSION_UUID}/${file}`).catch(() => undefined);
  await page.waitForSelector(readySelector, { timeout: 15_000 });
}
