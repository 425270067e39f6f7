/**
 * Reads work blurbs on OTW Archive listings: works and tag listings, series
 * pages, bookmarks, user works and search results. A bookmark blurb yields
 * the bookmarked work; the bookmarker's own tags and notes are not the work's.
 */
import { emptyStory, type Blurb } from '../story';
import { blockText, isoDate, parseCount, squash } from '../metadata/text';
import { parseRating } from '../metadata/rating';
import { absoluteUrl, canonicalWorkUrl, readChapterCount, readSeries, storyId, tagTexts, workIdFromPath } from './otw-dom';
import { OTW_SITE } from './otw-work';

export function readBlurbs(doc: Document, url: URL): Blurb[] | null {
  const items = Array.from(doc.querySelectorAll('li.work.blurb, li.bookmark.blurb'));
  const blurbs = items.map((li) => readBlurb(li, url)).filter((b): b is Blurb => b !== null);
  return blurbs.length > 0 ? blurbs : null;
}

/**
 * One blurb, or null when it is not a work (a bookmarked series or external work).
 *
 * A listing holds hundreds of blurbs, so each is read with few DOM calls:
 * one query per part of the blurb (the required-tag symbols, the tag list,
 * the stats), each answer sorted by class, instead of one query per field.
 * What each field reads is the same as its own selector would give.
 */
export function readBlurb(li: Element, url: URL): Blurb | null {
  const header = li.querySelector('.header') ?? li;
  const heading = header.querySelector('h4.heading');
  const titleLink = heading?.querySelector('a[href*="/works/"]');
  const workId = workIdFromPath(titleLink?.getAttribute('href')) ?? /^work_(\d+)$/.exec(li.id)?.[1];
  if (!titleLink || !workId) return null;

  const blurb: Blurb = { ...withoutChapters(emptyStory(OTW_SITE, url.href)) };
  blurb.id = storyId(url.host, workId);
  blurb.url = canonicalWorkUrl(url.host, workId);
  blurb.title = squash(titleLink.textContent);
  blurb.authors = blurbAuthors(heading!, titleLink, url);
  blurb.fandoms = tagTexts(header.querySelector('h5.fandoms'));
  const symbols = requiredTagSymbols(header);
  blurb.rating = parseRating(symbolText(symbols.rating));
  blurb.categories = symbolList(symbols.category).filter((c) => !/^no category$/i.test(c));

  const tags = tagLists(li.querySelector('ul.tags:not(.meta)'));
  blurb.warnings = tags.warnings.length > 0 ? tags.warnings : symbolList(symbols.warnings);
  blurb.relationships = tags.relationships;
  blurb.characters = tags.characters;
  blurb.tags = tags.freeforms;
  blurb.summary = blockText(li.querySelector('blockquote.summary'));

  const stats = statValues(li.querySelector('dl.stats'));
  const language = squash(stats.language);
  if (language) blurb.language = language;
  const words = parseCount(stats.words);
  if (words !== undefined) blurb.words = words;
  const { chapterCount, status } = readChapterCount(stats.chapters);
  blurb.chapterCount = chapterCount;
  blurb.status = status !== 'unknown' ? status : symbolStatus(symbols.iswip);
  const updated = isoDate(header.querySelector('p.datetime')?.textContent);
  if (updated) blurb.updated = updated;
  // Most works are in no series: a class lookup settles that before the selector runs.
  if (li.getElementsByClassName('series')[0]) {
    const series = readSeries(Array.from(li.querySelectorAll('ul.series > li')), url);
    if (series.length > 0) blurb.series = series;
  }
  return blurb;
}

/** Whether a class attribute's value holds the class (as classList would say), without splitting it. */
function hasClass(value: string, name: string): boolean {
  for (let at = value.indexOf(name); at >= 0; at = value.indexOf(name, at + 1)) {
    const end = at + name.length;
    if ((at === 0 || isAsciiSpace(value.charCodeAt(at - 1))) && (end === value.length || isAsciiSpace(value.charCodeAt(end)))) return true;
  }
  return false;
}

/** The separators of a class attribute: space, tab, line feed, form feed, carriage return. */
const isAsciiSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 12 || code === 13;

const SYMBOL_KINDS = ['rating', 'warnings', 'category', 'iswip'] as const;
type SymbolKind = (typeof SYMBOL_KINDS)[number];

/** The first `ul.required-tags span.<kind>` of each kind in the header, from one query. */
function requiredTagSymbols(header: Element): Partial<Record<SymbolKind, Element>> {
  const found: Partial<Record<SymbolKind, Element>> = {};
  for (const span of Array.from(header.querySelectorAll('ul.required-tags span[class]'))) {
    const className = span.getAttribute('class') ?? '';
    for (const kind of SYMBOL_KINDS) if (!found[kind] && hasClass(className, kind)) found[kind] = span;
  }
  return found;
}

