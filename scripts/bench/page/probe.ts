import { Readability } from '@mozilla/readability';
import { classifyPage, enrichBlurb, enrichStory, pickAdapter } from '../../../utils/sites';
import { sanitizeHtml } from '../../../utils/sanitize';
import { installDomPurify } from '../../../utils/dompurify';
import { verdict } from '../../../utils/filters/verdict';
import { listingEntries } from '../../../utils/sites/page-elements';
import { blurbTitle, tagTexts } from '../../../utils/sites/otw-dom';
import { blockText, squash } from '../../../utils/metadata/text';
import { parseRating } from '../../../utils/metadata/rating';
import { emptyBlurb, type Rating } from '../../../utils/story';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/settings';
import { buildSyntheticListing, templatesFromHtml } from '../synthetic-listing';
import { registerAllGuides } from '../../../utils/fandoms/all-guides';
import { timeFirst, timeInterleaved, timeRepeated, type Samples, type TimingOptions } from './timing';

// The split below times DOMPurify on the chapter HTML, read here as the reader or saving would.
installDomPurify();

/**
 * Bundled into one script and evaluated in a story-site page (cases 1–3):
 * FicShelf's pure modules run on the live document, as the content script
 * runs them, next to their baselines.
 */

/** A reader who has seen Buffy to 4x09 and reads up to Teen: verdicts do real work on every entry. */
const FILTER_SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  spoilers: { ...DEFAULT_SETTINGS.spoilers, progress: { 'Buffy the Vampire Slayer': { season: 4, episode: 9 } } },
  ratings: { ...DEFAULT_SETTINGS.ratings, max: 'teen' },
};

/** Median of three timings of `work`, for the split between blurb extraction and verdicts. */
function quickMedian(work: () => unknown): number {
  return timeRepeated(work, 3).median;
}

function pageUrl(): URL {
  return new URL(location.href);
}

/**
 * Where classifyPage's time goes on a story page: detection, the adapter's
 * extract, enrichment (fandoms, spoiler marks), and, apart, DOMPurify on the
 * chapter HTML: paid when the html is first read (reader mode, saving), not
 * by classifyPage.
 */
function extractionSplit(): Record<string, number> {
  const url = pageUrl();
  const adapter = pickAdapter(document, url);
  if (!adapter) return {};
  const story = adapter.extract(document, url);
  const html = story?.chapters.map((c) => c.html).join('') ?? '';
  return {
    detect: quickMedian(() => pickAdapter(document, url)),
    extract: quickMedian(() => adapter.extract(document, url)),
    enrich: story ? quickMedian(() => enrichStory(structuredClone(story))) : 0,
    sanitizeOnRead: quickMedian(() => sanitizeHtml(html)),
  };
}

/** The first call of each side on the fresh page (cold), then the repeated samples. */
interface FirstCalls {
  firstMs: number;
  firstBaseMs: number;
}

/**
 * Case 1: detection + extraction vs Readability on a clone of the same
 * document. On small pages, where Readability takes a few milliseconds, each
 * sample is a batch of calls (both sides alike), so the 0.1 ms clock does not
 * decide the ratio. Each side's first call on the page is timed apart (ours
 * first, so a cold page's own costs fall on us).
 */
function extraction(options: TimingOptions): Samples & FirstCalls & { kind: string; site: string | null; split: Record<string, number>; inner: number } {
  const readability = () => new Readability(document.cloneNode(true) as Document).parse();
  const { value: first, ms: firstMs } = timeFirst(() => classifyPage(document, pageUrl()));
  const firstBaseMs = timeFirst(readability).ms;
  const inner = Math.min(10, Math.max(1, Math.floor(10 / Math.max(quickMedian(readability), 0.1))));
  const samples = timeInterleaved(() => classifyPage(document, pageUrl()), readability, { ...options, inner });
  return { ...samples, firstMs, firstBaseMs, kind: first.kind, site: first.site, split: first.kind === 'story' ? extractionSplit() : {}, inner };
}

