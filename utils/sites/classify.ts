import type { Blurb, PageResult, Story } from '../story';
import { inferFandoms } from '../metadata/fandom-names';
import { expandPairing } from '../metadata/pairing';
import { spoilerMarks } from '../metadata/spoilers';
import type { SiteAdapter } from './types';

/**
 * Reading a page with a given list of adapters. It imports no adapter: the
 * registry (index.ts) passes every family, and a content script that runs
 * only where one family can claim pages passes just that one, so it does not
 * carry the others' code.
 */

export interface ClassifyOptions {
  /**
   * The Readability fallback (utils/sites/generic.ts), given only where it is
   * allowed (the reader enabled FicShelf on this site). It is passed in rather
   * than imported so the content script need not carry Readability: it loads
   * it as a part when no family claims the page.
   */
  generic?: SiteAdapter;
}

/** Which of the adapters (in order, then the generic fallback if given) claims the page, without extracting anything. */
export function pickAdapterFrom(
  adapters: readonly SiteAdapter[],
  doc: Document,
  url: URL,
  options: ClassifyOptions = {},
): SiteAdapter | null {
  for (const adapter of adapters) {
    if (adapter.matches(url) && adapter.detect(doc, url)) return adapter;
  }
  const generic = options.generic;
  if (generic && generic.matches(url) && generic.detect(doc, url)) return generic;
  return null;
}

/**
 * Reads a page with the adapters: a story, a listing of blurbs, or nothing.
 * Never throws: a page that breaks an adapter is reported as `none`, so
 * nothing reaches the site's own scripts.
 */
export function classifyWith(
  adapters: readonly SiteAdapter[],
  doc: Document,
  url: URL | string,
  options: ClassifyOptions = {},
): PageResult {
  return readWith(adapters, doc, url, options).result;
}

/**
 * classifyWith, also saying whether an adapter threw (`failed`): the result
 * is then `none` like a page no adapter claims, but a caller deciding what to
 * try next must not take it for one.
 */
export function readWith(
  adapters: readonly SiteAdapter[],
  doc: Document,
  url: URL | string,
  options: ClassifyOptions = {},
): { result: PageResult; failed: boolean } {
  let pageUrl: URL;
  try {
    pageUrl = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return { result: { kind: 'none', site: null }, failed: false };
  }
  try {
    const adapter = pickAdapterFrom(adapters, doc, pageUrl, options);
    return { result: adapter ? readClaimed(adapter, doc, pageUrl) : { kind: 'none', site: null }, failed: false };
  } catch (error) {
    if (typeof console !== 'undefined') console.warn('[FicShelf] could not read this page:', error);
    return { result: { kind: 'none', site: null }, failed: true };
  }
}

/**
 * Reads a page with an adapter whose detect already claimed it (classifyWith,
 * or the content script once the generic part is loaded). Throws what the
 * adapter throws; callers catch.
 */
export function readClaimed(adapter: SiteAdapter, doc: Document, url: URL): PageResult {
  const story = adapter.extract(doc, url);
  if (story) return { kind: 'story', site: adapter.id, story: enrichStory(story) };
  const items = adapter.listing?.(doc, url);
  if (items && items.length > 0) return { kind: 'listing', site: adapter.id, listing: { items: items.map(enrichBlurb) } };
  return { kind: 'none', site: adapter.id };
}

/**
 * Fills what a page implies but does not state, the same way for every site:
 * the fandom from the disclaimer and names when the page names none, and
 * pairing shorthand spelled out once the fandom is known (the raw form stays
 * in `fields`).
 */
export function enrichStory(story: Story): Story {
  // FictionPress is original fiction: any "fandom" found in its text would be a false match.
  if (story.fandoms.length === 0 && !story.id.startsWith('fictionpress:')) {
    story.fandoms = inferFandoms({
      disclaimer: story.disclaimer,
      summary: story.summary,
      title: story.title,
      characters: story.characters,
      relationships: story.relationships,
      text: story.chapters[0]?.text.slice(0, 4000),
    });
  }
  if (story.fandoms.length > 0) story.relationships = story.relationships.map((r) => expandPairing(r, story.fandoms));
  story.spoilers = spoilerMarks(story);
  return story;
}

/** Listing entries get the same spoiler reading (from their tags and summary) as stories. */
export function enrichBlurb(blurb: Blurb): Blurb {
  blurb.spoilers = spoilerMarks(blurb);
  return blurb;
}
