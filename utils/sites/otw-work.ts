/**
 * Reads an OTW Archive work page (AO3 and other installs): a work, one of
 * its chapters, or the whole work (view_full_work), in current, 2013-era and
 * pre-2022 markup. Every lookup is scoped to the work's own containers.
 */
import { emptyStory, type Chapter, type Note, type Story } from '../story';
import { blockText, countWords, hashString, isoDate, parseCount, squash } from '../metadata/text';
import { parseRating } from '../metadata/rating';
import { lazyHtml } from '../story-html';
import {
  absoluteUrl,
  canonicalWorkUrl,
  cleanCopy,
  readAuthors,
  readChapterCount,
  readNotes,
  readSeries,
  storyId,
  tagTexts,
  workIdFromPath,
} from './otw-dom';

export const OTW_SITE = 'otw';

/** A work page has the work skin or the work's meta block; listings, indexes and error pages have neither. */
export function isWorkPage(doc: Document): boolean {
  return doc.getElementById('workskin') !== null || doc.querySelector('dl.work.meta.group') !== null;
}

export function readWork(doc: Document, url: URL): Story | null {
  if (!isWorkPage(doc)) return null;
  const meta = doc.querySelector('dl.work.meta.group');
  const skin = doc.getElementById('workskin');
  const preface = skin?.querySelector(':scope > .preface.group:not(.afterword)') ?? skin;
  const workId = findWorkId(doc, url);

  const story = emptyStory(OTW_SITE, url.href);
  story.id = workId ? storyId(url.host, workId) : `${OTW_SITE}:u${hashString(url.href)}`;
  story.url = workId ? canonicalWorkUrl(url.host, workId) : url.href;
  story.title = squash((preface ?? doc).querySelector('h2.title')?.textContent);
  story.authors = readAuthors(preface?.querySelector('h3.byline') ?? null, url);
  fillMeta(story, meta, url);
  story.summary = blockText(preface?.querySelector('.summary blockquote.userstuff'));
  story.notes = readWorkNotes(skin);
  story.chapters = readChapters(doc, url, workId);
  if (!story.title && story.chapters.length === 0) return null;
  return story;
}

/** The work id from the address, else from the page's own forms and links. */
function findWorkId(doc: Document, url: URL): string | undefined {
  const fromUrl = workIdFromPath(url.pathname);
  if (fromUrl) return fromUrl;
  const kudos = doc.querySelector<HTMLInputElement>('#kudo_commentable_id, #kudo_kudosable_id');
  if (kudos?.value && /^\d+$/.test(kudos.value)) return kudos.value;
  const links = [
    'li.share a[href*="/works/"]',
    '#chapters h3.title a[href*="/works/"]',
    'form.new_comment[action*="/works/"]',
    'li.download a[href*="/downloads/"]',
  ];
  for (const selector of links) {
    const el = doc.querySelector(selector);
    const ref = el?.getAttribute('href') ?? el?.getAttribute('action');
    const id = workIdFromPath(ref) ?? /\/downloads\/(?:[^/]+\/)?(\d+)\//.exec(ref ?? '')?.[1];
    if (id) return id;
  }
  return undefined;
}

/** Tags, language, series and stats from the meta block (dt/dd pairs, classed or, in 2013 markup, labelled only). */
function fillMeta(story: Story, meta: Element | null, url: URL): void {
  if (!meta) return;
  const tags = (kind: string) => tagTexts(meta.querySelector(`dd.${kind}`));
  story.rating = parseRating(tags('rating')[0] ?? '');
  story.warnings = tags('warning');
  story.categories = tags('category');
  story.fandoms = tags('fandom');
  story.relationships = tags('relationship');
  story.characters = tags('character');
  story.tags = tags('freeform');
  const language = squash(meta.querySelector('dd.language')?.textContent);
  if (language) story.language = language;
  const series = readSeries(Array.from(meta.querySelectorAll('dd.series span.series')), url);
  if (series.length > 0) story.series = series;

  const stats = statPairs(meta.querySelector('dl.stats'));
  story.published = isoDate(stats.published);
  story.updated = isoDate(stats.completed ?? stats.updated);
  if (!story.published) delete story.published;
  if (!story.updated) delete story.updated;
  const words = parseCount(stats.words);
  if (words !== undefined) story.words = words;
  const { chapterCount, status } = readChapterCount(stats.chapters);
  story.chapterCount = chapterCount;
  story.status = status;
  story.fields = metaFields(meta, stats);
}

