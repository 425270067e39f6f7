import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT } from '../helpers/fixtures';
import { THEMES } from '../../utils/reader/themes';
import { launchChromium, openStoryPage, RoutedWeb, type ChromiumSession } from './harness';
import {
  leaveReaderWithEsc,
  openReader,
  pageSnapshot,
  READER,
  progressAcrossReload,
  readerStoryText,
  readerText,
  scrollPageTo,
  sendToggleReader,
  waitForReader,
  waitForReaderClosed,
} from './reader-helpers';

/**
 * Reader mode across the site families, in Chromium over routed real
 * addresses: the story's first and last sentences (from the goldens) show,
 * the site's chrome does not, and leaving gives the page back unchanged.
 * Then chapter movement by keyboard on FFN, the place kept over a reload,
 * how plain-text stories are typeset, and settings changed live.
 */
interface Golden {
  fixture: string;
  story: { title: string; chapters: { index: number; start?: string; end?: string }[] };
}
const golden = (name: string): Golden => JSON.parse(readFileSync(path.join(ROOT, 'tests/goldens', `${name}.json`), 'utf8'));

interface ReaderCase {
  name: string;
  url: string;
  golden: Golden;
  /** Site text around the story that reader mode must leave out. */
  chrome: string[];
}

const FFN_CH1 = 'https://www.fanfiction.net/s/5853866/1/Counting';
const FFN_CH2 = 'https://www.fanfiction.net/s/5853866/2/Counting';
/** The chapter links FicShelf follows: FFN's own menu addresses, without the title slug. */
const FFN_CH1_LINK = 'https://www.fanfiction.net/s/5853866/1/';
const FFN_CH2_LINK = 'https://www.fanfiction.net/s/5853866/2/';
const FFN_2020 = 'https://www.fanfiction.net/s/1048901/1/Stygian-Solace';
const AO3_FULL = 'https://archiveofourown.org/works/24861814?view_full_work=true';
const JOURNAL = 'https://michael-writes.dreamwidth.org/1567.html';

const CASES: ReaderCase[] = [
  { name: 'AO3 chapter', url: 'https://archiveofourown.org/works/17793689/chapters/42035519', golden: golden('ao3/chapter-17793689-ch2'), chrome: ['Kudos', 'Bookmark', 'Comments'] },
  { name: 'AO3 full work', url: AO3_FULL, golden: golden('ao3/fullwork-through-your-silver-eyes-hp'), chrome: ['Kudos', 'Bookmark', 'Comments'] },
  { name: 'FFN chapter (modern)', url: FFN_CH1, golden: golden('ffn/chapter-counting-ch1-modern'), chrome: ['Review', 'Follow/Fav', 'Next >'] },
  { name: 'FFN chapter (2020 layout)', url: FFN_2020, golden: golden('ffn/chapter-2020-stygiansolace-ch1-kh'), chrome: ['Follow/Fav', 'Post Review'] },
  {
    name: 'eFiction seed chapter',
    url: 'http://hpfanficarchive.com/stories/viewstory.php?sid=1187&chapter=1',
    golden: golden('pages/efiction-spuffy-default-chapter'),
    chrome: ['You must login', 'Most Recent', 'to review'],
  },
  { name: 'journal entry', url: JOURNAL, golden: golden('pages/header-journal-entry'), chrome: ['Oh, this made me cry', '12 comments', 'Previous Entry'] },
  {
    name: 'paragraph-per-line page',
    url: 'https://michael.livejournal.com/4321.html',
    golden: golden('pages/header-p-per-line'),
    chrome: ["Michael's Fiction", 'Back to stories', 'Site hosted by'],
  },
];

const web = new RoutedWeb()
  .set(FFN_CH2, { fixture: 'ffn/chapter-counting-ch2-modern.html' })
  .set(FFN_CH2_LINK, { fixture: 'ffn/chapter-counting-ch2-modern.html' })
  .set(FFN_CH1_LINK, { fixture: 'ffn/chapter-counting-ch1-modern.html' });
