// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IDBPDatabase } from 'idb';
import { LibraryView, ROW_HEIGHT } from '@/components/library/LibraryView';
import type { LibrarySchema } from '@/utils/library/schema';
import { getStory, putSavedStories, saveStory, setReadProgress, setShelves } from '@/utils/library/store';
import type { SavedStory } from '@/utils/library/types';
import { check, find, freshLibrary, makeStory, mountInto, realStory, shownIds, typeInto, unmount } from './library-helpers';

let container: HTMLElement | undefined;
let db: IDBPDatabase<LibrarySchema> | undefined;

afterEach(() => {
  unmount(container);
  container = undefined;
  db?.close();
  db = undefined;
  vi.restoreAllMocks();
});

async function library(stories: Parameters<typeof saveStory>[1][], props: Partial<Parameters<typeof LibraryView>[0]> = {}) {
  const fresh = await freshLibrary();
  db = fresh.db;
  for (const story of stories) await saveStory(db, story);
  container = mountInto(<LibraryView dbName={fresh.name} searchDelay={0} {...props} />);
  await vi.waitFor(() => expect(container!.querySelector('.library-view')!.getAttribute('data-state')).not.toBe('loading'));
  return container;
}

const item = (root: ParentNode, id: string) => root.querySelector<HTMLElement>(`[data-ficshelf="library-item"][data-story-id="${id}"]`)!;
const field = (root: ParentNode, id: string, name: string) => item(root, id).querySelector(`[data-field="${name}"]`)?.textContent ?? null;

describe('the library list', () => {
  it('says how to fill an empty library', async () => {
    const root = await library([]);
    expect(root.querySelector('[data-empty="library"]')!.textContent).toContain(
      'No saved stories yet. Open a story and press Save to library in the FicShelf button.',
    );
    expect(root.querySelector('[data-ficshelf="library-item"]')).toBeNull();
  });

  it('shows each saved story with its header, chapters, status, dates and progress', async () => {
    const silver = realStory();
    const root = await library([silver, makeStory(1)]);
    await setReadProgress(db!, silver.id, 3, 0.5);
    // The view reads the library when it opens; open it again to see the progress.
    unmount(root);
    container = mountInto(<LibraryView dbName={(db as any).name} searchDelay={0} />);
    await find(container, `[data-story-id="${silver.id}"]`);

    expect(shownIds(container).sort()).toEqual(['ao3:1001', 'ao3:24861814']);
    const row = item(container, silver.id);
    expect(row.querySelector('.item-title a')!.textContent).toBe('Through Your Silver Eyes');
    expect(row.querySelector('.item-title a')!.getAttribute('href')).toBe('read.html?id=ao3%3A24861814');
    expect(field(container, silver.id, 'author')).toBe('by Amora0819');
    expect(field(container, silver.id, 'fandom')).toContain('Harry Potter');
    expect(row.querySelector('.rating-badge')!.getAttribute('data-level')).toBe('mature');
    expect(field(container, silver.id, 'words')).toBe('43,609 words');
    expect(field(container, silver.id, 'chapters')).toBe('20 chapters');
    expect(field(container, silver.id, 'status')).toBe('Complete');
    expect(field(container, silver.id, 'updated')).toBe('Updated 27 Jun 2020');
    expect(field(container, silver.id, 'saved')).toMatch(/^Saved \d{1,2} \w{3} \d{4}$/);
    expect(field(container, silver.id, 'progress')).toBe('Chapter 3 of 20, 50%');
    expect(field(container, 'ao3:1001', 'progress')).toBe('Not started');
    expect(row.querySelector('[data-field="partial"]')).toBeNull();
    expect(row.querySelector<HTMLAnchorElement>('[data-action="site"]')!.href).toBe('https://archiveofourown.org/works/24861814');
    expect(container.querySelector('[data-field="stats"]')!.textContent).toMatch(/^2 stories · [\d.]+ (KB|MB)$/);
  });

  it('marks a partial save and counts only the chapters it holds', async () => {
    const story = makeStory(5, { chapterCount: { posted: 3 } });
    const root = await library([]);
    await saveStory(db!, story, { partial: true });
    unmount(root);
    container = mountInto(<LibraryView dbName={(db as any).name} searchDelay={0} />);
    await find(container, '[data-story-id="ao3:1005"]');
    expect(field(container, 'ao3:1005', 'partial')).toBe('Partial');
    expect(field(container, 'ao3:1005', 'chapters')).toBe('2 of 3 chapters saved');
  });
});

