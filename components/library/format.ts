import type { SavedStory } from '@/utils/library/types';
import type { StoryStatus } from '@/utils/story';

/** Words and facts about a saved story as the library shows them. Pure. */

export const STATUS_LABELS: Record<StoryStatus, string> = {
  complete: 'Complete',
  'in-progress': 'In progress',
  unknown: 'Status unknown',
};

/** When the story itself last changed: the site's date when known, else the saved copy's. */
export function updatedDate(story: SavedStory): string {
  return story.updated ?? story.sourceUpdated ?? story.updatedAt;
}

/** "12 Mar 2024" from an ISO date or timestamp; empty when there is none. */
export function shortDate(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export function wordCount(words: number | undefined): string {
  if (words === undefined) return 'Length unknown';
  return `${words.toLocaleString('en-US')} ${words === 1 ? 'word' : 'words'}`;
}

/** How many chapters the saved copy holds of those the site lists: "3 of 5 chapters". */
export function chapterFacts(story: SavedStory): string {
  const listed = Math.max(story.toc?.length ?? 0, story.chapterCount?.posted ?? 0, story.savedChapters);
  if (listed <= 1 && story.savedChapters === 1) return '1 chapter';
  if (story.savedChapters === listed) return `${listed} chapters`;
  return `${story.savedChapters} of ${listed} chapters saved`;
}

export function isPartial(story: SavedStory): boolean {
  return !story.complete || (story.missing?.length ?? 0) > 0;
}

/** "Not started", "Chapter 2 of 5, 40%", "Finished". */
export function readProgress(story: SavedStory): string {
  const read = story.read;
  if (!read) return 'Not started';
  const total = Math.max(story.toc?.length ?? 0, story.savedChapters);
  const percent = Math.round(read.fraction * 100);
  if (read.chapter >= total && read.fraction >= 0.98) return 'Finished';
  return total > 1 ? `Chapter ${read.chapter} of ${total}, ${percent}%` : `${percent}% read`;
}

/** Bytes as a reader understands them: "1.2 MB". */
export function byteSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1024) return `${Math.max(0, Math.round(bytes || 0))} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Where a search matched, in words: "in the title and the text". */
export function matchPlaces(where: string[]): string {
  const names: Record<string, string> = { title: 'the title', author: 'the author', fandom: 'the fandom', tags: 'the tags', text: 'the text' };
  const parts = where.map((w) => names[w] ?? w);
  if (parts.length === 0) return '';
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `Found in ${list}`;
}

/** A file name from a story title: letters, digits and dashes only. */
export function fileName(title: string, extension: string): string {
  const base =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'story';
  return `${base}.${extension}`;
}
