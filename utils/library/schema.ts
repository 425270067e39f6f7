import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { RatingLevel, StoryStatus } from '../story';
import type { SavedChapter, SavedStory } from './types';
import { countTerms } from './search';

/**
 * The library's IndexedDB schema. Every extension context (background, popup,
 * options, library and reader pages) opens the same database through openLibrary.
 * Versions only go up: each version is one entry in MIGRATIONS.
 */

export const DB_NAME = 'ficshelf-library';

/** Keys derived from a story for the indexes (kept inside the record because IndexedDB indexes key paths only). */
export interface StoryKeys {
  /** Lower-cased title, for sorting A→Z. */
  title: string;
  /** Lower-cased author names. */
  authors: string[];
}

/** A story as stored: the SavedStory plus its index keys (stripped before it leaves the store). */
export type StoredStory = SavedStory & { keys: StoryKeys };

/** One full-text posting: `term` occurs `n` times in story `id` (summary and chapter text). */
export interface Posting {
  term: string;
  id: string;
  n: number;
}

export interface LibrarySchema extends DBSchema {
  stories: {
    key: string;
    value: StoredStory;
    indexes: {
      savedAt: string;
      updatedAt: string;
      title: string;
      fandoms: string;
      rating: RatingLevel;
      status: StoryStatus;
      authors: string;
      shelves: string;
    };
  };
  chapters: {
    key: [string, number];
    value: SavedChapter;
    indexes: { storyId: string };
  };
  /** Inverted full-text index, key [term, story id]: search never reads chapter text. */
  postings: {
    key: [string, string];
    value: Posting;
    indexes: { id: string };
  };
  /** Small bookkeeping records, e.g. the revision that tells search its in-memory index is stale. */
  meta: {
    key: string;
    value: { key: string; value: number };
  };
}

type AnyDB = IDBPDatabase<any>;
type UpgradeTx = IDBPTransaction<any, ArrayLike<StoreNames<any>>, 'versionchange'>;

/** One migration per version: MIGRATIONS[n] upgrades a database from version n to n + 1. */
export type Migration = (db: AnyDB, tx: UpgradeTx) => void | Promise<void>;

/** v1: stories and chapters apart, with the indexes the library sorts and filters by. */
function createInitialStores(db: AnyDB): void {
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
}

/**
 * v2: shelves (an index, and `shelves: []` on stories saved before shelves existed)
 * and the persisted full-text index, built here from the chapters already saved.
 */
async function addShelvesAndFullText(db: AnyDB, tx: UpgradeTx): Promise<void> {
  const stories = tx.objectStore('stories');
  stories.createIndex('shelves', 'shelves', { multiEntry: true });
  const postings = db.createObjectStore('postings', { keyPath: ['term', 'id'] });
  postings.createIndex('id', 'id');
  db.createObjectStore('meta', { keyPath: 'key' });

  const texts = new Map<string, string[]>();
  for (let cursor = await stories.openCursor(); cursor; cursor = await cursor.continue()) {
    const story = cursor.value as StoredStory;
    texts.set(story.id, [story.summary ?? '']);
    if (!Array.isArray(story.shelves)) await cursor.update({ ...story, shelves: [] });
  }
  for (let cursor = await tx.objectStore('chapters').openCursor(); cursor; cursor = await cursor.continue()) {
    const chapter = cursor.value as SavedChapter;
    texts.get(chapter.storyId)?.push(chapter.text ?? '');
  }
  for (const [id, parts] of texts) {
    for (const [term, n] of countTerms(parts)) postings.put({ term, id, n });
  }
  await tx.objectStore('meta').put({ key: 'revision', value: 1 });
}

export const MIGRATIONS: Migration[] = [createInitialStores, addShelvesAndFullText];

export const DB_VERSION = MIGRATIONS.length;

/** Opens (creating or upgrading) the library database. */
export function openLibrary(name = DB_NAME): Promise<IDBPDatabase<LibrarySchema>> {
  return openDB<LibrarySchema>(name, DB_VERSION, {
    // Runs each pending migration in order inside the one versionchange transaction;
    // migrations only await IndexedDB requests, so the transaction stays open.
    async upgrade(db, oldVersion, _newVersion, tx) {
      for (let version = oldVersion; version < DB_VERSION; version++) {
        await MIGRATIONS[version]!(db as unknown as AnyDB, tx as unknown as UpgradeTx);
      }
    },
    blocking(_current, _next, event) {
      // Another context wants a newer schema: let it upgrade instead of hanging.
      (event.target as IDBDatabase | null)?.close();
    },
  });
}