for (const c of CASES) web.set(c.url, { fixture: c.golden.fixture });

let session: ChromiumSession;
beforeAll(async () => {
  session = await launchChromium(web);
});
afterAll(async () => {
  await session?.close();
});

const withText = (g: Golden) => g.story.chapters.filter((c) => c.start && c.end);

/** Chooses a chapter in the reader's chapter menu and waits for its text. */
async function chooseChapter(page: Page, index: number): Promise<void> {
  await page.locator(`${READER} select.fs-menu`).selectOption(String(index));
  await page.waitForFunction(
    ([selector, value]) => (document.querySelector(selector!)?.shadowRoot?.querySelector('select.fs-menu') as HTMLSelectElement | null)?.value === value,
    [READER, String(index)],
  );
  await waitForReader(page);
}

describe('reader mode on every site family', () => {
  for (const c of CASES) {
    it(`${c.name}: the story from first to last sentence, no site chrome, the page as it was after Esc`, async () => {
      const page = await openStoryPage(session, c.url);
      expect(await page.evaluate(() => document.documentElement.dataset.ficshelf)).toBe('story');
      await scrollPageTo(page, 600);
      const before = await pageSnapshot(page);

      await openReader(session, page);
      const [first, ...rest] = withText(c.golden);
      const last = rest.at(-1) ?? first!;
      const opening = await readerStoryText(page);
      expect(opening.startsWith(first!.start!)).toBe(true);
      if (last === first) expect(opening.endsWith(first!.end!)).toBe(true);
      const all = await readerText(page);
      expect(all).toContain(c.golden.story.title);
      for (const chrome of c.chrome) expect(all, chrome).not.toContain(chrome);

      if (last !== first) {
        // A full work holds every chapter: the last one is a menu choice away, inside the reader.
        await chooseChapter(page, last.index);
        const closing = await readerStoryText(page);
        expect(closing.startsWith(last.start!)).toBe(true);
        expect(closing.endsWith(last.end!)).toBe(true);
        expect(page.url()).toBe(c.url);
      }

      await leaveReaderWithEsc(page);
      expect(await pageSnapshot(page)).toEqual(before);
      await page.close();
    });
  }

  it('the command toggles it off again, leaving the page as it was', async () => {
    const page = await openStoryPage(session, JOURNAL);
    const before = await pageSnapshot(page);
    await openReader(session, page);
    expect(await sendToggleReader(session, page)).toEqual({ ok: true });
    await waitForReaderClosed(page);
    expect(await pageSnapshot(page)).toEqual(before);
    await page.close();
  });
});

