import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { classifyPage } from '../../utils/sites';
import type { Story } from '../../utils/story';
import { loadPage } from '../helpers/fixtures';
import { launchChromium, RoutedWeb, type ChromiumSession } from './harness';

/**
 * The library and the offline reader in Chromium with the built extension.
 * The library is filled the way a reader moving browsers fills it: by
 * importing a backup file (built here from real saved pages), so this test
 * does not depend on the save flow. Then: search by a word from chapter 2,
 * read offline with the network cut, export a backup, wipe, import it again,
 * and export an EPUB.
 */
const SILVER = { fixture: 'ao3/fullwork-through-your-silver-eyes-hp.html', url: 'https://archiveofourown.org/works/24861814?view_full_work=true' };
const MENTALIST = { fixture: 'ao3/work-323217-mentalist.html', url: 'https://archiveofourown.org/works/323217' };

function extract(page: { fixture: string; url: string }): Story {
  const story = classifyPage(loadPage(page.fixture, page.url), page.url).story;
  if (!story) throw new Error(`no story in ${page.fixture}`);
  return story;
}

/** A story as the library keeps it, in the backup file's shape. */
function backupEntries(story: Story) {
  const { chapters, ...blurb } = story;
  const at = '2026-11-01T10:00:00.000Z';
  const saved = {
    ...blurb,
    savedAt: at,
    updatedAt: at,
    complete: true,
    missing: [],
    savedChapters: chapters.length,
    shelves: [],
    bytes: JSON.stringify(story).length,
    toc: chapters.map((c) => ({ index: c.index, title: c.title, url: c.url })),
  };
  return { story: saved, chapters: chapters.map((c) => ({ storyId: story.id, ...c })) };
}

/** A word in chapter 2 that no other chapter of either story uses, so finding it proves the full text is searched. */
function wordOnlyInChapter2(stories: Story[]): string {
  const words = (text: string) => new Set(text.toLowerCase().match(/\p{L}{8,}/gu) ?? []);
  const [first] = stories;
  const elsewhere = new Set(stories.flatMap((s) => s.chapters.filter((c) => !(s === first && c.index === 2)).flatMap((c) => [...words(c.text)])));
  const headers = stories.map((s) => JSON.stringify({ ...s, chapters: [] }).toLowerCase()).join(' ');
  const word = [...words(first!.chapters.find((c) => c.index === 2)!.text)].find((w) => !elsewhere.has(w) && !headers.includes(w));
  if (!word) throw new Error('no word unique to chapter 2');
  return word;
}

let session: ChromiumSession;
let silver: Story;
let mentalist: Story;
let backupJson: string;

beforeAll(async () => {
  silver = extract(SILVER);
  mentalist = extract(MENTALIST);
  const entries = [silver, mentalist].map(backupEntries);
  backupJson = JSON.stringify({
    format: 'ficshelf-backup',
    version: 1,
    exportedAt: new Date().toISOString(),
    settings: {},
    stories: entries.map((e) => e.story),
    chapters: entries.flatMap((e) => e.chapters),
  });
  session = await launchChromium(new RoutedWeb().set(SILVER.url, { fixture: SILVER.fixture }));
});
afterAll(async () => {
  await session?.close();
});

