// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { hasSharedFixtures, loadPage } from '../helpers/fixtures';
import { classifyPage } from '../../utils/sites';
import { buildSyntheticListing, templatesFromHtml } from '../../scripts/bench/synthetic-listing';
import {
  MEAN_WORDS,
  countWordsIn,
  paragraphsFromText,
  seededRandom,
  storyWords,
  syntheticStory,
  textOnlyWord,
  type LibraryCorpus,
} from '../../scripts/bench/synthetic-library';
import { groupSizes, moduleGroup } from '../../scripts/bench/module-groups';

const LISTING = 'ao3/tag-works-a-shit-ton-of-angst.html';
const LISTING_URL = 'https://archiveofourown.org/tags/a%20shit%20ton%20of%20angst/works';

describe.runIf(hasSharedFixtures())('synthetic listing', () => {
  it('clones the page’s 20 entries up to the asked count, each with its own work id', () => {
    const doc = loadPage(LISTING, LISTING_URL);
    const originalIds = [...doc.querySelectorAll('li.blurb')].map((li) => li.id);
    expect(originalIds).toHaveLength(20);
    buildSyntheticListing(doc, 45, 500);
    const entries = [...doc.querySelectorAll('li.blurb')];
    expect(entries).toHaveLength(45);
    expect(entries[0]!.id).toBe('work_500');
    expect(entries[44]!.id).toBe('work_544');
    expect(new Set(entries.map((li) => li.id)).size).toBe(45);
    // Links point at the new work too, so the adapter reads 45 distinct works.
    expect(entries[3]!.querySelector('h4.heading a')!.getAttribute('href')).toBe('/works/503');
  });

  it('reads as a listing of that many blurbs, titles repeating the originals in turn', () => {
    const doc = loadPage(LISTING, LISTING_URL);
    const before = classifyPage(doc, LISTING_URL).listing!.items;
    buildSyntheticListing(doc, 60);
    const after = classifyPage(doc, LISTING_URL).listing!.items;
    expect(after).toHaveLength(60);
    expect(after[20]!.title).toBe(before[0]!.title);
    expect(after[59]!.title).toBe(before[19]!.title);
    expect(new Set(after.map((b) => b.id)).size).toBe(60);
  });

  it('clones templates from other listings in place of the page’s own entries', () => {
    const other = loadPage('ao3/tag-works-mind-palace.html', 'https://archiveofourown.org/tags/Mind%20Palace/works');
    const otherTitles = classifyPage(other, 'https://archiveofourown.org/tags/Mind%20Palace/works').listing!.items.map((b) => b.title);
    const html = [...other.querySelectorAll('li.blurb')].map((li) => li.outerHTML).join('\n') + '<li class="bookmark blurb" id="bookmark_1"></li>';
    const doc = loadPage(LISTING, LISTING_URL);
    const templates = templatesFromHtml(doc, html);
    expect(templates).toHaveLength(20); // work blurbs only
    buildSyntheticListing(doc, 30, 700, templates);
    const items = classifyPage(doc, LISTING_URL).listing!.items;
    expect(items.map((b) => b.title)).toEqual([...otherTitles, ...otherTitles.slice(0, 10)]);
    expect(new Set(items.map((b) => b.id)).size).toBe(30);
    expect(items[0]!.id).toBe('ao3:700');
  });

  it('refuses a page with no entries', () => {
    const doc = loadPage('ao3/error-404-41237499.html', 'https://archiveofourown.org/works/41237499');
    expect(() => buildSyntheticListing(doc, 10)).toThrow(/no li\.blurb/);
  });
});

const corpus: LibraryCorpus = {
  paragraphs: [
    'Buffy walked into the library where Giles was polishing his glasses again.',
    'The lantern swung in the wind and nobody on the porch said a single word.',
    'Willow typed furiously, muttering about firewalls and demons in the network.',
    'Spike leaned against the crypt door, smirking, and lit another cigarette slowly.',
    'A lantern burned in the window of the Magic Box long after closing time.',
  ],
  fandoms: ['Buffy the Vampire Slayer'],
};

describe('synthetic library', () => {
  it('draws the same numbers from the same seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom(43)()).not.toBe(first[0]);
  });

  it('sizes stories around the mean with a long tail', () => {
    const random = seededRandom(1);
    const sizes = Array.from({ length: 4000 }, () => storyWords(random));
    const mean = sizes.reduce((s, n) => s + n, 0) / sizes.length;
    expect(mean).toBeGreaterThan(MEAN_WORDS * 0.85);
    expect(mean).toBeLessThan(MEAN_WORDS * 1.15);
    const median = [...sizes].sort((x, y) => x - y)[2000]!;
    expect(median).toBeLessThan(mean); // long-tailed: most works are short
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(100);
  });

  it('builds a deterministic, valid story whose counts add up', () => {
    const story = syntheticStory(corpus, 7, 1, 10_000);
    expect(syntheticStory(corpus, 7, 1, 10_000)).toEqual(story);
    expect(story.id).toBe('bench:7');
    expect(story.fandoms).toEqual(['Buffy the Vampire Slayer']);
    expect(story.chapters.length).toBeGreaterThanOrEqual(3);
    expect(story.chapterCount.posted).toBe(story.chapters.length);
    expect(story.words).toBe(story.chapters.reduce((s, c) => s + c.words, 0));
    expect(story.words).toBeGreaterThanOrEqual(10_000);
    const first = story.chapters[0]!;
    expect(first.words).toBe(countWordsIn(first.text));
    expect(first.html.startsWith('<p>')).toBe(true);
    expect(first.html.split('<p>').length - 1).toBe(first.text.split('\n\n').length);
  });

  it('gives different stories for different indexes', () => {
    expect(syntheticStory(corpus, 1).chapters[0]!.text).not.toBe(syntheticStory(corpus, 2).chapters[0]!.text);
  });

  it('splits chapter text into paragraphs and drops the short ones', () => {
    expect(paragraphsFromText('A long enough paragraph of story text here.\n\nOk.\nAnother paragraph that is long enough to keep.', 20)).toEqual([
      'A long enough paragraph of story text here.',
      'Another paragraph that is long enough to keep.',
    ]);
  });

  it('picks a full-text word by how many paragraphs hold it', () => {
    expect(textOnlyWord(corpus, 0.4)).toBe('lantern');
  });
});

describe('injected code groups', () => {
  it('names the parts of a content script', () => {
    expect(moduleGroup('/r/node_modules/@mozilla/readability/Readability.js')).toBe('Readability');
    expect(moduleGroup('/r/node_modules/dompurify/dist/purify.es.mjs')).toBe('DOMPurify');
    expect(moduleGroup('/r/utils/fandoms/buffy.ts')).toBe('fandom data');
    expect(moduleGroup('/r/utils/sites/otw.ts')).toBe('site adapters');
    expect(moduleGroup('/r/entrypoints/page.content/reader/ReaderApp.tsx')).toBe('reader UI');
    expect(moduleGroup('/r/utils/story.ts')).toBe('shared utils');
  });

  it('adds up bytes per group, largest first', () => {
    expect(groupSizes({ '/r/utils/sites/otw.ts': 10, '/r/utils/sites/ffnet.ts': 5, '/r/node_modules/preact/dist/preact.mjs': 20 })).toEqual([
      { group: 'Preact', bytes: 20 },
      { group: 'site adapters', bytes: 15 },
    ]);
  });
});
