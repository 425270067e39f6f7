/**
 * Reads work blurbs on OTW Archive listings: works and tag listings, series
 * pages, bookmarks, user works and search results. A bookmark blurb yields
 * the bookmarked work; the bookmarker's own tags and notes are not the work's.
 */
import { emptyBlurb, type Author, type Blurb, type Rating } from '../story';
import { blockText, isoDate, parseCount, squash } from '../metadata/text';
import { parseRating } from '../metadata/rating';
import { absoluteUrl, blurbTitle, canonicalWorkUrl, readChapterCount, readSeries, storyId, tagTexts, workBlurbElements } from './otw-dom';
import { OTW_SITE } from './otw-work';

export function readBlurbs(doc: Document, url: URL): Blurb[] | null {
  const page = listingPage(url);
  const blurbs = workBlurbElements(doc).map((li) => readBlurb(li, page)).filter((b): b is Blurb => b !== null);
  return blurbs.length > 0 ? blurbs : null;
}

/**
 * What every blurb of a listing shares, worked out once: `href` and `host`
 * are getters that serialise the URL on every call, the story id and work
 * address depend only on the host, and a listing names the same creators
 * and ratings on many blurbs.
 */
interface ListingPage {
  url: URL;
  href: string;
  /** storyId(host, id) is this followed by the id. */
  idPrefix: string;
  /** canonicalWorkUrl(host, id) is this followed by the id. */
  workUrlPrefix: string;
  /** Author links made absolute (parsing a URL costs more than the rest of a byline). */
  authorUrls: Map<string | null, string | undefined>;
  ratings: Map<string, Rating>;
}

function listingPage(url: URL): ListingPage {
  const host = url.host;
  return { url, href: url.href, idPrefix: storyId(host, ''), workUrlPrefix: canonicalWorkUrl(host, ''), authorUrls: new Map(), ratings: new Map() };
}

/**
 * One blurb, or null when it is not a work (a bookmarked series or external work).
 *
 * A listing holds hundreds of blurbs. In Chromium a scoped selector query
 * costs less than reading an element's attributes or parents from script
 * (a pass over the blurb's children reading their classes, tried in place of
 * the part queries, was slower), so each field is its own query; what costs
 * is avoided instead (a series query on blurbs with no series, a URL parse
 * per author link, iterating a NodeList through `Array.from`).
 */
function readBlurb(li: Element, page: ListingPage): Blurb | null {
  const title = blurbTitle(li);
  if (!title) return null;
  const { header, heading, link: titleLink, workId } = title;

  const blurb = emptyBlurb(OTW_SITE, page.href);
  blurb.id = page.idPrefix + workId;
  blurb.url = page.workUrlPrefix + workId;
  blurb.title = squash(titleLink.textContent);
  blurb.authors = blurbAuthors(heading, titleLink, page);
  blurb.fandoms = tagTexts(header.querySelector('h5.fandoms'));
  blurb.rating = ratingOf(symbolText(header, 'span.rating'), page);
  blurb.categories = symbolList(header, 'span.category').filter((c) => !/^no category$/i.test(c));

  const tags = li.querySelector('ul.tags:not(.meta)');
  const warnings = tagTexts(tags, 'li.warnings a.tag');
  blurb.warnings = warnings.length > 0 ? warnings : symbolList(header, 'span.warnings');
  blurb.relationships = tagTexts(tags, 'li.relationships a.tag');
  blurb.characters = tagTexts(tags, 'li.characters a.tag');
  blurb.tags = tagTexts(tags, 'li.freeforms a.tag');
  blurb.summary = blockText(li.querySelector('blockquote.summary'));

  const stats = li.querySelector('dl.stats');
  const language = squash(stats?.querySelector('dd.language')?.textContent);
  if (language) blurb.language = language;
  const words = parseCount(stats?.querySelector('dd.words')?.textContent);
  if (words !== undefined) blurb.words = words;
  const { chapterCount, status } = readChapterCount(stats?.querySelector('dd.chapters')?.textContent);
  blurb.chapterCount = chapterCount;
  blurb.status = status !== 'unknown' ? status : symbolStatus(header);
  const updated = isoDate(header.querySelector('p.datetime')?.textContent);
  if (updated) blurb.updated = updated;
  // Most works are in no series: a class lookup settles that before the selector runs.
  if (li.getElementsByClassName('series')[0]) {
    const series = readSeries(Array.from(li.querySelectorAll('ul.series > li')), page.url);
    if (series.length > 0) blurb.series = series;
  }
  return blurb;
}

/** Creators after "by" in the heading; an unlinked "Anonymous" is read from the words themselves. */
function blurbAuthors(heading: Element, titleLink: Element, page: ListingPage) {
  const links = heading.querySelectorAll('a[rel~="author"]');
  if (links.length > 0) {
    const authors: Author[] = [];
    for (let i = 0; i < links.length; i++) {
      const a = links.item(i);
      const href = authorUrl(a.getAttribute('href'), page);
      const name = squash(a.textContent);
      authors.push(href ? { name, url: href } : { name });
    }
    return authors;
  }
  const own = Array.from(heading.childNodes)
    .filter((n) => n !== titleLink && (n.nodeType === 3 || (n as Element).tagName === 'A'))
    .map((n) => n.textContent ?? '')
    .join(' ');
  const byline = /\bby\s+(.*?)(?:\s+for\s+.*)?$/i.exec(squash(own))?.[1];
  return byline ? byline.split(/\s*,\s*/).filter(Boolean).map((name) => ({ name })) : [];
}

function authorUrl(href: string | null, page: ListingPage): string | undefined {
  if (!page.authorUrls.has(href)) page.authorUrls.set(href, absoluteUrl(href, page.url));
  return page.authorUrls.get(href);
}

/** The symbol's rating, parsed once per listing; each blurb gets its own copy. */
function ratingOf(text: string, page: ListingPage): Rating {
  let rating = page.ratings.get(text);
  if (!rating) page.ratings.set(text, (rating = parseRating(text)));
  return { ...rating };
}

/** A required-tags symbol's words: its title, else its text. */
function symbolText(header: Element, selector: string): string {
  const symbol = header.querySelector(`ul.required-tags ${selector}`);
  return squash(symbol?.getAttribute('title') || symbol?.textContent);
}

function symbolList(header: Element, selector: string): string[] {
  const text = symbolText(header, selector);
  return text ? text.split(/\s*,\s*/).filter(Boolean) : [];
}

function symbolStatus(header: Element): Blurb['status'] {
  const symbol = header.querySelector('ul.required-tags span.iswip');
  if (symbol?.classList.contains('complete-yes')) return 'complete';
  if (symbol?.classList.contains('complete-no')) return 'in-progress';
  return 'unknown';
}
