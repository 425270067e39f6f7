import type { SiteAdapter } from './types';
import { readWork } from './otw-work';
import { readBlurbs } from './otw-blurb';
import { readChapterIndex } from './otw-navigate';

/**
 * Markers of the OTW Archive software, whatever the domain: the work skin and
 * meta block of work pages, blurbs of listings, and the OTW footer and logo
 * every page of the family carries (so its 404 and login pages are claimed too,
 * and no other adapter misreads them).
 */
function hasOtwMarkup(doc: Document): boolean {
  // Id lookups are indexed; scoped queries stay inside the footer and header.
  if (doc.getElementById('workskin')) return true;
  if (doc.getElementById('footer')?.querySelector('a[href*="transformativeworks.org"]')) return true;
  if (doc.getElementById('header')?.querySelector('img.logo[src*="ao3_logos"]')) return true;
  // A list of compound selectors takes Chromium's slow path over every element (0.1–1.3 ms on a news
  // page); a single class is its fast path. Each of the three needs a .work or .blurb element.
  if (!doc.querySelector('.work') && !doc.querySelector('.blurb')) return false;
  return doc.querySelector('dl.work.meta.group, li.work.blurb, li.bookmark.blurb') !== null;
}

export const otw: SiteAdapter = {
  id: 'otw',
  name: 'Archive of Our Own and other OTW archives',
  // Other OTW installs live on their own domains: any web page may be one, the markup decides.
  matches: (url) => url.protocol === 'https:' || url.protocol === 'http:',
  detect: (doc) => hasOtwMarkup(doc),
  extract: (doc, url) => readWork(doc, url) ?? readChapterIndex(doc, url),
  listing: (doc, url) => readBlurbs(doc, url),
};
