import { Readability } from '@mozilla/readability';
import { classifyPage, enrichBlurb, enrichStory, pickAdapter } from '../../../utils/sites';
import { sanitizeHtml } from '../../../utils/sanitize';
import { installDomPurify } from '../../../utils/dompurify';
import { verdict } from '../../../utils/filters/verdict';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/settings';
import { buildSyntheticListing } from '../synthetic-listing';
import { registerAllGuides } from '../../../utils/fandoms/all-guides';
import { timeInterleaved, timeRepeated, type Samples, type TimingOptions } from './timing';

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

/**
 * Case 1: detection + extraction vs Readability on a clone of the same
 * document. On small pages, where Readability takes a few milliseconds, each
 * sample is a batch of calls (both sides alike), so the 0.1 ms clock does not
 * decide the ratio.
 */
function extraction(options: TimingOptions): Samples & { kind: string; site: string | null; split: Record<string, number>; inner: number } {
  const first = classifyPage(document, pageUrl());
  const readability = () => new Readability(document.cloneNode(true) as Document).parse();
  const inner = Math.min(10, Math.max(1, Math.floor(10 / Math.max(quickMedian(readability), 0.1))));
  const samples = timeInterleaved(() => classifyPage(document, pageUrl()), readability, { ...options, inner });
  return { ...samples, kind: first.kind, site: first.site, split: first.kind === 'story' ? extractionSplit() : {}, inner };
}

/** Case 2: what runs on a page that is not a story, vs one walk over every element (touching the page once). */
function detection(options: TimingOptions): Samples & { kind: string; picked: string | null } {
  const first = classifyPage(document, pageUrl());
  const picked = pickAdapter(document, pageUrl())?.id ?? null;
  const samples = timeInterleaved(
    () => classifyPage(document, pageUrl()),
    () => document.querySelectorAll('*').length,
    options,
  );
  return { ...samples, kind: first.kind, picked };
}

let lastHidden = 0;

function judgeListing(): number {
  const page = classifyPage(document, pageUrl());
  const items = page.listing?.items ?? [];
  let hidden = 0;
  for (const item of items) if (verdict(item, FILTER_SETTINGS).hide) hidden++;
  lastHidden = hidden;
  return items.length;
}

/** Case 3: blurbs + verdicts on the page as served; baseline is the same page's querySelectorAll('li.blurb *') walk. */
function listing(options: TimingOptions): Samples & { entries: number; hidden: number } {
  const entries = judgeListing();
  const samples = timeInterleaved(judgeListing, () => document.querySelectorAll('li.blurb *').length, options);
  return { ...samples, entries, hidden: lastHidden };
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

/**
 * Case 3, synthetic: the page's entries cloned up to `count`; how the time
 * splits between extraction, enrichment and verdicts; and the DOM reads alone.
 */
function syntheticListing(
  count: number,
  options: TimingOptions,
): Samples & { entries: number; hidden: number; extractMs: number; enrichMs: number; verdictMs: number; domReads: number[] } {
  buildSyntheticListing(document, count);
  const items = classifyPage(document, pageUrl()).listing?.items ?? [];
  const extractMs = quickMedian(() => classifyPage(document, pageUrl()));
  const fresh = [0, 1, 2].map(() => items.map((item) => structuredClone(item)));
  const enrichMs = quickMedian(() => fresh.pop()!.forEach(enrichBlurb));
  const verdictMs = quickMedian(() => items.forEach((item) => verdict(item, FILTER_SETTINGS)));
  const domReads = timeInterleaved(verdictDomReads, null, options).subject;
  return { ...listing(options), extractMs, enrichMs, verdictMs, domReads };
}

// As the content script has them on a page whose fandom has a guide (it loads the guides part first).
registerAllGuides();

Object.assign(globalThis, { ficshelfBench: { extraction, detection, listing, syntheticListing } });
