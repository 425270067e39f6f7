import type { Blurb, Chapter, RatingLevel, StoryStatus } from '../story';

/**
 * What the offline library keeps (design.md, "library/"; issue 5).
 * Stories (metadata) and chapters (sanitised HTML and text) are stored apart so
 * the library list never loads story text.
 */

export interface ReadProgress {
  /** 1-based chapter index the reader was in. */
  chapter: number;
  /** How far through that chapter, 0..1. */
  fraction: number;
  /** ISO timestamp. */
  at: string;
}

export interface TocEntry {
  index: number;
  title?: string;
  url?: string;
}

export interface SavedStory extends Blurb {
  /** ISO timestamp of the first save. */
  savedAt: string;
  /** ISO timestamp of the last change to the saved copy (save, update, new chapters). */
  updatedAt: string;
  /** The site's own "updated" date when last saved (YYYY-MM-DD). */
  sourceUpdated?: string;
  /** Every listed chapter is saved. */
  complete: boolean;
  /** Chapter indexes the site lists that are not saved (a partial save). */
  missing: number[];
  savedChapters: number;
  /** Reader-named shelves ("to read", "favourites"). */
  shelves: string[];
  read?: ReadProgress;
  /** Approximate storage used by the story and its chapters (UTF-8 bytes). */
  bytes: number;
  /** Every chapter the site lists, saved or not. */
  toc: TocEntry[];
}

/** A chapter as the library stores it: the Story model's chapter under its story's id (its HTML is sanitised again by the page that renders it). */
export interface SavedChapter extends Chapter {
  storyId: string;
}

export type LibrarySort = 'updated' | 'saved' | 'title' | 'author' | 'words';

export interface LibraryQuery {
  /** Default 'updated' (the saved copy's updatedAt). */
  sort?: LibrarySort;
  /** Default: newest/largest first for updated, saved and words; A→Z for title and author. */
  direction?: 'asc' | 'desc';
  fandom?: string;
  /** One level or any of several. */
  rating?: RatingLevel | RatingLevel[];
  status?: StoryStatus;
  /** Only stories with no read progress. */
  unread?: boolean;
  shelf?: string;
  offset?: number;
  limit?: number;
}

/** What deleteStories removed, kept by the caller to undo with restoreStories. */
export interface DeletedStories {
  stories: SavedStory[];
  chapters: SavedChapter[];
}

export interface LibraryStats {
  count: number;
  bytes: number;
}

export type LibraryErrorCode = 'quota' | 'not-found' | 'invalid';

const MESSAGES: Record<LibraryErrorCode, string> = {
  quota: 'Your browser has no room left for more stories. Nothing was changed.',
  'not-found': 'This story is not in your library.',
  invalid: 'This story could not be saved: its data is incomplete.',
};

/** The one error the library throws; `message` is written for the reader. */
export class LibraryError extends Error {
  readonly code: LibraryErrorCode;
  /** Technical detail for logs, never shown to the reader. */
  readonly detail?: string;

  constructor(code: LibraryErrorCode, message?: string, detail?: string) {
    super(message ?? MESSAGES[code]);
    this.name = 'LibraryError';
    this.code = code;
    this.detail = detail;
  }
}

export function isLibraryError(error: unknown): error is LibraryError {
  return error instanceof LibraryError;
}
