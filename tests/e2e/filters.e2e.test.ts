import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RoutedWeb, launchChromium, openPopupFor, type ChromiumSession } from './harness';
import { tabIdOf } from './reader-helpers';
import { setProgressThroughOptions, setRatingLimitThroughOptions, storedPart } from './options-helpers';

/**
 * Spoiler and rating filters in a real Chromium with the built extension, on
 * routed copies of real pages: progress and the rating limit are set through
 * the options page, as a reader does; the blocklist is written to storage.
 *
 * No flash, how it is checked: an init script (main world, before any page
 * script or paint) runs a requestAnimationFrame loop for the whole load and
 * records, in every frame, whether any story text element would paint (laid
 * out, not display:none, computed visibility "visible"). rAF callbacks run in
 * each rendering update just before paint and no task can run between them
 * and that paint, so the state a callback sees is the state painted. The
 * control (an earlier-episode story) shows the probe does see text once it is
 * allowed to show; a build without the early style records about ten frames
 * of visible text on the covered work (checked by hand when this was written).
 */

const SEEING_RED = 'https://archiveofourown.org/works/48582418/chapters/122448127';
const BECOMING = 'https://archiveofourown.org/works/48582419/chapters/122448128';
const JILY = 'https://archiveofourown.org/tags/James%20Potter*s*Lily%20Evans%20Potter/works';
const EFICTION_BROWSE = 'http://hpfanficarchive.com/stories/browse.php?type=categories&catid=2';
const FFN_MATURE = 'https://www.fanfiction.net/s/8508883/1/Naruto-Guardian-Of-The-Mist';
const FFN_LIST = 'https://www.fanfiction.net/tv/Buffy-The-Vampire-Slayer/';

const web = new RoutedWeb()
  .set(SEEING_RED, { fixture: 'pages/ao3-hand-made-buffy-post-seeing-red.html' })
  .set(BECOMING, { fixture: 'pages/ao3-hand-made-buffy-post-becoming.html' })
  .set(JILY, { fixture: 'ao3/EDITED-tag-works-jily-listing.html' })
  .set(EFICTION_BROWSE, { fixture: 'pages/efiction-browse-default.html' })
  .set(FFN_MATURE, { fixture: 'ffn/chapter-2020-naruto-guardian-of-the-mist-ch1.html' })
  .set(FFN_LIST, { fixture: 'pages/ffn-hand-made-story-list.html' });

const TEXT = '#chapters .userstuff, #storytext';
const SHIELD = '[data-ficshelf="shield"]';

interface Frame {
  t: number;
  textShown: boolean;
  shield: boolean;
}

/** Opens a page with the paint probe installed, and waits until the filters are done. */
async function openProbed(session: ChromiumSession, url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.addInitScript((selector: string) => {
    const frames: Array<{ t: number; textShown: boolean; shield: boolean }> = [];
    (window as any).__paintFrames = frames;
    const shows = (el: Element) => {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return style.visibility === 'visible' && style.display !== 'none' && box.width > 0 && box.height > 0 && (el.textContent ?? '').trim() !== '';
    };
    const probe = () => {
      const texts = Array.from(document.querySelectorAll(selector));
      frames.push({ t: performance.now(), textShown: texts.some(shows), shield: !!document.querySelector('[data-ficshelf="shield"]') });
      if (frames.length < 600) requestAnimationFrame(probe);
    };
    requestAnimationFrame(probe);
  }, TEXT);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-ficshelf-filtered'), null, { timeout: 20_000 });
  // A few frames after the verdict, so the final state is in the record too.
  await page.waitForFunction(() => (window as any).__paintFrames.length > 0 && performance.now() - (window as any).__paintFrames.at(-1).t < 1000 && (window as any).__paintFrames.length >= 5);
  await page.waitForTimeout(150);
  return page;
}

const framesOf = (page: Page): Promise<Frame[]> => page.evaluate(() => (window as any).__paintFrames);

const reasons = (page: Page, selector = SHIELD): Promise<string[]> =>
  page.$eval(selector, (el) => JSON.parse(el.getAttribute('data-reasons') ?? '[]'));

const hiddenEntries = (page: Page, titleSelector: string): Promise<string[]> =>
  page.$$eval(`[data-ficshelf-hidden]`, (els, sel) => els.map((el) => (el.querySelector(sel)?.textContent ?? '').trim()), titleSelector);

let session: ChromiumSession;

beforeAll(async () => {
  session = await launchChromium(web);
  await setProgressThroughOptions(session, 'Buffy the Vampire Slayer', 4, 9);
});
afterAll(async () => {
  await session?.close();
});

