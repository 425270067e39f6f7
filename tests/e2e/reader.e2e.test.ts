import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures';
import { launchChromium, openStoryPage, RoutedWeb, type ChromiumSession } from './harness';
import { readerFocus, readerProgress, readerStyle, readerText, scrollReaderTo, sendToggleReader, waitForReader, waitForReaderClosed, READER } from './reader-helpers';

/**
 * Issue 3 end to end in Chromium: the toggle-reader command opens reader mode
 * over a routed AO3 chapter, showing the chapter and none of AO3's chrome;
 * Esc gives the page back as it was.
 */
const AO3_CHAPTER_URL = 'https://archiveofourown.org/works/17793689/chapters/42035519';
const golden = JSON.parse(readFileSync(path.join(ROOT, 'tests/goldens/ao3/chapter-17793689-ch2.json'), 'utf8'));
const chapter = golden.story.chapters[0];

const web = new RoutedWeb().set(AO3_CHAPTER_URL, { fixture: golden.fixture });

let session: ChromiumSession;
beforeAll(async () => {
  session = await launchChromium(web);
});
afterAll(async () => {
  await session?.close();
});

describe('reader mode on AO3', () => {
  it('opens on toggle-reader with the chapter text and no site chrome, and Esc restores the page', async () => {
    const page = await openStoryPage(session, AO3_CHAPTER_URL);
    expect(await page.evaluate(() => document.documentElement.dataset.ficshelf)).toBe('story');
    await page.evaluate(() => window.scrollTo(0, 700));
    const before = await page.evaluate(() => ({ html: document.documentElement.outerHTML, y: window.scrollY }));
    expect(before.y).toBe(700);

    expect(await sendToggleReader(session, page)).toEqual({ ok: true });
    await waitForReader(page);
    const text = await readerText(page);
    expect(text).toContain(chapter.start);
    expect(text).toContain(chapter.end);
    expect(text).toContain(golden.story.title);
    expect(text).not.toContain('Kudos');
    expect(text).not.toContain('Comments');
    // Over everything, in the reader's own look, and focused on its heading.
    expect(await page.evaluate((s) => document.elementFromPoint(500, 400)?.closest(s) !== null, READER)).toBe(true);
    expect(await readerStyle(page, '.fs-text', 'font-size')).toBe('19px');
    expect(await readerFocus(page)).toContain('fs-title');

    await page.keyboard.press('Escape');
    await waitForReaderClosed(page);
    const after = await page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      y: window.scrollY,
      fonts: document.querySelectorAll('style[data-ficshelf="reader-fonts"]').length,
    }));
    expect(after.fonts).toBe(0);
    expect(after.y).toBe(before.y);
    expect(after.html).toBe(before.html);
    await page.close();
  });

  it('brings back the reading position after a reload', async () => {
    const page = await openStoryPage(session, AO3_CHAPTER_URL);
    await sendToggleReader(session, page);
    await waitForReader(page);
    await scrollReaderTo(page, 0.6);
    const progress = await readerProgress(page);
    expect(progress).toBeGreaterThan(30);

    await page.reload({ waitUntil: 'load' });
    // Reloaded with reader mode open, it opens again by itself, at the same place.
    await waitForReader(page);
    expect(Math.abs((await readerProgress(page)) - progress)).toBeLessThanOrEqual(2);
    await page.keyboard.press('Escape');
    await waitForReaderClosed(page);
    await page.close();
  });
});
