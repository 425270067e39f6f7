import { emptyStory, type Chapter, type Story } from '../../utils/story';
import { classifyPage } from '../../utils/sites';
import { loadPage } from '../helpers/fixtures';

/** A real multi-chapter story: AO3's full-work view of "Through Your Silver Eyes" (20 chapters). */
export const FULL_WORK = {
  fixture: 'ao3/fullwork-through-your-silver-eyes-hp.html',
  url: 'https://archiveofourown.org/works/24861814?view_full_work=true',
};

export function realStory(): Story {
  const result = classifyPage(loadPage(FULL_WORK.fixture, FULL_WORK.url), FULL_WORK.url);
  if (!result.story) throw new Error('the full-work fixture no longer extracts as a story');
  return result.story;
}

export function chapter(index: number, text: string, title?: string): Chapter {
  return {
    index,
    title,
    url: `https://example.org/s/${index}`,
    html: `<p>${text}</p>`,
    text,
    words: text.split(/\s+/).filter(Boolean).length,
  };
}

/** A small synthetic story; `texts` are the chapter texts (chapter i + 1). */
export function makeStory(id: string, texts: string[], overrides: Partial<Story> = {}): Story {
  const story = emptyStory('test', `https://example.org/${id}`);
  return {
    ...story,
    id,
    title: `Story ${id}`,
    authors: [{ name: 'Author ' + id }],
    fandoms: ['Buffy the Vampire Slayer'],
    rating: { raw: 'PG-13', level: 'teen' },
    status: 'complete',
    summary: `The summary of ${id}.`,
    chapterCount: { posted: texts.length },
    words: texts.join(' ').split(/\s+/).length,
    chapters: texts.map((text, i) => chapter(i + 1, text)),
    ...overrides,
  };
}

let counter = 0;
/** A fresh database name per test, so tests never share state. */
export function freshName(label: string): string {
  return `test-${label}-${Date.now()}-${counter++}`;
}
