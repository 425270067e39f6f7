// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '@/utils/settings';
import { loadSettings } from '@/utils/settings-store';
import { THEMES } from '@/utils/reader/themes';
import { positionKey } from '@/utils/reader/reading-time';
import type { Story } from '@/utils/story';
import { createReaderController, type ReaderController } from '@/entrypoints/page.content/reader/controller';
import { AO3_CHAPTER, AO3_FULL_WORK, golden, press, readerHost, readerRoot, readerText, settle, showPage, textSettled } from './reader-helpers';

const settingsWith = (reader: Partial<Settings['reader']> = {}): Settings =>
  normalizeSettings({ ...DEFAULT_SETTINGS, reader: { ...DEFAULT_SETTINGS.reader, ...reader } });

let controller: ReaderController | null = null;
let navigate: ReturnType<typeof vi.fn<(url: string) => void>>;

function openOn(story: Story, settings = settingsWith()): ReaderController {
  navigate = vi.fn<(url: string) => void>();
  controller = createReaderController({ story, settings, fontBaseUrl: 'chrome-extension://abc/', navigate });
  return controller;
}

beforeEach(() => {
  fakeBrowser.reset();
  sessionStorage.clear();
});
afterEach(() => {
  controller?.close();
  controller = null;
  vi.restoreAllMocks();
});

