import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixturePath, loadPage } from '../helpers/fixtures';
import { classifyPage } from '../../utils/sites';
import { launchChromium, openPopupFor, openStoryPage, RoutedWeb, type ChromiumSession } from './harness';
import { ffnWithThirdChapter } from '../helpers/ffn-third-chapter';
import { AO3_DRAGON_AGE_FULL as AO3_FULL, AO3_DRAGON_AGE_WORK as AO3_WORK, handMadeAo3FullWork } from './ao3-full-work';

/**
 * Issue 5, saving, in Chromium: the built extension saves whole stories from
 * routed AO3 (through its full-work view), FFN (chapter by chapter) and
 * eFiction pages from the popup; the stories land in the extension's
 * IndexedDB; a chapter added on the site shows as "1 new chapter" and Update
 * stores it.
 */
const FFN_CH1 = 'https://www.fanfiction.net/s/5853866/1/Counting';
const FFN_CH2 = 'https://www.fanfiction.net/s/5853866/2/';
const FFN_CH3 = 'https://www.fanfiction.net/s/5853866/3/';
const EFICTION = 'http://hpfanficarchive.com/stories/viewstory.php?sid=1187&chapter=1';
const MERCENARY = 'http://hpfanficarchive.com/stories/viewstory.php?sid=471';
const MERCENARY_PRINTABLE = 'http://hpfanficarchive.com/stories/viewstory.php?action=printable&sid=471&textsize=0&chapter=all';
const HAND_MADE_CH3 = 'Hand-made third chapter: Harry skipped one last stone across the lake.';

const MERCENARY_CHAPTERS = ['Prologue: Rescue from the Infection', 'Abysmal Beginnings to the Year', 'Of Poisoning and Hogwarts'];

/**
 * HAND-MADE: the printable all-chapters view (viewstory.php?action=printable&chapter=all)
 * of "The Mercenary of Hogwarts" (sid 471), in the shape of the hand-made printable page
 * tests/pages/efiction-spuffy-printable.html: the saved story page's header, its three
 * chapter titles, and a short stand-in text per chapter (the real texts are not among the fixtures).
 */
function handMadeMercenaryPrintable(): string {
  const model = readFileSync(fixturePath('pages/efiction-spuffy-printable.html'), 'utf8');
  const head = model.slice(0, model.indexOf('<div id="pagetitle">'));
  const infobox = model.slice(model.indexOf('<div class="infobox">'), model.indexOf("      <p><b>1.</b>"))
    .replace(/Mojo in a Box/g, 'The Mercenary of Hogwarts')
    .replace('<span class="label">Chapters: </span> 1', '<span class="label">Chapters: </span> 3');
  const toc = MERCENARY_CHAPTERS.map((t, i) => `<p><b>${i + 1}.</b> <a href='#${i + 1}'>${t}</a> by DanteTheRaven</p>`).join('\n');
  const chapters = MERCENARY_CHAPTERS.map(
    (t, i) =>
      `<div class='chaptertitle'><a name='${i + 1}'></a>${t} by DanteTheRaven</div>\n<div class='chapter'><p>Hand-made stand-in for chapter ${i + 1} of The Mercenary of Hogwarts.</p><p>Harry looked at the castle and said nothing at all for a while.</p></div>\n<div class='toplink'><a href='#1'>Back to index</a></div>`,
  ).join('\n');
  return `<!-- HAND-MADE for tests/e2e/save.e2e.test.ts (see handMadeMercenaryPrintable) -->\n${head
    .replace(/The Spuffy Sanctuary :: Mojo in a Box by tallyho_spuffy/, 'HP Fanfic Archive :: The Mercenary of Hogwarts by DanteTheRaven')
    .replace(/<!--[\s\S]*?-->\n?/, '')}<div id="pagetitle"><a href="viewstory.php?sid=471">The Mercenary of Hogwarts</a> by <a href="viewuser.php?uid=1581">DanteTheRaven</a></div>\n${infobox}${toc}\n${chapters}\n<div id="archivedat">This story archived at <a href="http://hpfanficarchive.com/stories/viewstory.php?sid=471">http://hpfanficarchive.com/stories/viewstory.php?sid=471</a></div>\n</body></html>`;
}

