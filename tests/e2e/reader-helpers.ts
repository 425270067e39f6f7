import type { Page } from 'playwright-core';
import { activeTabId, type ChromiumSession } from './harness';

/**
 * Reader mode from the outside, for e2e tests: the command as the shortcut
 * and popup send it, and what its open shadow root shows.
 */

export const READER = '[data-ficshelf="reader"]';

/** The tab id of a page (brought to the front first, so it is the active tab). */
export async function tabIdOf(session: ChromiumSession, page: Page): Promise<number> {
  await page.bringToFront();
  return activeTabId(session);
}

/** Sends `toggle-reader` to the page's content script from the service worker; returns its answer. */
export async function sendToggleReader(session: ChromiumSession, page: Page): Promise<{ ok: boolean; error?: string }> {
  const tabId = await tabIdOf(session, page);
  return session.worker.evaluate(
    (id) => (globalThis as any).chrome.tabs.sendMessage(id, { type: 'ficshelf:command', command: 'toggle-reader' }),
    tabId,
  );
}

/** Waits until reader mode shows story text, scrolled to the chapter's remembered place (data-restored). */
export async function waitForReader(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (selector) => {
      const root = document.querySelector(selector)?.shadowRoot;
      return !!root?.querySelector('.fs-reader[data-restored]') && !!root.querySelector('.fs-text')?.textContent?.trim();
    },
    READER,
    { timeout },
  );
}

export async function waitForReaderClosed(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction((selector) => !document.querySelector(selector), READER, { timeout });
}

/** Everything reader mode shows, white space collapsed ('' when closed). */
export async function readerText(page: Page): Promise<string> {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector)?.shadowRoot;
    return (root?.querySelector('.fs-reader')?.textContent ?? '').replace(/\s+/g, ' ');
  }, READER);
}

/** A computed style property of the first element matching `inner` inside the reader's shadow root. */
export async function readerStyle(page: Page, inner: string, property: string): Promise<string | null> {
  return page.evaluate(
    ([selector, inside, prop]) => {
      const el = document.querySelector(selector!)?.shadowRoot?.querySelector(inside!);
      return el ? getComputedStyle(el).getPropertyValue(prop!) : null;
    },
    [READER, inner, property],
  );
}

/** The class list of the element focused inside the reader, or null when focus is elsewhere. */
export async function readerFocus(page: Page): Promise<string | null> {
  return page.evaluate((selector) => {
    const host = document.querySelector(selector);
    if (!host || document.activeElement !== host) return null;
    return host.shadowRoot?.activeElement?.className ?? '';
  }, READER);
}

/** Scrolls the reader to a fraction of its scrollable height and lets it save the place. */
export async function scrollReaderTo(page: Page, fraction: number): Promise<void> {
  await page.evaluate(
    ([selector, f]) => {
      const box = document.querySelector(selector as string)?.shadowRoot?.querySelector<HTMLElement>('.fs-reader');
      if (box) box.scrollTop = (box.scrollHeight - box.clientHeight) * (f as number);
    },
    [READER, fraction] as const,
  );
  await page.waitForTimeout(1200);
}

/** The reader's progress bar value (0–100). */
export async function readerProgress(page: Page): Promise<number> {
  return page.evaluate((selector) => {
    const bar = document.querySelector(selector)?.shadowRoot?.querySelector('[role="progressbar"]');
    return Number(bar?.getAttribute('aria-valuenow') ?? NaN);
  }, READER);
}

/** The story text as the reader lays it out (innerText, so paragraphs are separated), white space collapsed. */
export async function readerStoryText(page: Page): Promise<string> {
  return page.evaluate((selector) => {
    const text = document.querySelector(selector)?.shadowRoot?.querySelector<HTMLElement>('.fs-text');
    return (text?.innerText ?? '').replace(/\s+/g, ' ').trim();
  }, READER);
}

/** What "the page as it was" means: its markup and where it is scrolled. */
export async function pageSnapshot(page: Page): Promise<{ html: string; x: number; y: number }> {
  return page.evaluate(() => ({ html: document.documentElement.outerHTML, x: window.scrollX, y: window.scrollY }));
}

/** Scrolls the page itself (not the reader) part way down, as far as it goes up to `y`; returns where it ended up. */
export async function scrollPageTo(page: Page, y: number): Promise<number> {
  return page.evaluate((top) => {
    window.scrollTo(0, top);
    return window.scrollY;
  }, y);
}

/**
 * Changes reader settings the way the options page stores them (storage.sync,
 * merged into what is there), from the service worker; open tabs pick the
 * change up through storage.onChanged.
 */
export async function setReaderSettings(session: ChromiumSession, change: Record<string, unknown>): Promise<void> {
  await session.worker.evaluate(async (patch) => {
    const storage = (globalThis as any).chrome.storage;
    const key = 'settings.reader';
    const current = (await storage.local.get(key))[key] ?? (await storage.sync.get(key))[key] ?? {};
    await storage.sync.set({ [key]: { ...current, ...patch } });
    await storage.local.remove(key);
  }, change);
}

/** Opens reader mode with the toggle-reader command and waits until it shows the story. */
export async function openReader(session: ChromiumSession, page: Page): Promise<void> {
  const answer = await sendToggleReader(session, page);
  if (!answer?.ok) throw new Error(`toggle-reader was not handled: ${JSON.stringify(answer)}`);
  await waitForReader(page);
}

/** Leaves reader mode with Esc, as a reader would. */
export async function leaveReaderWithEsc(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await waitForReaderClosed(page);
}

/** Scrolls the open reader to `fraction`, reloads, and waits for it to reopen: its progress before and after. */
export async function progressAcrossReload(page: Page, fraction: number): Promise<{ before: number; after: number }> {
  await scrollReaderTo(page, fraction);
  const before = await readerProgress(page);
  await page.reload({ waitUntil: 'load' });
  await waitForReader(page);
  return { before, after: await readerProgress(page) };
}
