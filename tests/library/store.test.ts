// @vitest-environment node
import { describe, it, expect, beforeAll, afterEach, vi } from 'vitest';
import type { Story } from '../../utils/story';
import { openLibrary } from '../../utils/library/schema';
import {
  addChapters,
  deleteStories,
  getChapter,
  getChapters,
  getStory,
  libraryStats,
  listStories,
  newChapterCount,
  restoreStories,
  saveStory,
  setReadProgress,
  setShelves,
} from '../../utils/library/store';
import { searchLibrary } from '../../utils/library/search';
import { LibraryError } from '../../utils/library/types';
import { chapter, freshName, makeStory, realStory } from './story-factory';

let real: Story;
beforeAll(() => {
  real = realStory(); // a 350 KB page: the DOM build alone can take seconds on a busy machine
}, 60_000);
afterEach(() => {
  vi.restoreAllMocks();
});

const open = () => openLibrary(freshName('store'));

describe('saveStory with a real AO3 full work', () => {
  it('keeps the header and all twenty chapters with their text', async () => {
    const db = await open();
    const saved = await saveStory(db, real);
    expect(saved.id).toBe('ao3:24861814');
    expect(saved.title).toBe('Through Your Silver Eyes');
    expect(saved.authors.map((a) => a.name)).toEqual(['Amora0819']);
    expect(saved.rating.level).toBe('mature');
    expect(saved.savedChapters).toBe(20);
    expect(saved.complete).toBe(true);
    expect(saved.missing).toEqual([]);
    expect(saved.toc).toHaveLength(20);
    expect(saved.toc[2]?.title).toBe('He Deserves This');
    expect(saved.sourceUpdated).toBe('2020-06-27');
    expect(saved.shelves).toEqual([]);
    expect(saved.bytes).toBeGreaterThan(200_000);

    expect(await getStory(db, 'ao3:24861814')).toEqual(saved);
    const third = await getChapter(db, 'ao3:24861814', 3);
    expect(third?.title).toBe('He Deserves This');
    expect(third?.text.startsWith("Draco stood in Jashua's house")).toBe(true);
    expect(third?.notes?.[0]?.text).toContain("I don't own any of the characters");
    const chapters = await getChapters(db, 'ao3:24861814');
    expect(chapters.map((c) => c.index)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    db.close();
  });

  it('finds the story by a word that only its text holds', async () => {
    const db = await open();
    await saveStory(db, real);
    const hits = await searchLibrary(db, 'Jashua');
    expect(hits.map((h) => h.id)).toEqual(['ao3:24861814']);
    expect(hits[0]?.where).toEqual(['text']);
    db.close();
  });
});

describe('partial saves and new chapters', () => {
  it('marks a partial save with the missing chapters, and completes it when they arrive', async () => {
    const db = await open();
    const story = makeStory('p1', ['one alpha', 'two beta'], { chapterCount: { posted: 4 }, status: 'in-progress' });
    const partial = await saveStory(db, story, { partial: true });
    expect(partial.complete).toBe(false);
    expect(partial.missing).toEqual([3, 4]);
    expect(partial.savedChapters).toBe(2);

    const done = await addChapters(db, 'p1', [chapter(3, 'three gamma'), chapter(4, 'four delta')], { words: 8 });
    expect(done.complete).toBe(true);
    expect(done.missing).toEqual([]);
    expect(done.savedChapters).toBe(4);
    expect(done.words).toBe(8);
    expect(done.savedAt).toBe(partial.savedAt);
    expect((await getChapters(db, 'p1')).map((c) => c.text)).toEqual(['one alpha', 'two beta', 'three gamma', 'four delta']);
    expect((await searchLibrary(db, 'delta')).map((h) => h.id)).toEqual(['p1']);
    db.close();
  });

  it('never calls a save complete when the caller says it is partial', async () => {
    const db = await open();
    const saved = await saveStory(db, makeStory('p2', ['a b c']), { partial: true });
    expect(saved.complete).toBe(false);
    db.close();
  });

  it('lists chapters without text in the table of contents but not as saved', async () => {
    const db = await open();
    const story = makeStory('p3', ['first text', 'second text']);
    story.chapters.push({ index: 3, title: 'Three', html: '', text: '', words: 0 });
    story.chapterCount = { posted: 3 };
    const saved = await saveStory(db, story);
    expect(saved.toc.map((t) => t.title)).toEqual([undefined, undefined, 'Three']);
    expect(saved.missing).toEqual([3]);
    expect(await getChapter(db, 'p3', 3)).toBeUndefined();
    db.close();
  });

  it('addChapters on a story not in the library is not-found', async () => {
    const db = await open();
    await expect(addChapters(db, 'nope', [chapter(1, 'x y')])).rejects.toMatchObject({ code: 'not-found' });
    db.close();
  });

  it('counts the chapters the site lists beyond the saved copy', async () => {
    const db = await open();
    const saved = await saveStory(db, makeStory('n1', ['a', 'b', 'c']));
    const current = makeStory('n1', ['a', 'b', 'c', 'd', 'e']);
    expect(newChapterCount(saved, current)).toBe(2);
    expect(newChapterCount(saved, makeStory('n1', ['a', 'b', 'c']))).toBe(0);
    // A chapter page lists only itself but states the posted count.
    expect(newChapterCount(saved, makeStory('n1', ['d'], { chapterCount: { posted: 4 } }))).toBe(1);
    db.close();
  });
});

describe('saving again updates in place', () => {
  it('keeps shelves, read progress and savedAt, replaces the header', async () => {
    const db = await open();
    const first = await saveStory(db, makeStory('u1', ['old words here']));
    await setShelves(db, 'u1', [' to read ', 'Favourites', 'favourites', '']);
    await setReadProgress(db, 'u1', 1, 0.4);
    const second = await saveStory(db, makeStory('u1', ['new words here'], { title: 'Renamed' }));
    expect(second.title).toBe('Renamed');
    expect(second.shelves).toEqual(['to read', 'Favourites']);
    expect(second.read).toMatchObject({ chapter: 1, fraction: 0.4 });
    expect(second.savedAt).toBe(first.savedAt);
    expect(second.updatedAt >= first.updatedAt).toBe(true);
    expect((await libraryStats(db)).count).toBe(1);
    expect((await getChapter(db, 'u1', 1))?.text).toBe('new words here');
    expect(await searchLibrary(db, 'old')).toEqual([]);
    expect((await searchLibrary(db, 'renamed')).map((h) => h.where)).toEqual([['title']]);
    db.close();
  });

  it('keeps chapters saved before when a later save carries only some of them (resume)', async () => {
    const db = await open();
    await saveStory(db, makeStory('u2', ['one', 'two', 'three']));
    const onlyThird = makeStory('u2', ['x', 'x', 'three revised']);
    onlyThird.chapters = onlyThird.chapters.slice(2);
    const saved = await saveStory(db, onlyThird);
    expect(saved.complete).toBe(true);
    expect((await getChapters(db, 'u2')).map((c) => c.text)).toEqual(['one', 'two', 'three revised']);
    db.close();
  });

  it('drops chapters the site no longer lists', async () => {
    const db = await open();
    await saveStory(db, makeStory('u3', ['one', 'two', 'three']));
    const saved = await saveStory(db, makeStory('u3', ['one', 'two']));
    expect(saved.toc.map((t) => t.index)).toEqual([1, 2]);
    expect((await getChapters(db, 'u3')).map((c) => c.index)).toEqual([1, 2]);
    db.close();
  });

  it('two concurrent saves of the same story end with one consistent record', async () => {
    const db = await open();
    const a = makeStory('c1', ['apple one', 'apple two', 'apple three'], { title: 'A' });
    const b = makeStory('c1', ['banana one', 'banana two'], { title: 'B' });
    const [savedA, savedB] = await Promise.all([saveStory(db, a), saveStory(db, b)]);
    expect(savedA.savedAt).toBe(savedB.savedAt); // the second save saw the first
    const stored = await getStory(db, 'c1');
    expect(stored?.title).toBe('B');
    expect(stored?.savedChapters).toBe(2);
    expect((await getChapters(db, 'c1')).map((c) => c.text)).toEqual(['banana one', 'banana two']);
    expect(await searchLibrary(db, 'apple')).toEqual([]);
    expect((await libraryStats(db)).count).toBe(1);
    db.close();
  });
});

describe('atomicity', () => {
  async function savedOriginal() {
    const db = await open();
    const original = await saveStory(db, makeStory('a1', ['original chapter one', 'original chapter two']));
    return { db, original };
  }
  async function expectOriginalIntact(db: Awaited<ReturnType<typeof open>>, original: unknown) {
    expect(await getStory(db, 'a1')).toEqual(original);
    expect((await getChapters(db, 'a1')).map((c) => c.text)).toEqual(['original chapter one', 'original chapter two']);
    expect((await searchLibrary(db, 'original')).map((h) => h.id)).toEqual(['a1']);
    expect(await searchLibrary(db, 'replacement')).toEqual([]);
  }
  const replacement = () => makeStory('a1', ['replacement one', 'replacement two', 'replacement three'], { title: 'New' });

  it('a full disk is a quota LibraryError with a reader-facing message, and the old copy stays whole', async () => {
    const { db, original } = await savedOriginal();
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: any, key?: IDBValidKey) {
      if (this.name === 'chapters' && value.index === 3) throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return put.call(this, value, key);
    });
    const error = await saveStory(db, replacement()).catch((e) => e);
    expect(error).toBeInstanceOf(LibraryError);
    expect(error.code).toBe('quota');
    expect(error.message).toBe('Your browser has no room left for more stories. Nothing was changed.');
    vi.restoreAllMocks();
    await expectOriginalIntact(db, original);
    db.close();
  });

  it('a chapter that cannot be stored leaves the old copy intact', async () => {
    const { db, original } = await savedOriginal();
    const bad = replacement();
    (bad.chapters[1] as any).notes = [{ position: 'before', text: 'x', html: 'x', render: () => 'not cloneable' }];
    await expect(saveStory(db, bad)).rejects.toMatchObject({ code: 'invalid' });
    await expectOriginalIntact(db, original);
    db.close();
  });

  it('a transaction aborted mid-way leaves the old copy intact', async () => {
    const { db, original } = await savedOriginal();
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: any, key?: IDBValidKey) {
      const request = put.call(this, value, key);
      if (this.name === 'postings') this.transaction.abort();
      return request;
    });
    await expect(saveStory(db, replacement())).rejects.toBeTruthy();
    vi.restoreAllMocks();
    await expectOriginalIntact(db, original);
    db.close();
  });

  it('rejects a story without an id or with unnumbered chapters as invalid, writing nothing', async () => {
    const db = await open();
    await expect(saveStory(db, makeStory('', ['x']))).rejects.toMatchObject({ code: 'invalid' });
    const unnumbered = makeStory('i1', ['x']);
    (unnumbered.chapters[0] as any).index = 0;
    await expect(saveStory(db, unnumbered)).rejects.toMatchObject({ code: 'invalid' });
    expect((await libraryStats(db)).count).toBe(0);
    db.close();
  });
});

