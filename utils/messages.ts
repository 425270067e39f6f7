import type { Chapter, PageKind, Story } from './story';
import type { LibraryStats, SavedStory } from './library/types';

/** What a content script found on its page, as the background keeps it per tab. */
export interface PageReport {
  kind: PageKind;
  site: string | null;
  url: string;
  /** The extracted story, without its markup (storyWithoutHtml): the content script has no sanitiser. */
  story?: Story;
  /** Entries found on a listing page. */
  listingCount?: number;
  /** Listing entries the filters collapsed (sent again by the listing filter after it ran). */
  hiddenCount?: number;
  /** Why the story is covered by the shield; empty or absent when it shows. */
  covered?: string[];
}

export type Command = 'toggle-reader' | 'save' | 'reveal';

export type Message =
  | { type: 'ficshelf:page'; page: PageReport }
  | { type: 'ficshelf:tab-state'; tabId: number }
  | { type: 'ficshelf:enable-site'; tabId?: number; origin: string }
  | { type: 'ficshelf:command'; command: Command }
  /** From a content script (which cannot open it itself): show the options page. */
  | { type: 'ficshelf:open-options' }
  /** From a content script: run a part it needs only now (reader UI, saving, shield UI, episode guides) in its own frame. */
  | { type: 'ficshelf:load-part'; part: PagePart }
  | SaveMessage;

/**
 * Code a story page needs only sometimes, built as unlisted scripts
 * (`entrypoints/<part>-part.ts` → `/<part>-part.js`) and run on demand, so the
 * content script injected into every page stays small.
 */
export type PagePart = 'reader' | 'save' | 'shield' | 'guides' | 'generic';

/**
 * Saving a story (issue 5). The content script fetches; the background stores.
 * full: every chapter; resume: the chapters a partial save lacks; update: the
 * chapters the site added since the save.
 */
export type SaveMode = 'full' | 'resume' | 'update';

/** Where a save in a tab stands, for the page panel and the popup. */
export interface SaveProgress {
  storyId: string;
  title: string;
  mode: SaveMode;
  phase: 'fetching' | 'storing' | 'done' | 'cancelled' | 'error';
  /** Chapters fetched so far, and how many this save fetches. */
  done: number;
  total: number;
  /** The chapter last fetched (1-based), when known. */
  chapter?: number;
  /** The save asks for one page that holds every chapter (AO3 full work, eFiction printable view). */
  onePage?: boolean;
  /** A sentence for the reader: what happened, what is kept, what to do. */
  message?: string;
  /** After storing: what the library holds now. */
  library?: LibraryState;
}

/** What the library holds of one story, compared with the page the reader is on. */
export interface LibraryState {
  storyId: string;
  saved: SavedSummary | null;
  /** Chapters the page lists beyond the saved copy. */
  newChapters: number;
}

/** The few facts of a saved copy the popup and page panel show. */
export interface SavedSummary {
  title: string;
  savedAt: string;
  updatedAt: string;
  complete: boolean;
  missing: number[];
  savedChapters: number;
  /** Chapters the site listed when last saved. */
  listedChapters: number;
  /** Indexes of the chapters saved, so an update or resume fetches only the others. */
  savedIndexes: number[];
}

/** The popup's library part: the tab's story in the library, a save running there, recent saves, storage. */
export interface LibraryOverview {
  page: LibraryState | null;
  progress: SaveProgress | null;
  recent: Array<Pick<SavedStory, 'id' | 'title' | 'authors' | 'savedAt' | 'updatedAt' | 'complete' | 'savedChapters' | 'missing'> & { listedChapters: number }>;
  stats: LibraryStats;
}

export type SaveControl = 'save' | 'resume' | 'update' | 'cancel';

export type SaveMessage =
  /** Content → background: a save starts; the story's metadata, chapters follow in batches. */
  | { type: 'ficshelf:save-begin'; saveId: string; mode: SaveMode; story: Story }
  | { type: 'ficshelf:save-chapters'; saveId: string; chapters: Chapter[] }
  /** Content → background: every batch sent; store them (one transaction). `missing`: listed chapters not fetched. */
  | { type: 'ficshelf:save-end'; saveId: string; missing: number[]; cancelled?: boolean }
  /** Content → background: progress, kept per tab for the popup. */
  | { type: 'ficshelf:save-progress'; progress: SaveProgress }
  /** Content → background: how the library holds the story on this page. */
  | { type: 'ficshelf:library-state'; story: Story }
  /** Popup → background: the tab's save and library state, recent saves, storage used. */
  | { type: 'ficshelf:library-overview'; tabId?: number }
  /** Popup or background → content script: start, resume, update or cancel a save on the page. */
  | { type: 'ficshelf:save-control'; action: SaveControl };

/** What the background answers to save-end: the library's state after storing, or a reader-facing error. */
export type SaveResult = { ok: true; library: LibraryState } | { ok: false; error: string; code?: string };

export type TabState = { tabId: number; page: PageReport | null };

export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    (value as { type: string }).type.startsWith('ficshelf:')
  );
}