/** Stats as label → value ("published" → "2019-02-15"), by the dt's words since old markup has no classes. */
function statPairs(dl: Element | null): Record<string, string> {
  const pairs: Record<string, string> = {};
  if (!dl) return pairs;
  for (const dt of Array.from(dl.querySelectorAll(':scope > dt'))) {
    const dd = dt.nextElementSibling;
    if (!dd || dd.tagName !== 'DD') continue;
    const label = squash(dt.textContent).replace(/:$/, '').toLowerCase();
    if (label) pairs[label] = squash(dd.textContent);
  }
  return pairs;
}

/** The header as the page labels it, for fields no Story field holds (kudos, hits…). */
function metaFields(meta: Element, stats: Record<string, string>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const dt of Array.from(meta.querySelectorAll(':scope > dt'))) {
    const dd = dt.nextElementSibling;
    const label = squash(dt.textContent).replace(/:$/, '');
    if (!dd || dd.tagName !== 'DD' || !label || dt.classList.contains('stats')) continue;
    const items = tagTexts(dd);
    fields[label] = items.length > 0 ? items.join(', ') : squash(dd.textContent);
  }
  for (const [label, value] of Object.entries(stats)) fields[label.charAt(0).toUpperCase() + label.slice(1)] = value;
  return fields;
}

/**
 * Work-level notes: the preface's notes before, the work's end notes after.
 * Chapter notes live inside #chapters and are read with their chapter.
 */
function readWorkNotes(skin: Element | null): Note[] {
  if (!skin) return [];
  const modules = notesModulesOutside(skin, skin.ownerDocument.getElementById('chapters'));
  const isEnd = (m: Element) => m.id === 'work_endnotes' || m.classList.contains('end');
  return [...readNotes(modules.filter((m) => !isEnd(m)), 'before'), ...readNotes(modules.filter(isEnd), 'after')];
}

/** Every chapter the page lists: the chapter menu, the chapters of a full-work page, or the one work text. */
function readChapters(doc: Document, url: URL, workId: string | undefined): Chapter[] {
  const container = doc.getElementById('chapters');
  const blocks = container ? Array.from(container.querySelectorAll(':scope > .chapter')) : [];
  const onPage = blocks.map((block, i) => readChapterBlock(block, i + 1, url));
  const menu = readChapterMenu(doc, url, workId);
  if (menu.length > 0) return mergeMenu(doc, menu, onPage);
  if (onPage.length > 0) return onPage;
  const text = container?.querySelector(':scope > .userstuff') ?? container?.querySelector('.userstuff');
  if (!text) return [];
  return [fillChapterText({ index: 1, url: workId ? canonicalWorkUrl(url.host, workId) : url.href, html: '', text: '', words: 0 }, text)];
}

interface MenuEntry {
  chapter: Chapter;
  value: string;
  selected: boolean;
}

/** The chapter select menu: "3. The Fall" → chapter 3 "The Fall", URL on the page's host. */
function readChapterMenu(doc: Document, url: URL, workId: string | undefined): MenuEntry[] {
  const options = Array.from(doc.querySelectorAll('#selected_id option'));
  return options.map((option, i) => {
    const value = option.getAttribute('value') ?? '';
    const path = workId ? `/works/${workId}/chapters/${value}` : `/chapters/${value}`;
    const title = squash(option.textContent).replace(/^\d+\.\s*/, '');
    const chapter: Chapter = { index: i + 1, url: absoluteUrl(path, url), html: '', text: '', words: 0 };
    if (title) chapter.title = title;
    return { chapter, value, selected: option.hasAttribute('selected') };
  });
}

