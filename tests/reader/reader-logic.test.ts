// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Chapter, Story } from '@/utils/story';
import { emptyStory } from '@/utils/story';
import { readerKeyAction, isTypingTarget } from '@/entrypoints/page.content/reader/keyboard';
import { canRead, chapterLabel, firstReadableIndex, neighbourTargets, targetFor } from '@/entrypoints/page.content/reader/navigation';
import { fractionRead, loadPosition, savePosition, scrollTopFor, throttle } from '@/entrypoints/page.content/reader/position';
import { markContinue, takeContinue } from '@/entrypoints/page.content/reader/session';
import { chapterHeading } from '@/components/reader/ReaderArticle';

const chapter = (index: number, extra: Partial<Chapter> = {}): Chapter => ({ index, html: '', text: '', words: 0, ...extra });
const storyWith = (chapters: Chapter[], title = 'A Story'): Story => ({ ...emptyStory('otw', 'https://example.org/works/1'), id: 'ao3:1', title, chapters });
const key = (key: string, mods: Partial<KeyboardEvent> = {}) => ({ key, ctrlKey: false, altKey: false, metaKey: false, ...mods });
const el = (tagName: string, attrs: Record<string, string> = {}) =>
  ({ tagName, getAttribute: (name: string) => attrs[name] ?? null, isContentEditable: attrs.contenteditable === 'true' }) as unknown as Element;

describe('reader keys', () => {
  it('maps arrows, brackets, c and Esc', () => {
    expect(readerKeyAction(key('ArrowLeft'), null)).toBe('prev');
    expect(readerKeyAction(key('['), null)).toBe('prev');
    expect(readerKeyAction(key('ArrowRight'), null)).toBe('next');
    expect(readerKeyAction(key(']'), null)).toBe('next');
    expect(readerKeyAction(key('c'), el('DIV'))).toBe('menu');
    expect(readerKeyAction(key('Escape'), el('BUTTON'))).toBe('close');
    expect(readerKeyAction(key('x'), null)).toBeNull();
    expect(readerKeyAction(key(' '), null)).toBeNull();
  });

  it('leaves browser shortcuts alone', () => {
    expect(readerKeyAction(key('ArrowLeft', { altKey: true }), null)).toBeNull();
    expect(readerKeyAction(key('c', { ctrlKey: true }), null)).toBeNull();
    expect(readerKeyAction(key(']', { metaKey: true }), null)).toBeNull();
  });

  it('ignores keys typed into fields, but Esc still leaves from a select or checkbox', () => {
    const select = el('SELECT');
    const text = el('INPUT', { type: 'text' });
    const checkbox = el('INPUT', { type: 'checkbox' });
    expect(isTypingTarget(select)).toBe(true);
    expect(isTypingTarget(el('TEXTAREA'))).toBe(true);
    expect(isTypingTarget(el('DIV', { contenteditable: 'true' }))).toBe(true);
    expect(isTypingTarget(el('A'))).toBe(false);
    expect(readerKeyAction(key('ArrowRight'), select)).toBeNull();
    expect(readerKeyAction(key('c'), text)).toBeNull();
    expect(readerKeyAction(key('['), el('TEXTAREA'))).toBeNull();
    expect(readerKeyAction(key('Escape'), select)).toBe('close');
    expect(readerKeyAction(key('Escape'), checkbox)).toBe('close');
    expect(readerKeyAction(key('Escape'), text)).toBeNull();
  });
});

describe('chapter navigation targets', () => {
  const linked = storyWith([
    chapter(1, { title: 'One', url: 'https://example.org/works/1/chapters/11' }),
    chapter(2, { title: 'Two', url: 'https://example.org/works/1/chapters/22', html: '<p>Text</p>', words: 100 }),
    chapter(3, { url: 'https://example.org/works/1/chapters/33' }),
    chapter(4),
  ]);

  it('follows the site links around the chapter on the page', () => {
    expect(firstReadableIndex(linked)).toBe(2);
    expect(neighbourTargets(linked, 2)).toEqual({
      prev: { kind: 'link', index: 1, url: 'https://example.org/works/1/chapters/11' },
      next: { kind: 'link', index: 3, url: 'https://example.org/works/1/chapters/33' },
    });
    // A chapter with neither text nor a link cannot be reached.
    expect(neighbourTargets(linked, 3).next).toBeNull();
    expect(neighbourTargets(linked, 1).prev).toBeNull();
    expect(targetFor(linked, 4)).toBeNull();
    expect(targetFor(linked, 9)).toBeNull();
  });

  it('does not follow a link back to the page already open', () => {
    expect(targetFor(linked, 1, 'https://example.org/works/1/chapters/11')).toBeNull();
    expect(targetFor(linked, 2, 'https://example.org/works/1/chapters/22')).toEqual({ kind: 'inline', index: 2 });
  });

  it('stays inside the reader when every chapter is on the page', () => {
    const full = storyWith([chapter(1, { html: '<p>a</p>', url: 'u1' }), chapter(2, { html: '<p>b</p>' }), chapter(3, { html: '<p>c</p>' })]);
    expect(neighbourTargets(full, 2)).toEqual({ prev: { kind: 'inline', index: 1 }, next: { kind: 'inline', index: 3 } });
    expect(neighbourTargets(full, 3).next).toBeNull();
  });

  it('needs some chapter text to read', () => {
    expect(canRead(linked)).toBe(true);
    expect(canRead(storyWith([chapter(1, { html: '  ' })]))).toBe(false);
    expect(canRead(undefined)).toBe(false);
  });

  it('labels chapters for the menu and the heading', () => {
    expect(chapterLabel(chapter(3, { title: 'The Veil' }))).toBe('3. The Veil');
    expect(chapterLabel(chapter(4))).toBe('Chapter 4');
    expect(chapterHeading(linked, linked.chapters[1]!)).toBe('Chapter 2: Two');
    expect(chapterHeading(linked, chapter(4))).toBe('Chapter 4');
    expect(chapterHeading(linked, chapter(5, { title: 'Chapter Five' }))).toBe('Chapter Five');
    // A one-shot's chapter that repeats the title gets no heading of its own.
    const oneShot = storyWith([chapter(1, { title: 'Lost Soul', html: '<p>x</p>' })], 'Lost Soul');
    expect(chapterHeading(oneShot, oneShot.chapters[0]!)).toBeNull();
  });
});

