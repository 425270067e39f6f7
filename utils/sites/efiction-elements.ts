/** Where eFiction pages keep the story text, its info block and notes, and each .listbox of a browse list. */
import type { ListingEntryElement, StoryParts } from './page-elements';

export function efictionStoryParts(doc: Document): StoryParts {
  const story = doc.getElementById('story');
  // The printable view has no #story: each chapter's text is a .chapter block.
  const body = story ? [story] : Array.from(doc.querySelectorAll('.chapter'));
  const outside = (el: Element) => !body.some((b) => b.contains(el) || el.contains(b));
  return {
    body,
    summary: Array.from(doc.querySelectorAll('.storyinfo, #output .content')).filter(outside),
    notes: Array.from(doc.querySelectorAll('.notes')).filter(outside),
    meta: [],
  };
}

function sidOf(href: string | null): string | undefined {
  if (!href || /chapter=|action=/i.test(href)) return undefined;
  return /viewstory\.php\?(?:[^#]*?&(?:amp;)?)?sid=(\d+)/i.exec(href)?.[1];
}

/** Every outermost .listbox with the id efiction's listing gives its blurb ("efiction:<host>:<sid>"). */
export function efictionListingElements(doc: Document, url: URL): ListingEntryElement[] {
  const entries: ListingEntryElement[] = [];
  for (const box of Array.from(doc.querySelectorAll('.listbox'))) {
    if (box.parentElement?.closest('.listbox')) continue;
    const link = Array.from(box.querySelectorAll('a[href*="viewstory.php"]')).find(
      (a) => sidOf(a.getAttribute('href')) && (a.textContent ?? '').trim(),
    );
    if (link) entries.push({ id: `efiction:${url.hostname}:${sidOf(link.getAttribute('href'))}`, element: box });
  }
  return entries;
}
