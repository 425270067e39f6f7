import MiniSearch from 'minisearch';
import type { IDBPDatabase, IDBPObjectStore, StoreNames } from 'idb';
import type { LibrarySchema, PostingShard, StoredStory } from './schema';
import type { SavedStory } from './types';

/**
 * Library search. Metadata (title, authors, fandoms, tags, relationships,
 * characters) lives in a MiniSearch index kept in memory and rebuilt from the
 * stories store only when the library's revision changed. Full text (summary and
 * chapters) lives in the persisted `postings` store, written in the same
 * transaction as each save or delete, so a search never reads chapter text.
 * Postings are sharded by the term's first two letters and by a bucket of
 * story ids (64): a search reads the 64 shards of one prefix, whatever the
 * number of stories (one record per story was too many reads at 5,000), and
 * a save rewrites the shards of its story's bucket that its text uses.
 * (Shards of one letter were fewer writes per save but made a search read
 * ~1/20 of the whole index: 8 MB for a "t" word at 5,000 stories.)
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
/** A last word shorter than this is matched whole: a two-letter prefix would match most of the index. */
const MIN_PREFIX = 3;

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

/**
 * Buckets the postings are spread over by story id. Fixed for the life of the
 * schema: changing it means a migration that rewrites every shard.
 */
export const POSTING_BUCKETS = 64;

/** Letters of the prefix a term is filed under; must stay below MIN_PREFIX so a typed prefix falls in one shard. */
const PREFIX_LENGTH = 2;

/** The prefix a term is filed under: its first two UTF-16 units (the same for a query word and every term it prefixes). */
export function termPrefix(term: string): string {
  return term.slice(0, PREFIX_LENGTH);
}

/** The bucket of a story's postings: FNV-1a of its id, so the same id always lands in the same shards. */
export function storyBucket(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % POSTING_BUCKETS;
}

/*
 * A shard's text: one line per story, "\n<id>\t<term>:<n>\t<term>:<n>…", ids
 * URI-encoded so they hold no tab or newline, terms being letters only. A
 * search finds "\t<word>" with indexOf and the story by the line it is on.
 */
const storyKey = (id: string) => encodeURIComponent(id);

/** A story's lines, one per prefix its terms start with. */
export function storyLines(id: string, counts: Iterable<[string, number]>): Map<string, string> {
  const key = storyKey(id);
  const parts = new Map<string, string[]>();
  for (const [term, n] of counts) {
    const prefix = termPrefix(term);
    let line = parts.get(prefix);
    if (!line) parts.set(prefix, (line = [`\n${key}`]));
    line.push(`${term}:${n}`);
  }
  const lines = new Map<string, string>();
  for (const [prefix, line] of parts) lines.set(prefix, line.join('\t'));
  return lines;
}

/** The shard's text without the story's line. */
function withoutLine(lines: string, key: string): string {
  const start = lines.indexOf(`\n${key}\t`);
  if (start < 0) return lines;
  const end = lines.indexOf('\n', start + 1);
  return end < 0 ? lines.slice(0, start) : lines.slice(0, start) + lines.slice(end);
}

/**
 * Collects the postings changes of one transaction and writes them per bucket:
 * each bucket touched is read once (one request for all its shards) and each
 * shard that changed is written once, however many stories of the bucket the
 * transaction saved or deleted.
 */
export class PostingsWriter {
  private readonly changes = new Map<number, Map<string, Map<string, string>>>();

  constructor(private readonly postings: WriteStore<'postings'>) {}

  /** The story's postings become exactly `counts` (empty: none, as for a deleted story). */
  set(id: string, counts: Iterable<[string, number]>): void {
    const bucket = storyBucket(id);
    let stories = this.changes.get(bucket);
    if (!stories) this.changes.set(bucket, (stories = new Map()));
    stories.set(storyKey(id), storyLines(id, counts));
    this.ids.add(id);
  }

  /** Every story given to set() since the writer was made. */
  readonly ids = new Set<string>();

  async flush(): Promise<void> {
    const buckets = [...this.changes];
    this.changes.clear();
    const shards = await Promise.all(buckets.map(([bucket]) => this.postings.index('bucket').getAll(bucket)));
    await allRequests((add) => {
      buckets.forEach(([bucket, stories], i) => {
        const byPrefix = new Map(shards[i]!.map((shard) => [shard.prefix, shard.lines]));
        const changed = new Set<string>();
        for (const [prefix, lines] of byPrefix) {
          let next = lines;
          for (const key of stories.keys()) next = withoutLine(next, key);
          if (next !== lines) (byPrefix.set(prefix, next), changed.add(prefix));
        }
        for (const lines of stories.values()) {
          for (const [prefix, line] of lines) {
            byPrefix.set(prefix, (byPrefix.get(prefix) ?? '') + line);
            changed.add(prefix);
          }
        }
        for (const prefix of changed) {
          const lines = byPrefix.get(prefix)!;
          add(lines ? this.postings.put({ prefix, bucket, lines }) : this.postings.delete([prefix, bucket]));
        }
      });
    });
  }
}

