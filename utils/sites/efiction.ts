import type { Author, Chapter, Note, Story } from '../story';
import { emptyStory } from '../story';
import { lazyHtml } from '../story-html';
import { countWords, squash } from '../metadata/text';
import type { SiteAdapter } from './types';
import { applyStoryInfo, readStoryInfo, findLabels, type StoryInfo } from './efiction-fields';
import { cleanText, densestBlock, disclaimerLine, findNotes, type FoundNote } from './efiction-text';
import { chapterUrl, emptyChapter, indexChapters, jumpMenuChapters, printableChapters, type ListedChapter } from './efiction-chapters';
import { readListing } from './efiction-listing';

/**
 * eFiction: the PHP archive software behind hundreds of small fandom
 * archives, each on its own domain. Pages are recognised by eFiction's
 * markup, never by host: viewstory.php chapter pages, story indexes, the
 * printable view, and browse/search/author listings.
 */

/** Links only eFiction archives print: story, author and browse pages (case-sensitive, as a CSS [href*=…] match). */
const EFICTION_HREF = /viewstory\.php\?sid=|viewuser\.php\?uid=|browse\.php\?type=|viewstory\.php\?action=printable/;
/**
 * Ids and classes of eFiction's templates, the print link and the footer
 * credit. Old table skins' title cell ("<td class=title>Title by <a
 * viewuser>") counts too: a page cut short loses the credit at the bottom.
 */
const EFICTION_MARKS =
  '#pagetitle, #skinnedpage, #story, .jumpmenu, #output, .listbox, #archivedat, .chaptertitle, select[name="chapter"], a[href*="efiction.org"], a[href*="action=printable"], td.title a[href*="viewuser.php"]';

/**
 * Links read before giving up: an archive's menu links to its own pages near
 * the top (within the first 8 links on every fixture); a news page has thousands.
 */
const MAX_LINKS_READ = 500;

/**
 * An archive links to its own story, author and browse pages; a blog that
 * merely links to an archive points at another host, so only same-host links count.
 */
function hasOwnArchiveLinks(doc: Document, url: URL): boolean {
  // The document's link list, not a selector: an attribute-substring query matched every element
  // of a large news page (most of eFiction's detection time on wikipedia-2).
  const links = doc.links;
  const count = Math.min(links.length, MAX_LINKS_READ);
  let matched = 0;
  for (let i = 0; i < count && matched < 40; i++) {
    const link = links[i]!;
    const href = link.getAttribute('href') ?? '';
    // Every pattern has ".php?": a plain substring test rules out most links before the expression.
    if (link.localName !== 'a' || !href.includes('.php?') || !EFICTION_HREF.test(href)) continue;
    matched++;
    try {
      if (new URL(href, url).host === url.host) return true;
    } catch {
      // An unparsable href is not evidence either way.
    }
  }
  return false;
}

function detect(doc: Document, url: URL): boolean {
  if (!hasOwnArchiveLinks(doc, url)) return false;
  if (doc.querySelector(EFICTION_MARKS)) return true;
  // Old table skins keep only the "Powered by eFiction" credit at the bottom.
  return /powered by\s+e-?fiction/i.test(tailText(doc.body, 4000));
}

/**
 * The last `limit` characters of an element's text, read from the end (a long page's text is never built whole).
 * An explicit stack of "next node to read, going backwards" per depth: deep nesting cannot overflow the call stack.
 */
function tailText(root: Node | null, limit: number): string {
  const parts: string[] = [];
  let length = 0;
  const stack: Array<Node | null> = root ? [root.lastChild] : [];
  while (stack.length > 0 && length < limit) {
    const child = stack[stack.length - 1];
    if (!child) {
      stack.pop();
      continue;
    }
    stack[stack.length - 1] = child.previousSibling;
    if (child.nodeType === 3 || child.nodeType === 4) {
      const data = (child as CharacterData).data;
      parts.push(data);
      length += data.length;
    } else if (child.nodeType === 1) stack.push(child.lastChild);
  }
  return parts.reverse().join('').slice(-limit);
}

