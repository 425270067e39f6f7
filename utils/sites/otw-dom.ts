/**
 * DOM helpers shared by the OTW work-page and listing readers. They read
 * one given container at a time, so pages with missing parts give empty
 * values instead of throwing.
 */
import type { Author, Note, SeriesRef } from '../story';
import { blockText, squash } from '../metadata/text';
import { lazyHtml } from '../story-html';

/** Hosts that are AO3 itself (ids "ao3:…"); every other OTW install gets "otw:<host>:…". */
export function isAo3Host(host: string): boolean {
  return /(^|\.)archiveofourown\.org$/i.test(host) || /(^|\.)ao3\.org$/i.test(host);
}

export function storyId(host: string, workId: string): string {
  return isAo3Host(host) ? `ao3:${workId}` : `otw:${host.toLowerCase()}:${workId}`;
}

export function canonicalWorkUrl(host: string, workId: string): string {
  return `https://${isAo3Host(host) ? 'archiveofourown.org' : host.toLowerCase()}/works/${workId}`;
}

/**
 * An href made absolute on the page's host; undefined for empty, unreadable or
 * non-web links (a javascript: or data: author link must never become a URL we keep).
 */
export function absoluteUrl(href: string | null | undefined, base: URL): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** "/works/123", "/works/123/chapters/9" → "123". */
export function workIdFromPath(path: string | null | undefined): string | undefined {
  return /\/works\/(\d+)/.exec(path ?? '')?.[1];
}

/** A blurb's header, heading and title link, and the work id the link (else the entry's own id) gives. */
export interface BlurbTitle {
  header: Element;
  heading: Element;
  link: Element;
  workId: string;
}

/**
 * Where a blurb names its work, or null when it names none (a bookmarked
 * series or external work). readBlurbs and the listing filter's element
 * lookup both read it here, so they cannot disagree on a blurb's id. Step by
 * step: 'h4.heading a[…]' as one selector cost three times as much in Chromium.
 */
export function blurbTitle(li: Element): BlurbTitle | null {
  const header = li.querySelector('.header') ?? li;
  const heading = header.querySelector('h4.heading');
  const link = heading?.querySelector('a[href*="/works/"]');
  const workId = workIdFromPath(link?.getAttribute('href')) ?? /^work_(\d+)$/.exec(li.id)?.[1];
  return heading && link && workId ? { header, heading, link, workId } : null;
}

/**
 * Every work or bookmark blurb (`li.work.blurb, li.bookmark.blurb`), in page
 * order. In Chromium a selector list costs a walk of the page per selector; on
 * a long listing one `li.blurb` query and a class check cost a quarter of it.
 */
export function workBlurbElements(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll('li.blurb')).filter((li) => li.classList.contains('work') || li.classList.contains('bookmark'));
}

/**
 * Text of each tag link in a container, in page order. Indexed: a listing
 * reads ~30 tags per blurb, and in Chromium iterating a NodeList through
 * `Array.from` costs several times what reading each tag's text does.
 */
export function tagTexts(container: Element | null | undefined, selector = 'a.tag'): string[] {
  const texts: string[] = [];
  if (!container) return texts;
  const links = container.querySelectorAll(selector);
  for (let i = 0; i < links.length; i++) {
    const text = squash(links[i]!.textContent);
    if (text) texts.push(text);
  }
  return texts;
}

/**
 * Authors from a byline: each rel=author link as displayed ("Pseud (username)",
 * "orphan_account"); an unlinked byline ("Anonymous") is kept as its text.
 */
export function readAuthors(byline: Element | null | undefined, base: URL): Author[] {
  if (!byline) return [];
  const links = Array.from(byline.querySelectorAll('a[rel~="author"]'));
  if (links.length > 0) {
    return links
      .map((a) => ({ name: squash(a.textContent), url: absoluteUrl(a.getAttribute('href'), base) }))
      .filter((a) => a.name)
      .map((a) => (a.url ? a : { name: a.name }));
  }
  const text = squash(byline.textContent).replace(/^by\s+/i, '');
  return text ? text.split(/\s*,\s*/).filter(Boolean).map((name) => ({ name })) : [];
}

/** Series links: "Part 2 of <a>Name</a>" (also the older "Part 2 of the <a>Name</a> series"). */
export function readSeries(containers: Element[], base: URL): SeriesRef[] {
  const series: SeriesRef[] = [];
  for (const item of containers) {
    const link = item.querySelector('a[href*="/series/"]');
    if (!link) continue;
    const name = squash(link.textContent);
    if (!name) continue;
    const part = /Part\s+(\d+)/i.exec(squash(item.textContent))?.[1];
    const ref: SeriesRef = { name };
    const url = absoluteUrl(link.getAttribute('href'), base);
    if (url) ref.url = url;
    if (part) ref.part = Number(part);
    series.push(ref);
  }
  return series;
}

/** Chapters "x/y" or "x/?" → counts and the status the conventions give them. */
export function readChapterCount(raw: string | null | undefined): {
  chapterCount: { posted: number; planned?: number };
  status: 'complete' | 'in-progress' | 'unknown';
} {
  const m = /(\d[\d,.]*)\s*\/\s*(\d[\d,.]*|\?)/.exec(squash(raw));
  if (!m) return { chapterCount: { posted: 0 }, status: 'unknown' };
  const posted = Number(m[1]!.replace(/[,.]/g, ''));
  if (m[2] === '?') return { chapterCount: { posted }, status: 'in-progress' };
  const planned = Number(m[2]!.replace(/[,.]/g, ''));
  return { chapterCount: { posted, planned }, status: posted >= planned ? 'complete' : 'in-progress' };
}

/**
 * Other AO3 extensions inject UI into the page (buttons, banners, tooltips).
 * AO3's own sanitizer strips `style` attributes from works, so a styled
 * element inside user text was added by a script; the AO3 Helper extension
 * marks its additions with "ao3h-" classes (wrappers around the author's
 * own words are unwrapped, not dropped).
 */
export function stripInjectedUi(root: Element): void {
  root.querySelectorAll('button, select, input, textarea, form, script, style, noscript, [role="button"]').forEach((el) => el.remove());
  root.querySelectorAll('[style]').forEach((el) => el.remove());
  for (const el of Array.from(root.querySelectorAll('[class*="ao3h-"]'))) {
    if (!root.contains(el)) continue; // already gone with a removed ancestor
    const tokens = Array.from(el.classList).filter((c) => c.startsWith('ao3h-'));
    if (tokens.some((c) => /-(wrap|replaced)$/.test(c))) el.replaceWith(...Array.from(el.childNodes));
    else el.remove();
  }
}

/** A cleaned copy of user text: landmark headings and injected UI removed. */
export function cleanCopy(el: Element): Element {
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('.landmark').forEach((n) => n.remove());
  stripInjectedUi(copy);
  return copy;
}

/**
 * An author's note from a notes module: only the blockquote of user text,
 * so "See the end of the chapter for more notes" pointers are left out.
 */
export function readNote(module: Element, position: Note['position']): Note | null {
  const quote = module.querySelector('blockquote.userstuff');
  if (!quote) return null;
  const copy = cleanCopy(quote);
  const text = blockText(copy);
  if (!text) return null;
  return lazyHtml({ position, text, html: '' }, copy);
}

export function readNotes(modules: Element[], position: Note['position']): Note[] {
  return modules.map((m) => readNote(m, position)).filter((n): n is Note => n !== null);
}
