import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { Blurb, Chapter, Story } from '../story';
import type { LibrarySchema, StoredStory } from './schema';
import { allRequests, bumpRevision, countTerms, PostingsWriter } from './search';
import {
  LibraryError,
  type DeletedStories,
  type LibraryQuery,
  type LibraryStats,
  type SavedChapter,
  type SavedStory,
  type TocEntry,
} from './types';
import { hasChapterContent } from '../story-html';

export { LibraryError } from './types';

/**
 * Saving, updating, listing and deleting stories. Every change that touches a
 * story runs in one readwrite transaction over stories, chapters, the full-text
 * postings and the revision counter, so a story is saved whole or not at all,
 * and two saves of the same story are serialised by IndexedDB itself.
 */

export type LibraryDB = IDBPDatabase<LibrarySchema>;

const WRITE_STORES = ['stories', 'chapters', 'postings', 'meta'] as const;
type WriteTx = IDBPTransaction<LibrarySchema, typeof WRITE_STORES extends readonly (infer S)[] ? S[] : never, 'readwrite'>;

// ── conversions ────────────────────────────────────────────────────────────

/** Drops keys whose value is undefined, so what is stored is what comes back. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function toStored(story: SavedStory): StoredStory {
  return {
    ...story,
    keys: {
      title: story.title.toLocaleLowerCase(),
      authors: story.authors.map((author) => author.name.toLocaleLowerCase()),
    },
  };
}

export function fromStored(stored: StoredStory): SavedStory {
  const { keys: _keys, ...story } = stored;
  return story;
}

function chapterRecord(storyId: string, chapter: Chapter): SavedChapter {
  return defined({
    storyId,
    index: chapter.index,
    title: chapter.title,
    url: chapter.url,
    html: chapter.html,
    text: chapter.text,
    words: chapter.words,
    notes: chapter.notes,
  });
}

function blurbOf(story: Partial<Story>): Partial<Blurb> {
  const { chapters: _chapters, ...blurb } = story;
  return defined(blurb);
}

/** UTF-8 length without allocating an encoded copy. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function chapterBytes(chapter: SavedChapter): number {
  return utf8Length(chapter.html) + utf8Length(chapter.text) + (chapter.notes ? utf8Length(JSON.stringify(chapter.notes)) : 0);
}

// ── validation ────────────────────────────────────────────────────────────

function invalid(reason: string): LibraryError {
  return new LibraryError('invalid', `This story could not be saved: ${reason}.`, reason);
}

function validateChapters(chapters: unknown): asserts chapters is Chapter[] {
  if (!Array.isArray(chapters)) throw invalid('its chapter list is missing');
  for (const chapter of chapters) {
    if (!chapter || !Number.isInteger(chapter.index) || chapter.index < 1) throw invalid('a chapter has no position');
    if (typeof chapter.html !== 'string' || typeof chapter.text !== 'string') throw invalid(`chapter ${chapter.index} has no text`);
  }
}

function validateStory(story: Story): void {
  if (!story || typeof story.id !== 'string' || story.id.trim() === '') throw invalid('it has no id');
  if (typeof story.title !== 'string') throw invalid('it has no title');
  if (!Array.isArray(story.authors) || !Array.isArray(story.fandoms)) throw invalid('its header is incomplete');
  validateChapters(story.chapters);
}

/** Chapters that carry text; a chapter listed without its text is only a table-of-contents entry. */
function withText(chapters: Chapter[]): Chapter[] {
  return chapters.filter(hasChapterContent);
}

// ── transactions ──────────────────────────────────────────────────────────

function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

function toLibraryError(error: unknown): unknown {
  if (error instanceof LibraryError) return error;
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (isQuotaError(error)) return new LibraryError('quota', undefined, detail);
  const name = (error as { name?: string } | null)?.name;
  if (name === 'DataCloneError' || name === 'DataError') return new LibraryError('invalid', undefined, detail);
  return error;
}

/** Runs `work` in one readwrite transaction; on any failure the transaction is aborted and nothing is changed. */
async function inTransaction<T>(db: LibraryDB, work: (tx: WriteTx) => Promise<T>): Promise<T> {
  const tx = db.transaction([...WRITE_STORES], 'readwrite') as WriteTx;
  const done = tx.done;
  done.catch(() => undefined); // reported through the try below, not as an unhandled rejection
  try {
    const result = await work(tx);
    await done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already aborted or finished
    }
    throw toLibraryError(error);
  }
}

