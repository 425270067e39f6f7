import type { RatingLevel, StoryStatus } from '@/utils/story';
import type { LibraryStats, SavedStory } from '@/utils/library/types';
import { updatedDate } from './format';

/**
 * The library view's filters and sort, applied to the stories in memory. Pure.
 * The view keeps every story's metadata loaded (a few KB each, fine at
 * thousands), so filtering and sorting follow each keystroke without a
 * database round trip; only the full-text search goes to the index.
 */

export type SortKey = 'updated' | 'saved' | 'title' | 'author' | 'words' | 'relevance';

export interface LibraryFilters {
  fandom: string;
  rating: RatingLevel | '';
  status: StoryStatus | '';
  unread: boolean;
  shelf: string;
}

export const NO_FILTERS: LibraryFilters = { fandom: '', rating: '', status: '', unread: false, shelf: '' };

/** Shelves a reader starts with; their own names join these. */
export const DEFAULT_SHELVES = ['to read', 'favourites'];

/** A story counts as unread until the reader has opened it in the offline reader. */
export function isUnread(story: SavedStory): boolean {
  return !story.read;
}

export function matchesFilters(story: SavedStory, f: LibraryFilters): boolean {
  if (f.fandom && !story.fandoms.includes(f.fandom)) return false;
  if (f.rating && story.rating.level !== f.rating) return false;
  if (f.status && story.status !== f.status) return false;
  if (f.unread && !isUnread(story)) return false;
  if (f.shelf && !(story.shelves ?? []).includes(f.shelf)) return false;
  return true;
}

export function hasFilters(f: LibraryFilters): boolean {
  return !!(f.fandom || f.rating || f.status || f.unread || f.shelf);
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const firstAuthor = (s: SavedStory) => s.authors[0]?.name ?? '';
/** Newest first for dates; a story without the date sorts last. */
const byDateDesc = (a?: string, b?: string) => (b ?? '').localeCompare(a ?? '');

const COMPARE: Record<Exclude<SortKey, 'relevance'>, (a: SavedStory, b: SavedStory) => number> = {
  updated: (a, b) => byDateDesc(updatedDate(a), updatedDate(b)),
  saved: (a, b) => byDateDesc(a.savedAt, b.savedAt),
  title: (a, b) => collator.compare(a.title, b.title),
  author: (a, b) => collator.compare(firstAuthor(a), firstAuthor(b)) || collator.compare(a.title, b.title),
  words: (a, b) => (b.words ?? 0) - (a.words ?? 0),
};

/**
 * The stories to show, in order. With a search, `ranked` holds the matching
 * ids best first: 'relevance' keeps that order, any other sort reorders the matches.
 */
export function visibleStories(all: SavedStory[], filters: LibraryFilters, sort: SortKey, ranked?: string[] | null): SavedStory[] {
  let stories: SavedStory[];
  if (ranked) {
    const byId = new Map(all.map((s) => [s.id, s]));
    stories = ranked.map((id) => byId.get(id)).filter((s): s is SavedStory => !!s);
  } else stories = all.slice();
  stories = stories.filter((s) => matchesFilters(s, filters));
  if (sort === 'relevance') return ranked ? stories : stories.sort(COMPARE.updated);
  // Ties keep a stable, readable order.
  return stories.sort((a, b) => COMPARE[sort](a, b) || collator.compare(a.title, b.title));
}

/** Every fandom in the library, for the filter menu, alphabetical. */
export function fandomsIn(stories: SavedStory[]): string[] {
  return [...new Set(stories.flatMap((s) => s.fandoms))].sort(collator.compare);
}

/** The reader's shelves: the defaults, then any name used on a story. */
export function shelvesIn(stories: SavedStory[]): string[] {
  const used = new Set(stories.flatMap((s) => s.shelves ?? []));
  const own = [...used].filter((s) => !DEFAULT_SHELVES.includes(s)).sort(collator.compare);
  return [...DEFAULT_SHELVES, ...own];
}

/** A shelf name as the reader typed it, tidied: one line, single spaces, not too long. */
export function cleanShelfName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, 60);
}

/** How many stories and how much storage: what the library's head says, from the list already in memory. */
export function statsOf(stories: SavedStory[]): LibraryStats {
  let bytes = 0;
  for (const story of stories) bytes += story.bytes ?? 0;
  return { count: stories.length, bytes };
}
