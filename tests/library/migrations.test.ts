// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { openDB } from 'idb';
import { DB_VERSION, MIGRATIONS, openLibrary } from '../../utils/library/schema';
import { deleteStories, getChapters, getStory, listStories, saveStory, setShelves } from '../../utils/library/store';
import { countTerms, searchLibrary, storyTerms } from '../../utils/library/search';
import { freshName, makeStory } from './story-factory';

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

/**
 * A version-2 database as v2 wrote it, built with raw idb: the postings store
 * keyed [term, id], one record per term and story, counted over summary and
 * chapter text. `unindexed` stories are stored without postings (written around
 * the index), which v3 must index from their chapters.
 */
interface V2Entry {
  id: string;
  title: string;
  summary: string;
  texts: string[];
  unindexed?: boolean;
}

async function createVersion2(name: string, entries: V2Entry[]) {
  const db = await openDB(name, 2, {
    upgrade(db) {
      const stories = db.createObjectStore('stories', { keyPath: 'id' });
      for (const [index, path] of [['savedAt', 'savedAt'], ['updatedAt', 'updatedAt'], ['title', 'keys.title'], ['rating', 'rating.level'], ['status', 'status']]) {
        stories.createIndex(index!, path!);
      }
      for (const [index, path] of [['fandoms', 'fandoms'], ['authors', 'keys.authors'], ['shelves', 'shelves']]) {
        stories.createIndex(index!, path!, { multiEntry: true });
      }
      const chapters = db.createObjectStore('chapters', { keyPath: ['storyId', 'index'] });
      chapters.createIndex('storyId', 'storyId');
      const postings = db.createObjectStore('postings', { keyPath: ['term', 'id'] });
      postings.createIndex('id', 'id');
      db.createObjectStore('meta', { keyPath: 'key' });
    },
  });
  const tx = db.transaction(['stories', 'chapters', 'postings', 'meta'], 'readwrite');
  for (const entry of entries) {
    await putStoryAndChapters(tx as never, entry);
    if (entry.unindexed) continue;
    for (const [term, n] of countTerms([entry.summary, ...entry.texts])) void tx.objectStore('postings').put({ term, id: entry.id, n });
  }
  void tx.objectStore('meta').put({ key: 'revision', value: 7 });
  await tx.done;
  db.close();
}

/** An entry's story and chapter records, as v2 and v3 stored them. */
async function putStoryAndChapters(tx: { objectStore(name: string): { put(value: unknown): unknown } }, entry: V2Entry): Promise<void> {
  const { keys: _keys, ...base } = await storyRecord(entry);
  void tx.objectStore('stories').put({ ...base, keys: { title: entry.title.toLowerCase(), authors: ['quill'] } });
  entry.texts.forEach((text, i) => {
    void tx.objectStore('chapters').put({ storyId: entry.id, index: i + 1, html: `<p>${text}</p>`, text, words: text.split(' ').length });
  });
}

/** The record v2 stored for an entry: a story as saveStory builds it, with shelves. */
async function storyRecord(entry: V2Entry) {
  const story = makeStory(entry.id, entry.texts, { title: entry.title, summary: entry.summary, authors: [{ name: 'Quill' }] });
  const { chapters: _chapters, ...blurb } = story;
  return {
    ...blurb,
    savedAt: '2025-02-01T00:00:00.000Z',
    updatedAt: '2025-02-02T00:00:00.000Z',
    complete: true,
    missing: [],
    savedChapters: entry.texts.length,
    shelves: ['favourites'],
    bytes: 100,
    toc: entry.texts.map((_, i) => ({ index: i + 1 })),
    keys: undefined,
  };
}

/** Every term → count the index holds for a story, read back from its shards; each term filed under its first two letters. */
async function indexedTerms(db: Awaited<ReturnType<typeof openLibrary>>, id: string): Promise<Map<string, number>> {
  for (const shard of await db.getAll('postings')) {
    for (const line of shard.lines.split('\n').slice(1)) {
      for (const entry of line.split('\t').slice(1)) expect(entry.slice(0, 2)).toBe(shard.prefix);
    }
  }
  return storyTerms(db, id);
}