describe('chapters and places on FFN', () => {
  it('ArrowRight goes to the next chapter on the site, and reader mode opens again there', async () => {
    const page = await openStoryPage(session, FFN_CH1);
    await openReader(session, page);
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/\/s\/5853866\/2\//);
    await waitForReader(page);
    const chapter2 = withText(golden('ffn/chapter-counting-ch2-modern'))[0]!;
    const text = await readerStoryText(page);
    expect(text.startsWith(chapter2.start!)).toBe(true);
    expect(text.endsWith(chapter2.end!)).toBe(true);
    // ArrowLeft comes back the same way.
    await page.keyboard.press('ArrowLeft');
    await page.waitForURL(/\/s\/5853866\/1\//);
    await waitForReader(page);
    expect((await readerStoryText(page)).startsWith(withText(golden('ffn/chapter-counting-ch1-modern'))[0]!.start!)).toBe(true);
    await leaveReaderWithEsc(page);
    await page.close();
  });

  it('brings back the reading position after a reload', async () => {
    // Counting's first chapter fits on one screen; Stygian Solace's scrolls.
    const page = await openStoryPage(session, FFN_2020);
    await openReader(session, page);
    const { before, after } = await progressAcrossReload(page, 0.5);
    expect(before).toBeGreaterThan(20);
    expect(Math.abs(after - before)).toBeLessThanOrEqual(2);
    await leaveReaderWithEsc(page);
    await page.close();
  });
});

describe('plain-text stories', () => {
  it('a "* * * * *" line is one scene break and *stars* are italics', async () => {
    const page = await openStoryPage(session, JOURNAL);
    await openReader(session, page);
    const typeset = await page.evaluate((selector) => {
      const text = document.querySelector(selector)?.shadowRoot?.querySelector<HTMLElement>('.fs-text');
      const breakAt = text?.querySelector('hr.fs-scene-break');
      const emphasis = [...(text?.querySelectorAll('em, i') ?? [])].map((e) => e.textContent);
      return {
        breaks: text?.querySelectorAll('hr.fs-scene-break').length,
        before: breakAt?.previousElementSibling?.textContent?.trim().slice(-40),
        after: breakAt?.nextElementSibling?.textContent?.trim().slice(0, 30),
        italic: emphasis.includes('Bloody fucking wonderful') ? getComputedStyle(text!.querySelector('em, i')!).fontStyle : null,
        starsLeft: (text?.innerText ?? '').includes('* * *'),
      };
    }, READER);
    expect(typeset).toEqual({
      breaks: 1,
      before: 'gh to slip away before another day came.',
      after: 'Drusilla was standing before h',
      italic: 'italic',
      starsLeft: false,
    });
    expect(await readerStoryText(page)).not.toContain('*Bloody');
    await leaveReaderWithEsc(page);
    await page.close();
  });
});

describe('settings changed in the options page', () => {
  it('restyle reader mode open in another tab: theme, line height, paragraph style, the dyslexic font', async () => {
    const AO3_CHAPTER = CASES[0]!.url;
    const story = await openStoryPage(session, AO3_CHAPTER);
    await openReader(session, story);
    const look = () =>
      story.evaluate((selector) => {
        const root = document.querySelector(selector)!.shadowRoot!;
        const text = root.querySelector<HTMLElement>('.fs-text')!;
        const second = text.querySelector<HTMLElement>('p + p')!;
        const style = getComputedStyle(text);
        return {
          background: getComputedStyle(root.querySelector('.fs-reader')!).backgroundColor,
          leading: parseFloat(style.lineHeight) / parseFloat(style.fontSize),
          indent: getComputedStyle(second).textIndent,
          gap: getComputedStyle(second).marginBottom,
          font: style.fontFamily,
        };
      }, READER);
    const initial = await look();
    expect(initial.indent).toBe('0px');
    expect(initial.gap).not.toBe('0px');

    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html#reader`);
    await options.waitForSelector('.options-app[data-loaded="true"]');
    await options.check('input[name="theme"][value="black"]');
    await options.fill('#lineHeight-number', '2');
    await options.press('#lineHeight-number', 'Enter');
    await options.check('input[name="paragraphs"][value="indented"]');
    await options.check('input[name="font"][value="dyslexic"]');

    await expect.poll(() => look().then((l) => l.font), { timeout: 5000 }).toContain('OpenDyslexic');
    const changed = await look();
    expect(changed.background).toBe(rgb(THEMES.black.bg));
    expect(changed.leading).toBeCloseTo(2, 2);
    expect(parseFloat(changed.indent)).toBeGreaterThan(10);
    expect(changed.gap).toBe('0px');
    // The face is declared in the story page itself (Chrome ignores @font-face in a shadow root) and loads from the extension.
    const fontLoaded = await story.evaluate(async () => {
      await document.fonts.load('16px "OpenDyslexic"');
      return document.fonts.check('16px "OpenDyslexic"') && [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'OpenDyslexic' && f.status === 'loaded');
    });
    expect(fontLoaded).toBe(true);
    await options.click('[data-action="reset-reader"]');
    await expect.poll(() => look().then((l) => l.font), { timeout: 5000 }).not.toContain('OpenDyslexic');
    await options.close();
    await leaveReaderWithEsc(story);
    await story.close();
  });
});

function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}
