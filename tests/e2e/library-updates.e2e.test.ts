import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ffnWithThirdChapter } from '../helpers/ffn-third-chapter';
import { launchChromium, openPopupFor, openStoryPage, RoutedWeb, type ChromiumSession } from './harness';

/**
 * Issue 5, "check for updates" in the library, in Chromium: a two-chapter FFN
 * story saved through the real flow (page, popup, Save), then the routed site
 * lists a third chapter; library.html checks the picked story, says "1 new
 * chapter added", and chapter 3 is in the extension's IndexedDB.
 */
const STORY = 'https://www.fanfiction.net/s/5853866';
const CH1 = 'https://www.fanfiction.net/s/5853866/1/Counting';
const CH2 = 'https://www.fanfiction.net/s/5853866/2/';
const CH3 = 'https://www.fanfiction.net/s/5853866/3/';
const THIRD_TEXT = 'Hand-made third chapter: the stone skipped four times across the lake.';

const web = new RoutedWeb().set(CH1, { fixture: 'ffn/chapter-counting-ch1-modern.html' }).set(CH2, { fixture: 'ffn/chapter-counting-ch2-modern.html' });

let session: ChromiumSession;
beforeAll(async () => {
  session = await launchChromium(web);
});
afterAll(async () => {
  await session?.close();
});

/** The saved chapters' indexes and texts, read from the extension's IndexedDB in the service worker. */
async function storedChapters(id: string): Promise<Array<{ index: number; title?: string; text: string }>> {
  return session.worker.evaluate(async (storyId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('ficshelf-library');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const chapters = await new Promise<Array<{ index: number; title?: string; text: string }>>((resolve, reject) => {
      const request = db.transaction('chapters').objectStore('chapters').index('storyId').getAll(storyId);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return chapters.sort((a, b) => a.index - b.index).map(({ index, title, text }) => ({ index, title, text: text.trim() }));
  }, id);
}

async function tabIdOf(page: Page): Promise<number> {
  return session.worker.evaluate(async (href) => {
    const tabs = await (globalThis as any).chrome.tabs.query({});
    return tabs.find((t: { url?: string }) => t.url === href)!.id as number;
  }, page.url());
}

describe('check for updates in the library', () => {
  it('finds the chapter the site added since the save, fetches it and says "1 new chapter added"', async () => {
    const page = await openStoryPage(session, CH1);
    const popup = await openPopupFor(session, await tabIdOf(page));
    await popup.click('[data-action="save"]');
    await popup.waitForSelector('[data-library-state="saved"]', { timeout: 60_000 });
    expect((await storedChapters('ffnet:5853866')).map((c) => c.index)).toEqual([1, 2]);
    await Promise.all([page.close(), popup.close()]);

    // The author posts chapter 3: the story's page lists it, and it has its own page.
    const after = ffnWithThirdChapter(`<p>${THIRD_TEXT}</p>`);
    web.set(STORY, { html: after.ch1 }).set(CH1, { html: after.ch1 }).set(CH3, { html: after.ch3 });

    const library = await session.context.newPage();
    await library.goto(`chrome-extension://${session.extensionId}/library.html`);
    const item = '[data-ficshelf="library-item"][data-story-id="ffnet:5853866"]';
    await library.waitForSelector(item);
    expect(await library.textContent(`${item} [data-field="chapters"]`)).toBe('2 chapters');
    // The episode guides stay out of the list's first paint; the check loads them before reading a fetched page.
    const guideCount = () => library.evaluate(() => (globalThis as any)[Symbol.for('ficshelf.fandom-guides')]?.byFandom.size ?? 0);
    expect(await guideCount()).toBe(0);
    await library.check(`${item} .item-select`);
    await library.click('[data-action="check-updates"]');
    await library.waitForSelector('[data-ficshelf="update-check"][data-state="done"]', { timeout: 60_000 });

    expect(await library.textContent('[data-ficshelf="update-check"] li[data-story-id="ffnet:5853866"] [data-field="update-state"]')).toBe('1 new chapter added');
    expect(await library.textContent('#update-check-heading')).toBe('1 story has new chapters.');
    expect(await guideCount()).toBe(8);
    await library.waitForFunction((sel) => document.querySelector(`${sel} [data-field="chapters"]`)?.textContent === '3 chapters', item);

    const chapters = await storedChapters('ffnet:5853866');
    expect(chapters.map((c) => c.index)).toEqual([1, 2, 3]);
    expect(chapters[2]).toMatchObject({ title: 'Stones Again', text: THIRD_TEXT });
    expect(chapters[1]!.text).toMatch(/^It is said this purple flower has divinatory power\./);
    await library.close();
  });
});