// ── the saved record ──────────────────────────────────────────────────────

/** How many chapters the site lists for a story. */
function listedCount(chapterCount: { posted: number } | undefined, toc: TocEntry[]): number {
  const highest = toc.reduce((max, entry) => Math.max(max, entry.index), 0);
  return Math.max(chapterCount?.posted ?? 0, highest);
}

function mergeToc(old: TocEntry[], chapters: Array<Pick<Chapter, 'index' | 'title' | 'url'>>): TocEntry[] {
  const byIndex = new Map(old.map((entry) => [entry.index, entry]));
  for (const chapter of chapters) {
    byIndex.set(chapter.index, defined({ index: chapter.index, title: chapter.title, url: chapter.url }));
  }
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}

interface RecordParts {
  blurb: Blurb;
  toc: TocEntry[];
  chapters: SavedChapter[];
  old?: SavedStory;
  partial?: boolean;
  now: string;
}

function savedRecord({ blurb, toc, chapters, old, partial, now }: RecordParts): SavedStory {
  const listed = listedCount(blurb.chapterCount, toc);
  const saved = new Set(chapters.map((chapter) => chapter.index));
  const missing: number[] = [];
  for (let index = 1; index <= listed; index++) if (!saved.has(index)) missing.push(index);
  const base = defined({
    ...blurb,
    savedAt: old?.savedAt ?? now,
    updatedAt: now,
    sourceUpdated: blurb.updated,
    complete: missing.length === 0 && !partial,
    missing,
    savedChapters: chapters.length,
    shelves: old?.shelves ?? [],
    read: old?.read,
    bytes: 0,
    toc,
  }) as SavedStory;
  base.bytes = utf8Length(JSON.stringify(base)) + chapters.reduce((sum, chapter) => sum + chapterBytes(chapter), 0);
  return base;
}

/**
 * Writes a story record with exactly these chapters (old ones not listed are
 * removed), and hands its postings to `postings`: the caller flushes them, once
 * for all the stories of its transaction, and bumps the revision.
 */
function writeStory(tx: WriteTx, postings: PostingsWriter, story: SavedStory, chapters: SavedChapter[], oldIndexes: number[]): Promise<void> {
  const keep = new Set(chapters.map((chapter) => chapter.index));
  const chapterStore = tx.objectStore('chapters');
  const written = allRequests((add) => {
    add(tx.objectStore('stories').put(toStored(story)));
    for (const index of oldIndexes) if (!keep.has(index)) add(chapterStore.delete([story.id, index]));
    for (const chapter of chapters) add(chapterStore.put(chapter));
  });
  // Counted while IndexedDB stores the chapters.
  postings.set(story.id, countTerms([story.summary ?? '', ...chapters.map((chapter) => chapter.text)]));
  return written;
}

/** The postings of every story the transaction wrote or deleted, then the revision that tells search. */
async function finishWrites(tx: WriteTx, postings: PostingsWriter): Promise<void> {
  await Promise.all([postings.flush(), bumpRevision(tx.objectStore('meta'), postings.ids)]);
}

async function readOld(tx: WriteTx, id: string): Promise<{ story?: SavedStory; chapters: SavedChapter[] }> {
  const [stored, chapters] = await Promise.all([
    tx.objectStore('stories').get(id),
    tx.objectStore('chapters').index('storyId').getAll(id),
  ]);
  return { story: stored && fromStored(stored), chapters };
}

// ── public API ────────────────────────────────────────────────────────────

/**
 * Saves a story with every chapter that carries text, in one transaction.
 * Saving again updates in place: shelves, read progress and savedAt stay;
 * chapters saved before and not in this copy are kept while the site still lists them.
 */