describe('search', () => {
  it('finds a story by a word from its second chapter and says it matched in the text', async () => {
    const silver = realStory();
    const root = await library([silver, makeStory(1), makeStory(2)]);
    // A word that only the real story's chapter 3 holds ("Jashua" is an original character).
    typeInto(root.querySelector<HTMLInputElement>('[data-action="search"]')!, 'Jashua');
    await vi.waitFor(() => expect(shownIds(root)).toEqual([silver.id]), { timeout: 5000 });
    expect(field(root, silver.id, 'match')).toBe('Found in the text');
    expect(root.querySelector('[data-field="count"]')!.textContent).toBe('1 of 3 stories');
    expect(root.querySelector<HTMLSelectElement>('[data-action="sort"]')!.value).toBe('relevance');
  });

  it('matches titles and authors, and says so', async () => {
    const root = await library([makeStory(1), makeStory(2, { authors: [{ name: 'Quillfeather' }] })]);
    typeInto(root.querySelector<HTMLInputElement>('[data-action="search"]')!, 'quillfeather');
    await vi.waitFor(() => expect(shownIds(root)).toEqual(['ao3:1002']), { timeout: 5000 });
    expect(field(root, 'ao3:1002', 'match')).toBe('Found in the author');
  });

  it('says when nothing matches, and shows everything again when cleared', async () => {
    const root = await library([makeStory(1), makeStory(2)]);
    const search = root.querySelector<HTMLInputElement>('[data-action="search"]')!;
    typeInto(search, 'zeppelinophobia');
    await vi.waitFor(() => expect(root.querySelector('[data-empty="results"]')!.textContent).toContain('No saved story matches “zeppelinophobia”'), { timeout: 5000 });
    typeInto(search, '');
    await vi.waitFor(() => expect(shownIds(root)).toHaveLength(2), { timeout: 5000 });
  });
});

describe('filters and sort', () => {
  const stories = () => [
    makeStory(1, { title: 'Banana', words: 5000, fandoms: ['Angel'], rating: { raw: 'Explicit', level: 'explicit' }, status: 'in-progress' }),
    makeStory(2, { title: 'apple', words: 200 }),
    makeStory(3, { title: 'Cherry', words: 90_000, authors: [{ name: 'Aardvark' }] }),
  ];

  it('filters by fandom, rating, status and unread', async () => {
    const root = await library(stories());
    const select = (name: string) => root.querySelector<HTMLSelectElement>(`[data-filter="${name}"]`)!;
    typeInto(select('fandom'), 'Angel', 'change');
    await vi.waitFor(() => expect(shownIds(root)).toEqual(['ao3:1001']), { timeout: 5000 });
    typeInto(select('fandom'), '', 'change');
    typeInto(select('rating'), 'teen', 'change');
    await vi.waitFor(() => expect(shownIds(root).sort()).toEqual(['ao3:1002', 'ao3:1003']), { timeout: 5000 });
    typeInto(select('rating'), '', 'change');
    typeInto(select('status'), 'in-progress', 'change');
    await vi.waitFor(() => expect(shownIds(root)).toEqual(['ao3:1001']), { timeout: 5000 });
    typeInto(select('status'), '', 'change');
    await vi.waitFor(() => expect(shownIds(root)).toHaveLength(3), { timeout: 5000 });
  });

  it('shows only unread stories when asked', async () => {
    const root = await library(stories());
    await setReadProgress(db!, 'ao3:1002', 1, 0.2);
    unmount(root);
    container = mountInto(<LibraryView dbName={(db as any).name} searchDelay={0} />);
    await find(container, '[data-filter="unread"]');
    check(container.querySelector<HTMLInputElement>('[data-filter="unread"]')!);
    await vi.waitFor(() => expect(shownIds(container!).sort()).toEqual(['ao3:1001', 'ao3:1003']), { timeout: 5000 });
  });

  it('sorts by title, author and length', async () => {
    const root = await library(stories());
    const sort = root.querySelector<HTMLSelectElement>('[data-action="sort"]')!;
    typeInto(sort, 'title', 'change');
    await vi.waitFor(() => expect(shownIds(root)).toEqual(['ao3:1002', 'ao3:1001', 'ao3:1003']), { timeout: 5000 });
    typeInto(sort, 'words', 'change');
    await vi.waitFor(() => expect(shownIds(root)).toEqual(['ao3:1003', 'ao3:1001', 'ao3:1002']), { timeout: 5000 });
    typeInto(sort, 'author', 'change');
    await vi.waitFor(() => expect(shownIds(root)[0]).toBe('ao3:1003'), { timeout: 5000 });
  });
});

