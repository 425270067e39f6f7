import type { Chapter, Note } from '../story';
import { squash } from '../metadata/text';
import { makeNote } from './efiction-text';

/**
 * Chapter lists as eFiction pages give them: the jump menu on chapter pages
 * (`<select name="chapter">` with "3. Title" options), the story index
 * ("3. <a href=viewstory.php?sid=…&chapter=3>Title</a> by Author … notes"),
 * and the printable view (`.chaptertitle` blocks).
 */

export interface ListedChapter {
  index: number;
  title?: string;
  url: string;
  notes?: Note[];
}

/** The chapter's own name per the conventions: list numbers and a leading "Chapter 3:" go. */
export function chapterTitle(raw: string | null | undefined): string | undefined {
  let title = squash(raw).replace(/^\d+\s*[.):]\s*/, '');
  const named = /^(?:chapter|ch\.?|part)\s*\d+\s*[:.\-–—]\s*(.+)$/i.exec(title);
  if (named) title = named[1]!.trim();
  return title || undefined;
}

export function chapterUrl(storyUrl: string, index: number): string {
  return `${storyUrl}&chapter=${index}`;
}

/** Chapters from the first jump menu; later menus repeat it. */
export function jumpMenuChapters(doc: Document, storyUrl: string): { chapters: ListedChapter[]; selected?: number } {
  const select = doc.querySelector('select[name="chapter"]');
  if (!select) return { chapters: [] };
  const chapters: ListedChapter[] = [];
  let selected: number | undefined;
  Array.from(select.querySelectorAll('option')).forEach((option, i) => {
    const index = Number(option.getAttribute('value')) || i + 1;
    if (chapters.some((c) => c.index === index)) return;
    chapters.push({ index, title: chapterTitle(option.textContent), url: chapterUrl(storyUrl, index) });
    if (option.hasAttribute('selected')) selected = index;
  });
  return { chapters, selected };
}

/** Link text that is navigation, not a chapter name. */
const NAV = /^(next|previous|prev|table of contents|index|back|reviews?|\d+|»|«|>>|<<)$/i;

function chapterParam(href: string | null, sid: string): number | undefined {
  // No chapter parameter, spelt out or percent-encoded: not a chapter link (most of a page's links; parsing each cost more than the rest).
  if (!href || (!href.includes('chapter') && !href.includes('%')) || /action=printable/i.test(href)) return undefined;
  const m = /viewstory\.php\?(.*)$/i.exec(href);
  if (!m) return undefined;
  const params = new URLSearchParams(m[1]!.replace(/&amp;/g, '&'));
  if (params.get('sid') !== sid) return undefined;
  const chapter = Number(params.get('chapter'));
  return Number.isInteger(chapter) && chapter > 0 ? chapter : undefined;
}

/** The block holding one index entry's notes: nodes after the entry's line break, then siblings up to the next entry. */
function indexEntryNotes(entry: Element | null, isEntry: (el: Element) => boolean): Note[] {
  if (!entry) return [];
  const box = entry.ownerDocument.createElement('div');
  let afterBreak = false;
  for (let n = entry.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).tagName === 'BR') afterBreak = true;
    else if (afterBreak && !(n.nodeType === 1 && (n as Element).matches('.adminoptions'))) box.appendChild(n.cloneNode(true));
  }
  for (let n = entry.nextElementSibling; n && !isEntry(n); n = n.nextElementSibling) {
    if (n.matches('#pagelinks, .jumpmenu, .respond, form, script')) break;
    box.appendChild(n.cloneNode(true));
  }
  const note = makeNote('before', box);
  return note ? [note] : [];
}

/** Chapters from the story index: links to this story's chapters outside menus and navigation. */
export function indexChapters(doc: Document, sid: string, storyUrl: string): ListedChapter[] {
  const links: Array<{ a: Element; index: number }> = [];
  for (const a of Array.from(doc.querySelectorAll('a[href*="viewstory.php"]'))) {
    const index = chapterParam(a.getAttribute('href'), sid);
    if (index === undefined || NAV.test(squash(a.textContent))) continue;
    if (a.closest('#pagetitle, #prev, #next, .jumpmenu, .jumpmenu2, #pagelinks, #sort, .storyinfo, form')) continue;
    links.push({ a, index });
  }
  const entryOf = (a: Element) => a.closest('p, li, tr, div.chapterlist, div.listbox') ?? a.parentElement;
  const entries = new Map(links.map(({ a }) => [a, entryOf(a)]));
  const entrySet = new Set([...entries.values()].filter((e): e is Element => !!e));
  // An element holding an entry is one of its ancestors: collected once, not asked of every entry per sibling.
  const holders = new Set<Element>();
  for (const entry of entrySet) {
    for (let up = entry.parentElement; up && !holders.has(up); up = up.parentElement) holders.add(up);
  }
  const isEntry = (el: Element) => entrySet.has(el) || holders.has(el);
  const chapters: ListedChapter[] = [];
  for (const { a, index } of links) {
    if (chapters.some((c) => c.index === index)) continue;
    const notes = indexEntryNotes(entries.get(a)!, isEntry);
    chapters.push({ index, title: chapterTitle(a.textContent), url: chapterUrl(storyUrl, index), ...(notes.length ? { notes } : {}) });
  }
  return chapters.sort((x, y) => x.index - y.index);
}

/** Printable view: each `.chaptertitle` ("<a name=3></a>Title by Author") and its `.chapter` text. */
export function printableChapters(doc: Document, storyUrl: string, authors: string[] = []): Array<ListedChapter & { text: Element }> {
  const out: Array<ListedChapter & { text: Element }> = [];
  const seen = new Set<number>();
  const texts = Array.from(doc.querySelectorAll('.chapter'));
  texts.forEach((text, i) => {
    let heading: Element | null = null;
    for (let n = text.previousElementSibling; n; n = n.previousElementSibling) {
      if (n.matches('.chaptertitle')) {
        heading = n;
        break;
      }
      if (n.matches('.chapter')) break;
    }
    const anchor = Number(heading?.querySelector('a[name]')?.getAttribute('name'));
    const index = Number.isInteger(anchor) && anchor > 0 ? anchor : i + 1;
    // A page saved twice over repeats its chapter anchors: the first copy is the chapter.
    if (seen.has(index)) return;
    seen.add(index);
    let title: string | undefined;
    if (heading) {
      const clone = heading.cloneNode(true) as Element;
      clone.querySelectorAll('a[href*="viewuser.php"]').forEach((a) => a.remove());
      // The printable view names the chapter's author as plain text: "Title by Penname".
      let text = squash(clone.textContent).replace(/\s+by\s*$/i, '');
      for (const name of authors) if (name && text.endsWith(` by ${name}`)) text = text.slice(0, -` by ${name}`.length);
      title = chapterTitle(text);
    }
    out.push({ index, title, url: chapterUrl(storyUrl, index), text });
  });
  return out;
}

/** Fills a listed chapter into a Chapter with no text. */
export function emptyChapter(c: ListedChapter): Chapter {
  const chapter: Chapter = { index: c.index, url: c.url, html: '', text: '', words: 0 };
  if (c.title) chapter.title = c.title;
  if (c.notes?.length) chapter.notes = c.notes;
  return chapter;
}
