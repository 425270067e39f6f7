// @vitest-environment jsdom
/**
 * Story HTML is sanitised when first read, through a slot the content script
 * leaves empty (utils/sanitize.ts, utils/story-html.ts). These are the
 * promises that make that safe: no markup without a sanitiser, no markup in
 * what the content script sends, plain strings once read, and the same
 * strings as sanitising at extraction gave.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ADAPTERS, classifyPage } from '@/utils/sites';
import { purify } from '@/utils/dompurify';
import { installSanitizer, hasSanitizer, type Sanitizer } from '@/utils/sanitize';
import { hasHtml, htmlHead, lazyHtml, storyWithoutHtml } from '@/utils/story-html';
import { cleanCopy } from '@/utils/sites/otw-dom';
import type { Message } from '@/utils/messages';
import type { Story } from '@/utils/story';
import { readsStory } from '@/entrypoints/page.content/features/applies';
import { reportFilterState } from '@/entrypoints/page.content/shield/report';
import { listedOnly } from '@/entrypoints/page.content/save/listed';
import { detectAndReport } from '@/entrypoints/page.content/detect';
import { loadPage } from '../helpers/fixtures';
import { showPage } from '../shield/helpers';

const FULL_WORK = { fixture: 'ao3/fullwork-through-your-silver-eyes-hp.html', url: 'https://archiveofourown.org/works/1?view_full_work=true' };
const SLOT = Symbol.for('ficshelf.sanitizer');
const slot = globalThis as unknown as Record<symbol, Sanitizer | undefined>;
let installed: Sanitizer | undefined;

/** The content script's world: nothing in the slot. */
function withoutSanitizer(): void {
  delete slot[SLOT];
}

beforeEach(() => {
  installed = slot[SLOT];
});

afterEach(() => {
  installSanitizer(installed!);
  vi.restoreAllMocks();
});

function fullWork(): Story {
  const story = classifyPage(loadPage(FULL_WORK.fixture, FULL_WORK.url), FULL_WORK.url).story;
  if (!story) throw new Error('the full work is not read as a story');
  return story;
}

/** Everything a story holds that is markup. */
function allHtml(story: Story): string[] {
  return [...story.notes, ...story.chapters.flatMap((c) => [c, ...(c.notes ?? [])])].map((x) => x.html);
}

describe('lazy story HTML', () => {
  it('extracts without a sanitiser, and reading the HTML then throws instead of returning markup', () => {
    withoutSanitizer();
    expect(hasSanitizer()).toBe(false);
    const story = fullWork();
    expect(story.chapters.length).toBeGreaterThan(10);
    expect(() => story.chapters[0]!.html).toThrow(/sanitiser/);
    expect(() => JSON.stringify(story)).toThrow(/sanitiser/);
    expect(() => structuredClone(story)).toThrow();
    // Still lazy after the failed reads: nothing unsanitised was kept.
    installSanitizer(installed!);
    expect(story.chapters[0]!.html).toBe(purify(chapterSource(0), window));
  });

  it('gives, once a sanitiser is loaded, the strings sanitising at extraction gave', () => {
    const story = fullWork();
    const doc = loadPage(FULL_WORK.fixture, FULL_WORK.url);
    const blocks = Array.from(doc.querySelectorAll('#chapters > .chapter .userstuff[role="article"]'));
    expect(blocks).toHaveLength(story.chapters.length);
    story.chapters.forEach((chapter, i) => {
      expect(chapter.html).toBe(purify(cleanCopy(blocks[i]!).innerHTML, doc.defaultView!));
    });
  });

  it('crosses messages and storage as plain strings equal to the first read', () => {
    const story = fullWork();
    const cloned = structuredClone(story);
    const viaJson = JSON.parse(JSON.stringify(story)) as Story;
    expect(cloned).toEqual(viaJson);
    expect(allHtml(cloned)).toEqual(allHtml(story));
    expect(allHtml(cloned).every((html) => typeof html === 'string')).toBe(true);
    // Read once, held: the property is plain data now.
    expect(Object.getOwnPropertyDescriptor(story.chapters[3]!, 'html')).toMatchObject({ writable: true, enumerable: true });
  });

  it('keeps the key order of the eager objects (the CLI prints them)', () => {
    const story = fullWork();
    expect(Object.keys(story.chapters[0]!)).toEqual(Object.keys(JSON.parse(JSON.stringify(story.chapters[0]))));
    expect(Object.keys(story.chapters[0]!).slice(0, 4)).toEqual(['index', 'html', 'text', 'words']);
  });

  it('holds a copy: the page changing after extraction does not change the HTML', () => {
    const doc = loadPage('ffn/chapter-2020-why-we-fight-ch1.html', 'https://www.fanfiction.net/s/13500000/1/');
    const story = classifyPage(doc, 'https://www.fanfiction.net/s/13500000/1/').story!;
    const before = purify(doc.getElementById('storytext')!.innerHTML, doc.defaultView!);
    doc.getElementById('storytext')!.innerHTML = '<p>changed by the site</p>';
    expect(story.chapters[0]!.html).toBe(before);
  });

  it('says whether there is markup without sanitising it', () => {
    withoutSanitizer();
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="https://example.com/a.png">';
    const image = lazyHtml({ html: '', text: '' }, holder);
    const empty = lazyHtml({ html: '', text: '' }, document.createElement('div'));
    expect(hasHtml(image)).toBe(true);
    expect(hasHtml(empty)).toBe(false);
    expect(hasHtml(lazyHtml({ html: '' }, null))).toBe(false);
    expect(hasHtml(lazyHtml({ html: '' }, { html: '<p>x</p>', win: window }))).toBe(true);
  });
});

