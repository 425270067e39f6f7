import { Readability } from '@mozilla/readability';
import type { SiteAdapter } from './types';
import { genericDetection } from './generic-detect';
import { emptyStory } from '../story';
import { sanitizeHtml } from '../sanitize';
import { blockText, countWords, hashString, squash } from '../metadata/text';

/**
 * The fallback for any page the reader enabled FicShelf on: Mozilla's
 * Readability finds the main text. It knows nothing of fanfiction headers, so
 * the story has a title, a byline and one chapter, and nothing else.
 */
export const generic: SiteAdapter = {
  ...genericDetection,
  name: 'Any page (Readability)',
  extract(doc, url) {
    // Readability rewrites the tree it reads; the page must stay untouched.
    const clone = doc.cloneNode(true) as Document;
    removePageChrome(clone);
    const article = new Readability(clone).parse();
    if (!article?.content) return null;
    const isSiteName = siteNameTest(doc, url);
    const title = pageTitle(doc, isSiteName) || squash(article.title) || squash(doc.title);
    const inert = doc.implementation.createHTMLDocument('');
    inert.body.innerHTML = sanitizeHtml(article.content, doc.defaultView);
    trimEdges(inert.body, title);
    const text = blockText(inert.body);
    if (!text) return null;
    const html = inert.body.innerHTML.trim();
    const canonical = canonicalUrl(doc, url);
    const story = emptyStory('generic', canonical);
    story.id = `generic:${hashString(canonical)}`;
    story.title = title || canonical;
    const author = pageAuthor(doc, article.byline, isSiteName);
    if (author) story.authors = [{ name: author }];
    story.summary = squash(article.excerpt);
    if (article.lang) story.language = article.lang;
    const published = article.publishedTime?.slice(0, 10);
    if (published && /^\d{4}-\d\d-\d\d$/.test(published)) story.published = published;
    const words = countWords(text);
    story.words = words;
    story.chapterCount = { posted: 1 };
    story.chapters = [{ index: 1, url: canonical, html, text, words }];
    return story;
  },
};

function canonicalUrl(doc: Document, url: URL): string {
  const href = doc.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.getAttribute('href');
  try {
    if (href) return new URL(href, url).href;
  } catch {
    /* a broken canonical link: fall back to the address */
  }
  const u = new URL(url.href);
  u.hash = '';
  return u.href;
}

/**
 * Page furniture Readability keeps when it sits next to the text: menus and
 * breadcrumbs, the site's own banner and footer (not an article's).
 */
const CHROME = ['nav', '[role="navigation"]', '.breadcrumb', '.breadcrumbs'];

function removePageChrome(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll(CHROME.join(',')))) el.remove();
  for (const el of Array.from(doc.querySelectorAll('header, footer'))) {
    if (!el.parentElement?.closest('article, main, [role="main"]')) el.remove();
  }
}