/** Case 2: what runs on a page that is not a story, vs one walk over every element (touching the page once). */
function detection(options: TimingOptions): Samples & FirstCalls & { kind: string; picked: string | null } {
  const walk = () => document.querySelectorAll('*').length;
  const { value: first, ms: firstMs } = timeFirst(() => classifyPage(document, pageUrl()));
  const firstBaseMs = timeFirst(walk).ms;
  const picked = pickAdapter(document, pageUrl())?.id ?? null;
  const samples = timeInterleaved(() => classifyPage(document, pageUrl()), walk, options);
  return { ...samples, firstMs, firstBaseMs, kind: first.kind, picked };
}

let lastHidden = 0;

/**
 * What the listing filter does before it changes the page: the blurbs
 * (classifyPage), each paired with its entry's element, and a verdict for each.
 */
function judgeListing(): number {
  const url = pageUrl();
  const page = classifyPage(document, url);
  const items = page.listing?.items ?? [];
  let hidden = 0;
  for (const { blurb } of listingEntries(document, url, page.site, items)) if (verdict(blurb, FILTER_SETTINGS).hide) hidden++;
  lastHidden = hidden;
  return items.length;
}

/** Case 3: blurbs + verdicts on the page as served; baseline is the same page's querySelectorAll('li.blurb *') walk. */
function listing(options: TimingOptions): Samples & FirstCalls & { entries: number; hidden: number } {
  const walk = () => document.querySelectorAll('li.blurb *').length;
  const { value: entries, ms: firstMs } = timeFirst(judgeListing);
  const firstBaseMs = timeFirst(walk).ms;
  const samples = timeInterleaved(judgeListing, walk, options);
  return { ...samples, firstMs, firstBaseMs, entries, hidden: lastHidden };
}

/** Texts of a NodeList, by index (the cheapest way measured to read many elements' texts). */
function textsOf(list: NodeListOf<Element>): Array<string | null> {
  const texts: Array<string | null> = [];
  for (let i = 0; i < list.length; i++) texts.push(list.item(i).textContent);
  return texts;
}

const TAG_LISTS = ['li.warnings a.tag', 'li.relationships a.tag', 'li.characters a.tag', 'li.freeforms a.tag'];

/**
 * Only the DOM reads a verdict needs from each entry (title link, creators,
 * fandoms, rating, category and warning symbols, the four tag lists, the
 * summary's text), one scoped query per field as readBlurbs makes them, with
 * no parsing, enrichment or verdict: what any reader of these entries pays
 * before judging one.
 */
function verdictDomReads(): number {
  let texts = 0;
  for (const li of document.querySelectorAll('li.blurb')) {
    const header = li.querySelector('.header') ?? li;
    const heading = header.querySelector('h4.heading');
    texts += heading?.querySelector('a[href*="/works/"]')?.textContent ? 1 : 0;
    texts += heading ? textsOf(heading.querySelectorAll('a[rel~="author"]')).length : 0;
    const fandoms = header.querySelector('h5.fandoms');
    texts += fandoms ? textsOf(fandoms.querySelectorAll('a.tag')).length : 0;
    for (const symbol of ['span.rating', 'span.category', 'span.warnings']) texts += header.querySelector(`ul.required-tags ${symbol}`)?.getAttribute('title') ? 1 : 0;
    const tags = li.querySelector('ul.tags:not(.meta)');
    if (tags) for (const list of TAG_LISTS) texts += textsOf(tags.querySelectorAll(list)).length;
    texts += li.querySelector('blockquote.summary')?.textContent ? 1 : 0;
  }
  return texts;
}

const SPLIT_LIST = /\s*,\s*/;

/**
 * The least a whole read of the listing can cost: each entry's verdict read
 * from the fields a verdict uses and no others (work id, title, creators,
 * fandoms, rating, categories, warnings, the four tag lists, the summary's
 * text), each read and squashed as readBlurbs reads it; then enriched and
 * judged. No stats, dates, series, links made absolute or pairing. Returns
 * how many it hides, to check against the whole pass.
 */
