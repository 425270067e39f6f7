import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness';
import { openOptions, progressRow, setProgressThroughOptions, setRatingLimitThroughOptions, storedPart } from './options-helpers';

/**
 * The options page's "Spoilers & ratings" section in Chromium with the built
 * extension: Buffy through S4E9 and a Teen limit, set by searching, picking and
 * clicking, are in chrome.storage (read from the service worker) and are shown
 * again after a reload.
 */
const BUFFY = 'Buffy the Vampire Slayer';

let session: ChromiumSession;
beforeAll(async () => {
  session = await launchChromium();
});
afterAll(async () => {
  await session?.close();
});

describe('Spoilers & ratings options', () => {
  it('saves Buffy through S4E9 and a Teen limit, and shows them again after a reload', async () => {
    const page = await openOptions(session);
    expect(await page.textContent('[data-empty="progress"]')).toContain("You haven't told FicShelf how far you've watched anything yet");

    // Found by part of its name, as a reader types it.
    await setProgressThroughOptions(session, BUFFY, 4, 9, { page, query: 'buf' });
    await setRatingLimitThroughOptions(session, 'teen', page);
    await page.locator('input[name="sensitivity"][value="cautious"]').check();

    await expect.poll(() => storedPart(session, 'spoilers'), { timeout: 5000 }).toMatchObject({ progress: { [BUFFY]: { season: 4, episode: 9 } }, sensitivity: 'cautious' });
    expect(await storedPart(session, 'ratings')).toMatchObject({ max: 'teen' });

    await page.reload();
    await page.waitForSelector('.options-app[data-loaded="true"]');
    const row = page.locator(progressRow(BUFFY));
    expect(await row.locator('select[id^="season-"]').inputValue()).toBe('4');
    const episode = row.locator('select[id^="episode-"]');
    expect(await episode.inputValue()).toBe('9');
    expect(await episode.locator('option:checked').textContent()).toBe('S4E9 Something Blue');
    expect(await row.locator('.progress-now').getAttribute('data-progress')).toBe('S4E9');
    expect(await page.isChecked('input[name="rating-max"][value="teen"]')).toBe(true);
    expect(await page.isChecked('input[name="sensitivity"][value="cautious"]')).toBe(true);
    // The nav names the section, and it comes after Reader mode.
    expect(await page.locator('.options-nav a').allTextContents()).toEqual(['Library', 'Reader mode', 'Spoilers & ratings', 'Sites']);
    await page.close();
  });

  it('the season and episode pickers work from the keyboard', async () => {
    const page = await openOptions(session);
    const season = page.locator(`${progressRow(BUFFY)} select[id^="season-"]`);
    await season.focus();
    // A labelled select: its accessible name is what a screen reader says.
    expect(await season.evaluate((el: HTMLSelectElement) => el.labels?.[0]?.textContent)).toBe('Season');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await storedPart(session, 'spoilers'))?.progress[BUFFY]).toEqual({ season: 5, episode: 0 });
    const episode = page.locator(`${progressRow(BUFFY)} select[id^="episode-"]`);
    expect(await episode.locator('option').nth(1).textContent()).toBe('S5E1 Buffy vs. Dracula');
    await page.close();
  });

  it('has no axe-core violations with a fandom, search results and list entries showing, light and dark, and no sideways scrolling at 200% zoom', async () => {
    const page = await openOptions(session);
    await page.fill('#block-tags-input', 'Major Character Death');
    await page.press('#block-tags-input', 'Enter');
    await page.fill('#fandom-search', 'an');
    await page.waitForSelector('.fandom-results button');
    await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const violations = await page.evaluate(async () => {
        const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations, scheme).toEqual([]);
    }
    // 200% zoom of a 1100px window: the page is 550 CSS px wide.
    await page.setViewportSize({ width: 550, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    if (process.env.SPOILERS_SCREENSHOT) await page.screenshot({ path: process.env.SPOILERS_SCREENSHOT, fullPage: true });
    await page.close();
  });
});