const TAG_KINDS = ['warnings', 'relationships', 'characters', 'freeforms'] as const;
type TagKind = (typeof TAG_KINDS)[number];

/**
 * The texts of `li.<kind> a.tag` in the tag list for each kind, from one
 * query: a tag belongs to every kind of list item it sits in (the list's own
 * ancestors count too, as they do for a selector).
 */
function tagLists(list: Element | null): Record<TagKind, string[]> {
  const lists: Record<TagKind, string[]> = { warnings: [], relationships: [], characters: [], freeforms: [] };
  if (!list) return lists;
  const outer = kindsOfListItems(list, null);
  for (const a of Array.from(list.querySelectorAll('a.tag'))) {
    const kinds = outer | kindsOfListItems(a.parentElement, list);
    if (kinds === 0) continue;
    const text = squash(a.textContent);
    if (!text) continue;
    TAG_KINDS.forEach((kind, bit) => {
      if (kinds & (1 << bit)) lists[kind].push(text);
    });
  }
  return lists;
}

/** The tag kinds (one bit each, in TAG_KINDS order) of the `li` elements from `from` up to, not including, `stop`. */
function kindsOfListItems(from: Element | null, stop: Element | null): number {
  let kinds = 0;
  for (let el = from; el && el !== stop; el = el.parentElement) {
    if (el.localName !== 'li') continue;
    const value = el.getAttribute('class') ?? '';
    TAG_KINDS.forEach((kind, bit) => {
      if (hasClass(value, kind)) kinds |= 1 << bit;
    });
  }
  return kinds;
}

/** The text of the first `dd.language`, `dd.words` and `dd.chapters` of the stats, from one query. */
function statValues(stats: Element | null): { language?: string; words?: string; chapters?: string } {
  const values: { language?: string; words?: string; chapters?: string } = {};
  if (!stats) return values;
  for (const dd of Array.from(stats.querySelectorAll('dd.language, dd.words, dd.chapters'))) {
    const className = dd.getAttribute('class') ?? '';
    for (const kind of ['language', 'words', 'chapters'] as const)
      if (values[kind] === undefined && hasClass(className, kind)) values[kind] = dd.textContent ?? '';
  }
  return values;
}

function withoutChapters(story: ReturnType<typeof emptyStory>): Blurb {
  const { chapters: _chapters, ...rest } = story;
  return rest;
}

/** Creators after "by" in the heading; an unlinked "Anonymous" is read from the words themselves. */
function blurbAuthors(heading: Element, titleLink: Element, url: URL) {
  const links = Array.from(heading.querySelectorAll('a[rel~="author"]'));
  if (links.length > 0) {
    return links.map((a) => {
      const href = authorUrl(a.getAttribute('href'), url);
      const name = squash(a.textContent);
      return href ? { name, url: href } : { name };
    });
  }
  const own = Array.from(heading.childNodes)
    .filter((n) => n !== titleLink && (n.nodeType === 3 || (n as Element).tagName === 'A'))
    .map((n) => n.textContent ?? '')
    .join(' ');
  const byline = /\bby\s+(.*?)(?:\s+for\s+.*)?$/i.exec(squash(own))?.[1];
  return byline ? byline.split(/\s*,\s*/).filter(Boolean).map((name) => ({ name })) : [];
}

/**
 * Author links made absolute, remembered: a listing names the same creators
 * on many blurbs, and parsing a URL costs more than the rest of a byline.
 */
const authorUrls = new Map<string, string | undefined>();

function authorUrl(href: string | null, base: URL): string | undefined {
  const key = `${base.href}\n${href}`;
  if (!authorUrls.has(key)) {
    if (authorUrls.size >= 2_000) authorUrls.clear();
    authorUrls.set(key, absoluteUrl(href, base));
  }
  return authorUrls.get(key);
}

/** A required-tags symbol's words: its title, else its text. */
function symbolText(symbol: Element | undefined): string {
  return squash(symbol?.getAttribute('title') || symbol?.textContent);
}

function symbolList(symbol: Element | undefined): string[] {
  const text = symbolText(symbol);
  return text ? text.split(/\s*,\s*/).filter(Boolean) : [];
}

function symbolStatus(symbol: Element | undefined): Blurb['status'] {
  if (symbol?.classList.contains('complete-yes')) return 'complete';
  if (symbol?.classList.contains('complete-no')) return 'in-progress';
  return 'unknown';
}
