import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeTabId, launchChromium, openPopupFor, openStoryPage, RoutedWeb, type ChromiumSession } from './harness';

/**
 * Issue 2 end to end in Chromium: the built extension on real story-site
 * addresses (routed to saved pages) detects each page and the popup shows
 * what a reader needs to decide.
 */
const web = new RoutedWeb()
  .set('https://archiveofourown.org/works/323217', { fixture: 'ao3/work-323217-mentalist.html' })
  .set('https://archiveofourown.org/works/41237499', { fixture: 'ao3/error-404-41237499.html' })
  .set('https://archiveofourown.org/tags/Sherlock%20Holmes/works', { fixture: 'ao3/tag-works-sherlock-holmes.html' })
  .set('https://www.fanfiction.net/s/5853866/1/Counting', { fixture: 'ffn/chapter-counting-ch1-modern.html' })
  .set('http://hpfanficarchive.com/stories/viewstory.php?sid=471', { fixture: 'hpfanficarchive-efiction/story-mercenary-of-hogwarts.html' })
  .set('https://michael-writes.dreamwidth.org/1567.html', { fixture: 'pages/header-journal-entry.html' })
  .set('http://hpfanficarchive.com/stories/viewstory.php?sid=1187&chapter=1', { fixture: 'pages/efiction-spuffy-default-chapter.html' })
  .set('https://www.example-fic-site.org/stories/lost-soul.html', { html: '<html><head><title>Lost Soul</title></head><body><p>Title: Lost Soul</p><p>Rating: R</p><p>Summary: test</p><p>Story text here.</p></body></html>' });

let session: ChromiumSession;
beforeAll(async () => {
  session = await launchChromium(web);
});
afterAll(async () => {
  await session?.close();
});

describe('content script on routed story sites', () => {
  it('reads an AO3 work and the popup shows its header', async () => {
    await withPopup('https://archiveofourown.org/works/323217', 'story', async (popup) => {
      expect(await popup.textContent('.story-title')).toBeTruthy();
      expect(await popup.getAttribute('.rating-badge', 'data-level')).toMatch(/general|teen|mature|explicit|unrated/);
      expect(await popup.textContent('[data-field="site"]')).toContain('Archive of Our Own');
      expect(await popup.textContent('.story-fandoms')).toContain('The Mentalist');
    });
  });

  it('reads an FFN chapter with its fandom, rating, words and chapters', async () => {
    await withPopup('https://www.fanfiction.net/s/5853866/1/Counting', 'story', async (popup) => {
      expect(await popup.textContent('[data-field="site"]')).toContain('FanFiction.Net');
      expect(Number((await popup.textContent('[data-field="words"]'))!.replace(/,/g, ''))).toBeGreaterThan(0);
    });
  });

  it('reads a story on an eFiction archive domain', async () => {
    await withPopup('http://hpfanficarchive.com/stories/viewstory.php?sid=471', 'story', async (popup) => {
      expect(await popup.textContent('[data-field="site"]')).toContain('eFiction');
      expect(await popup.textContent('.story-title')).toContain('Mercenary');
    });
  });

  it('reads the seed story with a plain-text header on a journal', async () => {
    await withPopup('https://michael-writes.dreamwidth.org/1567.html', 'story', async (popup) => {
      expect(await popup.textContent('.story-title')).toBe('Lost Soul');
      expect(await popup.textContent('.story-authors')).toBe('by Michael');
      expect(await popup.textContent('.story-fandoms')).toBe('Buffy the Vampire Slayer');
      expect(await popup.textContent('.story-pairings')).toBe('Xander/Spike');
      expect(await popup.getAttribute('.rating-badge', 'data-level')).toBe('mature');
    });
  });

  it('reads the seed eFiction chapter, its fandom inferred from the disclaimer', async () => {
    await withPopup('http://hpfanficarchive.com/stories/viewstory.php?sid=1187&chapter=1', 'story', async (popup) => {
      expect(await popup.textContent('.story-fandoms')).toBe('Buffy the Vampire Slayer');
      expect(await popup.textContent('[data-field="site"]')).toContain('eFiction');
    });
  });

  it('follows the system dark mode in the popup', async () => {
    const page = await openStoryPage(session, 'https://archiveofourown.org/works/323217');
    const tabId = await tabIdOf(page);
    const popup = await session.context.newPage();
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('.story-title');
    const [bg, fg] = await popup.evaluate(() => {
      const style = getComputedStyle(document.body);
      return [style.backgroundColor, style.color];
    });
    expect(luminance(bg)).toBeLessThan(0.1);
    expect(luminance(fg)).toBeGreaterThan(0.6);
    await popup.close();
    await page.close();
  });

  it('leaves a 404 page alone and the popup says it is not a story', async () => {
    await withPopup('https://archiveofourown.org/works/41237499', 'none', async (popup) => {
      expect(await popup.textContent('[data-empty="not-a-story"] h1')).toBe('Not a story page');
    });
  });

  it('counts the works on an AO3 listing', async () => {
    await withPopup('https://archiveofourown.org/tags/Sherlock%20Holmes/works', 'listing', async (popup) => {
      expect(await popup.textContent('[data-field="listing-count"]')).toMatch(/^\d+ stor/);
    });
  });

  it('does not run on other sites until the reader enables it, and offers to', async () => {
    const url = 'https://www.example-fic-site.org/stories/lost-soul.html';
    const page = await session.context.newPage();
    await page.goto(url);
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => document.documentElement.dataset.ficshelf)).toBeUndefined();
    const tabId = await activeTabId(session);
    const popup = await openPopupFor(session, tabId, `&url=${encodeURIComponent(url)}`);
    expect(await popup.textContent('[data-action="enable-site"]')).toBe('Enable FicShelf on this site');
    // Reachable by keyboard: the first Tab lands on it.
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('enable-site');
    await popup.close();
    await page.close();
  });
});

/** Opens a routed page, checks what the content script marked it as, then opens the popup for its tab. */
async function withPopup(url: string, kind: string, check: (popup: import('playwright-core').Page) => Promise<void>) {
  const page = await openStoryPage(session, url);
  expect(await page.evaluate(() => document.documentElement.dataset.ficshelf)).toBe(kind);
  const popup = await openPopupFor(session, await tabIdOf(page));
  try {
    await check(popup);
  } finally {
    await popup.close();
    await page.close();
  }
}

async function tabIdOf(page: import('playwright-core').Page): Promise<number> {
  await page.bringToFront();
  return activeTabId(session);
}

/** Relative luminance of a CSS rgb() colour, 0 (black) to 1 (white). */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