/** Puts the text of the chapter(s) on the page into the menu's list, matched by chapter id. */
function mergeMenu(doc: Document, menu: MenuEntry[], onPage: Chapter[]): Chapter[] {
  for (const found of onPage) {
    const chapterId = /\/chapters\/(\d+)/.exec(found.url ?? '')?.[1];
    const entry =
      menu.find((m) => chapterId !== undefined && m.value === chapterId) ??
      (onPage.length === 1 ? menu.find((m) => m.selected) : undefined) ??
      menu[found.index - 1];
    if (!entry) continue;
    const { index, url, title } = entry.chapter;
    // Updated in place, not spread: spreading would read (and sanitise) the lazy html.
    found.index = index;
    found.url = url ?? found.url;
    if (title) found.title = title;
    entry.chapter = found;
  }
  return menu.map((m) => m.chapter);
}

function readChapterBlock(block: Element, position: number, url: URL): Chapter {
  const heading = block.querySelector('h3.title');
  const link = heading?.querySelector('a');
  const index =
    Number(/Chapter\s+(\d+)/i.exec(squash(link?.textContent))?.[1] ?? /chapter-(\d+)/.exec(block.id)?.[1]) || position;
  const text = block.querySelector('.userstuff[role="article"]') ?? block.querySelector(':scope > .userstuff');
  const chapter: Chapter = { index, html: '', text: '', words: 0 };
  const title = heading ? headingTitle(heading) : undefined;
  if (title) chapter.title = title;
  const href = absoluteUrl(link?.getAttribute('href'), url);
  if (href) chapter.url = href.replace(/#.*$/, '');
  if (text) fillChapterText(chapter, text);
  const notes = readChapterNotes(block, text);
  if (notes.length > 0) chapter.notes = notes;
  return chapter;
}

/** "Chapter 3: The Fall" → "The Fall"; a heading of only "Chapter 3" stays "Chapter 3". */
function headingTitle(heading: Element): string | undefined {
  const own = squash(
    Array.from(heading.childNodes)
      .filter((n) => n.nodeType === 3)
      .map((n) => n.nodeValue ?? '')
      .join(' '),
  );
  const link = heading.querySelector('a');
  if (link) {
    const rest = own.replace(/^[:.\-–—]\s*/, '');
    return rest || squash(link.textContent) || undefined;
  }
  return own.replace(/^Chapter\s+\d+\s*[:.\-–—]\s*(?=\S)/i, '') || undefined;
}

function readChapterNotes(block: Element, text: Element | null): Note[] {
  const modules = notesModulesOutside(block, text);
  const isEnd = (m: Element) => m.classList.contains('end');
  return [...readNotes(modules.filter((m) => !isEnd(m)), 'before'), ...readNotes(modules.filter(isEnd), 'after')];
}

/**
 * Notes modules among a container's children and their descendants, skipping
 * one large child (the chapters, or a chapter's text) so long works are not
 * searched through.
 */
function notesModulesOutside(container: Element, skip: Element | null): Element[] {
  const modules: Element[] = [];
  for (const child of Array.from(container.children)) {
    if (child === skip) continue;
    if (child.matches('.notes.module, #work_endnotes')) modules.push(child);
    else modules.push(...Array.from(child.querySelectorAll('.notes.module, #work_endnotes')));
  }
  return skip ? modules.filter((m) => !skip.contains(m)) : modules;
}

/** The chapter text only: no "Chapter Text" landmark, no injected UI. */
function fillChapterText(chapter: Chapter, el: Element): Chapter {
  const copy = cleanCopy(el);
  chapter.text = blockText(copy);
  chapter.words = countWords(chapter.text);
  return lazyHtml(chapter, copy);
}
