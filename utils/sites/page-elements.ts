import type { Blurb } from '../story';
import { otwListingElements, otwStoryParts } from './otw-elements';
import { ffnetListingElements, ffnetStoryParts } from './ffnet-elements';
import { efictionListingElements, efictionStoryParts } from './efiction-elements';
/**
 * The elements of a page the spoiler shield and listing filter act on. Each
 * site family has a `<family>-elements.ts` that finds them; nothing here reads
 * or changes the page.
 */
export interface StoryParts {
  /** The story text (all chapters shown on the page). */
  body: Element[];
  summary: Element[];
  /** Author's notes outside the story text. */
  notes: Element[];
  /** Tags and other metadata shown beside the story. */
  meta: Element[];
}

/** A listing entry's element, with the id the family's listing() gives its blurb. */
export interface ListingEntryElement {
  id: string;
  element: Element;
}

export const NO_PARTS: StoryParts = { body: [], summary: [], notes: [], meta: [] };

const TOP_LEVEL_SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'LINK']);

/**
 * The parts of a story page, by the adapter that read it. Header-block and
 * generic pages have no fixed container: everything in <body> counts as the
 * story, so a covered story hides the whole page rather than risk showing it.
 */
export function storyParts(doc: Document, site: string | null): StoryParts {
  const parts = site === 'otw' ? otwStoryParts(doc) : site === 'ffnet' ? ffnetStoryParts(doc) : site === 'efiction' ? efictionStoryParts(doc) : NO_PARTS;
  if (parts.body.length > 0) return parts;
  const everything = Array.from(doc.body?.children ?? []).filter((el) => !TOP_LEVEL_SKIP.has(el.tagName));
  return { ...NO_PARTS, body: everything };
}

/**
 * Each blurb with the element it was read from. Ids are matched in page order,
 * so a work listed twice (two bookmarks) pairs with its own entries.
 */
export function listingEntries(doc: Document, url: URL, site: string | null, blurbs: Blurb[]): Array<{ blurb: Blurb; element: Element }> {
  const found = site === 'otw' ? otwListingElements(doc, url) : site === 'ffnet' ? ffnetListingElements(doc, url) : site === 'efiction' ? efictionListingElements(doc, url) : [];
  // Each id's elements in page order, taken from the front: a listing of 1,000 entries
  // searched the whole list once per blurb (half a million comparisons).
  const byId = new Map<string, Element[]>();
  for (const { id, element } of found) {
    const queue = byId.get(id);
    if (queue) queue.push(element);
    else byId.set(id, [element]);
  }
  const pairs: Array<{ blurb: Blurb; element: Element }> = [];
  for (const blurb of blurbs) {
    const element = byId.get(blurb.id)?.shift();
    if (element) pairs.push({ blurb, element });
  }
  return pairs;
}
