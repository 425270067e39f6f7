// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { classifyPage } from '@/utils/sites';
import { listingEntries, storyParts } from '@/utils/sites/page-elements';
import { STORY_CONTAINERS, earlyHideCss } from '@/entrypoints/page.content/shield/early-hide';
import { loadPage } from '../helpers/fixtures';

const LISTINGS = [
  { fixture: 'ao3/EDITED-tag-works-jily-listing.html', url: 'https://archiveofourown.org/tags/James%20Potter*s*Lily%20Evans%20Potter/works' },
  { fixture: 'ao3/EDITED-marked-for-later-listing.html', url: 'https://archiveofourown.org/users/someone/readings?show=to-read' },
  { fixture: 'ao3/series-1728802.html', url: 'https://archiveofourown.org/series/1728802' },
  { fixture: 'pages/efiction-browse-default.html', url: 'https://www.spuffysanctuary.net/fiction/browse.php?type=categories&catid=2' },
  { fixture: 'pages/efiction-browse-boldlabels.html', url: 'https://www.spuffysanctuary.net/fiction/browse.php?type=titles' },
  { fixture: 'pages/ffn-hand-made-story-list.html', url: 'https://www.fanfiction.net/tv/Buffy-The-Vampire-Slayer/' },
];

const STORIES = [
  { fixture: 'ao3/fullwork-through-your-silver-eyes-hp.html', url: 'https://archiveofourown.org/works/24861814?view_full_work=true' },
  { fixture: 'pages/ao3-hand-made-buffy-post-seeing-red.html', url: 'https://archiveofourown.org/works/48582418/chapters/122448127' },
  { fixture: 'ffn/chapter-counting-ch1-modern.html', url: 'https://www.fanfiction.net/s/13507010/1/' },
  { fixture: 'ffn/chapter-2009-childoffour-ch1-oldlayout.html', url: 'https://www.fanfiction.net/s/2318355/1/' },
  { fixture: 'pages/efiction-spuffy-default-chapter.html', url: 'https://www.spuffysanctuary.net/fiction/viewstory.php?sid=1187&chapter=1' },
  { fixture: 'pages/efiction-spuffy-printable.html', url: 'https://www.spuffysanctuary.net/fiction/viewstory.php?action=printable&sid=1187&chapter=all' },
];

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('listing entry elements', () => {
  for (const { fixture, url } of LISTINGS) {
    it(`pairs every blurb of ${fixture} with its own entry, in page order`, () => {
      const doc = loadPage(fixture, url);
      const result = classifyPage(doc, url);
      expect(result.kind).toBe('listing');
      const blurbs = result.listing!.items;
      const pairs = listingEntries(doc, new URL(url), result.site, blurbs);
      expect(pairs.map((p) => p.blurb.id)).toEqual(blurbs.map((b) => b.id));
      // Each element holds its own blurb's title, and no element serves two blurbs.
      for (const { blurb, element } of pairs) expect(squash(element.textContent)).toContain(blurb.title);
      expect(new Set(pairs.map((p) => p.element)).size).toBe(pairs.length);
    });
  }
});

describe('story parts', () => {
  for (const { fixture, url } of STORIES) {
    it(`finds the text of ${fixture} inside the body parts, and the early rule hides them`, () => {
      const doc = loadPage(fixture, url);
      const result = classifyPage(doc, url);
      expect(result.kind).toBe('story');
      const parts = storyParts(doc, result.site);
      expect(parts.body.length).toBeGreaterThan(0);
      // Compared without white space: the extracted text puts breaks between blocks that textContent runs together.
      const bodyText = parts.body.map((el) => el.textContent).join('').replace(/\s+/g, '');
      const firstWords = result.story!.chapters.find((c) => c.text)!.text.slice(0, 200).replace(/\s+/g, '');
      expect(bodyText).toContain(firstWords);
      // No flash: every part the shield may cover sits in a container hidden from document_start.
      const hiddenEarly = STORY_CONTAINERS.join(', ');
      for (const el of [...parts.body, ...parts.summary, ...parts.notes]) expect(el.closest(hiddenEarly), `${el.tagName}#${el.id}.${el.className}`).not.toBeNull();
    });
  }

  it('gives a story summary outside the chapters as a part of its own', () => {
    const doc = loadPage(STORIES[0]!.fixture, STORIES[0]!.url);
    const parts = storyParts(doc, 'otw');
    expect(parts.summary.some((el) => squash(el.textContent).includes('Summary:'))).toBe(true);
    expect(parts.meta).toHaveLength(1);
  });

  it('treats a header-block page without known containers as all of <body>', () => {
    const doc = loadPage('pages/header-br-lines.html', 'https://example.org/fic/story.html');
    const parts = storyParts(doc, 'header-block');
    expect(parts.body.length).toBeGreaterThan(0);
    expect(parts.body.every((el) => el.parentElement === doc.body)).toBe(true);
  });
});

describe('the early hiding rule', () => {
  it('hides story containers only until <html> says "none" or the filters are done', () => {
    const css = earlyHideCss();
    expect(css).toContain('html:not([data-ficshelf="none"]):not([data-ficshelf-filtered]) #workskin');
    expect(css).toContain('html:not([data-ficshelf="none"]):not([data-ficshelf-filtered]) div.z-list');
    expect(css).toMatch(/\{ visibility: hidden !important; \}\n$/);
  });
});

describe('listing entry pairing', () => {
  it('pairs a work listed twice with each of its own entries, in page order', () => {
    const url = 'https://archiveofourown.org/users/someone/readings?show=to-read';
    const doc = loadPage('ao3/EDITED-marked-for-later-listing.html', url);
    const first = doc.querySelector('li.blurb')!;
    const again = first.cloneNode(true) as Element;
    // Same work, told apart by its title: the second entry must get the second blurb.
    again.querySelector('h4.heading a[href*="/works/"]')!.textContent = 'Listed Again';
    first.parentElement!.appendChild(again);
    const blurbs = classifyPage(doc, url).listing!.items;
    const twice = blurbs.filter((b) => b.id === blurbs[0]!.id);
    expect(twice.map((b) => b.title)).toEqual([blurbs[0]!.title, 'Listed Again']);
    const pairs = listingEntries(doc, new URL(url), 'otw', blurbs);
    expect(pairs.length).toBe(blurbs.length);
    expect(pairs.find((p) => p.blurb === twice[0])!.element).toBe(first);
    expect(pairs.find((p) => p.blurb === twice[1])!.element).toBe(again);
  });
});
