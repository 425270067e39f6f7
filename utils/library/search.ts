import MiniSearch from 'minisearch';
import type { IDBPDatabase, IDBPObjectStore, StoreNames } from 'idb';
import type { LibrarySchema, PostingGroup, StoredStory } from './schema';
import type { SavedStory } from './types';

/**
 * Library search. Metadata (title, authors, fandoms, tags, relationships,
 * characters) lives in a MiniSearch index kept in memory and rebuilt from the
 * stories store only when the library's revision changed. Full text (summary and
 * chapters) lives in the persisted `postings` store, written in the same
 * transaction as each save or delete, so a search reads a few index ranges and
 * never chapter text. A posting group holds one story's terms that share their
 * first two letters: a save writes a few hundred groups at most (one per prefix
 * its text uses) instead of one record per distinct word, and a search reads
 * the groups of one prefix.
 */

export type SearchField = 'title' | 'author' | 'fandom' | 'tags' | 'text';

export interface SearchHit {
  id: string;
  score: number;
  where: SearchField[];
}

export interface SearchOptions {
  /** Most hits returned, best first (default 200). */
  limit?: number;
}

const MIN_WORD = 2;
const MAX_WORD = 40;
/** A last word shorter than this is matched whole: a two-letter prefix would read most of the index. */
const MIN_PREFIX = 3;
/** Letters of the prefix postings are grouped by; must stay below MIN_PREFIX so a typed prefix falls in one group. */
const PREFIX_LENGTH = 2;

/** Lower-case, strip diacritics, split on anything that is not a letter; keeps words of 2+ letters. Shared by indexing and querying. */
export function tokenize(text: string): string[] {
  if (!text) return [];
  const folded = text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  const words: string[] = [];
  // A hand-written scan: splitting a long chapter with /\P{L}+/u took most of a save's CPU time.
  let start = -1;
  for (let i = 0; i <= folded.length; i++) {
    const width = i < folded.length ? letterWidth(folded, i) : 0;
    if (width > 0) {
      if (start < 0) start = i;
      i += width - 1;
      continue;
    }
    if (start >= 0) {
      const length = i - start;
      if (length >= MIN_WORD && length <= MAX_WORD) words.push(folded.slice(start, i));
      start = -1;
    }
  }
  return words;
}

const LETTER = /^\p{L}$/u;
/** Whether each BMP code unit is a letter: 0 not yet known, 1 letter, 2 not a letter. */
const bmpLetters = new Uint8Array(0x10000);

/** UTF-16 units of the letter starting at `i`, or 0 when no letter starts there (a lone surrogate is not one). */
function letterWidth(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit < 0x80) return (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a) ? 1 : 0;
  if (unit >= 0xd800 && unit <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    if (!(next >= 0xdc00 && next <= 0xdfff)) return 0;
    return LETTER.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  let known = bmpLetters[unit]!;
  if (known === 0) bmpLetters[unit] = known = LETTER.test(text[i]!) ? 1 : 2;
  return known === 1 ? 1 : 0;
}

