/**
 * Which pages to fetch to save every chapter of a story, and how politely.
 * Pure: the current page's Story and address in, a plan out. The fetcher
 * (fetcher.ts) carries the plan out.
 */
import type { Story } from '../story';
import { isAo3Host } from '../sites/otw-dom';
import { hasChapterContent } from '../story-html';

export interface FetchRequest {
  url: string;
  /** Chapter indexes this request should yield. */
  chapters: number[];
}

export interface FetchPlan {
  /** none: everything is on the page already; single: one page holds every chapter; per-chapter: one page each. */
  kind: 'none' | 'single' | 'per-chapter';
  requests: FetchRequest[];
  /** Tried for the chapters still missing when this plan's requests fail (AO3 full work, eFiction printable). */
  fallback?: FetchPlan;
  /** Pause between two requests, so an archive sees a reader, not a crawler. */
  delayMs: number;
  /** The story as the current page shows it: its chapters with text need no request, its metadata seeds the result. */
  story?: Story;
}

/** FFN rate-limits bursts; a few seconds between chapters is what it tolerates for long stories. */
export const FFN_DELAY_MS = 2500;
/** AO3 answers 429 quickly to chapter-by-chapter crawling, so its fallback waits longest. */
export const AO3_CHAPTER_DELAY_MS = 3000;
/** Small eFiction archives run on shared hosting. */
export const EFICTION_CHAPTER_DELAY_MS = 2000;
export const GENERIC_CHAPTER_DELAY_MS = 2000;

/** Every chapter the story says it has: those it lists, and 1…posted. */
export function listedChapters(story: Story): number[] {
  const indexes = new Set(story.chapters.map((c) => c.index));
  for (let i = 1; i <= story.chapterCount.posted; i++) indexes.add(i);
  return [...indexes].filter((i) => Number.isInteger(i) && i > 0).sort((a, b) => a - b);
}

/** Chapters whose text the current page does not show. */
export function chaptersToFetch(story: Story): number[] {
  const onPage = new Set(story.chapters.filter(hasChapterContent).map((c) => c.index));
  return listedChapters(story).filter((i) => !onPage.has(i));
}

function parseUrl(href: string | undefined): URL | null {
  if (!href) return null;
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

function siteKey(host: string): string {
  if (isAo3Host(host)) return 'archiveofourown.org';
  return host.toLowerCase().replace(/^(?:www|m)\./, '');
}

/**
 * The address on the page's own origin when it is the same archive (www or
 * mobile host, an AO3 alias): the content script fetches same-origin, so the
 * reader's session and consent cookies apply.
 */
export function onPageOrigin(href: string, page: URL | null): string {
  const url = parseUrl(href);
  if (!url || !page || url.host === page.host || siteKey(url.hostname) !== siteKey(page.hostname)) return href;
  url.protocol = page.protocol;
  url.host = page.host;
  return url.href;
}

function withParam(href: string, name: string, value: string): string {
  const url = parseUrl(href);
  if (!url) return href;
  url.searchParams.set(name, value);
  return url.href;
}

function chapterUrl(story: Story, index: number): string | undefined {
  return story.chapters.find((c) => c.index === index)?.url;
}

function perChapter(story: Story, page: URL | null, needed: number[], delayMs: number, urlFor: (i: number) => string | undefined): FetchPlan {
  const requests: FetchRequest[] = [];
  for (const index of needed) {
    const url = urlFor(index);
    if (url) requests.push({ url: onPageOrigin(url, page), chapters: [index] });
  }
  return { kind: requests.length ? 'per-chapter' : 'none', requests, delayMs };
}

function ao3Plan(story: Story, page: URL | null, needed: number[]): FetchPlan {
  // AO3 shows an adult-content interstitial unless asked not to; the reader already chose to read this work.
  const chapterPlan = perChapter(story, page, needed, AO3_CHAPTER_DELAY_MS, (i) => {
    const url = chapterUrl(story, i);
    return url ? withParam(url, 'view_adult', 'true') : undefined;
  });
  const workId = /\/works\/(\d+)/.exec(story.url)?.[1];
  const storyUrl = parseUrl(story.url);
  if (!workId || !storyUrl) return chapterPlan;
  const full = onPageOrigin(`${storyUrl.origin}/works/${workId}?view_full_work=true&view_adult=true`, page);
  const plan: FetchPlan = { kind: 'single', requests: [{ url: full, chapters: needed }], delayMs: 0 };
  if (chapterPlan.requests.length) plan.fallback = chapterPlan;
  return plan;
}

function ffnPlan(story: Story, page: URL | null, needed: number[]): FetchPlan {
  const base = story.url.replace(/\/+$/, '');
  return perChapter(story, page, needed, FFN_DELAY_MS, (i) => chapterUrl(story, i) ?? (/\/s\/\d+$/.test(base) ? `${base}/${i}/` : undefined));
}

function efictionPlan(story: Story, page: URL | null, needed: number[]): FetchPlan {
  const storyUrl = parseUrl(story.url);
  const sid = storyUrl?.searchParams.get('sid');
  const chapterPlan = perChapter(story, page, needed, EFICTION_CHAPTER_DELAY_MS, (i) => chapterUrl(story, i) ?? `${story.url}&chapter=${i}`);
  if (!storyUrl || !sid) return chapterPlan;
  const dir = storyUrl.href.slice(0, storyUrl.href.indexOf('viewstory.php'));
  const printable = onPageOrigin(`${dir}viewstory.php?action=printable&sid=${sid}&textsize=0&chapter=all`, page);
  const plan: FetchPlan = { kind: 'single', requests: [{ url: printable, chapters: needed }], delayMs: 0 };
  if (chapterPlan.requests.length) plan.fallback = chapterPlan;
  return plan;
}

/**
 * The plan for saving `story`, read from the page at `pageUrl`: AO3 through
 * its full-work view (chapter by chapter as the fallback), FFN chapter by
 * chapter, eFiction through its printable all-chapters view (chapter by
 * chapter as the fallback), anything else through the chapter links it
 * lists. Chapters whose text is on the page need no request.
 */
export function planFetch(story: Story, pageUrl: string): FetchPlan {
  const needed = chaptersToFetch(story);
  if (needed.length === 0) return { kind: 'none', requests: [], delayMs: 0, story };
  return { ...planForSite(story, parseUrl(pageUrl), needed), story };
}

function planForSite(story: Story, page: URL | null, needed: number[]): FetchPlan {
  switch (story.site) {
    case 'otw':
      return ao3Plan(story, page, needed);
    case 'ffnet':
      return ffnPlan(story, page, needed);
    case 'efiction':
      return efictionPlan(story, page, needed);
    default:
      return perChapter(story, page, needed, GENERIC_CHAPTER_DELAY_MS, (i) => chapterUrl(story, i));
  }
}
