import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { THEMES } from '../../utils/reader/themes';
import { activeTabId, launchChromium, openStoryPage, RoutedWeb, type ChromiumSession } from './harness';

/**
 * The options page in Chromium with the built extension: changing the theme
 * and the text size changes the live preview's computed style, the change is
 * in chrome.storage (read from the service worker), and it survives a reload.
 */
const STORY_URL = 'https://archiveofourown.org/works/323217';
const web = new RoutedWeb().set(STORY_URL, { fixture: 'ao3/work-323217-mentalist.html' });

let session: ChromiumSession;
beforeAll(async () => {
  session = await launchChromium(web);
});
afterAll(async () => {
  await session?.close();
});

const rgb = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

async function openOptions(hash = '#reader'): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html${hash}`);
  await page.waitForSelector('.options-app[data-loaded="true"]');
  return page;
}

/** Computed style of the preview: its background and the story text's size and font, as the browser lays them out. */
function previewStyle(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector<HTMLElement>('[data-preview="reader"]')!;
    const root = host.shadowRoot!;
    const reader = root.querySelector<HTMLElement>('.fs-reader')!;
    const text = root.querySelector<HTMLElement>('.fs-text')!;
    const article = root.querySelector<HTMLElement>('.fs-article')!;
    return {
      background: getComputedStyle(reader).backgroundColor,
      colour: getComputedStyle(text).color,
      fontSize: getComputedStyle(text).fontSize,
      fontFamily: getComputedStyle(text).fontFamily,
      articleMaxWidth: getComputedStyle(article).maxWidth,
      sceneBreaks: text.querySelectorAll('hr.fs-scene-break').length,
    };
  });
}

/** The reader part of the settings as stored, read from the service worker. */
function storedReader() {
  return session.worker.evaluate(async () => {
    const chrome = (globalThis as any).chrome;
    const key = 'settings.reader';
    const local = await chrome.storage.local.get(key);
    const synced = await chrome.storage.sync.get(key);
    return local[key] ?? synced[key] ?? null;
  });
}

describe('options page', () => {
  it('changes the preview at once, saves to storage and keeps the values after a reload', async () => {
    const page = await openOptions();
    const before = await previewStyle(page);
    expect(before.fontSize).toBe('19px');
    expect(before.sceneBreaks).toBe(1);
    // reader.css styles the article in the preview too: the measure comes from the width setting.
    expect(before.articleMaxWidth).not.toBe('none');

    await page.check('input[name="theme"][value="dark"]');
    await page.fill('#fontSize-number', '26');
    await page.press('#fontSize-number', 'Enter');

    await expect.poll(() => previewStyle(page).then((s) => s.fontSize)).toBe('26px');
    await expect.poll(() => previewStyle(page).then((s) => s.background)).toBe(rgb(THEMES.dark.bg));
    expect((await previewStyle(page)).colour).toBe(rgb(THEMES.dark.fg));

    await expect.poll(storedReader, { timeout: 5000 }).toMatchObject({ theme: 'dark', fontSize: 26 });

    await page.reload();
    await page.waitForSelector('.options-app[data-loaded="true"]');
    expect(await page.inputValue('#fontSize-number')).toBe('26');
    expect(await page.isChecked('input[name="theme"][value="dark"]')).toBe(true);
    const after = await previewStyle(page);
    expect(after.fontSize).toBe('26px');
    expect(after.background).toBe(rgb(THEMES.dark.bg));
    await page.close();
  });

  it('a change in one options tab reaches another open one', async () => {
    const first = await openOptions();
    const second = await openOptions();
    await first.check('input[name="theme"][value="sepia"]');
    await expect.poll(() => previewStyle(second).then((s) => s.background), { timeout: 5000 }).toBe(rgb(THEMES.sepia.bg));
    expect(await second.isChecked('input[name="theme"][value="sepia"]')).toBe(true);
    await first.close();
    await second.close();
  });

  it('the OpenDyslexic face is declared on the page and used by the preview', async () => {
    const page = await openOptions();
    await page.check('input[name="font"][value="dyslexic"]');
    await expect.poll(() => previewStyle(page).then((s) => s.fontFamily)).toContain('OpenDyslexic');
    const loaded = await page.evaluate(async () => {
      await document.fonts.load('16px "OpenDyslexic"');
      return document.fonts.check('16px "OpenDyslexic"') && [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'OpenDyslexic' && f.status === 'loaded');
    });
    expect(loaded).toBe(true);
    await page.close();
  });

  it('is reachable by keyboard: nav links, then radio groups move with the arrow keys', async () => {
    const page = await openOptions('#library');
    await page.focus('.options-nav a[href="#reader"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.reader-controls');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reader-heading');
    await page.focus('input[name="align"][value="left"]');
    await page.keyboard.press('ArrowRight');
    expect(await page.isChecked('input[name="align"][value="justify"]')).toBe(true);
    await expect.poll(storedReader, { timeout: 5000 }).toMatchObject({ align: 'justify' });
    await page.close();
  });

  it('a change here restyles reader mode in an open story tab', async () => {
    const story = await openStoryPage(session, STORY_URL);
    const tabId = await activeTabId(session);
    await session.worker.evaluate(
      (id) => (globalThis as any).chrome.tabs.sendMessage(id, { type: 'ficshelf:command', command: 'toggle-reader' }),
      tabId,
    );
    const readerText = () =>
      story.evaluate(() => {
        const text = document.querySelector('[data-ficshelf="reader"]')?.shadowRoot?.querySelector<HTMLElement>('.fs-text');
        return text ? { fontSize: getComputedStyle(text).fontSize, fontFamily: getComputedStyle(text).fontFamily } : null;
      });
    await expect.poll(readerText, { timeout: 10_000 }).not.toBeNull();

    const options = await openOptions();
    await options.fill('#fontSize-number', '31');
    await options.press('#fontSize-number', 'Enter');
    await options.check('input[name="font"][value="sans"]');
    await expect.poll(() => readerText().then((t) => t?.fontSize), { timeout: 5000 }).toBe('31px');
    expect((await readerText())!.fontFamily).toContain('system-ui');
    await options.close();
    await story.close();
  });

  it('"Follow system" follows the system colour scheme live', async () => {
    const page = await openOptions();
    await page.check('input[name="theme"][value="system"]');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => previewStyle(page).then((s) => s.background)).toBe(rgb(THEMES.light.bg));
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => previewStyle(page).then((s) => s.background)).toBe(rgb(THEMES.dark.bg));
    expect(await page.textContent('[data-value="system"] .choice-hint')).toBe('Dark now');
    await page.close();
  });

  it('reads at 200% zoom: nothing wider than the window, preview above the controls', async () => {
    const page = await openOptions('#reader');
    // A 1100 px window at 200% zoom lays out 550 CSS px wide.
    await page.setViewportSize({ width: 550, height: 400 });
    for (const section of ['reader', 'library', 'sites']) {
      await page.evaluate((id) => (location.hash = `#${id}`), section);
      await page.waitForSelector(`#${section}-heading`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, section).toBeLessThanOrEqual(0);
    }
    await page.evaluate(() => (location.hash = '#reader'));
    await page.waitForSelector('.reader-controls');
    const [preview, controls] = await Promise.all([page.locator('.reader-preview').boundingBox(), page.locator('.reader-controls').boundingBox()]);
    expect(preview!.y + preview!.height).toBeLessThanOrEqual(controls!.y);
    await page.close();
  });

  it('has no axe-core accessibility violations in each section, light and dark', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const page = await openOptions('#reader');
    await page.evaluate(axeSource);
    for (const [scheme, section] of (['light', 'dark'] as const).flatMap((c) => ['reader', 'library', 'sites'].map((s) => [c, s] as const))) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate((id) => (location.hash = `#${id}`), section);
      await page.waitForSelector(`#${section}-heading`);
      const violations = await page.evaluate(async () => {
        const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations, `${section} (${scheme})`).toEqual([]);
    }
    await page.close();
  });
});