/** Makes the story's postings exactly `counts` (inside the caller's transaction). */
export async function writePostings(postings: WriteStore<'postings'>, id: string, counts: Iterable<[string, number]>): Promise<void> {
  const writer = new PostingsWriter(postings);
  writer.set(id, counts);
  await writer.flush();
}

/** Every term → count the index holds for a story (for checks: search never reads a story's postings whole). */
export async function storyTerms(db: IDBPDatabase<LibrarySchema>, id: string): Promise<Map<string, number>> {
  const key = `\n${storyKey(id)}\t`;
  const terms = new Map<string, number>();
  for (const shard of await db.getAllFromIndex('postings', 'bucket', storyBucket(id))) {
    const start = shard.lines.indexOf(key);
    if (start < 0) continue;
    const end = shard.lines.indexOf('\n', start + 1);
    const line = shard.lines.slice(start + key.length, end < 0 ? undefined : end);
    for (const entry of line.split('\t')) {
      const colon = entry.lastIndexOf(':');
      terms.set(entry.slice(0, colon), Number(entry.slice(colon + 1)));
    }
  }
  return terms;
}

/** Marks the metadata index stale for every context (inside the caller's transaction). */
export async function bumpRevision(meta: WriteStore<'meta'>, changed: Iterable<string> = []): Promise<void> {
  const current = await meta.get('revision');
  const revision = (current?.value ?? 0) + 1;
  await allRequests((add) => {
    add(meta.put({ key: 'revision', value: revision }));
    // Which stories this revision changed, so an index one revision behind updates them instead of reading every story.
    add(meta.put({ key: changeKey(revision), value: revision, ids: [...changed] }));
    if (revision > CHANGES_KEPT) add(meta.delete(IDBKeyRange.bound(CHANGE_PREFIX, changeKey(revision - CHANGES_KEPT), false, true)));
  });
}

/** Revisions whose changed ids are kept: an index further behind is rebuilt whole. */
const CHANGES_KEPT = 1000;
const CHANGE_PREFIX = 'changed:';
/** Zero-padded so the keys sort by revision. */
const changeKey = (revision: number) => `${CHANGE_PREFIX}${String(revision).padStart(12, '0')}`;

/** The ids changed after revision `from` up to `to`, or null when the log does not cover every one of those revisions. */
async function changedSince(db: IDBPDatabase<LibrarySchema>, from: number, to: number): Promise<Set<string> | null> {
  const entries = await db.getAll('meta', IDBKeyRange.bound(changeKey(from + 1), changeKey(to)));
  if (entries.length !== to - from) return null;
  const ids = new Set<string>();
  for (const entry of entries) {
    if (!entry.ids) return null;
    for (const id of entry.ids) ids.add(id);
  }
  return ids;
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
  if (cached && cached.revision < revision) {
    // A save or delete since: update the stories it changed, not the whole index (every story record is a long read at thousands).
    const changed = await changedSince(db, cached.revision, revision);
    if (changed) {
      const stories = await Promise.all([...changed].map((id) => db.get('stories', id)));
      for (const id of changed) if (cached.index.has(id)) cached.index.discard(id);
      for (const story of stories) if (story) cached.index.add(metadataDoc(story));
      cached.revision = revision;
      return cached.index;
    }
  }
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
  const filed = termPrefix(word);
  const shards: PostingShard[] = await db.getAll('postings', IDBKeyRange.bound([filed, 0], [filed, POSTING_BUCKETS]));
  const needle = `\t${word}`;
  const matches: Array<[string, number]> = [];
  for (const { lines } of shards) {
    for (let at = lines.indexOf(needle); at >= 0; at = lines.indexOf(needle, at + needle.length)) {
      const after = at + needle.length;
      const exact = lines.charCodeAt(after) === 0x3a; // ':' ends the term
      if (!exact && !prefix) continue;
      const lineStart = lines.lastIndexOf('\n', at);
      const id = decodeURIComponent(lines.slice(lineStart + 1, lines.indexOf('\t', lineStart)));
      matches.push([id, exact ? Number(lines.slice(after + 1, termEnd(lines, after + 1))) : 0]);
    }
  }
  return matches;
}

/** Where the count that starts at `from` ends: the next tab or newline, or the end of the shard. */
function termEnd(lines: string, from: number): number {
  let end = from;
  while (end < lines.length) {
    const code = lines.charCodeAt(end);
    if (code === 0x09 || code === 0x0a) break;
    end++;
  }
  return end;
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