/** The archive's base: scheme, host and the folder eFiction is installed in. */
function archiveBase(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname.replace(/[^/]*$/, '')}`;
}

function absolute(href: string | null, base: string): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

function sidFromHref(href: string | null): string | undefined {
  const m = /viewstory\.php\?(?:[^#]*?&(?:amp;)?)?sid=(\d+)/i.exec(href ?? '');
  return m?.[1];
}

/** The story id: the URL's `sid`, else the title block's story link. */
function storyId(doc: Document, url: URL): string | undefined {
  const fromUrl = url.searchParams.get('sid');
  if (fromUrl && /^\d+$/.test(fromUrl) && /viewstory\.php$/i.test(url.pathname)) return fromUrl;
  const title = doc.querySelector('#pagetitle a[href*="viewstory.php"]');
  return title && doc.querySelector('#story, .chapter') ? sidFromHref(title.getAttribute('href')) : undefined;
}

interface TitleBlock {
  title: string;
  authors: Author[];
}

function authorsIn(root: Element, base: string): Author[] {
  return Array.from(root.querySelectorAll('a[href*="viewuser.php"]'))
    .map((a) => ({ name: squash(a.textContent), url: absolute(a.getAttribute('href'), base) }))
    .filter((a) => a.name)
    .map((a) => (a.url ? a : { name: a.name }));
}

/** "Title by Author" with no links: split at the last " by ". */
function splitByline(text: string): TitleBlock | null {
  const m = /^(.*\S)\s+by\s+(.+)$/i.exec(squash(text));
  return m ? { title: m[1]!, authors: [{ name: m[2]! }] } : null;
}

/** The title block: `#pagetitle` ("Title by Author"), else the first title link beside an author link, else <title>. */
function readTitleBlock(doc: Document, sid: string, base: string): TitleBlock | null {
  const block = doc.querySelector('#pagetitle, .pagetitle');
  const storyLink = (root: ParentNode) =>
    Array.from(root.querySelectorAll('a[href*="viewstory.php"]')).find(
      (a) => sidFromHref(a.getAttribute('href')) === sid && !/chapter=|action=|index=/i.test(a.getAttribute('href') ?? '') && squash(a.textContent),
    );
  if (block) {
    const link = storyLink(block);
    const authors = authorsIn(block, base);
    if (link && authors.length) return { title: squash(link.textContent), authors };
    const text = squash(block.textContent);
    if (!text) return null;
    if (link) return { title: squash(link.textContent), authors };
    return splitByline(text);
  }
  const link = storyLink(doc);
  // Old skins: "<b><a>Title</a></b> by <a>Author</a>" inside a title cell a level or two up.
  let holder = link?.parentElement;
  for (let depth = 0; link && holder && depth < 3; depth++, holder = holder.parentElement) {
    const authors = authorsIn(holder, base);
    if (authors.length) return { title: squash(link.textContent), authors };
  }
  return splitByline(doc.title);
}

/** The element holding the story information rows, found from its first well-known label. */
function infoRoot(doc: Document): Element | null {
  const first = findLabels(doc).find(
    (l) => /^(summary|rated|rating|categories|category|characters)\s*:?$/i.test(squash(l.textContent)) && !l.closest('#footer, .listbox .listbox'),
  );
  if (!first) return null;
  return first.closest('.listbox, .infobox, .block, #output, .storyinfo') ?? first.parentElement;
}

/**
 * Tags readers add on some archives (a "Story Tags" block of links). They are
 * visitors' words ("the", "on"), not the author's classification, so they stay
 * in `fields` and out of `tags`.
 */
function storyTags(doc: Document): string[] {
  for (const title of Array.from(doc.querySelectorAll('.block > .title'))) {
    if (!/^story tags$/i.test(squash(title.textContent))) continue;
    return Array.from(title.parentElement!.querySelectorAll('.content a'))
      .map((a) => squash(a.textContent))
      .filter(Boolean);
  }
  return [];
}

/** The chapter being shown: `chapter=` in the URL, else the jump menu's selection, else the first. */
function currentChapter(url: URL, selected: number | undefined): number {
  const n = Number(url.searchParams.get('chapter'));
  return Number.isInteger(n) && n > 0 ? n : (selected ?? 1);
}

function textChapter(index: number, container: Element, noteBoxes: Element[], listed?: ListedChapter): Chapter {
  const { source, text } = cleanText(container, noteBoxes);
  const chapter = lazyHtml<Chapter>({ index, html: '', text, words: countWords(text) }, source);
  if (listed?.title) chapter.title = listed.title;
  if (listed?.url) chapter.url = listed.url;
  return chapter;
}

/** Puts chapter-scope notes on the chapter whose text they precede (or follow, for end notes). */
function attachNotes(chapters: Array<{ chapter: Chapter; container: Element }>, notes: FoundNote[]): void {
  for (const found of notes) {
    if (found.scope !== 'chapter' || chapters.length === 0) continue;
    const before = (c: Element) => (found.box.compareDocumentPosition(c) & 4) !== 0; // c follows the note
    let target = chapters[0]!;
    if (found.note.position === 'after') {
      for (const c of chapters) if (!before(c.container)) target = c;
    } else {
      target = chapters.find((c) => before(c.container)) ?? chapters[chapters.length - 1]!;
    }
    (target.chapter.notes ??= []).push(found.note);
  }
}

interface Body {
  chapters: Chapter[];
  /** Every chapter's text is on the page (printable "all", or a one-chapter story). */
  whole: boolean;
}

