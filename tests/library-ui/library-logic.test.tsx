// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { scrollToShow, visibleRows } from '@/components/library/virtual';
import { cleanShelfName, fandomsIn, NO_FILTERS, shelvesIn, visibleStories } from '@/components/library/query';
import { byteSize, chapterFacts, fileName, matchPlaces, readProgress, shortDate } from '@/components/library/format';
import { problemSentence } from '@/components/library/problems';
import { LibraryError, type SavedStory } from '@/utils/library/types';
import { makeStory } from './library-helpers';

function saved(n: number, extra: Partial<SavedStory> = {}): SavedStory {
  const { chapters, ...blurb } = makeStory(n);
  return {
    ...blurb,
    savedAt: `2026-0${(n % 9) + 1}-01T00:00:00Z`,
    updatedAt: '2026-01-01T00:00:00Z',
    complete: true,
    missing: [],
    savedChapters: chapters.length,
    shelves: [],
    bytes: 10,
    toc: chapters.map((c) => ({ index: c.index })),
    ...extra,
  };
}

describe('the rows in view', () => {
  it('covers the viewport plus a few rows either side, within the list', () => {
    expect(visibleRows(0, 600, 100, 2000)).toEqual({ first: 0, end: 10 });
    expect(visibleRows(150_000, 600, 100, 2000)).toEqual({ first: 1496, end: 1510 });
    expect(visibleRows(199_500, 600, 100, 2000)).toEqual({ first: 1991, end: 2000 });
    expect(visibleRows(0, 600, 100, 0)).toEqual({ first: 0, end: 0 });
    expect(visibleRows(-50, 600, 100, 3)).toEqual({ first: 0, end: 3 });
  });

  it('scrolls just enough to show a row', () => {
    expect(scrollToShow(0, 500, 400, 100)).toBe(0);
    expect(scrollToShow(10, 0, 400, 100)).toBe(700);
    expect(scrollToShow(3, 200, 400, 100)).toBe(200);
  });
});

describe('filters and sort', () => {
  it('sorts by saved date, newest first, and keeps the search order for best match', () => {
    const stories = [saved(1), saved(5), saved(3)];
    expect(visibleStories(stories, NO_FILTERS, 'saved').map((s) => s.id)).toEqual(['ao3:1005', 'ao3:1003', 'ao3:1001']);
    expect(visibleStories(stories, NO_FILTERS, 'relevance', ['ao3:1003', 'ao3:1001']).map((s) => s.id)).toEqual(['ao3:1003', 'ao3:1001']);
    // A search that matched a story deleted meanwhile does not show a ghost.
    expect(visibleStories(stories, NO_FILTERS, 'title', ['ao3:9999', 'ao3:1005']).map((s) => s.id)).toEqual(['ao3:1005']);
  });

  it('lists fandoms and shelves for the menus, defaults first', () => {
    const stories = [saved(1, { fandoms: ['Angel', 'Buffy the Vampire Slayer'], shelves: ['zines', 'favourites'] }), saved(2, { shelves: ['Bedtime'] })];
    expect(fandomsIn(stories)).toEqual(['Angel', 'Buffy the Vampire Slayer']);
    expect(shelvesIn(stories)).toEqual(['to read', 'favourites', 'Bedtime', 'zines']);
    expect(cleanShelfName('  rainy \n day  ')).toBe('rainy day');
  });
});

describe('words on an entry', () => {
  it('says dates, sizes, chapters and progress as a reader reads them', () => {
    expect(shortDate('2020-06-27')).toBe('27 Jun 2020');
    expect(shortDate('2026-11-21T09:58:00.000Z')).toBe('21 Nov 2026');
    expect(shortDate(undefined)).toBe('');
    expect(byteSize(512)).toBe('512 bytes');
    expect(byteSize(1536)).toBe('1.5 KB');
    expect(byteSize(25 * 1024 * 1024)).toBe('25 MB');
    expect(chapterFacts(saved(1, { savedChapters: 2, toc: [{ index: 1 }, { index: 2 }, { index: 3 }] }))).toBe('2 of 3 chapters saved');
    expect(readProgress(saved(1, { read: { chapter: 2, fraction: 0.99, at: '' } }))).toBe('Finished');
    expect(readProgress(saved(1, { read: { chapter: 1, fraction: 0.25, at: '' } }))).toBe('Chapter 1 of 2, 25%');
    expect(matchPlaces(['title', 'tags', 'text'])).toBe('Found in the title, the tags and the text');
    expect(fileName('Ça va? “Quotes” / slashes', 'epub')).toBe('Ca-va-Quotes-slashes.epub');
    expect(fileName('***', 'html')).toBe('story.html');
  });

  it('turns failures into sentences', () => {
    expect(problemSentence(new LibraryError('quota'), 'Saving failed')).toBe('Your browser has no room left for more stories. Nothing was changed.');
    expect(problemSentence(new Error('disk on fire.'), 'The backup could not be made')).toBe('The backup could not be made: disk on fire.');
    expect(problemSentence(undefined, 'The search failed')).toBe('The search failed.');
  });
});