describe('listing, shelves and progress', () => {
  async function library() {
    const db = await open();
    const entries: Array<[string, Partial<Story>]> = [
      ['l1', { title: 'beta', fandoms: ['Angel'], rating: { raw: 'R', level: 'mature' }, status: 'in-progress', words: 500, authors: [{ name: 'Zed' }] }],
      ['l2', { title: 'Alpha', fandoms: ['Buffy the Vampire Slayer'], rating: { raw: 'G', level: 'general' }, words: 9000, authors: [{ name: 'amy' }] }],
      ['l3', { title: 'Gamma', fandoms: ['Buffy the Vampire Slayer', 'Angel'], rating: { raw: 'NC-17', level: 'explicit' }, words: 100, authors: [{ name: 'Mo' }] }],
    ];
    for (const [id, overrides] of entries) await saveStory(db, makeStory(id, ['text of ' + id], overrides));
    await setShelves(db, 'l3', ['favourites']);
    await setReadProgress(db, 'l2', 1, 1);
    return db;
  }

  it('sorts by title, author, words, saved and updated', async () => {
    const db = await library();
    const ids = async (sort: any, direction?: any) => (await listStories(db, { sort, direction })).map((s) => s.id);
    expect(await ids('title')).toEqual(['l2', 'l1', 'l3']);
    expect(await ids('title', 'desc')).toEqual(['l3', 'l1', 'l2']);
    expect(await ids('author')).toEqual(['l2', 'l3', 'l1']);
    expect(await ids('words')).toEqual(['l2', 'l1', 'l3']);
    expect(await ids('saved', 'asc')).toEqual(['l1', 'l2', 'l3']);
    await addChapters(db, 'l1', [chapter(2, 'more')]);
    expect((await ids('updated'))[0]).toBe('l1');
    db.close();
  });

  it('filters by fandom, rating, status, unread and shelf', async () => {
    const db = await library();
    const ids = async (query: any) => (await listStories(db, { sort: 'title', ...query })).map((s) => s.id);
    expect(await ids({ fandom: 'Angel' })).toEqual(['l1', 'l3']);
    expect(await ids({ rating: 'general' })).toEqual(['l2']);
    expect(await ids({ rating: ['mature', 'explicit'] })).toEqual(['l1', 'l3']);
    expect(await ids({ status: 'in-progress' })).toEqual(['l1']);
    expect(await ids({ unread: true })).toEqual(['l1', 'l3']);
    expect(await ids({ shelf: 'favourites' })).toEqual(['l3']);
    expect(await ids({ fandom: 'Angel', rating: 'explicit', shelf: 'favourites' })).toEqual(['l3']);
    expect(await ids({ offset: 1, limit: 1 })).toEqual(['l1']);
    db.close();
  });

  it('applies every filter to a first page by saved time, which otherwise comes through the index', async () => {
    const db = await library();
    const all = (query: any) => listStories(db, { sort: 'saved', ...query }).then((list) => list.map((s) => s.id));
    const filters = [{ fandom: 'Angel' }, { rating: 'general' }, { rating: ['mature', 'explicit'] }, { status: 'in-progress' }, { unread: true }, { shelf: 'favourites' }];
    for (const filter of filters) {
      const whole = await all(filter);
      expect(whole.length, JSON.stringify(filter)).toBeLessThan(3);
      expect(await all({ ...filter, limit: 3 }), JSON.stringify(filter)).toEqual(whole);
    }
    db.close();
  });

  it('reads a first page by saved or updated time through the index, in the order of the whole sorted list', async () => {
    const db = await open();
    // Ties in time: saved in the same millisecond, so title and id decide between them.
    const times = ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z'];
    const titles = ['Echo', 'delta', 'Bravo', 'charlie', 'Alpha'];
    for (const [i, time] of times.entries()) {
      vi.useFakeTimers({ now: new Date(time), toFake: ['Date'] });
      await saveStory(db, makeStory(`t${i}`, ['text'], { title: titles[i]! }));
      vi.useRealTimers();
    }
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    for (const sort of ['saved', 'updated'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const whole = (await listStories(db, { sort, direction })).map((s) => s.id);
        for (let limit = 1; limit <= times.length + 1; limit++) {
          getAll.mockClear();
          expect((await listStories(db, { sort, direction, limit })).map((s) => s.id), `${sort} ${direction} ${limit}`).toEqual(whole.slice(0, limit));
          expect(getAll).not.toHaveBeenCalled();
        }
      }
    }
    expect((await listStories(db, { sort: 'saved', limit: 2 })).map((s) => s.id)).toEqual(['t4', 't2']);
    expect(await libraryStats(db)).toMatchObject({ count: 5 });
    db.close();
  });

  it('clamps read progress and refuses unknown stories', async () => {
    const db = await library();
    expect((await setReadProgress(db, 'l1', 1, 1.7)).read?.fraction).toBe(1);
    await expect(setShelves(db, 'missing', ['x'])).rejects.toMatchObject({ code: 'not-found', message: 'This story is not in your library.' });
    db.close();
  });
});