describe('shelves', () => {
  it('adds a story to a shelf from its entry, filters by the shelf and removes it again', async () => {
    const root = await library([makeStory(1), makeStory(2)]);
    const add = item(root, 'ao3:1002').querySelector<HTMLSelectElement>('.shelf-add')!;
    expect([...add.options].map((o) => o.value)).toEqual(['', 'to read', 'favourites']);
    typeInto(add, 'favourites', 'change');
    await vi.waitFor(async () => expect((await getStory(db!, 'ao3:1002'))!.shelves).toEqual(['favourites']));
    await find(root, '[data-story-id="ao3:1002"] [data-shelf="favourites"]');

    typeInto(root.querySelector<HTMLSelectElement>('[data-filter="shelf"]')!, 'favourites', 'change');
    await vi.waitFor(() => expect(shownIds(root)).toEqual(['ao3:1002']), { timeout: 5000 });

    item(root, 'ao3:1002').querySelector<HTMLButtonElement>('[data-shelf="favourites"] button')!.click();
    await vi.waitFor(async () => expect((await getStory(db!, 'ao3:1002'))!.shelves).toEqual([]));
    await vi.waitFor(() => expect(root.querySelector('[data-empty="results"]')).not.toBeNull(), { timeout: 5000 });
  });

  it('puts selected stories on a shelf the reader names', async () => {
    const root = await library([makeStory(1), makeStory(2), makeStory(3)]);
    check(item(root, 'ao3:1001').querySelector<HTMLInputElement>('.item-select')!);
    check(item(root, 'ao3:1003').querySelector<HTMLInputElement>('.item-select')!);
    typeInto(await find<HTMLInputElement>(root, '[data-action="shelf-name"]'), '  summer   reading ');
    (await find<HTMLButtonElement>(root, '[data-action="shelve-selected"]:not([disabled])')).click();
    await vi.waitFor(async () => {
      expect((await getStory(db!, 'ao3:1001'))!.shelves).toEqual(['summer reading']);
      expect((await getStory(db!, 'ao3:1003'))!.shelves).toEqual(['summer reading']);
      expect((await getStory(db!, 'ao3:1002'))!.shelves).toEqual([]);
    });
    // The new shelf joins the filter menu.
    await vi.waitFor(() =>
      expect([...root.querySelectorAll<HTMLOptionElement>('[data-filter="shelf"] option')].map((o) => o.value)).toContain('summer reading'),
    );
  });

  it('keeps shelves set elsewhere', async () => {
    const fresh = await freshLibrary();
    db = fresh.db;
    await saveStory(db, makeStory(1));
    await setShelves(db, 'ao3:1001', ['to read']);
    container = mountInto(<LibraryView dbName={fresh.name} searchDelay={0} />);
    await find(container, '[data-story-id="ao3:1001"] [data-shelf="to read"]');
    const add = item(container, 'ao3:1001').querySelector<HTMLSelectElement>('.shelf-add')!;
    expect([...add.options].map((o) => o.value)).toEqual(['', 'favourites']);
  });
});

