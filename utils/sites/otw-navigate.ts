/**
 * An OTW work's chapter index (/works/<id>/navigate): the story's title,
 * authors and every chapter with its link, but no text. It is a story page
 * for the reader (the popup shows the story, the library can save it from
 * here), with every chapter listed empty.
 */
import { emptyStory, type Chapter, type Story } from '../story';
import { squash } from '../metadata/text';
import { absoluteUrl, canonicalWorkUrl, readAuthors, storyId, workIdFromPath } from './otw-dom';
import { OTW_SITE } from './otw-work';

export function readChapterIndex(doc: Document, url: URL): Story | null {
  const list = doc.querySelector('ol.chapter.index');
  if (!list) return null;
  const heading = list.ownerDocument.querySelector('h2.heading');
  const workLink = heading?.querySelector('a[href*="/works/"]');
  const workId = workIdFromPath(url.pathname) ?? workIdFromPath(workLink?.getAttribute('href'));
  if (!workId) return null;
  const chapters: Chapter[] = Array.from(list.querySelectorAll('li > a[href]')).map((a, i) => {
    const chapter: Chapter = { index: i + 1, html: '', text: '', words: 0 };
    const title = squash(a.textContent).replace(/^\d+\.\s*/, '');
    if (title) chapter.title = title;
    const href = absoluteUrl(a.getAttribute('href'), url);
    if (href) chapter.url = href;
    return chapter;
  });
  if (chapters.length === 0) return null;
  const story = emptyStory(OTW_SITE, canonicalWorkUrl(url.host, workId));
  story.id = storyId(url.host, workId);
  story.title = squash(workLink?.textContent);
  story.authors = readAuthors(heading, url);
  story.chapters = chapters;
  story.chapterCount = { posted: chapters.length };
  return story;
}
