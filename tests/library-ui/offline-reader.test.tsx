// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import type { IDBPDatabase } from 'idb';
import { OfflineReader, type OfflineReaderProps } from '@/components/library/OfflineReader';
import { neighbours, startChapter, storyFromLibrary } from '@/components/library/offline-story';
import type { LibrarySchema } from '@/utils/library/schema';
import { getStory, saveStory, setReadProgress } from '@/utils/library/store';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '@/utils/settings';
import type { Story } from '@/utils/story';
import { freshLibrary, makeStory, realStory } from './library-helpers';

let host: HTMLElement | undefined;
let db: IDBPDatabase<LibrarySchema> | undefined;

afterEach(() => {
  if (host?.shadowRoot) render(null, host.shadowRoot);
  host?.remove();
  host = undefined;
  db?.close();
  db = undefined;
});

const settingsWith = (change: (s: Settings) => Settings = (s) => s): Settings => normalizeSettings(change(structuredClone(DEFAULT_SETTINGS)));

async function openReader(stories: Story[], props: Partial<OfflineReaderProps> & { storyId: string | null }, before?: (database: IDBPDatabase<LibrarySchema>) => Promise<unknown>) {
  const fresh = await freshLibrary();
  db = fresh.db;
  for (const story of stories) await saveStory(db, story);
  await before?.(db);
  host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  render(<OfflineReader dbName={fresh.name} settings={settingsWith()} prefersDark={false} componentCss="" {...props} />, root);
  await vi.waitFor(() => expect(root.querySelector('[data-ficshelf="offline-reader"]')?.getAttribute('data-state')).not.toBe('loading'), { timeout: 5000 });
  return root;
}

const text = (root: ShadowRoot) => root.querySelector('.fs-text')?.textContent ?? '';
const chapterShown = (root: ShadowRoot) => Number(root.querySelector('[data-ficshelf="offline-reader"]')!.getAttribute('data-chapter'));