/** The chapters: the listed ones, with text where the page shows it. */
function readChapters(doc: Document, url: URL, sid: string, storyUrl: string, notes: FoundNote[], skip: Element[], authors: string[]): Body {
  const noteBoxes = [...notes.map((n) => n.box), ...skip];
  const printable = printableChapters(doc, storyUrl, authors);
  if (printable.length) {
    const withText = printable.map((p) => ({ chapter: textChapter(p.index, p.text, noteBoxes, p), container: p.text }));
    attachNotes(withText, notes);
    const listed = indexChapters(doc, sid, storyUrl).filter((l) => !printable.some((p) => p.index === l.index));
    const chapters = [...withText.map((c) => c.chapter), ...listed.map(emptyChapter)].sort((a, b) => a.index - b.index);
    const asked = url.searchParams.get('chapter');
    return { chapters, whole: listed.length === 0 && (printable.length > 1 || !asked || asked === 'all') };
  }
  const menu = jumpMenuChapters(doc, storyUrl);
  const listed = menu.chapters.length ? menu.chapters : indexChapters(doc, sid, storyUrl);
  const current = currentChapter(url, menu.selected);
  const hasChapterContext = url.searchParams.has('chapter') || menu.chapters.length > 0 || listed.length === 0;
  const container = doc.querySelector('#story') ?? (hasChapterContext ? densestBlock(doc, noteBoxes) : null);
  const chapters = listed.map(emptyChapter);
  if (container) {
    const entry = listed.find((l) => l.index === current);
    const chapter = textChapter(current, container, noteBoxes, entry ?? { index: current, url: chapterUrl(storyUrl, current) });
    if (chapter.text) {
      attachNotes([{ chapter, container }], notes);
      const at = chapters.findIndex((c) => c.index === current);
      if (at < 0) chapters.push(chapter);
      else {
        // Notes shown with the text win over the same notes summarised in an index.
        chapter.notes ??= chapters[at]!.notes;
        if (!chapter.notes) delete chapter.notes;
        chapters[at] = chapter;
      }
    }
  }
  chapters.sort((a, b) => a.index - b.index);
  return { chapters, whole: chapters.length === 1 && chapters[0]!.text !== '' };
}

/** A page the archive shows instead of a story: missing story, access denied, age check. */
function isErrorPage(doc: Document): boolean {
  return !!doc.querySelector('.errortext') && !doc.querySelector('#story, .chapter');
}

function applyInfo(story: Story, info: StoryInfo): void {
  applyStoryInfo(story, info);
  const fandoms = info.fields['Fandom'] ?? info.fields['Fandoms'];
  if (fandoms) story.fandoms = fandoms.split(/\s*,\s*/).filter((f) => f && !/^none$/i.test(f));
}

/** The disclaimer: its own block or row, else the first "Disclaimer:" line in the notes. */
function findDisclaimer(block: string | undefined, info: StoryInfo | null, storyNotes: Note[], chapters: Chapter[]): string | undefined {
  if (block) return block;
  if (info?.disclaimer) return info.disclaimer;
  for (const note of [...storyNotes, ...chapters.flatMap((c) => c.notes ?? [])]) {
    const line = disclaimerLine(note.text);
    if (line) return line;
  }
  return undefined;
}

function extractStory(doc: Document, url: URL): Story | null {
  if (isErrorPage(doc)) return null;
  const sid = storyId(doc, url);
  if (!sid) return null;
  const base = archiveBase(url);
  const head = readTitleBlock(doc, sid, base);
  if (!head || !head.title) return null;
  const storyUrl = `${base}viewstory.php?sid=${sid}`;
  const infoBox = infoRoot(doc);
  const info = infoBox ? readStoryInfo(infoBox, base) : null;
  const found = findNotes(doc.body ?? doc.documentElement);
  const skip = [...found.disclaimerBoxes, ...(infoBox ? [infoBox] : [])];
  const body = readChapters(doc, url, sid, storyUrl, found.notes, skip, head.authors.map((a) => a.name));
  if (!info && !body.chapters.some((c) => c.text)) return null;

  const story = emptyStory('efiction', storyUrl);
  story.id = `efiction:${url.hostname}:${sid}`;
  story.title = head.title;
  story.authors = head.authors;
  if (info) applyInfo(story, info);
  const visitorTags = storyTags(doc);
  if (visitorTags.length) story.fields = { ...story.fields, 'Story Tags': visitorTags.join(', ') };
  story.notes = found.notes.filter((n) => n.scope === 'story').map((n) => n.note);
  story.chapters = body.chapters;
  const disclaimer = findDisclaimer(found.disclaimer, info, story.notes, story.chapters);
  if (disclaimer) story.disclaimer = disclaimer;
  const posted = info?.chapters ?? Math.max(story.chapters.length, 1);
  story.chapterCount = story.status === 'complete' ? { posted, planned: posted } : { posted };
  if (story.words === undefined && body.whole) story.words = story.chapters.reduce((n, c) => n + c.words, 0);
  return story;
}

/** Adapters never throw at the page: a broken page reads as "not a story". */
function guarded<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch (error) {
    if (typeof console !== 'undefined') console.warn('[FicShelf] eFiction page not readable:', error);
    return null;
  }
}

export const efiction: SiteAdapter = {
  id: 'efiction',
  name: 'eFiction archive',
  // eFiction archives live on their own domains: every web page is a candidate, detect() decides.
  matches: (url) => url.protocol === 'http:' || url.protocol === 'https:',
  detect: (doc, url) => guarded(() => detect(doc, url)) ?? false,
  extract: (doc, url) => guarded(() => extractStory(doc, url)),
  listing: (doc, url) => guarded(() => readListing(doc, url)),
};