function verdictFloor(): number {
  const ratings = new Map<string, Rating>();
  let hidden = 0;
  for (const li of document.querySelectorAll('li.blurb')) {
    const title = blurbTitle(li);
    if (!title) continue;
    const { header, heading, link, workId } = title;
    const blurb = emptyBlurb('otw', '');
    blurb.id = workId;
    blurb.title = squash(link.textContent);
    blurb.authors = tagTexts(heading, 'a[rel~="author"]').map((name) => ({ name }));
    blurb.fandoms = tagTexts(header.querySelector('h5.fandoms'));
    const symbol = (selector: string) => {
      const el = header.querySelector(`ul.required-tags ${selector}`);
      return squash(el?.getAttribute('title') || el?.textContent);
    };
    const ratingText = symbol('span.rating');
    let rating = ratings.get(ratingText);
    if (!rating) ratings.set(ratingText, (rating = parseRating(ratingText)));
    blurb.rating = { ...rating };
    blurb.categories = symbol('span.category').split(SPLIT_LIST).filter((c) => c && !/^no category$/i.test(c));
    const tags = li.querySelector('ul.tags:not(.meta)');
    blurb.warnings = tagTexts(tags, 'li.warnings a.tag');
    blurb.relationships = tagTexts(tags, 'li.relationships a.tag');
    blurb.characters = tagTexts(tags, 'li.characters a.tag');
    blurb.tags = tagTexts(tags, 'li.freeforms a.tag');
    blurb.summary = blockText(li.querySelector('blockquote.summary'));
    if (verdict(enrichBlurb(blurb), FILTER_SETTINGS).hide) hidden++;
  }
  return hidden;
}

/** Where a synthetic listing's time goes, and the reads timed apart (verdictDomReads, verdictFloor). */
interface SyntheticSplit {
  entries: number;
  hidden: number;
  extractMs: number;
  enrichMs: number;
  pairingMs: number;
  verdictMs: number;
  domReads: number[];
  floor: number[];
  floorHidden: number;
}

/**
 * Case 3, synthetic: the work blurbs in `templatesHtml` (every AO3 listing
 * fixture's) cloned up to `count` in place of the page's entries; how the time
 * splits between extraction, enrichment, pairing and verdicts; the DOM reads
 * alone; and the least a whole read costs (verdictFloor).
 */
function syntheticListing(
  count: number,
  options: TimingOptions,
  templatesHtml: string,
): Samples & FirstCalls & SyntheticSplit {
  buildSyntheticListing(document, count, undefined, templatesFromHtml(document, templatesHtml));
  // The first read of the grown listing, before any of its lines is cached (the page's own 20 were never read).
  const firstMs = timeFirst(judgeListing).ms;
  const firstBaseMs = timeFirst(() => document.querySelectorAll('li.blurb *').length).ms;
  const url = pageUrl();
  const items = classifyPage(document, url).listing?.items ?? [];
  const extractMs = quickMedian(() => classifyPage(document, url));
  const fresh = [0, 1, 2].map(() => items.map((item) => structuredClone(item)));
  const enrichMs = quickMedian(() => fresh.pop()!.forEach(enrichBlurb));
  const pairingMs = quickMedian(() => listingEntries(document, url, 'otw', items));
  const verdictMs = quickMedian(() => items.forEach((item) => verdict(item, FILTER_SETTINGS)));
  const domReads = timeInterleaved(verdictDomReads, null, options).subject;
  const floor = timeInterleaved(verdictFloor, null, options).subject;
  return { ...listing(options), firstMs, firstBaseMs, extractMs, enrichMs, pairingMs, verdictMs, domReads, floor, floorHidden: verdictFloor() };
}

// As the content script has them on a page whose fandom has a guide (it loads the guides part first).
registerAllGuides();

Object.assign(globalThis, { ficshelfBench: { extraction, detection, listing, syntheticListing } });
