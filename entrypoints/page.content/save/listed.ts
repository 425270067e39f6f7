import type { Story } from '@/utils/story';
import { storyWithoutHtml } from '@/utils/story-html';

/** The page's chapters without their text: the background only needs the list to compare. */
export function listedOnly(story: Story): Story {
  // Without the notes' markup too: the content script has no sanitiser to read it with.
  return { ...storyWithoutHtml(story), chapters: story.chapters.map(({ index, title, url }) => ({ index, title, url, html: '', text: '', words: 0 })) };
}
