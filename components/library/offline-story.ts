import type { Chapter, Story } from '@/utils/story';
import type { SavedChapter, SavedStory } from '@/utils/library/types';

/**
 * A saved story back in the one Story model, so the reader's components show
 * it exactly as reader mode does. Chapters the site lists but the library does
 * not hold (a partial save) stay in the list with no text. Pure.
 */
export function storyFromLibrary(saved: SavedStory, chapters: SavedChapter[]): Story {
  const byIndex = new Map(chapters.map((c) => [c.index, c]));
  const indexes = [...new Set([...saved.toc.map((t) => t.index), ...chapters.map((c) => c.index)])].sort((a, b) => a - b);
  const toc = new Map(saved.toc.map((t) => [t.index, t]));
  const all: Chapter[] = indexes.map((index) => {
    const held = byIndex.get(index);
    const entry = toc.get(index);
    if (!held) return { index, title: entry?.title, url: entry?.url, html: '', text: '', words: 0 };
    return { index, title: held.title ?? entry?.title, url: held.url ?? entry?.url, html: held.html, text: held.text, words: held.words, notes: held.notes };
  });
  const { savedAt: _a, updatedAt: _b, sourceUpdated: _c, complete: _d, missing: _e, savedChapters: _f, shelves: _g, read: _h, bytes: _i, toc: _j, ...blurb } = saved;
  return { ...blurb, chapters: all };
}

/** The chapter to open: the one asked for in the address, else where the reader stopped, else the first with text. */
export function startChapter(story: Story, saved: SavedStory, asked: number | null): number {
  const exists = (i: number | null | undefined): i is number => i != null && story.chapters.some((c) => c.index === i);
  if (exists(asked)) return asked;
  const stopped = saved.read?.chapter;
  if (exists(stopped)) return stopped;
  return story.chapters.find((c) => c.html.trim())?.index ?? story.chapters[0]?.index ?? 1;
}

/** The chapter before and after, in story order (null at either end). */
export function neighbours(story: Story, index: number): { prev: number | null; next: number | null } {
  const order = story.chapters.map((c) => c.index);
  const at = order.indexOf(index);
  return { prev: order[at - 1] ?? null, next: at >= 0 ? (order[at + 1] ?? null) : null };
}

/** read.html?id=…&chapter=… for a story (and chapter). */
export function readerAddress(id: string, chapter?: number): string {
  return `read.html?id=${encodeURIComponent(id)}${chapter ? `&chapter=${chapter}` : ''}`;
}
