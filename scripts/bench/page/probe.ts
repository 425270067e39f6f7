import { Readability } from '@mozilla/readability';
import { classifyPage, enrichStory, pickAdapter } from '../../../utils/sites';
import { sanitizeHtml } from '../../../utils/sanitize';
import { installDomPurify } from '../../../utils/dompurify';
import { verdict } from '../../../utils/filters/verdict';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/settings';
import { buildSyntheticListing } from '../synthetic-listing';
import { registerAllGuides } from '../../../utils/fandoms/all-guides';
import { timeInterleaved, type Samples, type TimingOptions } from './timing';

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
  const times = [0, 1, 2].map(() => {
    const start = performance.now();
    work();
    return performance.now() - start;
  });
  return times.sort((a, b) => a - b)[1]!;
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

/** Case 1: detection + extraction vs Readability on a clone of the same document. */
function extraction(options: TimingOptions): Samples & { kind: string; site: string | null; split: Record<string, number> } {
  const first = classifyPage(document, pageUrl());
  const samples = timeInterleaved(
    () => classifyPage(document, pageUrl()),
    () => new Readability(document.cloneNode(true) as Document).parse(),
    options,
  );
  return { ...samples, kind: first.kind, site: first.site, split: first.kind === 'story' ? extractionSplit() : {} };
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

/** Case 3, synthetic: the page's entries cloned up to `count`; also how the time splits between extraction and verdicts. */
function syntheticListing(count: number, options: TimingOptions): Samples & { entries: number; hidden: number; extractMs: number; verdictMs: number } {
  buildSyntheticListing(document, count);
  const items = classifyPage(document, pageUrl()).listing?.items ?? [];
  const extractMs = quickMedian(() => classifyPage(document, pageUrl()));
  const verdictMs = quickMedian(() => items.forEach((item) => verdict(item, FILTER_SETTINGS)));
  return { ...listing(options), extractMs, verdictMs };
}

// As the content script has them on a page whose fandom has a guide (it loads the guides part first).
registerAllGuides();

Object.assign(globalThis, { ficshelfBench: { extraction, detection, listing, syntheticListing } });
