import type { IDBPDatabase } from 'idb';
import type { Chapter, Story } from '@/utils/story';
import type {
  LibraryOverview,
  LibraryState,
  SaveMessage,
  SaveMode,
  SaveProgress,
  SaveResult,
  SavedSummary,
} from '@/utils/messages';
import { openLibrary, type LibrarySchema } from '@/utils/library/schema';
import { addChapters, getStory, libraryStats, listStories, newChapterCount, saveStory } from '@/utils/library/store';
import { isLibraryError, type SavedStory } from '@/utils/library/types';

type LibraryDb = IDBPDatabase<LibrarySchema>;

/** The messages this handler answers; the overview and save controls are routed elsewhere. */
export type StoreMessage = Exclude<SaveMessage, { type: 'ficshelf:library-overview' | 'ficshelf:save-control' }>;

/** A save whose chapters are still arriving in batches; stored only once all have come. */
interface PendingSave {
  tabId?: number;
  mode: SaveMode;
  story: Story;
  chapters: Map<number, Chapter>;
}

const INTERRUPTED =
  'The save was interrupted before it could be stored (the browser restarted FicShelf). Nothing was changed: try again.';

export function summarise(saved: SavedStory): SavedSummary {
  const missing = new Set(saved.missing);
  // The same count the store uses: what the site said it had, or the highest chapter it listed.
  const listed = Math.max(saved.chapterCount?.posted ?? 0, ...saved.toc.map((entry) => entry.index), saved.savedChapters);
  const savedIndexes: number[] = [];
  for (let index = 1; index <= listed; index++) if (!missing.has(index)) savedIndexes.push(index);
  return {
    title: saved.title,
    savedAt: saved.savedAt,
    updatedAt: saved.updatedAt,
    complete: saved.complete,
    missing: [...saved.missing],
    savedChapters: saved.savedChapters,
    listedChapters: listed,
    savedIndexes,
  };
}

/** The chapters a page lists, without their text: what state checks need, small enough for any message. */
export function withoutText(story: Story): Story {
  return { ...story, chapters: story.chapters.map(({ index, title, url }) => ({ index, title, url, html: '', text: '', words: 0 })) };
}

function errorText(error: unknown): { error: string; code?: string } {
  if (isLibraryError(error)) return { error: error.message, code: error.code };
  return { error: `The story could not be stored: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.` };
}

/**
 * The background's part of saving (issue 5): it receives a story in batches
 * from the content script and stores it with one store call, so the saved
 * copy is either the old one or the new one, never a mix. It also answers
 * what the library holds of a page, for the popup and the page panel.
 * The service worker has no DOM: it stores, it parses nothing.
 */
export function createLibraryHandler(open: () => Promise<LibraryDb> = () => openLibrary()) {
  let db: Promise<LibraryDb> | null = null;
  const library = () => (db ??= open().catch((error) => ((db = null), Promise.reject(error))));
  const pending = new Map<string, PendingSave>();
  const progress = new Map<number, SaveProgress>();

  async function libraryState(story: Story): Promise<LibraryState> {
    const saved = await getStory(await library(), story.id).catch(() => undefined);
    if (!saved) return { storyId: story.id, saved: null, newChapters: 0 };
    return { storyId: story.id, saved: summarise(saved), newChapters: newChapterCount(saved, story) };
  }

  /**
   * A full save goes through saveStory, which keeps chapters saved before that
   * this fetch did not get; resume and update add to the copy. Either way the
   * store works out what is still missing, so a partial copy is marked so.
   */
  async function commit(save: PendingSave): Promise<SavedStory> {
    const handle = await library();
    const chapters = [...save.chapters.values()].sort((a, b) => a.index - b.index);
    const existing = await getStory(handle, save.story.id);
    if (save.mode === 'full' || !existing) {
      return saveStory(handle, { ...save.story, chapters: mergeListed(save.story.chapters, chapters) });
    }
    return addChapters(handle, save.story.id, chapters, withoutText(save.story));
  }

  async function handle(message: StoreMessage, tabId: number | undefined): Promise<unknown> {
    switch (message.type) {
      case 'ficshelf:save-begin':
        pending.set(message.saveId, { tabId, mode: message.mode, story: message.story, chapters: new Map() });
        return { ok: true };
      case 'ficshelf:save-chapters': {
        const save = pending.get(message.saveId);
        if (!save) return { ok: false, error: INTERRUPTED, code: 'interrupted' };
        for (const chapter of message.chapters) save.chapters.set(chapter.index, chapter);
        return { ok: true };
      }
      case 'ficshelf:save-end': {
        const save = pending.get(message.saveId);
        if (!save) return { ok: false, error: INTERRUPTED, code: 'interrupted' } satisfies SaveResult;
        pending.delete(message.saveId);
        try {
          const saved = await commit(save);
          const state: LibraryState = { storyId: saved.id, saved: summarise(saved), newChapters: newChapterCount(saved, save.story) };
          return { ok: true, library: state } satisfies SaveResult;
        } catch (error) {
          return { ok: false, ...errorText(error) } satisfies SaveResult;
        }
      }
      case 'ficshelf:save-progress':
        if (tabId !== undefined) progress.set(tabId, message.progress);
        return { ok: true };
      case 'ficshelf:library-state':
        return libraryState(message.story);
    }
  }

  /** The popup's library part. `story` is what the tab's content script reported, if anything. */
  async function overview(tabId: number | undefined, story: Story | undefined): Promise<LibraryOverview> {
    const handle = await library();
    const [page, recent, stats] = await Promise.all([
      story ? libraryState(story) : Promise.resolve(null),
      listStories(handle, { sort: 'saved', limit: 5 }),
      libraryStats(handle),
    ]);
    return {
      page,
      progress: tabId === undefined ? null : (progress.get(tabId) ?? null),
      recent: recent.slice(0, 5).map((s) => ({
        id: s.id,
        title: s.title,
        authors: s.authors,
        savedAt: s.savedAt,
        updatedAt: s.updatedAt,
        complete: s.complete,
        savedChapters: s.savedChapters,
        missing: s.missing,
        listedChapters: summarise(s).listedChapters,
      })),
      stats,
    };
  }

  /** A saved story visited again: the toolbar badge says how many chapters are new ("+2"). */
  async function noteVisit(tabId: number, story: Story | undefined): Promise<void> {
    const action = (browser as { action?: typeof browser.browserAction }).action ?? browser.browserAction;
    if (!action?.setBadgeText) return;
    const count = story ? (await libraryState(story).catch(() => null))?.newChapters ?? 0 : 0;
    try {
      await action.setBadgeText({ tabId, text: count > 0 ? `+${count}` : '' });
    } catch {
      // The tab closed meanwhile: nothing to mark.
    }
  }

  /** The tab closed or moved on: its progress is stale and its unfinished batches will never end. */
  function forgetTab(tabId: number): void {
    progress.delete(tabId);
    for (const [saveId, save] of pending) if (save.tabId === tabId) pending.delete(saveId);
  }

  return { handle, overview, libraryState, noteVisit, forgetTab };
}

/** The story's listed chapters, each with its fetched text where there is one. */
function mergeListed(listed: Chapter[], fetched: Chapter[]): Chapter[] {
  const byIndex = new Map(fetched.map((c) => [c.index, c]));
  const merged = listed.map((c) => byIndex.get(c.index) ?? c);
  for (const c of fetched) if (!listed.some((l) => l.index === c.index)) merged.push(c);
  return merged.sort((a, b) => a.index - b.index);
}

export type LibraryHandler = ReturnType<typeof createLibraryHandler>;