describe('spoiler shield on AO3 works (Buffy watched through S4E9)', () => {
  it('covers a work tagged "Post-Episode: s06e19 Seeing Red", and no frame ever painted its text', async () => {
    const page = await openProbed(session, SEEING_RED);
    expect(await reasons(page)).toEqual(["Spoils Buffy S6E19 Seeing Red — you've watched through S4E9"]);
    expect(await page.locator('#chapters').isVisible()).toBe(false);
    expect(await page.locator('h2.title').isVisible()).toBe(true);
    const frames = await framesOf(page);
    expect(frames.length).toBeGreaterThanOrEqual(5);
    expect(frames.filter((f) => f.textShown)).toEqual([]);
    expect(frames.at(-1)!.shield).toBe(true);
    await page.close();
  });

  it('leaves a work set after Becoming alone: the text shows (and the probe sees it)', async () => {
    const page = await openProbed(session, BECOMING);
    expect(await page.locator(SHIELD).count()).toBe(0);
    expect(await page.locator('#chapters .userstuff').first().isVisible()).toBe(true);
    const frames = await framesOf(page);
    expect(frames.at(-1)!.textShown).toBe(true);
    await page.close();
  });

  it('reveals with "Show once", and with the reveal command', async () => {
    let page = await openProbed(session, SEEING_RED);
    await page.locator(`${SHIELD} [data-ficshelf="reveal"]`).click();
    await page.waitForSelector(SHIELD, { state: 'detached' });
    expect(await page.locator('#chapters .userstuff').first().isVisible()).toBe(true);
    await page.close();

    page = await openProbed(session, SEEING_RED);
    const tabId = await tabIdOf(session, page);
    const answer = await session.worker.evaluate(
      (id) => (globalThis as any).chrome.tabs.sendMessage(id, { type: 'ficshelf:command', command: 'reveal' }),
      tabId,
    );
    expect(answer).toEqual({ ok: true });
    await page.waitForSelector(SHIELD, { state: 'detached' });
    expect(await page.locator('#chapters .userstuff').first().isVisible()).toBe(true);
    await page.close();
  });

  it('tells the popup why the story is covered', async () => {
    const page = await openProbed(session, SEEING_RED);
    const popup = await openPopupFor(session, await tabIdOf(session, page));
    await popup.waitForSelector('[data-field="covered"]');
    expect(await popup.locator('[data-field="covered"]').textContent()).toBe(
      "This story is covered: Spoils Buffy S6E19 Seeing Red — you've watched through S4E9",
    );
    await popup.close();
    await page.close();
  });
});

describe('listing filter', () => {
  it('collapses the AO3 blurbs a tag blocklist names, and the popup counts them', async () => {
    await session.worker.evaluate(async () => {
      const chrome = (globalThis as any).chrome;
      const blocklist = { tags: ['Slow Burn'], authors: [], allowTags: [], allowAuthors: [] };
      await chrome.storage.local.set({ 'settings.blocklist': blocklist });
    });
    const page = await openProbed(session, JILY);
    expect(await hiddenEntries(page, 'h4.heading a[href*="/works/"]')).toEqual([
      'A Dream of Drowning',
      'Keep Score',
      'Sometimes all you need is someone for to be',
      'Both Sides Now',
      'The Middle Path of Moonlight',
      'Sing Loud in the Long Night',
    ]);
    expect(await reasons(page, '[data-ficshelf="placeholder"]')).toEqual(['Tag blocked: Slow Burn']);
    expect(await page.locator('li.blurb[data-ficshelf-hidden] blockquote.summary').first().isVisible()).toBe(false);
    expect(await page.locator('[data-ficshelf="placeholder"]').first().isVisible()).toBe(true);
    const popup = await openPopupFor(session, await tabIdOf(session, page));
    await popup.waitForSelector('[data-field="hidden-count"]');
    expect(await popup.locator('[data-field="hidden-count"]').textContent()).toBe('6 stories hidden on this page.');
    await popup.close();
    // "Show" brings one back.
    await page.locator('[data-ficshelf="placeholder"] [data-ficshelf="reveal"]').first().click();
    expect(await hiddenEntries(page, 'h4.heading a[href*="/works/"]')).toHaveLength(5);
    await page.close();
    await session.worker.evaluate(() =>
      (globalThis as any).chrome.storage.local.set({ 'settings.blocklist': { tags: [], authors: [], allowTags: [], allowAuthors: [] } }),
    );
    expect((await storedPart(session, 'blocklist'))?.tags).toEqual([]);
  });

  it('under a Teen limit set in the options page, collapses the explicit eFiction entry and M/MA FFN entries, and covers an M FFN story', async () => {
    await setRatingLimitThroughOptions(session, 'teen');
    let page = await openProbed(session, EFICTION_BROWSE);
    const boxes = await page.$$eval('.listbox[data-ficshelf-hidden]', (els) => els.map((el) => el.querySelector('a[href*="viewstory.php"]')!.getAttribute('href')));
    expect(boxes).toEqual([expect.stringContaining('sid=905')]);
    expect(await page.locator('.listbox[data-ficshelf-hidden] [data-ficshelf="placeholder"]').isVisible()).toBe(true);
    expect(await reasons(page, '[data-ficshelf="placeholder"]')).toEqual(['Rated Explicit — your limit is Teen']);
    await page.close();

    page = await openProbed(session, FFN_LIST);
    expect(await page.$$eval('div.z-list[data-ficshelf-hidden] a.stitle', (links) => links.map((a) => a.getAttribute('href')))).toEqual([
      expect.stringMatching(/^\/s\/33333333\//),
      expect.stringMatching(/^\/s\/77777777\//),
    ]);
    await page.close();

    page = await openProbed(session, FFN_MATURE);
    expect(await reasons(page)).toEqual(['Rated Mature — your limit is Teen']);
    expect(await page.locator('#storytext').isVisible()).toBe(false);
    expect((await framesOf(page)).filter((f) => f.textShown)).toEqual([]);
    await page.close();
  });
});
