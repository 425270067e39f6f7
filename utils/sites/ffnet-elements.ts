/** Where FanFiction.Net and FictionPress pages keep the story text, its summary and info line, and each story-list entry. */
import { familyOf } from './ffnet-common';
import { headerElement, storyTextElement, summaryElement } from './ffnet-page';
import type { ListingEntryElement, StoryParts } from './page-elements';

export function ffnetStoryParts(doc: Document): StoryParts {
  const text = storyTextElement(doc);
  // #storytextp wraps the text together with FFN's own text-size controls.
  const wrapper = text?.parentElement?.id === 'storytextp' ? text.parentElement : text;
  const header = headerElement(doc);
  const summary = summaryElement(header);
  // The old layout has no header box: its "header" is the column holding the text, never covered whole.
  const boxed = header && (header.id === 'profile_top' || header.id === 'gui_table1i');
  return {
    body: wrapper ? [wrapper] : [],
    summary: summary && !summary.contains(wrapper) ? [summary] : [],
    notes: [],
    meta: boxed ? Array.from(header.querySelectorAll('span.xgray, div[style*="color:gray"], div[style*="color: gray"]')) : [],
  };
}

/** Every div.z-list entry with the id readStoryList gives its blurb ("ffnet:123", "fictionpress:456"). */
export function ffnetListingElements(doc: Document, url: URL): ListingEntryElement[] {
  const family = familyOf(url) ?? 'ffnet';
  const entries: ListingEntryElement[] = [];
  for (const entry of Array.from(doc.querySelectorAll('div.z-list'))) {
    const link = entry.querySelector('a.stitle') ?? entry.querySelector('a[href^="/s/"]');
    const id = /\/s\/(\d+)/.exec(link?.getAttribute('href') ?? '')?.[1] ?? entry.getAttribute('data-storyid');
    if (link && id) entries.push({ id: `${family}:${id}`, element: entry });
  }
  return entries;
}
