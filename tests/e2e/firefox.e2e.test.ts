import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';
import { FIREFOX_EXTENSION, RoutedWeb, requireBuilt } from './harness';

/**
 * The Firefox build in firefox-esr, driven over WebDriver BiDi (no
 * geckodriver here): it installs, and its content script reads a routed AO3
 * work the way the Chromium build does.
 */
const FIREFOX = ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p));
const web = new RoutedWeb().set('https://archiveofourown.org/works/323217', { fixture: 'ao3/work-323217-mentalist.html' });

let browser: Browser;
let installedId: string;
beforeAll(async () => {
  if (!FIREFOX) throw new Error('Firefox is not installed: run `apt-get install -y firefox-esr` (as root).');
  requireBuilt(FIREFOX_EXTENSION);
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: { 'network.dns.disableIPv6': true },
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
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const answer = web.respond(request.url());
      void request.respond({ status: answer.status, contentType: answer.contentType, body: answer.body });
    });
    await page.goto('https://archiveofourown.org/works/323217', { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.dataset.ficshelf !== undefined, { timeout: 20_000 });
    expect(await page.evaluate(() => document.documentElement.dataset.ficshelf)).toBe('story');
    await page.close();
  });
});