describe('delete and undo', () => {
  it('deletes stories with their chapters and index entries, and restores them exactly', async () => {
    const db = await open();
    await saveStory(db, real);
    await saveStory(db, makeStory('d2', ['the Jashua fan club']));
    await setShelves(db, 'd2', ['to read']);
    const before = await listStories(db);
    const statsBefore = await libraryStats(db);
    expect(statsBefore.count).toBe(2);
    expect(statsBefore.bytes).toBe(before.reduce((sum, s) => sum + s.bytes, 0));

    const deleted = await deleteStories(db, ['ao3:24861814', 'd2', 'not-there']);
    expect(deleted.stories.map((s) => s.id).sort()).toEqual(['ao3:24861814', 'd2']);
    expect(deleted.chapters).toHaveLength(21);
    expect(await libraryStats(db)).toEqual({ count: 0, bytes: 0 });
    expect(await getChapters(db, 'ao3:24861814')).toEqual([]);
    expect(await searchLibrary(db, 'Jashua')).toEqual([]);
    expect(await db.count('postings')).toBe(0);

    expect((await restoreStories(db, deleted)).sort()).toEqual(['ao3:24861814', 'd2']);
    expect(await listStories(db)).toEqual(before);
    expect((await getChapters(db, 'ao3:24861814')).length).toBe(20);
    expect((await searchLibrary(db, 'Jashua')).map((h) => h.id).sort()).toEqual(['ao3:24861814', 'd2']);
    db.close();
  });
});