/** Letters and digits only, lower case: "Fanfictions.fr" and "fanfictions.fr" compare equal. */
const bare = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Whether a text is the site's own name (og:site_name, or a label of the host), never a story's title or author. */
function siteNameTest(doc: Document, url: URL): (text: string) => boolean {
  const names = new Set<string>();
  const add = (s: string | null | undefined) => {
    const b = bare(s ?? '');
    if (b) names.add(b);
  };
  add(doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content'));
  add(doc.querySelector('meta[name="application-name"]')?.getAttribute('content'));
  const host = url.hostname.replace(/^www\./, '');
  add(host);
  // The domain's own label ("sufficientvelocity"), not a subdomain: author sites
  // such as jeconais.fanficauthors.net are named after their author.
  const labels = host.split('.');
  if (labels.length >= 2) add(labels[labels.length - 2]);
  return (text) => names.has(bare(text));
}

/**
 * The title as the page shows it: a heading the document title is built
 * around. Document titles carry the site's name and labels ("Fanfic : X",
 * "X | Page 54 | Forum"); the heading is the title without them. The site's
 * own banner heading (a blog's name) does not count.
 */
function pageTitle(doc: Document, isSiteName: (t: string) => boolean): string {
  const docTitle = squash(doc.title);
  if (!docTitle) return '';
  for (const level of ['h1', 'h2']) {
    const found = Array.from(doc.querySelectorAll(level))
      .filter((h) => !inBanner(h))
      .map((h) => squash(h.textContent))
      .filter((t) => t.length > 1 && t.length <= 200 && !isSiteName(t) && framesTitle(docTitle, t))
      .sort((a, b) => b.length - a.length)[0];
    if (found) return found;
  }
  return '';
}

const BANNER = /^(?:(?:site|page|global|main|top)[-_]?)?(?:header|banner|masthead|topbar|logo|branding)$|^site[-_]?(?:title|name)$/i;

/** Inside the site's banner: a page-level <header>, or a block named like one (not an article's own header). */
function inBanner(el: Element): boolean {
  if (el.closest('article, main, [role="main"]')) return false;
  for (let a = el.parentElement; a && a.tagName !== 'BODY'; a = a.parentElement) {
    if (a.tagName === 'HEADER') return true;
    const names = `${a.id} ${a.getAttribute('class') ?? ''}`.split(/\s+/);
    if (names.some((n) => BANNER.test(n))) return true;
  }
  return false;
}

const SEPARATOR_BEFORE = /(?:[|:\-–—·»\/_@~]|::)\s*$/;
const SEPARATOR_AFTER = /^\s*(?:[|:\-–—·«\/_@~,(\[]|::)/;

/**
 * Whether a heading is the document title's own subject: its opening words,
 * or a part set off by separators ("Fanfic : X", "Site - X - Page 2").
 */
function framesTitle(docTitle: string, heading: string): boolean {
  const escaped = heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').exec(docTitle);
  if (!m) return false;
  if (m.index === 0) return true;
  const before = docTitle.slice(0, m.index);
  const after = docTitle.slice(m.index + m[0].length);
  return SEPARATOR_BEFORE.test(before) && (after.trim() === '' || SEPARATOR_AFTER.test(after));
}

/**
 * Who wrote the page: Readability's byline unless it is the site's name (a
 * `<meta name="author">` often is), then author markup, a "By X" line, or a
 * "started by / posted by X" link (forum threads).
 */
function pageAuthor(doc: Document, byline: string | null | undefined, isSiteName: (t: string) => boolean): string {
  const candidates = [byline ?? '', ...markedAuthors(doc), ...byLines(doc), ...byLinks(doc)];
  for (const candidate of candidates) {
    const name = authorName(withoutDate(squash(candidate)));
    if (name && name.length <= 60 && !isSiteName(name)) return name;
  }
  return '';
}

const DATE_IN_LINE =
  /(?:\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:\b\d{1,2}(?:st|nd|rd|th)?\s+)?\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/i;

/**
 * A byline without the date bylines often carry ("By Nathan Willis March 25,
 * 2015" → "Nathan Willis"); empty when the line is only a date or a label for
 * one ("Last updated: January 7, 2025").
 */
function withoutDate(text: string): string {
  const m = DATE_IN_LINE.exec(text);
  if (!m) return text;
  const before = text.slice(0, m.index).trim();
  return before.endsWith(':') ? '' : before;
}

function authorName(text: string): string {
  return squash(text)
    .replace(/^(?:(?:written|posted)\s+)?by\s*:?\s+/i, '')
    .replace(/^author\s*:\s*/i, '')
    .replace(/[\s,;:.|·•–—-]+$/, '');
}

function markedAuthors(doc: Document): string[] {
  return Array.from(doc.querySelectorAll('[itemprop~="author"], [rel~="author"]')).map(
    (el) => el.querySelector('[itemprop~="name"]')?.textContent ?? el.textContent ?? '',
  );
}

/** Short elements that read "By X" or "Written by X" and nothing else. */
function byLines(doc: Document): string[] {
  const out: string[] = [];
  // Walk text nodes, not elements: reading every element's textContent is quadratic on long pages.
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!/^\s*(?:written\s+)?by\b/i.test(node.nodeValue ?? '')) continue;
    const line = squash(node.parentElement?.textContent);
    if (line.length <= 80 && /^(?:written\s+)?by\s*:?\s+\S/i.test(line)) out.push(line);
  }
  return out;
}

/** "started by <a>X</a>", "posted by <a>X</a>": the link right after the phrase names the author. */
function byLinks(doc: Document): string[] {
  const out: string[] = [];
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!/\b(?:started|posted|written)\s+by\s*:?\s*$/i.test(node.nodeValue ?? '')) continue;
    const next = node.nextSibling;
    if (next && next.nodeType === 1 && (next as Element).tagName === 'A') out.push(next.textContent ?? '');
  }
  return out;
}

const HAS_WORD = /[\p{L}\p{N}]/u;

/** No letters or digits: white space, separators, line breaks, icons. */
function isFiller(node: Node): boolean {
  return !HAS_WORD.test(node.textContent ?? '');
}

