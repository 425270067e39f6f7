import type { Story } from '@/utils/story';

/** The page's chapters without their text: the background only needs the list to compare. */
export function listedOnly(story: Story): Story {
  return { ...story, chapters: story.chapters.map(({ index, title, url }) => ({ index, title, url, html: '', text: '', words: 0 })) };
}
