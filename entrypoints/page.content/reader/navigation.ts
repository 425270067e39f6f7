import type { Chapter, Story } from '@/utils/story';
import { hasHtml } from '@/utils/story-html';

/**
 * Where "previous", "next" and the chapter menu lead. On a full-work page every
 * chapter's text is here, so the reader moves inside itself; otherwise it
 * follows the site's own chapter link.
 */
export type ChapterTarget = { kind: 'inline'; index: number } | { kind: 'link'; index: number; url: string };

/** Whether the chapter's markup is here; judged without sanitising it, as the content script decides with this before it can. */
export function hasText(chapter: Chapter): boolean {
  return hasHtml(chapter);
}

/** The chapters whose text is on this page. */
export function readableChapters(story: Story): Chapter[] {
  return story.chapters.filter(hasText);
}

/** Reader mode needs at least one chapter's text. */
export function canRead(story: Story | undefined): story is Story {
  return !!story && readableChapters(story).length > 0;
}

/** The chapter the page shows first: the one the reader came to read. */
export function firstReadableIndex(story: Story): number {
  return readableChapters(story)[0]?.index ?? story.chapters[0]?.index ?? 1;
}

export function chapterAt(story: Story, index: number): Chapter | undefined {
  return story.chapters.find((c) => c.index === index);
}

/** A chapter is reachable inside the reader when its text is here, through the site when it has a link. */
export function targetFor(story: Story, index: number, currentUrl?: string): ChapterTarget | null {
  const chapter = chapterAt(story, index);
  if (!chapter) return null;
  if (hasText(chapter)) return { kind: 'inline', index };
  if (chapter.url && chapter.url !== currentUrl) return { kind: 'link', index, url: chapter.url };
  return null;
}

/** The neighbours of the current chapter, in story order. */
export function neighbourTargets(story: Story, currentIndex: number, currentUrl?: string): { prev: ChapterTarget | null; next: ChapterTarget | null } {
  const order = story.chapters.map((c) => c.index);
  const at = order.indexOf(currentIndex);
  const prevIndex = at > 0 ? order[at - 1] : undefined;
  const nextIndex = at >= 0 && at < order.length - 1 ? order[at + 1] : undefined;
  return {
    prev: prevIndex === undefined ? null : targetFor(story, prevIndex, currentUrl),
    next: nextIndex === undefined ? null : targetFor(story, nextIndex, currentUrl),
  };
}

/** The label of a chapter in the menu: "3. Title", or "Chapter 3" when it has none. */
export function chapterLabel(chapter: Chapter): string {
  const title = chapter.title?.trim();
  return title ? `${chapter.index}. ${title}` : `Chapter ${chapter.index}`;
}