export async function saveStory(db: LibraryDB, story: Story, options: { partial?: boolean } = {}): Promise<SavedStory> {
  validateStory(story);
  const fresh = withText(story.chapters).map((chapter) => chapterRecord(story.id, chapter));
  const blurb = blurbOf(story) as Blurb;
  return inTransaction(db, async (tx) => {
    const old = await readOld(tx, story.id);
    const oldToc = old.story?.toc ?? [];
    const listed = listedCount(story.chapterCount, story.chapters.map((c) => ({ index: c.index })));
    const toc = mergeToc(oldToc.filter((entry) => entry.index <= listed), story.chapters);
    const freshIndexes = new Set(fresh.map((chapter) => chapter.index));
    const kept = old.chapters.filter((chapter) => chapter.index <= listed && !freshIndexes.has(chapter.index));
    const chapters = [...kept, ...fresh].sort((a, b) => a.index - b.index);
    const record = savedRecord({ blurb, toc, chapters, old: old.story, partial: options.partial, now: new Date().toISOString() });
    const postings = new PostingsWriter(tx.objectStore('postings'));
    await writeStory(tx, postings, record, chapters, old.chapters.map((chapter) => chapter.index));
    await finishWrites(tx, postings);
    return record;
  });
}

/**
 * Adds (or replaces) chapters of a saved story, e.g. the new chapters of an
 * update or the next batch of a save in progress, in one transaction.
 * `meta` updates the header (chapter count, words, status, dates).
 */
export async function addChapters(
  db: LibraryDB,
  storyId: string,
  chapters: Chapter[],
  meta: Partial<Story> = {},
): Promise<SavedStory> {
  validateChapters(chapters);
  const fresh = withText(chapters).map((chapter) => chapterRecord(storyId, chapter));
  const header = blurbOf(meta);
  return inTransaction(db, async (tx) => {
    const old = await readOld(tx, storyId);
    if (!old.story) throw new LibraryError('not-found');
    const { id: _id, ...changes } = header;
    const blurb = { ...blurbOf(old.story), ...changes } as Blurb;
    const toc = mergeToc(old.story.toc, meta.chapters ? [...meta.chapters, ...chapters] : chapters);
    const byIndex = new Map(old.chapters.map((chapter) => [chapter.index, chapter]));
    for (const chapter of fresh) byIndex.set(chapter.index, chapter);
    const all = [...byIndex.values()].sort((a, b) => a.index - b.index);
    const record = savedRecord({ blurb, toc, chapters: all, old: old.story, now: new Date().toISOString() });
    // blurbOf(old.story) carried the saved-copy fields; savedRecord recomputed them.
    const postings = new PostingsWriter(tx.objectStore('postings'));
    await writeStory(tx, postings, record, all, old.chapters.map((chapter) => chapter.index));
    await finishWrites(tx, postings);
    return record;
  });
}

export async function getStory(db: LibraryDB, id: string): Promise<SavedStory | undefined> {
  const stored = await db.get('stories', id);
  return stored && fromStored(stored);
}

/** Every saved chapter of a story, in order. */
export async function getChapters(db: LibraryDB, id: string): Promise<SavedChapter[]> {
  const chapters = await db.getAllFromIndex('chapters', 'storyId', id);
  return chapters.sort((a, b) => a.index - b.index);
}

export async function getChapter(db: LibraryDB, id: string, index: number): Promise<SavedChapter | undefined> {
  return db.get('chapters', [id, index]);
}

const DEFAULT_DIRECTION: Record<NonNullable<LibraryQuery['sort']>, 'asc' | 'desc'> = {
  updated: 'desc',
  saved: 'desc',
  words: 'desc',
  title: 'asc',
  author: 'asc',
};

function sortKey(story: StoredStory, sort: NonNullable<LibraryQuery['sort']>): string | number {
  switch (sort) {
    case 'updated':
      return story.updatedAt;
    case 'saved':
      return story.savedAt;
    case 'title':
      return story.keys.title;
    case 'author':
      return story.keys.authors[0] ?? '';
    case 'words':
      return story.words ?? 0;
  }
}

/** Reads the fewest records: through the index of the most selective filter given. */
async function candidates(db: LibraryDB, query: LibraryQuery): Promise<StoredStory[]> {
  if (query.shelf !== undefined) return db.getAllFromIndex('stories', 'shelves', query.shelf);
  if (query.fandom !== undefined) return db.getAllFromIndex('stories', 'fandoms', query.fandom);
  if (typeof query.rating === 'string') return db.getAllFromIndex('stories', 'rating', query.rating);
  if (query.status !== undefined) return db.getAllFromIndex('stories', 'status', query.status);
  return db.getAll('stories');
}

/**
 * The tests a story must pass for the filters this query sets, one per filter
 * set: none means the query filters nothing (and the list may be read through
 * a sort index), so a new filter is added here alone.
 */
