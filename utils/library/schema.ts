import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { RatingLevel, StoryStatus } from '../story';
import type { SavedChapter, SavedStory } from './types';
import { countTerms, PostingsWriter, storyBucket, storyLines } from './search';

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

/** v2's full-text posting, one record per term and story: `term` occurs `n` times in story `id`. Only the v3 migration reads these. */
interface TermPosting {
  term: string;
  id: string;
  n: number;
}

/** v3's postings: one story's terms that start with `prefix` (their first two letters) → occurrences. Only the v4 migration reads these. */
interface PostingGroup {
  prefix: string;
  id: string;
  terms: Record<string, number>;
}

/**
 * Full-text postings of the stories in one bucket (search.ts: storyBucket)
 * for the terms that start with `prefix` (two letters): one line per story (search.ts).
 */
export interface PostingShard {
  prefix: string;
  bucket: number;
  lines: string;
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
  /** Inverted full-text index, key [first two letters of the terms, bucket of story ids]: search never reads chapter text. */
  postings: {
    key: [string, number];
    value: PostingShard;
    indexes: { bucket: number };
  };
  /** Small bookkeeping records, e.g. the revision that tells search its in-memory index is stale. */
  meta: {
    key: string;
    /** `ids`: on a change-log record ("changed:<revision>"), the stories that revision saved or deleted. */
    value: { key: string; value: number; ids?: string[] };
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

/** Visits every record of a store in key order, CONVERT_BATCH records per request (memory stays bounded). */
async function inKeyOrder<T>(tx: UpgradeTx, store: string, keyOf: (record: T) => IDBValidKey, visit: (record: T) => void): Promise<void> {
  let range: IDBKeyRange | undefined;
  for (;;) {
    const batch = (await tx.objectStore(store).getAll(range, CONVERT_BATCH)) as T[];
    for (const record of batch) visit(record);
    if (batch.length < CONVERT_BATCH) return;
    range = IDBKeyRange.lowerBound(keyOf(batch[batch.length - 1]!), true);
  }
}

/** v3 grouped postings by the first two letters of the term. */
const v3Prefix = (term: string) => term.slice(0, 2);

/** v2's store, renamed while v3 converts it (a store's name can only be taken once the old one has let go of it). */
const V2_POSTINGS = 'postings-v2';
/** v2 postings read per request: large enough to keep requests few, small enough to bound memory. */
const CONVERT_BATCH = 20_000;

/**
 * v3: postings grouped per story and term prefix (see search.ts), so a save
 * writes one record per prefix instead of one per distinct word. v2's records
 * come in term order, so all terms of one prefix arrive together: each prefix's
 * groups are written as soon as the next prefix starts. A story the v2 index
 * did not hold (nothing indexed, or written around the store) is indexed from
 * its chapters.
 */
async function groupPostingsByPrefix(db: AnyDB, tx: UpgradeTx): Promise<void> {
  const old = tx.objectStore('postings');
  old.name = V2_POSTINGS;
  const groups = db.createObjectStore('postings', { keyPath: ['prefix', 'id'] });
  groups.createIndex('id', 'id');

  const indexed = new Set<string>();
  let prefix = '';
  let pending = new Map<string, Record<string, number>>();
  const flush = () => {
    for (const [id, terms] of pending) groups.put({ prefix, id, terms });
    pending = new Map();
  };
  await inKeyOrder<TermPosting>(tx, V2_POSTINGS, (last) => [last.term, last.id], ({ term, id, n }) => {
    if (v3Prefix(term) !== prefix) {
      flush();
      prefix = v3Prefix(term);
    }
    indexed.add(id);
    const terms = pending.get(id) ?? {};
    terms[term] = n;
    pending.set(id, terms);
  });
  flush();
  db.deleteObjectStore(V2_POSTINGS);
  await indexMissingStories(tx, indexed, (id, counts) => {
    const groups = new Map<string, Record<string, number>>();
    for (const [term, n] of counts) {
      const group = groups.get(v3Prefix(term)) ?? {};
      group[term] = n;
      groups.set(v3Prefix(term), group);
    }
    for (const [prefix, terms] of groups) tx.objectStore('postings').put({ prefix, id, terms });
  });
}

/** Indexes, from their chapters, the stories whose ids are not in `indexed` (v3 and v4 migrations). */
async function indexMissingStories(tx: UpgradeTx, indexed: Set<string>, write: (id: string, counts: Map<string, number>) => void | Promise<void>): Promise<void> {
  const ids = (await tx.objectStore('stories').getAllKeys()) as string[];
  for (const id of ids) {
    if (indexed.has(id)) continue;
    const story = (await tx.objectStore('stories').get(id)) as StoredStory;
    const chapters = (await tx.objectStore('chapters').index('storyId').getAll(id)) as SavedChapter[];
    await write(id, countTerms([story.summary ?? '', ...chapters.map((chapter) => chapter.text ?? '')]));
  }
}

/** v3's store, renamed while v4 converts it. */
const V3_POSTINGS = 'postings-v3';

/**
 * v4: postings sharded by term prefix and a bucket of story ids (search.ts),
 * so a search reads 64 records of one prefix instead of one per story. v3's
 * groups come in [prefix, id] order: each is one story's line of its prefix,
 * and a prefix's shards are written when the next prefix starts.
 */
async function shardPostings(db: AnyDB, tx: UpgradeTx): Promise<void> {
  const old = tx.objectStore('postings');
  old.name = V3_POSTINGS;
  const shards = db.createObjectStore('postings', { keyPath: ['prefix', 'bucket'] });
  shards.createIndex('bucket', 'bucket');

  const indexed = new Set<string>();
  let prefix = '';
  let pending = new Map<number, string>();
  const flush = () => {
    for (const [bucket, lines] of pending) shards.put({ prefix, bucket, lines });
    pending = new Map();
  };
  await inKeyOrder<PostingGroup>(tx, V3_POSTINGS, (last) => [last.prefix, last.id], (group) => {
    if (group.prefix !== prefix) {
      flush();
      prefix = group.prefix;
    }
    indexed.add(group.id);
    const line = storyLines(group.id, Object.entries(group.terms)).get(prefix);
    const bucket = storyBucket(group.id);
    if (line) pending.set(bucket, (pending.get(bucket) ?? '') + line);
  });
  flush();
  db.deleteObjectStore(V3_POSTINGS);
  const writer = new PostingsWriter(shards as never);
  await indexMissingStories(tx, indexed, (id, counts) => writer.set(id, counts));
  await writer.flush();
}

export const MIGRATIONS: Migration[] = [createInitialStores, addShelvesAndFullText, groupPostingsByPrefix, shardPostings];

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