describe('the offline reader', () => {
  it('says so when the story is not in the library, with a way back', async () => {
    const root = await openReader([makeStory(1)], { storyId: 'ao3:999999' });
    expect(root.querySelector('h1')!.textContent).toBe('This story is not in your library');
    expect(root.querySelector<HTMLAnchorElement>('[data-action="library"]')!.getAttribute('href')).toBe('library.html');
  });

  it('shows the saved chapter with the header, in the reader settings', async () => {
    const silver = realStory();
    const root = await openReader([silver], {
      storyId: silver.id,
      settings: settingsWith((s) => ({ ...s, reader: { ...s.reader, fontSize: 23, theme: 'sepia' } })),
    });
    expect(root.querySelector('.fs-title')!.textContent!.trim()).toBe('Through Your Silver Eyes');
    expect(root.querySelector('.fs-authors')!.textContent).toBe('by Amora0819');
    expect(root.querySelector('.rating-badge')!.getAttribute('data-level')).toBe('mature');
    expect(text(root)).toContain("Harry wasn't proud of his decision. But after seeing Malfoy");
    expect(root.querySelector('.fs-chapter-title')!.textContent).toBe('Chapter 1: I will find you again');
    expect(root.querySelectorAll('[data-action="chapters"] option')).toHaveLength(20);
    // readerCss from the settings styles the shadow root.
    expect(root.querySelector('style')!.textContent).toContain('--fs-size: 23px');
  });

  it('moves between chapters with the buttons and the arrow keys, and remembers where the reader is', async () => {
    const silver = realStory();
    const chapters: number[] = [];
    const root = await openReader([silver], { storyId: silver.id, onChapter: (i) => chapters.push(i) });
    root.querySelector<HTMLButtonElement>('[data-action="next"]')!.click();
    await vi.waitFor(() => expect(chapterShown(root)).toBe(2), { timeout: 5000 });
    expect(root.querySelector('.fs-chapter-title')!.textContent).toBe('Chapter 2: A promise unfulfilled');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await vi.waitFor(() => expect(chapterShown(root)).toBe(3), { timeout: 5000 });
    expect(text(root)).toContain("Draco stood in Jashua's house, in the middle of the");
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    await vi.waitFor(() => expect(chapterShown(root)).toBe(2), { timeout: 5000 });
    expect(chapters).toEqual([2, 3, 2]);
    // Opening a chapter is recorded in the library (the list shows it as the reading progress).
    await vi.waitFor(async () => expect((await getStory(db!, silver.id))!.read?.chapter).toBe(2), { timeout: 3000 });
    expect(root.querySelector<HTMLButtonElement>('[data-action="prev"]')!.disabled).toBe(false);
  });

  it('opens where the reader stopped, and at the remembered place of that chapter', async () => {
    const silver = realStory();
    const asked: Array<[string, number]> = [];
    const root = await openReader(
      [silver],
      { storyId: silver.id, loadPosition: async (id, chapter) => (asked.push([id, chapter]), null) },
      (database) => setReadProgress(database, silver.id, 10, 0.4),
    );
    expect(chapterShown(root)).toBe(10);
    expect(text(root)).toContain('Harry awakens to find Draco on his side, propped up');
    expect(asked).toEqual([[silver.id, 10]]);
  });

  it('opens the chapter named in the address', async () => {
    const silver = realStory();
    const root = await openReader([silver], { storyId: silver.id, askedChapter: 5 });
    expect(text(root)).toContain("Draco felt very guilty about his threat, even if it");
  });

  it('covers a story above the reader’s rating limit until they choose to see it', async () => {
    const silver = realStory();
    const allowed: string[] = [];
    const root = await openReader([silver], {
      storyId: silver.id,
      settings: settingsWith((s) => ({ ...s, ratings: { ...s.ratings, max: 'teen' } })),
      onAlwaysShow: async (id) => void allowed.push(id),
    });
    const shield = root.querySelector('[data-ficshelf="shield"]')!;
    expect(JSON.parse(shield.getAttribute('data-reasons')!)).toEqual(['Rated Mature — your limit is Teen']);
    expect(root.querySelector('.fs-text')).toBeNull();
    expect(root.textContent).not.toContain("Harry wasn't proud");
    root.querySelector<HTMLButtonElement>('[data-ficshelf="reveal"]')!.click();
    await vi.waitFor(() => expect(text(root)).toContain("Harry wasn't proud of his decision."), { timeout: 5000 });
    expect(allowed).toEqual([]);
  });

  it('says which chapters a partial copy lacks', async () => {
    const story = makeStory(7, { chapterCount: { posted: 3 } });
    story.chapters.push({ index: 3, title: 'Part 3', url: 'https://archiveofourown.org/works/1007/chapters/3', html: '', text: '', words: 0 });
    const root = await openReader([], { storyId: story.id, askedChapter: 3 }, (database) => saveStory(database, story, { partial: true }));
    expect(root.querySelector('[data-field="partial"]')!.textContent).toBe('Partial copy: 2 of 3 chapters are saved.');
    expect(root.querySelector('[data-field="not-saved"]')!.textContent).toContain('This chapter is not in your library yet.');
    expect(root.querySelector<HTMLAnchorElement>('[data-field="not-saved"] a')!.href).toBe('https://archiveofourown.org/works/1007/chapters/3');
    expect([...root.querySelectorAll('[data-action="chapters"] option')].map((o) => o.textContent)).toEqual(['1. Part 1', '2. Part 2', '3. Part 3 (not saved)']);
  });
});

describe('a saved story as a Story', () => {
  it('keeps chapters in order, with listed but unsaved ones empty', () => {
    const saved = {
      ...makeStory(1),
      savedAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      complete: false,
      missing: [2],
      savedChapters: 1,
      shelves: [],
      bytes: 10,
      toc: [{ index: 1, title: 'One' }, { index: 2, title: 'Two', url: 'https://example.org/2' }],
    };
    const { chapters: _c, ...header } = saved;
    const story = storyFromLibrary(header as never, [{ storyId: 'ao3:1001', index: 1, html: '<p>a</p>', text: 'a', words: 1 }]);
    expect(story.chapters.map((c) => [c.index, c.title, c.html])).toEqual([
      [1, 'One', '<p>a</p>'],
      [2, 'Two', ''],
    ]);
    expect('toc' in story).toBe(false);
    expect(startChapter(story, header as never, null)).toBe(1);
    expect(startChapter(story, header as never, 2)).toBe(2);
    expect(startChapter(story, header as never, 9)).toBe(1);
    expect(neighbours(story, 1)).toEqual({ prev: null, next: 2 });
  });
});