async function openLibrary(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/library.html`);
  await page.waitForSelector('.library-view:not([data-state="loading"])');
  return page;
}

async function importFile(page: Page, name: string, buffer: Buffer): Promise<string> {
  await page.setInputFiles('[data-action="import-file"]', { name, mimeType: 'application/json', buffer });
  return (await page.waitForSelector('#import-report-heading')).textContent() as Promise<string>;
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page, as "rule: selector" lines. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document);
    return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
  });
}

const items = (page: Page) => page.$$eval('[data-ficshelf="library-item"]', (els) => els.map((el) => el.getAttribute('data-story-id')));

async function search(page: Page, text: string) {
  await page.fill('[data-action="search"]', text);
  await page.waitForFunction((t) => (document.querySelector('[data-field="count"]')?.textContent ?? '').match(/of|^\d/) && (document.querySelector('[data-action="search"]') as HTMLInputElement).value === t, text);
}

describe('the library', () => {
  it('imports a backup, finds a story by a word from chapter 2, and reads it with the network off', async () => {
    const page = await openLibrary();
    expect(await page.textContent('[data-empty="library"]')).toContain('No saved stories yet. Open a story and press Save to library in the FicShelf button.');

    expect(await importFile(page, 'seed.json', Buffer.from(backupJson))).toBe('Import finished: 2 added, 0 updated, 0 kept.');
    await page.waitForSelector(`[data-story-id="${silver.id}"]`);
    expect((await items(page)).sort()).toEqual([mentalist.id, silver.id].sort());
    expect(await page.textContent(`[data-story-id="${silver.id}"] [data-field="chapters"]`)).toBe('20 chapters');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page), colorScheme).toEqual([]);
    }

    const word = wordOnlyInChapter2([silver, mentalist]);
    await page.fill('[data-action="search"]', word);
    await expect.poll(() => items(page)).toEqual([silver.id]);
    expect(await page.textContent(`[data-story-id="${silver.id}"] [data-field="match"]`)).toBe('Found in the text');

    // Offline: everything comes from IndexedDB and the extension's files.
    await session.context.setOffline(true);
    try {
      await Promise.all([page.waitForURL(/read\.html\?id=/), page.click(`[data-story-id="${silver.id}"] [data-action="read"]`)]);
      await page.waitForSelector('[data-ficshelf="offline-reader"][data-state="ready"] .fs-text');
      expect(await page.textContent('.fs-title')).toBe('Through Your Silver Eyes');
      expect(await page.textContent('.fs-text')).toContain("Harry wasn't proud of his decision. But after seeing Malfoy");
      await page.keyboard.press('ArrowRight');
      await page.waitForSelector('[data-ficshelf="offline-reader"][data-chapter="2"]');
      expect((await page.textContent('.fs-text'))!.toLowerCase()).toContain(word);
      expect(page.url()).toContain('chapter=2');
      // The reader settings style it: readerCss in the shadow root.
      const size = await page.$eval('[data-ficshelf="reader"]', (host) => getComputedStyle(host.shadowRoot!.querySelector('.fs-text')!).fontSize);
      expect(size).toBe('19px');
    } finally {
      await session.context.setOffline(false);
    }

    // Back in the library, the story shows where the reader is.
    const library = await openLibrary();
    await expect.poll(() => library.textContent(`[data-story-id="${silver.id}"] [data-field="progress"]`)).toMatch(/^Chapter 2 of 20/);
    await library.close();
    await page.close();
  });

  it('says so for a story that is not in the library', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/read.html?id=ao3%3A1`);
    await page.waitForSelector('[data-ficshelf="offline-reader"][data-state="missing"]');
    expect(await page.textContent('h1')).toBe('This story is not in your library');
    expect(await page.getAttribute('[data-action="library"]', 'href')).toBe('library.html');
    await page.close();
  });

  it('exports a backup, survives a wipe by importing it, and exports an EPUB', async () => {
    const page = await openLibrary();
    await page.waitForSelector(`[data-story-id="${silver.id}"]`);

    const [backup] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-backup"]')]);
    expect(backup.suggestedFilename()).toMatch(/^ficshelf-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = readFileSync((await backup.path())!);
    const parsed = JSON.parse(exported.toString('utf8'));
    expect(parsed.format).toBe('ficshelf-backup');
    expect(parsed.stories).toHaveLength(2);
    expect(parsed.stories.find((s: { id: string }) => s.id === silver.id).read.chapter).toBe(2);

    // Wipe: select everything and delete.
    await page.check('[data-action="select-all"]');
    await page.click('[data-action="delete-selected"]');
    await page.waitForSelector('[data-empty="library"]');
    expect(await page.textContent('[data-ficshelf="toast"]')).toContain('Deleted 2 stories.');

    expect(await importFile(page, backup.suggestedFilename(), exported)).toBe('Import finished: 2 added, 0 updated, 0 kept.');
    await page.waitForSelector(`[data-story-id="${silver.id}"]`);
    expect(await page.textContent(`[data-story-id="${silver.id}"] [data-field="progress"]`)).toMatch(/^Chapter 2 of 20/);
    await page.fill('[data-action="search"]', 'Jashua');
    await expect.poll(() => items(page)).toEqual([silver.id]);

    const [epub] = await Promise.all([page.waitForEvent('download'), page.click(`[data-story-id="${silver.id}"] [data-action="epub"]`)]);
    expect(epub.suggestedFilename()).toBe('Through-Your-Silver-Eyes.epub');
    const bytes = readFileSync((await epub.path())!);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    expect(bytes.subarray(30, 38).toString('latin1')).toBe('mimetype');
    expect(bytes.subarray(38, 58).toString('latin1')).toBe('application/epub+zip');
    await page.close();
  });
});