/** A short caption before a list of links: "Tags:", "Download:". */
const LINK_CAPTION = /^\s*[\p{L}\p{N}]+(?:\s+[\p{L}\p{N}]+){0,2}\s*:\s*$/u;
/** A pager's own label: "Page 54 of 347". */
const PAGER_LABEL = /^page \d+ (?:of|\/) \d+$/i;

/**
 * Navigation, not text: an element whose every word is inside a link ("Next
 * chapter", "Download: HTML - PDF", "#1", "Tags: a, b"), or a pager's label.
 */
function isLinkOnly(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  if (PAGER_LABEL.test(squash(el.textContent))) return true;
  if (el.tagName !== 'A' && !el.querySelector('a[href]')) return false;
  const rest = el.tagName === 'A' ? '' : textOutsideLinks(el);
  if (rest === null) return false;
  return HAS_WORD.test(el.textContent ?? '') && (!HAS_WORD.test(rest) || LINK_CAPTION.test(rest));
}

/**
 * The text of `el` outside its links, or null once it holds a real block of
 * text, longer than any caption. Document order with an explicit stack (nodes
 * still to read, next on top): deep nesting cannot overflow the call stack.
 */
function textOutsideLinks(el: Element): string | null {
  let rest = '';
  const pending: Node[] = [];
  for (let c = el.lastChild; c; c = c.previousSibling) pending.push(c);
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.nodeType === 3) {
      rest += node.nodeValue ?? '';
      if (rest.length > 200 && HAS_WORD.test(rest)) return null;
    } else if (node.nodeType === 1 && (node as Element).tagName !== 'A') {
      for (let c = node.lastChild; c; c = c.previousSibling) pending.push(c);
    }
  }
  return rest;
}

const HEADING = /^H[1-6]$/;

/** A picture or video: what a heading with no words under it may still head. */
function hasMedia(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  return /^(?:IMG|PICTURE|FIGURE|VIDEO)$/.test(el.tagName) || !!el.querySelector('img, picture, figure, video');
}

/**
 * Drops what frames the text rather than belongs to it: the title repeated at
 * the top, runs of links (post numbers, tags, "Read / Download / Return to
 * …") and pager labels at either end, a heading left with nothing under it,
 * and form captions. Fillers between such links go with them; anything before the
 * first real word stays.
 */
function trimEdges(root: Element, title: string): void {
  // Captions of form controls (comment and report forms) outlive the controls
  // DOMPurify drops. Removed here, not before Readability: they weigh in its scoring.
  for (const label of Array.from(root.querySelectorAll('label'))) label.remove();
  dropLeadingTitle(root, title);
  trimSide(root, false);
  trimSide(root, true);
}

/**
 * Trims one side of `root`, going down into the first element that holds a
 * word. A stack of the elements entered (with where each is up to and its
 * fillers) stands in for recursion: deep nesting cannot overflow the call stack.
 */
function trimSide(root: Element, fromEnd: boolean): void {
  const first = (el: Node) => (fromEnd ? el.lastChild : el.firstChild);
  const stack: Array<{ el: Element; next: Node | null; pending: Node[] }> = [{ el: root, next: first(root), pending: [] }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const node = frame.next;
    if (!node) {
      stack.pop();
      // The element entered was trimmed down to nothing (a block of navigation with a caption): go on past it.
      if (stack.length === 0 || !isFiller(frame.el)) return;
      frame.el.parentNode?.removeChild(frame.el);
      continue;
    }
    frame.next = fromEnd ? node.previousSibling : node.nextSibling;
    const { pending } = frame;
    // A heading at the very end heads nothing ("Users viewing this thread" once its list is gone).
    const endHeading =
      fromEnd && node.nodeType === 1 && HEADING.test((node as Element).tagName) && !pending.some(hasMedia);
    if (isLinkOnly(node) || endHeading) {
      for (const p of pending) p.parentNode?.removeChild(p);
      pending.length = 0;
      node.parentNode?.removeChild(node);
    } else if (isFiller(node)) {
      pending.push(node);
    } else if (node.nodeType === 1) {
      stack.push({ el: node as Element, next: first(node), pending: [] });
    } else {
      return;
    }
  }
}

/** The first line of the text, when it only repeats the title the story already has. */
function dropLeadingTitle(root: Element, title: string): void {
  if (!title) return;
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let first = walker.nextNode();
  while (first && !HAS_WORD.test(first.nodeValue ?? '')) first = walker.nextNode();
  const same = (n: Node) => squash(n.textContent).toLowerCase() === title.toLowerCase();
  let top: Element | null = null;
  for (let el = first?.parentElement ?? null; el && el !== root && same(el); el = el.parentElement) top = el;
  top?.remove();
}