/** How often each term occurs across the given texts. */
export function countTerms(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const term of tokenize(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

type WriteStore<Name extends StoreNames<LibrarySchema>> = IDBPObjectStore<
  LibrarySchema,
  ArrayLike<StoreNames<LibrarySchema>>,
  Name,
  'readwrite'
>;

/**
 * Issues several IndexedDB requests and waits for all. If issuing one throws
 * (a value that cannot be cloned, a transaction already aborted), the requests
 * already issued fail with the aborted transaction: their rejections are
 * absorbed here so only the first error reaches the caller.
 */
export async function allRequests(issue: (add: (request: Promise<unknown>) => void) => void): Promise<void> {
  const pending: Promise<unknown>[] = [];
  try {
    issue((request) => pending.push(request));
  } catch (error) {
    for (const request of pending) request.catch(() => undefined);
    throw error;
  }
  await Promise.all(pending);
}

/** The key a term's postings are grouped under: its first two letters (UTF-16 units, the same for a query word and every term it prefixes). */
export function termPrefix(term: string): string {
  return term.slice(0, PREFIX_LENGTH);
}

/** Term counts grouped by prefix: prefix → (term → count). */
export function groupByPrefix(counts: Iterable<[string, number]>): Map<string, Record<string, number>> {
  const groups = new Map<string, Record<string, number>>();
  for (const [term, n] of counts) {
    const prefix = termPrefix(term);
    let group = groups.get(prefix);
    if (!group) groups.set(prefix, (group = {}));
    group[term] = n;
  }
  return groups;
}

/** The count stored for `term` in a group; own properties only, since a term such as "constructor" is also an Object.prototype key. */
export function termCount(group: PostingGroup, term: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(group.terms, term) ? group.terms[term] : undefined;
}

/** Makes the story's postings exactly `counts` (inside the caller's transaction): one put per prefix its text uses. */
export async function writePostings(postings: WriteStore<'postings'>, id: string, counts: Map<string, number>): Promise<void> {
  const groups = groupByPrefix(counts);
  const oldKeys = await postings.index('id').getAllKeys(id);
  await allRequests((add) => {
    for (const key of oldKeys) if (!groups.has(key[0])) add(postings.delete(key));
    for (const [prefix, terms] of groups) add(postings.put({ prefix, id, terms }));
  });
}

export async function deletePostings(postings: WriteStore<'postings'>, id: string): Promise<void> {
  const keys = await postings.index('id').getAllKeys(id);
  await allRequests((add) => keys.forEach((key) => add(postings.delete(key))));
}

/** Marks the metadata index stale for every context (inside the caller's transaction). */
export async function bumpRevision(meta: WriteStore<'meta'>): Promise<void> {
  const current = await meta.get('revision');
  await meta.put({ key: 'revision', value: (current?.value ?? 0) + 1 });
}

interface MetadataDoc {
  id: string;
  title: string;
  authors: string;
  fandoms: string;
  tags: string;
}

const FIELD_WHERE: Record<string, SearchField> = { title: 'title', authors: 'author', fandoms: 'fandom', tags: 'tags' };

function metadataDoc(story: SavedStory): MetadataDoc {
  return {
    id: story.id,
    title: story.title,
    authors: story.authors.map((a) => a.name).join(' '),
    fandoms: story.fandoms.join(' '),
    tags: [...story.tags, ...story.relationships, ...story.characters].join(' '),
  };
}

function newMetadataIndex(): MiniSearch<MetadataDoc> {
  return new MiniSearch<MetadataDoc>({
    fields: ['title', 'authors', 'fandoms', 'tags'],
    storeFields: [],
    tokenize,
    processTerm: (term) => term,
    searchOptions: { boost: { title: 3, authors: 2, fandoms: 1.5, tags: 1 } },
  });
}

const metadataCache = new WeakMap<object, { revision: number; index: MiniSearch<MetadataDoc> }>();

async function metadataIndex(db: IDBPDatabase<LibrarySchema>): Promise<MiniSearch<MetadataDoc>> {
  const revision = (await db.get('meta', 'revision'))?.value ?? 0;
  const cached = metadataCache.get(db);
  if (cached && cached.revision === revision) return cached.index;
  const index = newMetadataIndex();
  const stories: StoredStory[] = await db.getAll('stories');
  index.addAll(stories.map(metadataDoc));
  metadataCache.set(db, { revision, index });
  return index;
}

/** One query word's matches: story id → score and where it matched. */
type WordHits = Map<string, { score: number; where: Set<SearchField> }>;

function addHit(hits: WordHits, id: string, score: number, where: SearchField[]): void {
  const hit = hits.get(id) ?? { score: 0, where: new Set<SearchField>() };
  hit.score += score;
  for (const field of where) hit.where.add(field);
  hits.set(id, hit);
}

/** The score of each text match: story ids with how often the word occurs, or 0 for a longer word it only prefixes. */
async function textMatches(db: IDBPDatabase<LibrarySchema>, word: string, prefix: boolean): Promise<Array<[string, number]>> {
  // Arrays sort after strings in IndexedDB, so [p, []] bounds every [p, id].
  const group = termPrefix(word);
  const groups: PostingGroup[] = await db.getAll('postings', IDBKeyRange.bound([group], [group, []]));
  const matches: Array<[string, number]> = [];
  for (const posting of groups) {
    if (!prefix) {
      const n = termCount(posting, word);
      if (n !== undefined) matches.push([posting.id, n]);
      continue;
    }
    for (const term in posting.terms) {
      if (term.startsWith(word)) matches.push([posting.id, term === word ? posting.terms[term]! : 0]);
    }
  }
  return matches;
}

async function wordHits(
  db: IDBPDatabase<LibrarySchema>,
  metadata: MiniSearch<MetadataDoc>,
  word: string,
  prefix: boolean,
): Promise<WordHits> {
  const hits: WordHits = new Map();
  for (const result of metadata.search(word, { prefix })) {
    const fields = new Set(Object.values(result.match).flat());
    const where = [...fields].map((field) => FIELD_WHERE[field]).filter((field): field is SearchField => field !== undefined);
    addHit(hits, String(result.id), result.score, where);
  }
  for (const [id, exactCount] of await textMatches(db, word, prefix)) {
    addHit(hits, id, exactCount > 0 ? 1 + Math.log(exactCount) : 0.7, ['text']);
  }
  return hits;
}

/**
 * Stories matching every word of the query, best first. The last word also
 * matches as a prefix (search as you type).
 */
export async function searchLibrary(
  db: IDBPDatabase<LibrarySchema>,
  query: string,
  options: SearchOptions = {},
): Promise<SearchHit[]> {
  const words = [...new Set(tokenize(query))];
  if (words.length === 0) return [];
  const metadata = await metadataIndex(db);
  const last = words.length - 1;
  const perWord = await Promise.all(
    words.map((word, i) => wordHits(db, metadata, word, i === last && word.length >= MIN_PREFIX)),
  );
  perWord.sort((a, b) => a.size - b.size);
  const [rarest, ...others] = perWord as [WordHits, ...WordHits[]];
  const hits: SearchHit[] = [];
  for (const [id, first] of rarest) {
    let score = first.score;
    const where = new Set(first.where);
    let everyWord = true;
    for (const other of others) {
      const hit = other.get(id);
      if (!hit) {
        everyWord = false;
        break;
      }
      score += hit.score;
      for (const field of hit.where) where.add(field);
    }
    if (everyWord) hits.push({ id, score, where: WHERE_ORDER.filter((field) => where.has(field)) });
  }
  hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  return hits.slice(0, options.limit ?? 200);
}

const WHERE_ORDER: SearchField[] = ['title', 'author', 'fandom', 'tags', 'text'];
