import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { CHROME_EXTENSION, launchChromium, openPopupFor, RoutedWeb, type ChromiumSession } from './harness';

/**
 * A site the reader enabled by hand (not a known story host): the content
 * script reads a story there with the generic fallback, which it loads as a
 * part (Readability is not in page.js), and loads nothing on a page of the
 * same site that is clearly not an article.
 *
 * Granting an optional host permission needs a click on the browser's own
 * prompt, which no test can reach: this test loads a copy of the build whose
 * manifest already holds the permission, then enables the site through the
 * same message the popup sends.
 */
const ORIGIN = 'https://jeconais.fanficauthors.net/*';
const STORY = 'https://jeconais.fanficauthors.net/Hope/';
const NOT_AN_ARTICLE = 'https://jeconais.fanficauthors.net/search/';

const web = new RoutedWeb()
  .set(STORY, { fixture: 'fanficauthors/story-hope.html' })
  .set(NOT_AN_ARTICLE, { html: '<!doctype html><html><head><title>Search</title></head><body><nav><a href="/">Home</a></nav><form><input name="q"></form></body></html>' });

let session: ChromiumSession;
let copy: string;
beforeAll(async () => {
  copy = mkdtempSync(path.join(tmpdir(), 'ficshelf-granted-'));
  cpSync(CHROME_EXTENSION, copy, { recursive: true });
  const manifestFile = path.join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  manifest.host_permissions = [...manifest.host_permissions, ORIGIN];
  writeFileSync(manifestFile, JSON.stringify(manifest));
  session = await launchChromium(web, { extension: copy });
});
afterAll(async () => {
  await session?.close();
  if (copy) rmSync(copy, { recursive: true, force: true });
});

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

async function tabIdOf(page: Page): Promise<number> {
  await page.bringToFront();
  return session.worker.evaluate(async () => {
    const [tab] = await (globalThis as any).chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab!.id as number;
  });
}

/** Sends a message to the background from an extension page, as the popup does. */
async function ask(message: object): Promise<any> {
  const page = await session.context.newPage();
  try {
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    return await page.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), message);
  } finally {
    await page.close();
  }
}

/** Enables the site for a tab as the popup does, and waits for the content script's reading. */
async function enableOn(url: string): Promise<{ page: Page; tabId: number }> {
  const page = await session.context.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(page);
  expect(await ask({ type: 'ficshelf:enable-site', origin: ORIGIN, tabId })).toEqual({ ok: true });
  await page.waitForFunction(() => document.documentElement.dataset.ficshelf !== undefined, null, { timeout: 20_000 });
  return { page, tabId };
}

/** Whether the generic part ran in the tab's content-script world. */
function genericPartLoaded(tabId: number): Promise<boolean> {
  return session.worker.evaluate(async (tab) => {
    const [result] = await (globalThis as any).chrome.scripting.executeScript({
      target: { tabId: tab },
      func: () => Boolean((globalThis as any)[Symbol.for('ficshelf.parts')]?.generic),
    });
    return result.result as boolean;
  }, tabId);
}

describe('generic fallback on a site the reader enabled', () => {
  it('loads the generic part and reads the story', async () => {
    const { page, tabId } = await enableOn(STORY);
    expect(await page.evaluate(() => document.documentElement.dataset.ficshelf)).toBe('story');
    expect(await genericPartLoaded(tabId)).toBe(true);
    const state = await ask({ type: 'ficshelf:tab-state', tabId });
    expect(state.page?.site).toBe('generic');
    expect(state.page?.story?.title).toBe('Hope');
    await page.close();
  });

  it('saves the story from the popup, and it reads offline in read.html', async () => {
    const { page, tabId } = await enableOn(STORY);
    const state = await ask({ type: 'ficshelf:tab-state', tabId });
    const id = state.page!.story!.id as string;
    const onPage = squash(state.page!.story!.chapters[0]!.text as string);
    expect(onPage.length).toBeGreaterThan(200);

    const popup = await openPopupFor(session, tabId);
    await popup.waitForSelector('[data-library-state="not-saved"]');
    await popup.click('[data-action="save"]');
    await popup.waitForSelector('[data-library-state="saved"]', { timeout: 60_000 });
    expect(await popup.textContent('.save-outcome')).toBe('Saved the story to your library.');

    // The saved copy, opened from the extension's own page with the site's tab closed.
    await Promise.all([popup.close(), page.close()]);
    const reader = await session.context.newPage();
    await reader.goto(`chrome-extension://${session.extensionId}/read.html?id=${encodeURIComponent(id)}`);
    await reader.waitForSelector('[data-ficshelf="offline-reader"][data-state="ready"] .fs-text');
    expect(await reader.textContent('h1')).toBe('Hope');
    expect(squash((await reader.textContent('.fs-text'))!)).toContain(onPage.slice(0, 200));
    await reader.close();
  });

  it('leaves a page that is not an article alone without loading the part', async () => {
    const { page, tabId } = await enableOn(NOT_AN_ARTICLE);
    expect(await page.evaluate(() => document.documentElement.dataset.ficshelf)).toBe('none');
    expect(await genericPartLoaded(tabId)).toBe(false);
    await page.close();
  });
});