describe('delete and undo', () => {
  it('deletes the selected stories and brings them back with Undo', async () => {
    const silver = realStory();
    const root = await library([silver, makeStory(1), makeStory(2)]);
    check(item(root, silver.id).querySelector<HTMLInputElement>('.item-select')!);
    check(item(root, 'ao3:1001').querySelector<HTMLInputElement>('.item-select')!);
    await vi.waitFor(() => expect(root.querySelector('[data-field="count"]')!.textContent).toBe('3 stories, 2 selected'), { timeout: 5000 });
    (await find<HTMLButtonElement>(root, '[data-action="delete-selected"]')).click();

    // Deleting removes the full-text index entries too: a few seconds under fake-indexeddb.
    await vi.waitFor(() => expect(shownIds(root)).toEqual(['ao3:1002']), { timeout: 8000 });
    expect(await getStory(db!, silver.id)).toBeUndefined();
    const toast = await find(root, '[data-ficshelf="toast"]');
    expect(toast.textContent).toContain('Deleted 2 stories.');

    toast.querySelector<HTMLButtonElement>('[data-action="undo"]')!.click();
    await vi.waitFor(() => expect(shownIds(root).sort()).toEqual(['ao3:1001', 'ao3:1002', silver.id].sort()), { timeout: 8000 });
    const back = await getStory(db!, silver.id);
    expect(back!.savedChapters).toBe(20);
    expect(root.querySelector('[data-field="status"]')!.textContent).toBe('2 stories are back in your library.');
    // The text is searchable again after the undo.
    typeInto(root.querySelector<HTMLInputElement>('[data-action="search"]')!, 'Jashua');
    await vi.waitFor(() => expect(shownIds(root)).toEqual([silver.id]), { timeout: 5000 });
  });

  it('deletes one story from its entry, naming it', async () => {
    const root = await library([makeStory(1), makeStory(2)]);
    item(root, 'ao3:1002').querySelector<HTMLButtonElement>('[data-action="delete"]')!.click();
    await vi.waitFor(() => expect(shownIds(root)).toEqual(['ao3:1001']), { timeout: 5000 });
    expect((await find(root, '[data-ficshelf="toast"]')).textContent).toContain('Deleted “Story 0002”.');
  });
});

describe('a large library', () => {
  it('renders only the rows in view for 2,000 stories', async () => {
    const fresh = await freshLibrary();
    db = fresh.db;
    const now = new Date().toISOString();
    const entries = Array.from({ length: 2000 }, (_, i) => {
      const { chapters: _c, ...blurb } = makeStory(i + 1);
      const story: SavedStory = {
        ...blurb,
        savedAt: now,
        updatedAt: now,
        complete: true,
        missing: [],
        savedChapters: 1,
        shelves: [],
        bytes: 100,
        toc: [{ index: 1 }],
      };
      return { story, chapters: [{ storyId: story.id, index: 1, html: '<p>x</p>', text: 'x', words: 1 }] };
    });
    await putSavedStories(db, entries);
    container = mountInto(<LibraryView dbName={fresh.name} searchDelay={0} />);
    await find(container, '[data-ficshelf="library-item"]', 10_000);
    // The newest stories show first; the count waits for the whole library rather than say 30.
    expect(container.querySelector('[data-field="count"]')!.textContent).toMatch(/^(Opening the rest of your library…|2,000 stories)$/);
    await vi.waitFor(() => expect(container!.querySelector('.library-view')!.getAttribute('data-state')).toBe('ready'), { timeout: 10_000 });

    expect(container.querySelector('[data-field="count"]')!.textContent).toBe('2,000 stories');
    const rendered = container.querySelectorAll('[data-ficshelf="library-item"]').length;
    // The fallback viewport (640 px) holds about five rows; four more either side at most.
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(20);
    const list = container.querySelector<HTMLElement>('[role="list"]')!;
    expect(list.style.height).toBe(`${2000 * ROW_HEIGHT}px`);
    expect(container.querySelector('[role="listitem"]')!.getAttribute('aria-setsize')).toBe('2000');

    // Scrolling far down renders the rows there instead.
    typeInto(container.querySelector<HTMLSelectElement>('[data-action="sort"]')!, 'title', 'change');
    const box = container.querySelector<HTMLElement>('.virtual-list')!;
    box.scrollTop = 1500 * ROW_HEIGHT;
    box.dispatchEvent(new Event('scroll'));
    await vi.waitFor(() => expect(shownIds(container!)).toContain('ao3:2501'), { timeout: 5000 });
    expect(shownIds(container).length).toBeLessThan(20);
    expect(shownIds(container)).not.toContain('ao3:1001');
  });
});