describe('the first screen of a chapter (htmlHead)', () => {
  const paragraphs = (count: number) => Array.from({ length: count }, (_, i) => `<p>Paragraph ${i} ${'word '.repeat(20)}</p>`).join('');

  it('gives about the asked characters, sanitised, and the whole value when everything fits', () => {
    const holder = document.createElement('div');
    holder.innerHTML = `<p onclick="alert(1)">First</p>${paragraphs(50)}`;
    const chapter = lazyHtml({ html: '', text: '' }, holder);
    const head = htmlHead(chapter, 500);
    expect(head.whole).toBe(false);
    expect(head.html).toContain('First');
    expect(head.html).not.toContain('onclick');
    expect(head.html).not.toContain('Paragraph 10 ');
    const small = lazyHtml({ html: '', text: '' }, { html: paragraphs(2), win: window });
    expect(htmlHead(small, 5000)).toEqual({ html: small.html, whole: true });
  });

  it('enters wrapping elements, however many, and keeps them around the head', () => {
    const wrapped = lazyHtml({ html: '', text: '' }, { html: `<div><section>${paragraphs(50)}</section></div>`, win: window });
    const head = htmlHead(wrapped, 300);
    expect(head.whole).toBe(false);
    expect(head.html).toMatch(/^<div><section><p>Paragraph 0 /);

    // 500 wrappers (Chromium's parser nests at most 512), built innermost first: jsdom's insertion
    // walks ancestors recursively and slowly; copyHead itself keeps no call stack.
    let deep: Element = document.createElement('div');
    deep.innerHTML = paragraphs(50);
    for (let depth = 0; depth < 500; depth++) {
      const wrapper = document.createElement('div');
      wrapper.appendChild(deep);
      deep = wrapper;
    }
    const copied = htmlHead(lazyHtml({ html: '', text: '' }, deep), 300);
    expect(copied.whole).toBe(false);
    expect(copied.html.startsWith('<div>'.repeat(500) + '<p>Paragraph 0 ')).toBe(true);
    expect(copied.html).not.toContain('Paragraph 49 ');
  });
});

describe('what the content script sends carries no story HTML', () => {
  function sent(): Message[] {
    const messages: Message[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: Message) => {
      // As the browser does: the message is serialised (reading every getter).
      messages.push(JSON.parse(JSON.stringify(message)) as Message);
      return undefined;
    }) as never);
    return messages;
  }

  it('the page report (detect.ts), with no sanitiser loaded', async () => {
    const messages = sent();
    withoutSanitizer();
    showPage(FULL_WORK.fixture, FULL_WORK.url);
    detectAndReport(ADAPTERS);
    // The report goes once the page is read (and any episode guides it needs are asked for).
    const report = await vi.waitFor(() => {
      const found = messages.find((m) => m.type === 'ficshelf:page');
      if (!found) throw new Error('no page report yet');
      return found;
    });
    expect(report?.type === 'ficshelf:page' && report.page.kind).toBe('story');
    const story = report?.type === 'ficshelf:page' ? report.page.story : undefined;
    expect(story?.chapters.length).toBeGreaterThan(10);
    expect(allHtml(story!).every((html) => html === '')).toBe(true);
    // What the popup and the background read instead: the text and word counts.
    expect(story!.chapters.every((c) => c.text.length > 0 && c.words > 0)).toBe(true);
    expect(document.documentElement.dataset.ficshelf).toBe('story');
  });

  it('the filters’ report and the library check, with no sanitiser loaded', () => {
    const messages = sent();
    const page = showPage(FULL_WORK.fixture, FULL_WORK.url);
    withoutSanitizer();
    reportFilterState(page, { covered: [] });
    const report = messages.find((m) => m.type === 'ficshelf:page');
    expect(report?.type === 'ficshelf:page' && allHtml(report.page.story!).every((html) => html === '')).toBe(true);
    expect(() => JSON.stringify(listedOnly(page.story!))).not.toThrow();
    expect(allHtml(storyWithoutHtml(page.story!)).every((html) => html === '')).toBe(true);
  });

  it('decides that reader mode applies without reading the HTML', () => {
    const page = showPage(FULL_WORK.fixture, FULL_WORK.url);
    withoutSanitizer();
    expect(readsStory(page)).toBe(true);
  });
});

function chapterSource(index: number): string {
  const doc = loadPage(FULL_WORK.fixture, FULL_WORK.url);
  return cleanCopy(doc.querySelectorAll('#chapters > .chapter .userstuff[role="article"]')[index]!).innerHTML;
}
