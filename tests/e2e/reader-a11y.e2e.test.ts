import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT } from '../helpers/fixtures';
import { THEMES, type ThemeName } from '../../utils/reader/themes';
import { launchChromium, openStoryPage, RoutedWeb, type ChromiumSession } from './harness';
import { leaveReaderWithEsc, openReader, READER, readerFocus, readerStyle, setReaderSettings } from './reader-helpers';

/**
 * Reader mode's accessibility in Chromium, on a routed AO3 chapter: axe-core
 * (WCAG 2 A and AA, colour contrast included) finds nothing in any theme,
 * focus goes into the reader and comes back, and at 200% and 400% zoom
 * nothing sticks out sideways.
 */
const AO3_CHAPTER_URL = 'https://archiveofourown.org/works/17793689/chapters/42035519';
const golden = JSON.parse(readFileSync(path.join(ROOT, 'tests/goldens/ao3/chapter-17793689-ch2.json'), 'utf8'));
const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

let session: ChromiumSession;
beforeAll(async () => {
  session = await launchChromium(new RoutedWeb().set(AO3_CHAPTER_URL, { fixture: golden.fixture }));
});
afterAll(async () => {
  await setReaderSettings(session, { theme: 'system' }).catch(() => undefined);
  await session?.close();
});

const rgb = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

/** axe-core over the reader's host (its open shadow root included): violations, and how many nodes colour contrast checked. */
async function axeReader(page: Page): Promise<{ violations: string[]; contrastChecked: number; contrastUnsure: string[] }> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async (selector) => {
    const axe = (window as any).axe;
    // axe lays out its colour grid from document.body only, and the reader's host hangs off <html>
    // (so no body transform can capture it). For the audit it sits at the end of <body>: it is
    // position: fixed with all: initial, so on this page it looks exactly the same there.
    const host = document.querySelector(selector)!;
    const home = host.parentNode!;
    document.body.appendChild(host);
    try {
      const result = await axe.run(host, { runOnly: ['wcag2a', 'wcag2aa'] });
    const rule = (list: any[]) => list.find((r: any) => r.id === 'color-contrast')?.nodes ?? [];
      return {
        violations: result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => `${n.target.join(' > ')} (${n.failureSummary})`).join('; ')}`),
        contrastChecked: rule(result.passes).length,
        contrastUnsure: rule(result.incomplete)
          // The arrows beside "Previous"/"Next" are aria-hidden symbols, which axe does not measure.
          .filter((n: any) => !n.any.some((c: any) => /non-text characters/.test(c.message)))
          .map((n: any) => `${n.target.join(' > ')}: ${n.any.map((c: any) => c.message).join(' ')}`),
      };
    } finally {
      home.appendChild(host);
    }
  }, READER);
}

/** Elements in the reader whose box reaches past the right edge of the view, and the reader's sideways scroll. */
function sidewaysOverflow(page: Page) {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector)!.shadowRoot!;
    const box = root.querySelector<HTMLElement>('.fs-reader')!;
    const edge = box.getBoundingClientRect().right + 0.5;
    const sticking = [...root.querySelectorAll<HTMLElement>('.fs-reader *')]
      .filter((el) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > edge)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { scroll: box.scrollWidth - box.clientWidth, sticking: sticking.slice(0, 5) };
  }, READER);
}

describe('reader mode accessibility', () => {
  it('has no WCAG 2 A/AA violations, colour contrast included, in every theme', async () => {
    const page = await openStoryPage(session, AO3_CHAPTER_URL);
    await openReader(session, page);
    for (const theme of Object.keys(THEMES) as ThemeName[]) {
      await setReaderSettings(session, { theme });
      await expect.poll(() => readerStyle(page, '.fs-reader', 'background-color'), { timeout: 5000 }).toBe(rgb(THEMES[theme].bg));
      const result = await axeReader(page);
      expect(result.violations, theme).toEqual([]);
      expect(result.contrastUnsure, theme).toEqual([]);
      // axe really looked inside the shadow root: the toolbar, header and the chapter's paragraphs.
      expect(result.contrastChecked, theme).toBeGreaterThan(15);
    }
    await leaveReaderWithEsc(page);
    await page.close();
  });

  it('takes focus to its heading on opening and gives it back to the page on leaving', async () => {
    const page = await openStoryPage(session, AO3_CHAPTER_URL);
    const link = page.locator('#main a[href*="/works/17793689"]').first();
    await link.focus();
    const focusedBefore = await link.evaluate((el) => el === document.activeElement && el.outerHTML);
    expect(focusedBefore).toBeTruthy();

    await openReader(session, page);
    expect(await readerFocus(page)).toContain('fs-title');
    // A modal dialog: Tab and Shift+Tab go round its own controls and never reach the hidden page below.
    const controls = await page.evaluate((selector) => document.querySelector(selector)!.shadowRoot!.querySelectorAll('button:not(:disabled), select, input, summary, a[href]').length, READER);
    const visited = new Set<string>();
    for (let i = 0; i < controls + 2; i++) {
      await page.keyboard.press('Tab');
      const focus = await readerFocus(page);
      expect(focus, `Tab ${i + 1}`).not.toBeNull();
      visited.add(await page.evaluate((selector) => document.querySelector(selector)!.shadowRoot!.activeElement?.outerHTML.slice(0, 60) ?? '', READER));
    }
    expect(visited.size).toBe(controls);
    await page.keyboard.press('Shift+Tab');
    expect(await readerFocus(page)).not.toBeNull();

    await leaveReaderWithEsc(page);
    expect(await page.evaluate(() => document.activeElement?.outerHTML)).toBe(focusedBefore);
    await page.close();
  });

  // Chrome's 200% zoom on a 1280×800 window lays pages out 640×400 CSS px at a device pixel ratio of 2;
  // emulating exactly that (not CSS zoom, which browsers apply differently) keeps media queries and rem sizes honest.
  // 320 px wide is WCAG 1.4.10's reflow width (400% of 1280).
  for (const [zoom, width, height] of [
    ['200%', 640, 400],
    ['400%', 320, 200],
  ] as const) {
    it(`reads at ${zoom} zoom with nothing wider than the window`, async () => {
      const page = await openStoryPage(session, AO3_CHAPTER_URL);
      const cdp = await session.context.newCDPSession(page);
      await cdp.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: width === 640 ? 2 : 4, mobile: false });
      await openReader(session, page);
      expect(await page.evaluate(() => [window.innerWidth, window.devicePixelRatio])).toEqual([width, width === 640 ? 2 : 4]);
      expect(await sidewaysOverflow(page)).toEqual({ scroll: 0, sticking: [] });
      // The controls wrap and scroll away with the story instead of covering it.
      expect(await readerStyle(page, '.fs-bar', 'position')).toBe('static');
      await leaveReaderWithEsc(page);
      await cdp.detach();
      await page.close();
    });
  }
});