/** How many term counts the whole index holds. */
async function indexedCount(db: Awaited<ReturnType<typeof openLibrary>>): Promise<number> {
  let total = 0;
  for (const shard of await db.getAll('postings')) total += shard.lines.split('\t').length - 1; // one tab before each term
  return total;
}

const V2_LIBRARY: V2Entry[] = [
  { id: 'ao3:10', title: 'Hellmouth Blues', summary: 'Buffy and the constructor.', texts: ['The Hellmouth opened. The the THE.', 'Willow hummed a hymn.'] },
  { id: 'ao3:11', title: 'Quiet Nights', summary: 'Nothing happens.', texts: ['Giles hums; the tea is cold.'] },
  { id: 'ao3:12', title: 'Written Around', summary: 'A gargoyle story.', texts: ['Stone wings over Sunnydale.'], unindexed: true },
];

describe('v2 → v3 → v4: postings grouped by term prefix, then sharded', () => {
  it('keeps every story, chapter and shelf, and every term count of the v2 index', async () => {
    const name = freshName('v2');
    await createVersion2(name, V2_LIBRARY);
    const db = await openLibrary(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['chapters', 'meta', 'postings', 'stories']);
    expect((await getStory(db, 'ao3:10'))?.shelves).toEqual(['favourites']);
    expect((await getChapters(db, 'ao3:10')).map((c) => c.text)).toEqual(['The Hellmouth opened. The the THE.', 'Willow hummed a hymn.']);
    expect((await listStories(db, { shelf: 'favourites', sort: 'title' })).map((s) => s.id)).toEqual(['ao3:10', 'ao3:11', 'ao3:12']);
    for (const entry of V2_LIBRARY) {
      expect(await indexedTerms(db, entry.id)).toEqual(countTerms([entry.summary, ...entry.texts]));
    }
    expect((await indexedTerms(db, 'ao3:10')).get('the')).toBe(5); // "the" ×4 in chapter 1, once in the summary
    expect((await indexedTerms(db, 'ao3:11')).get('hums')).toBe(1);
    expect((await db.get('meta', 'revision'))?.value).toBe(7);
    db.close();
  });

  it('stays searchable: whole words, the last word as a prefix, and stories v2 had not indexed', async () => {
    const name = freshName('v2-search');
    await createVersion2(name, V2_LIBRARY);
    const db = await openLibrary(name);
    const ids = async (query: string) => (await searchLibrary(db, query)).map((h) => h.id).sort();
    expect(await ids('opened')).toEqual(['ao3:10']);
    expect(await ids('hymn')).toEqual(['ao3:10']);
    expect(await ids('hum')).toEqual(['ao3:10', 'ao3:11']); // prefix of "hummed" and "hums"
    expect(await ids('hums')).toEqual(['ao3:11']);
    expect(await ids('giles hu')).toEqual([]); // a two-letter last word is matched whole
    expect(await ids('constructor')).toEqual(['ao3:10']); // an Object.prototype key is a word like any other
    expect(await ids('toString')).toEqual([]);
    expect(await ids('gargoyle')).toEqual(['ao3:12']);
    expect(await ids('sunnydale')).toEqual(['ao3:12']);
    expect((await searchLibrary(db, 'hellmouth')).map((h) => [h.id, h.where])).toEqual([['ao3:10', ['title', 'text']]]);
    db.close();
  });

  it('saves and deletes on the upgraded index', async () => {
    const name = freshName('v2-write');
    await createVersion2(name, V2_LIBRARY);
    const db = await openLibrary(name);
    await saveStory(db, makeStory('ao3:11', ['Giles brews tea.'], { title: 'Quiet Nights', summary: 'Tea.' }));
    expect(await searchLibrary(db, 'hums')).toEqual([]);
    expect((await searchLibrary(db, 'brews')).map((h) => h.id)).toEqual(['ao3:11']);
    expect(await indexedTerms(db, 'ao3:11')).toEqual(countTerms(['Tea.', 'Giles brews tea.']));
    await deleteStories(db, ['ao3:10']);
    expect((await indexedTerms(db, 'ao3:10')).size).toBe(0);
    expect(await searchLibrary(db, 'hymn')).toEqual([]);
    db.close();
  });

  it('converts a v2 index larger than one read batch without losing a posting', async () => {
    // 60 stories × 400 distinct words = 24,000 v2 postings: more than one 20,000-record batch.
    const word = (k: number) => 'w' + k.toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)]!);
    const entries: V2Entry[] = Array.from({ length: 60 }, (_, i) => ({
      id: `big:${i}`,
      title: `Big ${i}`,
      summary: '',
      texts: [Array.from({ length: 400 }, (_, k) => word(k + i)).join(' ')],
    }));
    const name = freshName('v2-batches');
    await createVersion2(name, entries);
    const db = await openLibrary(name);
    for (const i of [0, 29, 59]) expect(await indexedTerms(db, `big:${i}`)).toEqual(countTerms(entries[i]!.texts));
    expect(await indexedCount(db)).toBe(24_000);
    expect((await searchLibrary(db, word(458))).map((h) => h.id)).toEqual(['big:59']);
    db.close();
  }, 120_000);
});

