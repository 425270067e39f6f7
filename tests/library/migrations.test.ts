// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { openDB } from 'idb';
import { DB_VERSION, MIGRATIONS, openLibrary } from '../../utils/library/schema';
import { getChapters, getStory, listStories, setShelves } from '../../utils/library/store';
import { searchLibrary } from '../../utils/library/search';
import { freshName } from './story-factory';

/**
 * A version-1 database as the first release wrote it, built with raw idb (not
 * through MIGRATIONS), so these tests hold the upgrade to what was really on disk.
 */
async function createVersion1(name: string) {
  const db = await openDB(name, 1, {
    upgrade(db) {
      const stories = db.createObjectStore('stories', { keyPath: 'id' });
      stories.createIndex('savedAt', 'savedAt');
      stories.createIndex('updatedAt', 'updatedAt');
      stories.createIndex('title', 'keys.title');
      stories.createIndex('fandoms', 'fandoms', { multiEntry: true });
      stories.createIndex('rating', 'rating.level');
      stories.createIndex('status', 'status');
      stories.createIndex('authors', 'keys.authors', { multiEntry: true });
      const chapters = db.createObjectStore('chapters', { keyPath: ['storyId', 'index'] });
      chapters.createIndex('storyId', 'storyId');
    },
  });
  // Version 1 had no shelves: its stories carry no `shelves` field.
  const v1Story = (id: string, title: string, summary: string) => ({
    id,
    site: 'otw',
    url: `https://archiveofourown.org/works/${id}`,
    title,
    authors: [{ name: 'Quill' }],
    fandoms: ['Buffy the Vampire Slayer'],
    rating: { raw: 'Teen And Up Audiences', level: 'teen' },
    warnings: [],
    categories: [],
    relationships: ['Xander/Spike'],
    characters: [],
    tags: ['Hurt/Comfort'],
    spoilers: [],
    summary,
    notes: [],
    status: 'complete',
    words: 12,
    chapterCount: { posted: 2 },
    savedAt: '2025-01-02T03:04:05.000Z',
    updatedAt: '2025-01-03T03:04:05.000Z',
    complete: true,
    missing: [],
    savedChapters: 2,
    read: { chapter: 2, fraction: 0.5, at: '2025-01-04T00:00:00.000Z' },
    bytes: 1234,
    toc: [{ index: 1, title: 'Sunnydale' }, { index: 2, title: 'Crater' }],
    keys: { title: title.toLowerCase(), authors: ['quill'] },
  });
  await db.put('stories', v1Story('ao3:1', 'Lost Soul', 'Spike looks for his soul.'));
  await db.put('stories', v1Story('ao3:2', 'Duster', 'A vampire story.'));
  for (const [storyId, index, text] of [
    ['ao3:1', 1, 'The Hellmouth was quiet that night.'],
    ['ao3:1', 2, 'Willow found the éclair recipe in the library.'],
    ['ao3:2', 1, 'Dust everywhere.'],
    ['ao3:2', 2, 'More dust.'],
  ] as const) {
    await db.put('chapters', { storyId, index, html: `<p>${text}</p>`, text, words: text.split(' ').length });
  }
  db.close();
}

describe('library schema migrations', () => {
  it('has one migration per version', () => {
    expect(DB_VERSION).toBe(MIGRATIONS.length);
    expect(DB_VERSION).toBeGreaterThanOrEqual(2);
  });

  it('a new database gets every store and index of the current version', async () => {
    const db = await openLibrary(freshName('fresh'));
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['chapters', 'meta', 'postings', 'stories']);
    const tx = db.transaction('stories');
    expect([...tx.store.indexNames].sort()).toEqual(
      ['authors', 'fandoms', 'rating', 'savedAt', 'shelves', 'status', 'title', 'updatedAt'].sort(),
    );
    expect(tx.store.index('shelves').multiEntry).toBe(true);
    expect(tx.store.index('fandoms').multiEntry).toBe(true);
    db.close();
  });

  it('upgrades a version-1 database with data and loses nothing', async () => {
    const name = freshName('v1');
    await createVersion1(name);
    const db = await openLibrary(name);
    expect(db.version).toBe(DB_VERSION);

    const story = await getStory(db, 'ao3:1');
    expect(story).toMatchObject({
      title: 'Lost Soul',
      summary: 'Spike looks for his soul.',
      relationships: ['Xander/Spike'],
      savedAt: '2025-01-02T03:04:05.000Z',
      updatedAt: '2025-01-03T03:04:05.000Z',
      read: { chapter: 2, fraction: 0.5 },
      toc: [{ index: 1, title: 'Sunnydale' }, { index: 2, title: 'Crater' }],
      shelves: [],
    });
    expect((await getChapters(db, 'ao3:1')).map((c) => c.text)).toEqual([
      'The Hellmouth was quiet that night.',
      'Willow found the éclair recipe in the library.',
    ]);
    expect((await listStories(db, { sort: 'title' })).map((s) => s.id)).toEqual(['ao3:2', 'ao3:1']);
    db.close();
  });

  it('builds the full-text index from chapters saved before it existed', async () => {
    const name = freshName('v1-text');
    await createVersion1(name);
    const db = await openLibrary(name);
    expect((await searchLibrary(db, 'hellmouth')).map((h) => h.id)).toEqual(['ao3:1']);
    expect((await searchLibrary(db, 'eclair')).map((h) => h.id)).toEqual(['ao3:1']); // diacritics folded
    expect((await searchLibrary(db, 'dust')).map((h) => h.id)).toEqual(['ao3:2']);
    expect((await searchLibrary(db, 'soul')).map((h) => h.id)).toEqual(['ao3:1']); // from the summary
    db.close();
  });

  it('the shelves index works on upgraded stories', async () => {
    const name = freshName('v1-shelves');
    await createVersion1(name);
    const db = await openLibrary(name);
    await setShelves(db, 'ao3:2', ['to read']);
    expect((await listStories(db, { shelf: 'to read' })).map((s) => s.id)).toEqual(['ao3:2']);
    db.close();
  });

  it('opening an up-to-date database again changes nothing', async () => {
    const name = freshName('twice');
    await createVersion1(name);
    const first = await openLibrary(name);
    const before = await listStories(first);
    const postings = await first.count('postings');
    first.close();
    const second = await openLibrary(name);
    expect(await listStories(second)).toEqual(before);
    expect(await second.count('postings')).toBe(postings);
    second.close();
  });
});