const web = new RoutedWeb()
  .set(AO3_WORK, { fixture: 'ao3/work-17793689-dragonage-ch1-index.html' })
  .set(AO3_FULL, { html: handMadeAo3FullWork() })
  .set(FFN_CH1, { fixture: 'ffn/chapter-counting-ch1-modern.html' })
  .set(FFN_CH2, { fixture: 'ffn/chapter-counting-ch2-modern.html' })
  .set(EFICTION, { fixture: 'pages/efiction-spuffy-default-chapter.html' })
  .set(MERCENARY, { fixture: 'hpfanficarchive-efiction/story-mercenary-of-hogwarts.html' })
  .set(MERCENARY_PRINTABLE, { html: handMadeMercenaryPrintable() });

let session: ChromiumSession;
beforeAll(async () => {
  session = await launchChromium(web);
});
afterAll(async () => {
  await session?.close();
});

interface Stored {
  story: { title: string; complete: boolean; savedChapters: number; missing: number[] } | null;
  chapters: Array<{ index: number; title?: string; text: string }>;
}

/** Reads the library's IndexedDB from the service worker (the extension's origin), with the plain IndexedDB API. */
async function storedStory(id: string): Promise<Stored> {
  return session.worker.evaluate(async (storyId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('ficshelf-library');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const ask = <T,>(make: (tx: IDBTransaction) => IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        const request = make(db.transaction(['stories', 'chapters']));
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const story = await ask((tx) => tx.objectStore('stories').get(storyId));
    const chapters = await ask((tx) => tx.objectStore('chapters').index('storyId').getAll(storyId));
    db.close();
    return {
      story: story ? { title: story.title, complete: story.complete, savedChapters: story.savedChapters, missing: story.missing } : null,
      chapters: (chapters as Array<{ index: number; title?: string; text: string }>)
        .sort((a, b) => a.index - b.index)
        .map((c) => ({ index: c.index, title: c.title, text: c.text.slice(0, 300) })),
    };
  }, id);
}

async function tabIdOf(page: Page): Promise<number> {
  const url = page.url();
  return session.worker.evaluate(async (href) => {
    const tabs = await (globalThis as any).chrome.tabs.query({});
    return tabs.find((t: { url?: string }) => t.url === href)!.id as number;
  }, url);
}

async function panelMessage(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('[data-ficshelf="save-panel"]')?.shadowRoot?.querySelector('.message')?.textContent ?? '');
}

