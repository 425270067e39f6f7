/**
 * A long works listing made from a real one: the page's own `li.blurb`
 * entries cloned round-robin, each with a new work id (in its element id,
 * class and links), so every entry is distinct as AO3 would serve it.
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
 * Replaces the listing's entries with `count` clones of them; returns the
 * list element. Ids start at `firstId` and go up by one.
 */
export function buildSyntheticListing(doc: Document, count: number, firstId = 90_000_000): Element {
  const templates = [...doc.querySelectorAll('li.blurb')];
  const list = templates[0]?.parentElement;
  if (!list) throw new Error('no li.blurb entries on this page');
  for (const entry of templates) entry.remove();
  for (let i = 0; i < count; i++) {
    const entry = templates[i % templates.length]!.cloneNode(true) as Element;
    renumber(entry, firstId + i);
    list.appendChild(entry);
  }
  return list;
}
