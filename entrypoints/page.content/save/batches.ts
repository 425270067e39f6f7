import type { Chapter } from '@/utils/story';

/** Runtime messages must stay well under the browsers' limits (Firefox copies them structurally, Chrome caps JSON at 64 MiB). */
export const BATCH_BYTES = 1_000_000;

/** Rough size of a chapter on the wire: its HTML and text dominate (UTF-16 length is close enough for a limit). */
export function chapterSize(chapter: Chapter): number {
  return chapter.html.length + chapter.text.length + (chapter.title?.length ?? 0) + 200;
}

/** Chapters in order, grouped so each group stays under `limit`; a chapter larger than the limit goes alone. */
export function batchChapters(chapters: Chapter[], limit = BATCH_BYTES): Chapter[][] {
  const batches: Chapter[][] = [];
  let current: Chapter[] = [];
  let size = 0;
  for (const chapter of chapters) {
    const next = chapterSize(chapter);
    if (current.length > 0 && size + next > limit) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(chapter);
    size += next;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
