import { openLibrary } from '../../../utils/library/schema';
import { deleteStories, putSavedStories, saveStory, toStored } from '../../../utils/library/store';
import type { SavedChapter, SavedStory } from '../../../utils/library/types';
import type { Story } from '../../../utils/story';
import { searchLibrary } from '../../../utils/library/search';
import { syntheticStory, type LibraryCorpus } from '../synthetic-library';
import { timeInterleavedAsync, type Samples, type TimingOptions } from './timing';

/**
 * Bundled and evaluated in an extension page (library.html), so it works on
 * the extension's own IndexedDB through the real store (case 5).
 */

let corpus: LibraryCorpus | null = null;

function setCorpus(value: LibraryCorpus): void {
  corpus = value;
}

function needCorpus(): LibraryCorpus {
  if (!corpus) throw new Error('setCorpus first');
  return corpus;
}

/** The records saveStory would write for a fresh story (what a backup holds). */
function savedEntry(story: Story, now: string): { story: SavedStory; chapters: SavedChapter[] } {
  const { chapters, ...blurb } = story;
  const saved: SavedStory = {
    ...blurb,
    savedAt: now,
    updatedAt: now,
    complete: true,
    missing: [],
    savedChapters: chapters.length,
    shelves: [],
    bytes: chapters.reduce((sum, c) => sum + c.html.length + c.text.length, 0),
    toc: chapters.map(({ index, title, url }) => ({ index, title, url })),
  };
  return { story: saved, chapters: chapters.map((c) => ({ ...c, storyId: story.id })) };
}

/** Stories per putSavedStories transaction: each rewrites the posting shards of the buckets it touches once. */
const SEED_TRANSACTION = 125;

/**
 * Stores stories [from, to) of the synthetic library through the store's
 * bulk path (putSavedStories, as a backup import: same records, postings
 * and indexes as saveStory, `batch` stories per transaction). One
 * transaction per story would make seeding 5,000 stories take most of an
 * hour on a loaded machine. Returns characters of chapter text stored.
 */
async function seed(from: number, to: number, batch = SEED_TRANSACTION): Promise<{ chars: number; ms: number }> {
  const db = await openLibrary();
  const start = performance.now();
  const now = new Date().toISOString();
  let chars = 0;
  for (let first = from; first < to; first += batch) {
    const entries = [];
    for (let i = first; i < Math.min(to, first + batch); i++) {
      const entry = savedEntry(syntheticStory(needCorpus(), i), now);
      for (const chapter of entry.chapters) chars += chapter.text.length;
      entries.push(entry);
    }
    await putSavedStories(db, entries);
  }
  db.close();
  return { chars, ms: performance.now() - start };
}

async function storyCount(): Promise<number> {
  const db = await openLibrary();
  const count = await db.count('stories');
  db.close();
  return count;
}

/** Save of one big story through saveStory, vs a raw put of the same records (no postings, no merge). */
async function saveBig(words: number, options: TimingOptions): Promise<Samples & { chapters: number }> {
  const db = await openLibrary();
  const big = syntheticStory(needCorpus(), 1_000_000, 7, words);
  const saved: string[] = [];
  const samples = await timeInterleavedAsync(
    async (run) => {
      const id = `bench:big:${run}`;
      saved.push(id);
      await saveStory(db, { ...big, id });
    },
    async (run) => {
      const id = `bench:raw:${run}`;
      const tx = db.transaction(['stories', 'chapters'], 'readwrite');
      const { chapters: _chapters, ...header } = big;
      const stored = toStored({ ...header, id, toc: [], savedAt: '', updatedAt: '', shelves: [] } as never);
      void tx.objectStore('stories').put(stored);
      for (const chapter of big.chapters) void tx.objectStore('chapters').put({ ...chapter, storyId: id } as never);
      await tx.done;
      const clean = db.transaction(['stories', 'chapters'], 'readwrite');
      void clean.objectStore('stories').delete(id);
      void clean.objectStore('chapters').delete(IDBKeyRange.bound([id, 0], [id, Infinity]));
      await clean.done;
    },
    options,
  );
  await deleteStories(db, saved);
  db.close();
  return { ...samples, chapters: big.chapters.length };
}

/** searchLibrary for a word vs a naive scan: titles (getAll stories) or every chapter's text (cursor). */
async function search(word: string, scope: 'title' | 'text' | 'none', options: TimingOptions): Promise<Samples & { hits: number; cold: number; naiveHits: number }> {
  const db = await openLibrary();
  const coldStart = performance.now();
  const hits = (await searchLibrary(db, word)).length;
  const cold = performance.now() - coldStart;
  let naiveHits = 0;
  const pattern = new RegExp(`\\b${word}\\b`, 'i');
  const naive = async () => {
    const found = new Set<string>();
    if (scope === 'title') {
      for (const story of await db.getAll('stories')) if (pattern.test(story.title)) found.add(story.id);
    } else {
      let cursor = await db.transaction('chapters').store.openCursor();
      while (cursor) {
        if (pattern.test(cursor.value.text)) found.add(cursor.value.storyId);
        cursor = await cursor.continue();
      }
    }
    naiveHits = found.size;
  };
  const samples = await timeInterleavedAsync(() => searchLibrary(db, word), scope === 'none' ? null : naive, options);
  db.close();
  return { ...samples, hits, cold, naiveHits };
}

/**
 * The first search after a save: the library's revision changed, so the
 * in-memory metadata index is stale (the save itself is not timed).
 */
async function searchAfterSave(word: string, options: TimingOptions): Promise<number[]> {
  const db = await openLibrary();
  await searchLibrary(db, word);
  const times: number[] = [];
  const saved: string[] = [];
  for (let run = 0; run < options.warmup + options.runs; run++) {
    const id = `bench:meta:${run}`;
    await saveStory(db, { ...syntheticStory(needCorpus(), 2_000_000 + run, 3, 500), id });
    saved.push(id);
    const start = performance.now();
    await searchLibrary(db, word);
    if (run >= options.warmup) times.push(performance.now() - start);
  }
  await deleteStories(db, saved);
  db.close();
  return times;
}

/** A raw getAll of the stories store: the floor for listing the library. */
async function getAllStories(runs: number): Promise<number[]> {
  const db = await openLibrary();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await db.getAll('stories');
    times.push(performance.now() - start);
  }
  db.close();
  return times;
}

Object.assign(globalThis, { ficshelfLibraryBench: { setCorpus, seed, storyCount, saveBig, search, searchAfterSave, getAllStories } });