function queryTests(query: LibraryQuery): Array<(story: StoredStory) => boolean> {
  const tests: Array<(story: StoredStory) => boolean> = [];
  const { shelf, fandom, rating, status } = query;
  if (shelf !== undefined) tests.push((story) => story.shelves.includes(shelf));
  if (fandom !== undefined) tests.push((story) => story.fandoms.includes(fandom));
  if (rating !== undefined) {
    const levels = Array.isArray(rating) ? rating : [rating];
    tests.push((story) => levels.includes(story.rating.level));
  }
  if (status !== undefined) tests.push((story) => story.status === status);
  if (query.unread) tests.push((story) => !story.read);
  return tests;
}

/** Sorts with an index of their own, by which a first page is read without reading every record. */
const SORT_INDEXES = { saved: 'savedAt', updated: 'updatedAt' } as const;

/**
 * The first `limit` records in an index's order, and after them every record
 * with the same key as the last: the list orders equal keys by title and id,
 * which the index does not know.
 */
async function firstInIndex(db: LibraryDB, index: 'savedAt' | 'updatedAt', direction: 'asc' | 'desc', limit: number): Promise<StoredStory[]> {
  const picked: StoredStory[] = [];
  let lastKey: IDBValidKey | undefined;
  let cursor = await db.transaction('stories').store.index(index).openCursor(null, direction === 'asc' ? 'next' : 'prev');
  while (cursor && (picked.length < limit || cursor.key === lastKey)) {
    picked.push(cursor.value);
    lastKey = cursor.key;
    cursor = await cursor.continue();
  }
  return picked;
}

/** The library list: filtered, sorted, optionally one page of it. */
export async function listStories(db: LibraryDB, query: LibraryQuery = {}): Promise<SavedStory[]> {
  const sort = query.sort ?? 'updated';
  const direction = query.direction ?? DEFAULT_DIRECTION[sort];
  const sign = direction === 'asc' ? 1 : -1;
  // The popup's "recently saved" at thousands of stories: a few records through the index, not every one.
  const index = sort === 'saved' || sort === 'updated' ? SORT_INDEXES[sort] : null;
  const tests = queryTests(query);
  const stories =
    index && tests.length === 0 && query.limit !== undefined && !query.offset
      ? await firstInIndex(db, index, direction, query.limit)
      : (await candidates(db, query)).filter((story) => tests.every((passes) => passes(story)));
  stories.sort((a, b) => {
    const x = sortKey(a, sort);
    const y = sortKey(b, sort);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return sign * order || a.keys.title.localeCompare(b.keys.title) || a.id.localeCompare(b.id);
  });
  const start = query.offset ?? 0;
  const end = query.limit === undefined ? undefined : start + query.limit;
  return stories.slice(start, end).map(fromStored);
}

/**
 * The most recently updated stories, newest first, read through the
 * updatedAt index: the library's first screen without reading every record.
 */
export async function newestStories(db: LibraryDB, limit: number): Promise<SavedStory[]> {
  const stories: SavedStory[] = [];
  let cursor = await db.transaction('stories').store.index('updatedAt').openCursor(null, 'prev');
  while (cursor && stories.length < limit) {
    stories.push(fromStored(cursor.value));
    cursor = stories.length < limit ? await cursor.continue() : null;
  }
  return stories;
}

/** Every story, in no particular order: for a view that sorts and filters in memory (listStories sorts). */
export async function allStories(db: LibraryDB): Promise<SavedStory[]> {
  return (await db.getAll('stories')).map(fromStored);
}

/** Deletes stories with their chapters and index entries; the result undoes it through restoreStories. */
export async function deleteStories(db: LibraryDB, ids: string[]): Promise<DeletedStories> {
  return inTransaction(db, async (tx) => {
    const deleted: DeletedStories = { stories: [], chapters: [] };
    const postings = new PostingsWriter(tx.objectStore('postings'));
    for (const id of new Set(ids)) {
      const old = await readOld(tx, id);
      if (!old.story) continue;
      deleted.stories.push(old.story);
      deleted.chapters.push(...old.chapters);
      await allRequests((add) => {
        add(tx.objectStore('stories').delete(id));
        for (const chapter of old.chapters) add(tx.objectStore('chapters').delete([id, chapter.index]));
      });
      postings.set(id, []);
    }
    if (deleted.stories.length) await finishWrites(tx, postings);
    return deleted;
  });
}

/**
 * Puts deleted stories back exactly as they were (undo). A story saved again
 * since it was deleted is left as it is now. Returns the ids restored.
 */