/** A version-3 database as v3 wrote it: v3's stores (its own migrations) and posting groups per story and two-letter prefix. */
async function createVersion3(name: string, entries: V2Entry[]): Promise<void> {
  const db = await openDB(name, 3, {
    async upgrade(raw, oldVersion, _next, tx) {
      for (let v = oldVersion; v < 3; v++) await MIGRATIONS[v]!(raw as never, tx as never);
    },
  });
  const tx = db.transaction(['stories', 'chapters', 'postings'], 'readwrite');
  for (const entry of entries) {
    await putStoryAndChapters(tx as never, entry);
    if (entry.unindexed) continue;
    const groups = new Map<string, Record<string, number>>();
    for (const [term, n] of countTerms([entry.summary, ...entry.texts])) {
      const group = groups.get(term.slice(0, 2)) ?? {};
      group[term] = n;
      groups.set(term.slice(0, 2), group);
    }
    for (const [prefix, terms] of groups) void tx.objectStore('postings').put({ prefix, id: entry.id, terms });
  }
  await tx.done;
  db.close();
}

describe('v3 → v4: postings sharded by term prefix and story bucket', () => {
  it('keeps every term count of the v3 index, indexes what v3 had not, and stays searchable', async () => {
    const name = freshName('v3');
    await createVersion3(name, V2_LIBRARY);
    const db = await openLibrary(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['chapters', 'meta', 'postings', 'stories']);
    for (const entry of V2_LIBRARY) expect(await indexedTerms(db, entry.id)).toEqual(countTerms([entry.summary, ...entry.texts]));
    expect(await indexedCount(db)).toBe(V2_LIBRARY.reduce((n, e) => n + countTerms([e.summary, ...e.texts]).size, 0));
    const ids = async (query: string) => (await searchLibrary(db, query)).map((h) => h.id).sort();
    expect(await ids('hum')).toEqual(['ao3:10', 'ao3:11']);
    expect(await ids('gargoyle')).toEqual(['ao3:12']);
    expect(await ids('constructor')).toEqual(['ao3:10']);
    db.close();
  });

  it('converts a v3 index larger than one read batch without losing a posting', async () => {
    // 31 stories × 676 words, each word under its own two-letter prefix = 20,956 v3 groups: more than one 20,000-record batch.
    const letter = (k: number) => String.fromCharCode(97 + (k % 26));
    const word = (k: number, story: number) => `${letter(k)}${letter(Math.floor(k / 26))}x${letter(story)}${letter(Math.floor(story / 26))}`;
    const entries: V2Entry[] = Array.from({ length: 31 }, (_, i) => ({
      id: `big:${i}`,
      title: `Big ${i}`,
      summary: '',
      texts: [Array.from({ length: 676 }, (_, k) => word(k, i)).join(' ')],
    }));
    const name = freshName('v3-batches');
    await createVersion3(name, entries);
    const db = await openLibrary(name);
    for (const i of [0, 15, 30]) expect(await indexedTerms(db, `big:${i}`)).toEqual(countTerms(entries[i]!.texts));
    expect(await indexedCount(db)).toBe(31 * 676);
    expect((await searchLibrary(db, word(675, 30))).map((h) => h.id)).toEqual(['big:30']);
    db.close();
  }, 180_000);
});
