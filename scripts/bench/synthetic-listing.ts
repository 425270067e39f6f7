/**
 * A long works listing made from real ones: `li.blurb` entries cloned
 * round-robin, each with a new work id (in its element id, class and links),
 * so every entry is distinct as AO3 would serve it. The entries come from the
 * page itself, or from templates: the work blurbs of every AO3 listing
 * fixture, so that 1,000 entries repeat 371 works rather than one page's 20
 * (tags, creators and summaries then repeat about as little as they would).
 */

const WORK_ID = /(\/works\/|work[_-])(\d+)/g;

/** Rewrites every work id inside an entry to `id`. */
function renumber(entry: Element, id: number): void {
  const rewrite = (value: string) => value.replace(WORK_ID, (_match, lead: string) => `${lead}${id}`);
  for (const el of [entry, ...entry.querySelectorAll('*')]) {
    for (const name of ['id', 'class', 'href']) {
      const value = el.getAttribute(name);
      if (value && WORK_ID.test(value)) el.setAttribute(name, rewrite(value));
      WORK_ID.lastIndex = 0;
    }
  }
}

/**
 * Replaces the listing's entries with `count` clones of `templates` (by
 * default the page's own entries); returns the list element. Ids start at
 * `firstId` and go up by one.
 */
export function buildSyntheticListing(doc: Document, count: number, firstId = 90_000_000, templates?: readonly Element[]): Element {
  const own = [...doc.querySelectorAll('li.blurb')];
  const list = own[0]?.parentElement;
  if (!list) throw new Error('no li.blurb entries on this page');
  const sources = templates && templates.length > 0 ? templates : own;
  for (const entry of own) entry.remove();
  for (let i = 0; i < count; i++) {
    const entry = doc.importNode(sources[i % sources.length]!, true);
    renumber(entry, firstId + i);
    list.appendChild(entry);
  }
  return list;
}

/** The work blurbs in a string of HTML (as listingTemplatesHtml gives it), as elements of `doc`. */
export function templatesFromHtml(doc: Document, html: string): Element[] {
  const holder = doc.createElement('template');
  holder.innerHTML = html;
  return [...holder.content.querySelectorAll('li.work.blurb')];
}