describe('reading position', () => {
  beforeEach(() => fakeBrowser.reset());
  const view = { clientHeight: 600, textTop: 400, textHeight: 5400 };

  it('measures the fraction of the chapter text scrolled past', () => {
    expect(fractionRead({ ...view, scrollTop: 0 })).toBe(0);
    expect(fractionRead({ ...view, scrollTop: 400 })).toBe(0);
    expect(fractionRead({ ...view, scrollTop: 2800 })).toBe(0.5);
    expect(fractionRead({ ...view, scrollTop: 5200 })).toBe(1);
    expect(fractionRead({ ...view, scrollTop: 9000 })).toBe(1);
    // A chapter shorter than the window: read once its end is in view.
    expect(fractionRead({ scrollTop: 0, clientHeight: 800, textTop: 100, textHeight: 300 })).toBe(1);
  });

  it('turns a fraction back into a scroll offset', () => {
    expect(scrollTopFor(0.5, view)).toBe(2800);
    expect(scrollTopFor(0, view)).toBe(0);
    expect(scrollTopFor(1, view)).toBe(5200);
    expect(scrollTopFor(7, view)).toBe(5200);
    expect(scrollTopFor(Number.NaN, view)).toBe(0);
  });

  it('stores it in local storage under the position key', async () => {
    await savePosition('ao3:17793689', 2, 0.123456);
    expect(await fakeBrowser.storage.local.get('position:ao3:17793689:2')).toEqual({
      'position:ao3:17793689:2': { fraction: 0.1235, at: expect.any(Number) },
    });
    expect(await loadPosition('ao3:17793689', 2)).toBe(0.1235);
    expect(await loadPosition('ao3:17793689', 3)).toBeNull();
    await fakeBrowser.storage.local.set({ 'position:ffn:5:1': 'garbage' });
    expect(await loadPosition('ffn:5', 1)).toBeNull();
  });

  it('saves at most once per interval while scrolling, and the last place at the end', () => {
    vi.useFakeTimers();
    try {
      const saved: number[] = [];
      const saver = throttle((f: number) => saved.push(f), 800);
      saver.call(0.1);
      saver.call(0.2);
      saver.call(0.3);
      expect(saved).toEqual([0.1]);
      vi.advanceTimersByTime(800);
      expect(saved).toEqual([0.1, 0.3]);
      saver.call(0.4);
      saver.flush();
      expect(saved).toEqual([0.1, 0.3, 0.4]);
      saver.flush();
      expect(saved).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('continuing on the next chapter page', () => {
  const memory = (): Storage => {
    const data = new Map<string, string>();
    return {
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => void data.set(k, v),
      removeItem: (k) => void data.delete(k),
      clear: () => data.clear(),
      key: () => null,
      get length() {
        return data.size;
      },
    };
  };

  it('opens once, for the same story only', () => {
    const storage = memory();
    markContinue('ffn:5853866', storage);
    expect(takeContinue('ffn:999', storage)).toBe(false);
    expect(takeContinue('ffn:5853866', storage)).toBe(false); // used up by the other story's page
    markContinue('ffn:5853866', storage);
    expect(takeContinue('ffn:5853866', storage)).toBe(true);
    expect(takeContinue('ffn:5853866', storage)).toBe(false);
  });

  it('survives storage that refuses', () => {
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } } as unknown as Storage;
    expect(() => markContinue('x', broken)).not.toThrow();
    expect(takeContinue('x', broken)).toBe(false);
  });
});