/** Opens the story and its popup, clicks Save, and waits until the popup shows the stored result. */
async function saveFromPopup(url: string): Promise<{ page: Page; popup: Page }> {
  const page = await openStoryPage(session, url);
  const popup = await openPopupFor(session, await tabIdOf(page));
  await popup.waitForSelector('[data-library-state="not-saved"]');
  await popup.click('[data-action="save"]');
  await popup.waitForSelector('[data-library-state="saved"]', { timeout: 60_000 });
  return { page, popup };
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('saving from the popup', () => {
  it('saves all 14 chapters of an AO3 work through its full-work view', async () => {
    const chapterTwo = classifyPage(loadPage('ao3/chapter-17793689-ch2.html', `${AO3_WORK}/chapters/42035519`), `${AO3_WORK}/chapters/42035519`).story!;
    const { page, popup } = await saveFromPopup(AO3_WORK);
    expect(await popup.textContent('.save-outcome')).toBe('Saved all 14 chapters to your library.');
    expect(await panelMessage(page)).toBe('Saved all 14 chapters to your library.');

    const stored = await storedStory('ao3:17793689');
    expect(stored.story).toMatchObject({ title: 'Nobody Expects the Dragon Age Inquisition', complete: true, savedChapters: 14, missing: [] });
    expect(stored.chapters.map((c) => c.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(squash(stored.chapters[1]!.text)).toContain(squash(chapterTwo.chapters[1]!.text).slice(0, 120));
    expect(stored.chapters[13]!).toMatchObject({ title: 'A Dangerous Thing', text: 'Hand-made stand-in for chapter 14, A Dangerous Thing.' });

    // The popup lists it among recent saves, and the library's size.
    expect(await popup.textContent('.recent-saves li[data-story-id="ao3:17793689"] a')).toBe('Nobody Expects the Dragon Age Inquisition');
    expect(await popup.textContent('[data-field="storage"]')).toMatch(/^\d+ stor(y|ies) · [\d.]+ (KB|MB)/);
    await Promise.all([page.close(), popup.close()]);
  });

  it('saves a three-chapter eFiction story through its printable all-chapters view', async () => {
    const { page, popup } = await saveFromPopup(MERCENARY);
    expect(await popup.textContent('.save-outcome')).toBe('Saved all 3 chapters to your library.');
    const stored = await storedStory('efiction:hpfanficarchive.com:471');
    expect(stored.story).toMatchObject({ title: 'The Mercenary of Hogwarts', complete: true, savedChapters: 3, missing: [] });
    expect(stored.chapters.map((c) => c.title)).toEqual(MERCENARY_CHAPTERS);
    expect(squash(stored.chapters[2]!.text)).toMatch(/^Hand-made stand-in for chapter 3 of The Mercenary of Hogwarts\./);
    await Promise.all([page.close(), popup.close()]);
  });

  it('saves an eFiction story that is whole on its page', async () => {
    const onPage = classifyPage(loadPage('pages/efiction-spuffy-default-chapter.html', EFICTION), EFICTION).story!;
    const { page, popup } = await saveFromPopup(EFICTION);
    expect(await popup.textContent('.save-outcome')).toBe('Saved the story to your library.');
    const stored = await storedStory('efiction:hpfanficarchive.com:1187');
    expect(stored.story).toMatchObject({ title: onPage.title, complete: true, savedChapters: 1 });
    expect(squash(stored.chapters[0]!.text)).toBe(squash(onPage.chapters[0]!.text).slice(0, squash(stored.chapters[0]!.text).length));
    expect(stored.chapters[0]!.text.length).toBe(300);
    await Promise.all([page.close(), popup.close()]);
  });
});

describe('the save command (shortcut and context menu send it)', () => {
  it('saves the story in the tab and the page panel says so', async () => {
    web.set('https://archiveofourown.org/works/323217', { fixture: 'ao3/work-323217-mentalist.html' });
    const page = await openStoryPage(session, 'https://archiveofourown.org/works/323217');
    const tabId = await tabIdOf(page);
    const permissions = await session.worker.evaluate(() => (globalThis as any).chrome.runtime.getManifest().permissions as string[]);
    expect(permissions).toContain('contextMenus');
    await session.worker.evaluate((id) => (globalThis as any).chrome.tabs.sendMessage(id, { type: 'ficshelf:command', command: 'save' }), tabId);
    await page.waitForFunction(
      () => /^Saved /.test(document.querySelector('[data-ficshelf="save-panel"]')?.shadowRoot?.querySelector('.message')?.textContent ?? ''),
      null,
      { timeout: 30_000 },
    );
    expect(await panelMessage(page)).toBe('Saved the story to your library.');
    expect((await storedStory('ao3:323217')).story).toMatchObject({ complete: true, savedChapters: 1 });
    await page.close();
  });
});

describe('FFN chapter by chapter, then a new chapter on the site', () => {
  it('saves both chapters, then sees "1 new chapter" and Update stores the third', async () => {
    const { page, popup } = await saveFromPopup(FFN_CH1);
    let stored = await storedStory('ffnet:5853866');
    expect(stored.story).toMatchObject({ title: 'Counting', complete: true, savedChapters: 2 });
    expect(squash(stored.chapters[1]!.text)).toMatch(/^It is said this purple flower has divinatory power\./);

    // The author posts chapter 3: the site now lists it.
    const after = ffnWithThirdChapter(`<p>${HAND_MADE_CH3}</p><p>The water was still.</p>`);
    web.set(FFN_CH1, { html: after.ch1 }).set(FFN_CH3, { html: after.ch3 });
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.dataset.ficshelf === 'story');
    await page.waitForFunction(
      () => document.querySelector('[data-ficshelf="save-panel"]')?.shadowRoot?.querySelector('.message')?.textContent?.includes('new chapter'),
      null,
      { timeout: 15_000 },
    );
    expect(await panelMessage(page)).toBe('1 new chapter since you saved this story.');

    await popup.reload();
    await popup.waitForSelector('[data-library-state="new-chapters"]', { timeout: 15_000 });
    expect(await popup.textContent('[data-field="new-chapters"]')).toBe('1 new chapter since you saved it.');
    await popup.click('[data-action="update"]');
    await popup.waitForSelector('[data-library-state="saved"]', { timeout: 60_000 });
    expect(await popup.textContent('.save-outcome')).toBe('Added 1 new chapter. The saved copy is up to date.');

    stored = await storedStory('ffnet:5853866');
    expect(stored.story).toMatchObject({ complete: true, savedChapters: 3, missing: [] });
    expect(stored.chapters.map((c) => c.index)).toEqual([1, 2, 3]);
    expect(squash(stored.chapters[2]!.text)).toMatch(new RegExp(`^${HAND_MADE_CH3.replace(/[.]/g, '\\.')}`));
    await Promise.all([page.close(), popup.close()]);
  });
});