export async function restoreStories(db: LibraryDB, deleted: DeletedStories): Promise<string[]> {
  return inTransaction(db, async (tx) => {
    const restored: string[] = [];
    const postings = new PostingsWriter(tx.objectStore('postings'));
    for (const story of deleted.stories) {
      if (await tx.objectStore('stories').getKey(story.id)) continue;
      const chapters = deleted.chapters.filter((chapter) => chapter.storyId === story.id);
      await writeStory(tx, postings, story, chapters, []);
      restored.push(story.id);
    }
    if (restored.length) await finishWrites(tx, postings);
    return restored;
  });
}

export type MergeOutcome = 'added' | 'updated' | 'kept';

/**
 * Writes stories exactly as given (backup import), in one transaction. With
 * `onlyIfNewer`, a story whose saved copy has the same or a later updatedAt is
 * kept as it is. Returns what happened to each entry, in order.
 */
export async function putSavedStories(
  db: LibraryDB,
  entries: Array<{ story: SavedStory; chapters: SavedChapter[] }>,
  options: { onlyIfNewer?: boolean } = {},
): Promise<MergeOutcome[]> {
  if (entries.length === 0) return [];
  return inTransaction(db, async (tx) => {
    const outcomes: MergeOutcome[] = [];
    const postings = new PostingsWriter(tx.objectStore('postings'));
    for (const { story, chapters } of entries) {
      const current = await tx.objectStore('stories').get(story.id);
      if (current && options.onlyIfNewer && Date.parse(current.updatedAt) >= Date.parse(story.updatedAt)) {
        outcomes.push('kept');
        continue;
      }
      const oldIndexes = await tx.objectStore('chapters').index('storyId').getAllKeys(story.id);
      await writeStory(tx, postings, story, chapters, oldIndexes.map((key) => key[1]));
      outcomes.push(current ? 'updated' : 'added');
    }
    if (outcomes.some((outcome) => outcome !== 'kept')) await finishWrites(tx, postings);
    return outcomes;
  });
}

async function updateStory(db: LibraryDB, id: string, change: (story: SavedStory) => SavedStory): Promise<SavedStory> {
  const tx = db.transaction('stories', 'readwrite');
  const done = tx.done;
  done.catch(() => undefined);
  try {
    const stored = await tx.store.get(id);
    if (!stored) throw new LibraryError('not-found');
    const next = change(fromStored(stored));
    await tx.store.put(toStored(next));
    await done;
    return next;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already finished
    }
    throw toLibraryError(error);
  }
}

/** Trimmed, without blanks or duplicates (case-insensitive), in the reader's order. */
export function normalizeShelves(shelves: string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const shelf of shelves) {
    const name = typeof shelf === 'string' ? shelf.trim().replace(/\s+/g, ' ') : '';
    if (name && !seen.has(name.toLocaleLowerCase())) {
      seen.add(name.toLocaleLowerCase());
      result.push(name);
    }
  }
  return result;
}

export function setShelves(db: LibraryDB, id: string, shelves: string[]): Promise<SavedStory> {
  return updateStory(db, id, (story) => ({ ...story, shelves: normalizeShelves(shelves) }));
}

export function setReadProgress(db: LibraryDB, id: string, chapter: number, fraction: number): Promise<SavedStory> {
  if (!Number.isInteger(chapter) || chapter < 1) return Promise.reject(new LibraryError('invalid', 'That chapter does not exist.'));
  const clamped = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  return updateStory(db, id, (story) => ({ ...story, read: { chapter, fraction: clamped, at: new Date().toISOString() } }));
}

export async function libraryStats(db: LibraryDB): Promise<LibraryStats> {
  // One bulk read: a cursor's round trip per record cost more than reading them all at once.
  const stories = await db.getAll('stories');
  return { count: stories.length, bytes: stories.reduce((sum, story) => sum + (story.bytes ?? 0), 0) };
}

/** How many chapters the site now lists beyond the saved copy (pure). */
export function newChapterCount(saved: SavedStory, current: Story | Blurb): number {
  const savedListed = listedCount(saved.chapterCount, saved.toc);
  const currentChapters = 'chapters' in current ? current.chapters : [];
  const currentListed = listedCount(current.chapterCount, currentChapters.map((c) => ({ index: c.index })));
  return Math.max(0, currentListed - savedListed);
}
