// @vitest-environment node
import { describe, it, expect, beforeAll, afterEach, vi } from 'vitest';
import type { Story } from '../../utils/story';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import { openLibrary } from '../../utils/library/schema';
import { deleteStories, getChapters, getStory, listStories, saveStory, setReadProgress, setShelves } from '../../utils/library/store';
import { searchLibrary } from '../../utils/library/search';
import { exportBackup, importBackup, parseBackup, type Backup } from '../../utils/library/backup';
import { LibraryError } from '../../utils/library/types';
import { freshName, makeStory, realStory } from './story-factory';

let real: Story;
beforeAll(() => {
  real = realStory();
}, 60_000);
afterEach(() => vi.restoreAllMocks());

const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  reader: { ...DEFAULT_SETTINGS.reader, fontSize: 22, theme: 'sepia' },
  spoilers: { ...DEFAULT_SETTINGS.spoilers, progress: { 'Buffy the Vampire Slayer': { season: 4, episode: 10 } } },
};

async function filledLibrary() {
  const db = await openLibrary(freshName('backup'));
  await saveStory(db, real);
  await saveStory(db, makeStory('b2', ['Tea in the Magic Box.', 'Anya counts the till.'], { title: 'Till' }));
  await saveStory(db, makeStory('b3', ['Only the first part.'], { chapterCount: { posted: 3 } }), { partial: true });
  await setShelves(db, 'b2', ['favourites', 'to read']);
  await setReadProgress(db, 'ao3:24861814', 7, 0.25);
  return db;
}

const withoutStamp = ({ exportedAt: _exportedAt, ...rest }: Backup) => rest;

describe('backup round trip', () => {
  it('export → wipe → import gives back exactly the same library and settings', async () => {
    const db = await filledLibrary();
    const exported = await exportBackup(db, SETTINGS);
    expect(exported.format).toBe('ficshelf-backup');
    expect(exported.version).toBe(1);
    expect(exported.stories.map((s) => s.id)).toEqual(['ao3:24861814', 'b2', 'b3']);
    expect(exported.chapters).toHaveLength(23);
    expect((exported.stories[0] as any).keys).toBeUndefined(); // index keys stay inside the database

    const file = JSON.stringify(exported);
    await deleteStories(db, exported.stories.map((s) => s.id));
    expect(await listStories(db)).toEqual([]);

    const report = await importBackup(db, parseBackup(file));
    expect(report.added.sort()).toEqual(['ao3:24861814', 'b2', 'b3']);
    expect(report.updated).toEqual([]);
    expect(report.kept).toEqual([]);
    expect(report.rejected).toEqual([]);
    expect(report.chapters).toBe(23);
    expect(report.settings).toEqual(SETTINGS);

    expect(withoutStamp(await exportBackup(db, report.settings!))).toEqual(withoutStamp(exported));
    expect((await getStory(db, 'b2'))?.shelves).toEqual(['favourites', 'to read']);
    expect((await getStory(db, 'ao3:24861814'))?.read).toMatchObject({ chapter: 7, fraction: 0.25 });
    expect((await getStory(db, 'b3'))?.missing).toEqual([2, 3]);
    expect((await searchLibrary(db, 'Jashua')).map((h) => h.id)).toEqual(['ao3:24861814']);
    expect((await searchLibrary(db, 'till')).map((h) => h.id)).toEqual(['b2']);
    db.close();
  });

  it('imports into another, empty browser profile', async () => {
    const source = await filledLibrary();
    const file = JSON.stringify(await exportBackup(source, SETTINGS));
    const target = await openLibrary(freshName('backup-target'));
    const report = await importBackup(target, JSON.parse(file));
    expect(report.added).toHaveLength(3);
    expect(await listStories(target)).toEqual(await listStories(source));
    expect(await getChapters(target, 'ao3:24861814')).toEqual(await getChapters(source, 'ao3:24861814'));
    source.close();
    target.close();
  });
});

