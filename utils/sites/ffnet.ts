import { blockText, countWords, hashString, parseCount, squash } from '../metadata/text';
import { lazyHtml } from '../story-html';
import { emptyStory, type Chapter, type Story } from '../story';
import type { SiteAdapter } from './types';
import { parseInfoLine } from './ffnet-info';
import { absoluteUrl, applyInfo, chapterUrl, familyOf, infoDate, storyUrl, type FfnFamily } from './ffnet-common';
import {
  authorLinks,
  chapterMenu,
  fandomLinkText,
  headerElement,
  infoLine,
  infoTimestamps,
  menuEntries,
  scriptVars,
  splitFandoms,
  storyIdFromPage,
  storyTextElement,
  summaryElement,
  titleFromDocumentTitle,
  titleFromHeader,
  type MenuEntry,
} from './ffnet-page';
import { readStoryList } from './ffnet-listing';

/** Ids FFN and FictionPress pages carry in every layout since 2005 (story, header, menu, wrapper, lists). */
const MARKERS = ['storytext', 'storycontent', 'profile_top', 'chap_select', 'gui_table1i', 'content_wrapper_inner'];

function detect(doc: Document): boolean {
  return MARKERS.some((id) => doc.getElementById(id) !== null) || doc.querySelector('div.z-list') !== null;
}

/** Story id and current chapter: from the address (/s/<id>/<chapter>/), else from the page itself. */
function locate(doc: Document, url: URL, vars: Record<string, string>, menu: MenuEntry[]) {
  const path = /^\/s\/(\d+)(?:\/(\d+))?/.exec(url.pathname);
  const id = path?.[1] ?? storyIdFromPage(doc, vars);
  const chapter = Number(path?.[2]) || menu.find((e) => e.selected)?.index || Number(vars.chapter) || 1;
  return { id, chapter };
}

function chapterList(family: FfnFamily, id: string | undefined, menu: MenuEntry[], current: number): Chapter[] {
  // A one-shot has no menu: one chapter, no title.
  const entries = menu.length ? menu : [{ index: current, title: '', selected: true }];
  return entries.map((entry) => {
    const chapter: Chapter = { index: entry.index, html: '', text: '', words: 0 };
    if (entry.title) chapter.title = entry.title;
    if (id) chapter.url = chapterUrl(family, id, entry.index);
    return chapter;
  });
}

function fillText(chapter: Chapter | undefined, textEl: Element, text: string): void {
  if (!chapter) return;
  // A copy: the page's own element may change before the html is read.
  lazyHtml(chapter, textEl.cloneNode(true) as Element);
  chapter.text = text;
  chapter.words = countWords(text);
}

function extract(doc: Document, url: URL): Story | null {
  const family = familyOf(url) ?? 'ffnet';
  const textEl = storyTextElement(doc);
  if (!textEl) return null;
  const text = blockText(textEl);
  if (!text && !textEl.querySelector('img')) return null;

  const vars = scriptVars(doc);
  const menu = menuEntries(chapterMenu(doc));
  const { id, chapter: current } = locate(doc, url, vars, menu);
  const story = emptyStory('ffnet', id ? storyUrl(family, id) : url.href);
  story.id = id ? `${family}:${id}` : `${family}:u${hashString(url.href)}`;

  const header = headerElement(doc);
  const currentTitle = menu.find((e) => e.index === current)?.title;
  story.title = titleFromHeader(doc, header) || squash(vars.title_t) || titleFromDocumentTitle(doc, currentTitle);
  story.authors = authorLinks(header, doc).map((a) => ({ name: squash(a.textContent), url: absoluteUrl(a.getAttribute('href'), family) }));
  if (story.authors.length === 0 && vars.author) story.authors = [{ name: squash(vars.author) }];
  // FictionPress is original fiction: its breadcrumb names a genre shelf, not a fandom.
  if (family === 'ffnet') story.fandoms = splitFandoms(fandomLinkText(doc, header) || squash(vars.cat_title));
  story.summary = squash(summaryElement(header)?.textContent) || squash(vars.summary);

  const line = infoLine(doc, header);
  if (line) {
    const info = parseInfoLine(line.text);
    applyInfo(story, info, infoTimestamps(line.nodes), menu.length || Number(vars.chapters) || 0);
  }
  // Pages from before 2010 show neither count nor dates in the line; their bookmark script has them.
  story.words ??= parseCount(vars.words);
  story.published ??= infoDate(undefined, vars.datep);
  story.updated ??= infoDate(undefined, vars.dateu);
  if (!line) story.chapterCount = { posted: menu.length || Number(vars.chapters) || 1 };

  story.chapters = chapterList(family, id, menu, current);
  fillText(story.chapters.find((c) => c.index === current), textEl, text);
  return story;
}

export const ffnet: SiteAdapter = {
  id: 'ffnet',
  name: 'FanFiction.Net and FictionPress',
  matches: (url) => familyOf(url) !== null,
  detect,
  extract: (doc, url) => {
    try {
      return extract(doc, url);
    } catch {
      // A page FFN changed under us is "not a story", never an exception in the reader's tab.
      return null;
    }
  },
  listing: (doc, url) => {
    try {
      return readStoryList(doc, url);
    } catch {
      return null;
    }
  },
};
