/**
 * Where an OTW Archive page keeps what the filters cover: the work's text,
 * summary, notes and tags, and the element of each listing blurb. Read-only:
 * the shield and the listing filter decide what to do with them.
 */
import { blurbTitle, storyId, workBlurbElements } from './otw-dom';
import type { ListingEntryElement, StoryParts } from './page-elements';

export function otwStoryParts(doc: Document): StoryParts {
  const skin = doc.getElementById('workskin');
  const chapters = doc.getElementById('chapters');
  const outsideText = (el: Element) => !chapters?.contains(el);
  const within = (selector: string) => (skin ? Array.from(skin.querySelectorAll(selector)).filter(outsideText) : []);
  return {
    body: chapters ? [chapters] : skin ? [skin] : [],
    summary: within('.summary.module, .summary'),
    notes: within('.notes.module, #work_endnotes, .end.notes'),
    meta: Array.from(doc.querySelectorAll('dl.work.meta.group')),
  };
}

/** Every work or bookmark blurb with the story id readBlurbs gives it (same host rules, same order). */
export function otwListingElements(doc: Document, url: URL): ListingEntryElement[] {
  const entries: ListingEntryElement[] = [];
  const idPrefix = storyId(url.host, ''); // the host's rule, tested once rather than per entry
  for (const li of workBlurbElements(doc)) {
    const title = blurbTitle(li);
    if (title) entries.push({ id: idPrefix + title.workId, element: li });
  }
  return entries;
}