describe('opening and closing reader mode', () => {
  it('shows the chapter in an open shadow root on <html>, without the site chrome', async () => {
    const story = showPage(AO3_CHAPTER.fixture, AO3_CHAPTER.url);
    const expected = golden(AO3_CHAPTER.golden).story.chapters[0];
    expect(openOn(story).open()).toBe(true);
    const host = readerHost()!;
    expect(host.parentElement).toBe(document.documentElement);
    expect(host.shadowRoot!.mode).toBe('open');
    expect(host.getAttribute('style')).toContain('all: initial !important');
    expect(host.getAttribute('style')).toContain('z-index: 2147483647 !important');
    // The first screen is there at once; the rest follows after it is painted.
    expect(readerText()).toContain(expected.start);
    await textSettled();
    const text = readerText();
    expect(text).toContain(expected.start);
    expect(text).toContain(expected.end);
    expect(text).toContain('Nobody Expects the Dragon Age Inquisition');
    expect(text).toContain('by enigmalea');
    expect(text).toContain('Chapter 2: The College of Enchanters: New Haven');
    expect(text).not.toContain('Kudos');
    expect(text).not.toContain('See the end of the chapter for more notes');
    // The chapter's own note sits in the collapsible notes, not in the text.
    const notes = readerRoot().querySelector('details.fs-notes')!;
    expect(notes.textContent).toContain('Another quickly written chapter in this Modern (Future?) Thedas AU.');
    expect(readerRoot().querySelector('.fs-text')!.textContent).not.toContain('Another quickly written chapter');
    expect(readerRoot().querySelector('.rating-badge')!.getAttribute('data-level')).toBe('mature');
  });

  it('gives the page back exactly as it was, focus and scroll included', async () => {
    const story = showPage(AO3_CHAPTER.fixture, AO3_CHAPTER.url);
    const link = document.querySelector<HTMLAnchorElement>('#main a[href]')!;
    link.focus();
    expect(document.activeElement).toBe(link);
    let scrollY = 1234;
    vi.spyOn(window, 'scrollY', 'get').mockImplementation(() => scrollY);
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(((x: number, y: number) => {
      scrollY = y;
    }) as never);
    const before = document.documentElement.outerHTML;

    openOn(story, settingsWith({ font: 'dyslexic' })).open();
    // The dyslexic font's @font-face goes in <head> after the opening frame (it restyles the whole page).
    expect(document.head.querySelector('style[data-ficshelf="reader-fonts"]')).toBeNull();
    await settle();
    expect(document.head.querySelector('style[data-ficshelf="reader-fonts"]')!.textContent).toContain(
      'chrome-extension://abc/fonts/opendyslexic-latin-400-normal.woff2',
    );
    // Focus is on the reader's heading, inside the shadow root.
    expect(document.activeElement).toBe(readerHost());
    expect(readerRoot().activeElement?.classList.contains('fs-title')).toBe(true);
    scrollY = 0; // something scrolled the page meanwhile

    press('Escape');
    expect(readerHost()).toBeNull();
    expect(document.documentElement.outerHTML).toBe(before);
    expect(document.activeElement).toBe(link);
    expect(scrollTo).toHaveBeenCalledWith(0, 1234);
    expect(controller!.isOpen()).toBe(false);
  });

  it('leaves <head> alone unless the dyslexic font is chosen', async () => {
    const story = showPage(AO3_CHAPTER.fixture, AO3_CHAPTER.url);
    const reader = openOn(story);
    expect(reader.open()).toBe(true);
    await settle();
    expect(document.querySelector('style[data-ficshelf="reader-fonts"]')).toBeNull();
    reader.applySettings(settingsWith({ font: 'dyslexic' }));
    expect(document.head.querySelector('style[data-ficshelf="reader-fonts"]')).not.toBeNull();
    reader.close();
    expect(document.querySelector('style[data-ficshelf="reader-fonts"]')).toBeNull();
  });

  it('toggles: a second toggle-reader closes it', () => {
    const story = showPage(AO3_CHAPTER.fixture, AO3_CHAPTER.url);
    const reader = openOn(story);
    expect(reader.toggle()).toBe(true);
    expect(readerHost()).not.toBeNull();
    expect(reader.toggle()).toBe(false);
    expect(readerHost()).toBeNull();
    expect(document.querySelector('style[data-ficshelf="reader-fonts"]')).toBeNull();
  });

  it('leaves the page untouched and does not throw when mounting fails', () => {
    const story = showPage(AO3_CHAPTER.fixture, AO3_CHAPTER.url);
    const before = document.documentElement.outerHTML;
    vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(() => {
      throw new Error('no shadow DOM here');
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(openOn(story).open()).toBe(false);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('will not open on a story page without any chapter text', () => {
    const story = showPage(AO3_CHAPTER.fixture, AO3_CHAPTER.url);
    const empty: Story = { ...story, chapters: story.chapters.map((c) => ({ ...c, html: '', text: '' })) };
    expect(openOn(empty).open()).toBe(false);
    expect(readerHost()).toBeNull();
  });

  it('sanitises the story HTML again before it enters the shadow root', () => {
    const story = showPage(AO3_CHAPTER.fixture, AO3_CHAPTER.url);
    const tampered: Story = {
      ...story,
      chapters: story.chapters.map((c) =>
        c.index === 2 ? { ...c, html: `<p>Safe words.</p><img src="x.png" onerror="alert(1)"><script>window.pwned = 1</script><p style="color:red">Red</p>` } : c,
      ),
    };
    openOn(tampered).open();
    const text = readerRoot().querySelector('.fs-text')!;
    expect(text.textContent).toContain('Safe words.');
    expect(text.querySelector('script')).toBeNull();
    expect(text.querySelector('img')!.hasAttribute('onerror')).toBe(false);
    expect(text.querySelector('[style]')).toBeNull();
  });
});

describe('settings in the reader', () => {
  it('applies new settings live: theme colours and font', () => {
    const story = showPage(AO3_CHAPTER.fixture, AO3_CHAPTER.url);
    const reader = openOn(story, settingsWith({ theme: 'light' }));
    reader.open();
    const css = () => [...readerRoot().querySelectorAll('style')].map((s) => s.textContent).join('\n');
    expect(css()).toContain(`--fs-bg: ${THEMES.light.bg}`);
    reader.applySettings(settingsWith({ theme: 'black', font: 'dyslexic', fontSize: 24 }));
    return settle().then(() => {
      expect(css()).toContain(`--fs-bg: ${THEMES.black.bg}`);
      expect(css()).toContain('--fs-size: 24px');
      expect(css()).toMatch(/--fs-font: "OpenDyslexic"/);
      // The component styles (reader.css) have their own element next to the settings CSS.
      expect(readerRoot().querySelectorAll('style')).toHaveLength(2);
    });
  });

  it('stores "Always use reader mode on this site" for this host', async () => {
    const story = showPage(AO3_CHAPTER.fixture, AO3_CHAPTER.url);
    openOn(story).open();
    const box = readerRoot().querySelector<HTMLInputElement>('[data-action="always-on"]')!;
    expect(box.checked).toBe(false);
    expect(box.closest('label')!.textContent).toContain(`Always use reader mode on ${location.hostname}`);
    box.click();
    await settle();
    expect((await loadSettings()).reader.alwaysOn).toEqual([location.hostname]);
  });

  it('remembers whether the notes are open', async () => {
    const story = showPage(AO3_CHAPTER.fixture, AO3_CHAPTER.url);
    openOn(story, settingsWith({ showNotes: true })).open();
    const notes = readerRoot().querySelector<HTMLDetailsElement>('details.fs-notes')!;
    expect(notes.open).toBe(true);
    notes.open = false;
    notes.dispatchEvent(new Event('toggle'));
    await settle();
    expect((await loadSettings()).reader.showNotes).toBe(false);
  });

  it('opens by itself on a host the reader chose, and not elsewhere', () => {
    const story = showPage(AO3_CHAPTER.fixture, AO3_CHAPTER.url);
    expect(openOn(story, settingsWith({ alwaysOn: ['archiveofourown.org'] })).openIfWanted()).toBe(false);
    expect(readerHost()).toBeNull();
    expect(openOn(story, settingsWith({ alwaysOn: [location.hostname] })).openIfWanted()).toBe(true);
    expect(readerHost()).not.toBeNull();
  });
});

describe('chapters and keys', () => {
  it('follows the site links from a chapter page and reopens on the next page', () => {
    const story = showPage(AO3_CHAPTER.fixture, AO3_CHAPTER.url);
    const reader = openOn(story);
    reader.open();
    press('ArrowRight');
    expect(navigate).toHaveBeenLastCalledWith('https://archiveofourown.org/works/17793689/chapters/42143897');
    expect(sessionStorage.getItem('ficshelf.reader.continue')).toBe('ao3:17793689');
    press('[');
    expect(navigate).toHaveBeenLastCalledWith('https://archiveofourown.org/works/17793689/chapters/41980418');
    // The next page takes the flag and opens reader mode by itself, once.
    reader.close();
    const next = openOn(story);
    expect(next.openIfWanted()).toBe(true);
    next.close();
    expect(openOn(story).openIfWanted()).toBe(false);
  });

  it('lists every chapter in the menu and goes to the chosen one', () => {
    const story = showPage(AO3_CHAPTER.fixture, AO3_CHAPTER.url);
    openOn(story).open();
    const menu = readerRoot().querySelector<HTMLSelectElement>('select[data-action="chapters"]')!;
    expect(menu.options.length).toBe(14);
    expect(menu.value).toBe('2');
    expect(menu.options[13]!.textContent).toBe('14. A Dangerous Thing');
    menu.value = '5';
    menu.dispatchEvent(new Event('change', { bubbles: true }));
    expect(navigate).toHaveBeenLastCalledWith('https://archiveofourown.org/works/17793689/chapters/42436067');
  });

  it('moves between chapters inside the reader on a full-work page', async () => {
    const story = showPage(AO3_FULL_WORK.fixture, AO3_FULL_WORK.url);
    const chapters = golden(AO3_FULL_WORK.golden).story.chapters;
    openOn(story).open();
    expect(readerText()).toContain(chapters[0].start);
    press('ArrowRight');
    await settle();
    expect(navigate).not.toHaveBeenCalled();
    expect(readerRoot().querySelector<HTMLSelectElement>('select')!.value).toBe('2');
    const menu = readerRoot().querySelector<HTMLSelectElement>('select')!;
    menu.value = '3';
    menu.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(readerRoot().querySelector('.fs-text')!.textContent!.replace(/\s+/g, ' ')).toContain(chapters[1].start);
    expect(readerRoot().querySelector('.fs-chapter-title')!.textContent).toBe('Chapter 3: He Deserves This');
    // The new chapter's heading takes focus.
    expect(readerRoot().activeElement?.classList.contains('fs-chapter-title')).toBe(true);
    press(']');
    await settle();
    expect(menu.value).toBe('4');
  });

  it('c focuses the chapter menu; keys typed into the menu stay there', async () => {
    const story = showPage(AO3_FULL_WORK.fixture, AO3_FULL_WORK.url);
    openOn(story).open();
    press('c');
    const menu = readerRoot().querySelector<HTMLSelectElement>('select')!;
    expect(readerRoot().activeElement).toBe(menu);
    const event = press('ArrowRight', menu);
    expect(event.defaultPrevented).toBe(false);
    await settle();
    expect(menu.value).toBe('1');
  });

  it('has a progress bar and a time-left estimate for the chapter', () => {
    const story = showPage(AO3_CHAPTER.fixture, AO3_CHAPTER.url);
    openOn(story).open();
    const bar = readerRoot().querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    // 3,057 words at 238 a minute.
    expect(readerRoot().querySelector('[data-field="time-left"]')!.textContent).toBe('about 13 min left');
  });

  it('restores the remembered place of the chapter', async () => {
    const story = showPage(AO3_CHAPTER.fixture, AO3_CHAPTER.url);
    await fakeBrowser.storage.local.set({ [positionKey(story.id, 2)]: { fraction: 0.5 } });
    const layout = fakeLayout();
    openOn(story).open();
    await textSettled();
    const scroller = readerRoot().querySelector<HTMLElement>('.fs-reader')!;
    // textTop 0 in jsdom; (5000 - 600) * 0.5
    expect(layout.scrollTopOf(scroller)).toBe(2200);
    expect(readerRoot().querySelector('[role="progressbar"]')!.getAttribute('aria-valuenow')).toBe('50');
    expect(readerRoot().querySelector('[data-field="time-left"]')!.textContent).toBe('about 6 min left');
  });

  it('saves the place while scrolling and on close', async () => {
    const story = showPage(AO3_CHAPTER.fixture, AO3_CHAPTER.url);
    fakeLayout();
    openOn(story).open();
    await textSettled();
    const scroller = readerRoot().querySelector<HTMLElement>('.fs-reader')!;
    scroller.scrollTop = 1100;
    scroller.dispatchEvent(new Event('scroll'));
    await settle();
    const key = positionKey(story.id, 2);
    expect(((await fakeBrowser.storage.local.get(key))[key] as { fraction: number }).fraction).toBe(0.25);
    scroller.scrollTop = 3300;
    scroller.dispatchEvent(new Event('scroll')); // within the throttle: saved on close
    controller!.close();
    await settle();
    expect(((await fakeBrowser.storage.local.get(key))[key] as { fraction: number }).fraction).toBe(0.75);
  });
});

/** jsdom has no layout: a 600px-high view over 5000px of chapter text. */
function fakeLayout() {
  const tops = new WeakMap<Element, number>();
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(5000);
  vi.spyOn(Element.prototype, 'scrollTop', 'get').mockImplementation(function (this: Element) {
    return tops.get(this) ?? 0;
  });
  vi.spyOn(Element.prototype, 'scrollTop', 'set').mockImplementation(function (this: Element, value: number) {
    tops.set(this, value);
  });
  // The text starts at the top of the scrolled content and moves up as the reader scrolls.
  const rect = (top: number) => ({ top, bottom: top, left: 0, right: 0, width: 0, height: 0, x: 0, y: top, toJSON: () => ({}) }) as DOMRect;
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const scroller = this.closest('.fs-reader');
    return rect(this.classList.contains('fs-text') && scroller ? -(tops.get(scroller) ?? 0) : 0);
  });
  return { scrollTopOf: (el: Element) => tops.get(el) ?? 0 };
}
