import type { Page } from 'playwright-core';
import type { Settings } from '../../utils/settings';
import { fandomData } from '../../utils/fandoms/episodes';
import type { ChromiumSession } from './harness';

/**
 * The options page's "Spoilers & ratings" section driven as a reader would,
 * for e2e tests that need progress or a rating limit set first.
 */

/** Opens the options page at a section and waits until the stored settings are on screen. */
export async function openOptions(session: ChromiumSession, hash = '#spoilers'): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html${hash}`);
  await page.waitForSelector('.options-app[data-loaded="true"]');
  return page;
}

/** One part of the settings as chrome.storage holds it (local wins over sync, as the store reads it); null when never saved. */
export function storedPart<K extends keyof Settings>(session: ChromiumSession, part: K): Promise<Settings[K] | null> {
  return session.worker.evaluate(async (key) => {
    const chrome = (globalThis as any).chrome;
    const local = await chrome.storage.local.get(key);
    const synced = await chrome.storage.sync.get(key);
    return local[key] ?? synced[key] ?? null;
  }, `settings.${part}`);
}

/** Waits until storage holds what `check` wants (the page saves a moment after each change). */
async function waitForStored<K extends keyof Settings>(session: ChromiumSession, part: K, check: (value: Settings[K] | null) => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check(await storedPart(session, part))) {
    if (Date.now() > deadline) throw new Error(`settings.${part} was not saved: ${JSON.stringify(await storedPart(session, part))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A page the caller opened may be on another section: switch to Spoilers & ratings. */
async function showSpoilersSection(options: Page): Promise<void> {
  if (!new URL(options.url()).hash.startsWith('#spoilers')) await options.evaluate(() => (location.hash = '#spoilers'));
  await options.waitForSelector('#spoilers-heading');
}

/** The row of a followed fandom on the options page, by canonical name. */
export const progressRow = (fandom: string) => `.progress-row[data-fandom="${fandomData(fandom)?.name ?? fandom}"]`;

/**
 * Says "watched through S{season}E{episode}" for a fandom (any name or alias
 * FicShelf knows) through the options page: finds it with the search box
 * (typing `query`, by default the name itself), picks the season and the
 * episode, and waits until it is stored. Uses `page` when given (left open),
 * else opens and closes its own options page.
 */
export async function setProgressThroughOptions(
  session: ChromiumSession,
  fandom: string,
  season: number,
  episode: number,
  { page, query }: { page?: Page; query?: string } = {},
): Promise<void> {
  const options = page ?? (await openOptions(session));
  await showSpoilersSection(options);
  const name = fandomData(fandom)?.name ?? fandom;
  const row = progressRow(name);
  if ((await options.locator(row).count()) === 0) {
    await options.fill('#fandom-search', query ?? fandom);
    await options.click(`.fandom-results button[data-fandom="${name}"]`);
    await options.waitForSelector(row);
  }
  await options.locator(`${row} input[type="radio"][value="through"]`).check();
  await options.locator(`${row} select[id^="season-"]`).selectOption(String(season));
  await options.locator(`${row} select[id^="episode-"]`).selectOption(String(episode));
  await waitForStored(session, 'spoilers', (s) => {
    const p = s?.progress[name];
    return typeof p === 'object' && p.season === season && p.episode === episode;
  });
  if (!page) await options.close();
}

/** Sets the highest rating to show through the options page and waits until it is stored. */
export async function setRatingLimitThroughOptions(session: ChromiumSession, max: Settings['ratings']['max'], page?: Page): Promise<void> {
  const options = page ?? (await openOptions(session));
  await showSpoilersSection(options);
  await options.locator(`input[name="rating-max"][value="${max}"]`).check();
  await waitForStored(session, 'ratings', (r) => r?.max === max);
  if (!page) await options.close();
}