describe('merging into an existing library', () => {
  it('newest updatedAt wins per story, chapters follow their story, older copies are kept', async () => {
    const db = await openLibrary(freshName('merge'));
    await saveStory(db, makeStory('m-old', ['library text one', 'library text two', 'library text three'], { title: 'Library copy' }));
    await saveStory(db, makeStory('m-new', ['library keeps this'], { title: 'Newer in library' }));
    const backup = await exportBackup(db, SETTINGS);
    const libraryNewer = (await getStory(db, 'm-new'))!;

    // The file's copy of m-old is newer and has two chapters; its m-new is older.
    const later = new Date(Date.now() + 60_000).toISOString();
    const earlier = '2020-01-01T00:00:00.000Z';
    const file: Backup = {
      ...backup,
      stories: [
        { ...backup.stories.find((s) => s.id === 'm-old')!, title: 'File copy', updatedAt: later, savedChapters: 2, toc: [{ index: 1 }, { index: 2 }], chapterCount: { posted: 2 } },
        { ...backup.stories.find((s) => s.id === 'm-new')!, title: 'Older in file', updatedAt: earlier },
        { ...backup.stories.find((s) => s.id === 'm-new')!, id: 'm-added', title: 'Only in file', updatedAt: earlier },
      ],
      chapters: [
        { storyId: 'm-old', index: 1, html: '<p>file one</p>', text: 'file one', words: 2 },
        { storyId: 'm-old', index: 2, html: '<p>file two</p>', text: 'file two', words: 2 },
        { storyId: 'm-new', index: 1, html: '<p>file stale</p>', text: 'file stale', words: 2 },
        { storyId: 'm-added', index: 1, html: '<p>file added</p>', text: 'file added', words: 2 },
      ],
    };
    const report = await importBackup(db, file);
    expect(report.updated).toEqual(['m-old']);
    expect(report.kept).toEqual(['m-new']);
    expect(report.added).toEqual(['m-added']);
    expect(report.rejected).toEqual([]);
    expect(report.chapters).toBe(3);

    expect((await getStory(db, 'm-old'))?.title).toBe('File copy');
    expect((await getChapters(db, 'm-old')).map((c) => c.text)).toEqual(['file one', 'file two']);
    expect(await getStory(db, 'm-new')).toEqual(libraryNewer);
    expect((await getChapters(db, 'm-new')).map((c) => c.text)).toEqual(['library keeps this']);
    expect(await searchLibrary(db, 'stale')).toEqual([]);
    expect((await searchLibrary(db, 'library')).map((h) => h.id)).toEqual(['m-new']);
    db.close();
  });

  it('reports every entry it does not import, with the reason', async () => {
    const db = await openLibrary(freshName('reject'));
    const good = await exportBackup(await filledLibrary(), SETTINGS);
    const b2 = good.stories.find((s) => s.id === 'b2')!;
    const file = {
      ...good,
      stories: [
        b2,
        { ...b2, title: 'Stale duplicate', updatedAt: '2001-01-01T00:00:00.000Z' },
        { ...b2, id: '' },
        { ...b2, id: 'no-date', updatedAt: 'yesterday-ish' },
        { ...b2, id: 'no-authors', authors: 'Someone' },
        'a string',
      ],
      chapters: [
        ...good.chapters.filter((c) => c.storyId === 'b2'),
        { ...good.chapters.find((c) => c.storyId === 'b2')! },
        { storyId: 'no-date', index: 1, html: '', text: '' },
        { storyId: 'b2', index: 0, html: '', text: '' },
        { storyId: 'b2', index: 9, html: 42, text: '' },
      ],
    };
    const report = await importBackup(db, file);
    expect(report.added).toEqual(['b2']);
    expect(report.rejected).toEqual([
      { kind: 'story', id: 'b2', title: 'Stale duplicate', reason: 'the file holds a newer copy of the same story' },
      { kind: 'story', id: '', title: 'Till', reason: 'it has no id' },
      { kind: 'story', id: 'no-date', title: 'Till', reason: 'its "updatedAt" date is missing or not a date' },
      { kind: 'story', id: 'no-authors', title: 'Till', reason: 'its author list is not valid' },
      { kind: 'story', reason: 'it is not a story' },
      { kind: 'chapter', id: 'b2', index: 1, reason: 'the file holds this chapter twice' },
      { kind: 'chapter', id: 'no-date', index: 1, reason: 'its story is not in the file (or was rejected)' },
      { kind: 'chapter', id: 'b2', index: 0, reason: 'it has no chapter number' },
      { kind: 'chapter', id: 'b2', index: 9, reason: 'it has no text' },
    ]);
    // Nothing silently dropped: every entry is imported or reported.
    expect(report.added.length + report.rejected.filter((r) => r.kind === 'story').length).toBe(file.stories.length);
    expect(report.chapters + report.rejected.filter((r) => r.kind === 'chapter').length).toBe(file.chapters.length);
    expect((await getChapters(db, 'b2')).map((c) => c.text)).toEqual(['Tea in the Magic Box.', 'Anya counts the till.']);
    db.close();
  });

  it('normalises the settings in the file and leaves them out when the file has none', async () => {
    const db = await openLibrary(freshName('settings'));
    const base = { format: 'ficshelf-backup', version: 1, exportedAt: '2026-01-01T00:00:00.000Z', stories: [], chapters: [] };
    const report = await importBackup(db, { ...base, settings: { reader: { fontSize: 999, theme: 'neon' }, extra: true } });
    expect(report.settings?.reader.fontSize).toBe(40);
    expect(report.settings?.reader.theme).toBe('system');
    expect(report.settings).not.toHaveProperty('extra');
    expect((await importBackup(db, base)).settings).toBeUndefined();
    // An empty settings object carries nothing to restore: the reader's settings stay as they are.
    expect((await importBackup(db, { ...base, settings: {} })).settings).toBeUndefined();
  });

  it('keeps the reader’s own value for a settings section the file lacks (an older or hand-made backup)', async () => {
    const db = await openLibrary(freshName('settings-partial'));
    const base = JSON.parse(JSON.stringify(await exportBackup(db, DEFAULT_SETTINGS)));
    const current: Settings = {
      ...DEFAULT_SETTINGS,
      spoilers: { ...DEFAULT_SETTINGS.spoilers, progress: { 'Buffy the Vampire Slayer': { season: 4, episode: 9 } } },
    };
    const report = await importBackup(db, { ...base, settings: { reader: { ...DEFAULT_SETTINGS.reader, fontSize: 24 } } }, current);
    expect(report.settings?.reader.fontSize).toBe(24);
    expect(report.settings?.spoilers.progress).toEqual({ 'Buffy the Vampire Slayer': { season: 4, episode: 9 } });
    expect(report.settings?.ratings).toEqual(current.ratings);
    db.close();
  });

  it('a full disk during import changes nothing', async () => {
    const db = await filledLibrary();
    const backup = await exportBackup(db, SETTINGS);
    const target = await openLibrary(freshName('quota-import'));
    await saveStory(target, makeStory('keep-me', ['already here']));
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: any, key?: IDBValidKey) {
      if (this.name === 'chapters' && value.storyId === 'b3') throw new DOMException('full', 'QuotaExceededError');
      return put.call(this, value, key);
    });
    await expect(importBackup(target, backup)).rejects.toMatchObject({ code: 'quota' });
    vi.restoreAllMocks();
    expect((await listStories(target)).map((s) => s.id)).toEqual(['keep-me']);
    db.close();
    target.close();
  });
});

describe('files that are not backups', () => {
  const message = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(LibraryError);
      expect((error as LibraryError).code).toBe('invalid');
      return (error as Error).message;
    }
    throw new Error('expected a LibraryError');
  };

  it('says clearly what is wrong', async () => {
    expect(message(() => parseBackup('{ not json'))).toBe('This file is not a FicShelf backup. It is not valid JSON.');
    expect(message(() => parseBackup('[1, 2]'))).toBe('This file is not a FicShelf backup.');
    expect(message(() => parseBackup('{"format": "calibre", "version": 1}'))).toBe('This file is not a FicShelf backup.');
    expect(message(() => parseBackup('{"format": "ficshelf-backup", "version": 2, "stories": [], "chapters": []}'))).toBe(
      'This backup was made by a newer version of FicShelf. Update the extension, then import it again.',
    );
    expect(message(() => parseBackup('{"format": "ficshelf-backup", "version": 1, "stories": {}}'))).toBe(
      'This file is not a FicShelf backup. Its list of stories or chapters is missing.',
    );
    const db = await openLibrary(freshName('not-backup'));
    await expect(importBackup(db, null)).rejects.toMatchObject({ code: 'invalid', message: 'This file is not a FicShelf backup.' });
    db.close();
  });
});
