import { squash } from '../metadata/text';

/**
 * Where things live on an FFN/FictionPress story page. Three layouts matter:
 * - 2014+: `#pre_story_links` breadcrumb, `#profile_top` header (title in <b>,
 *   "By:" author, summary div, `span.xgray` info line), `#chap_select` menus;
 * - 2012–2013: `#pre_story_links`, header table `#gui_table1i` ("Author:");
 * - 2005–2011: no header box; a breadcrumb "Books » Harry Potter » <b>Title</b>",
 *   an author table, a chapter `select[name=chapter]` and a bare "Rated: …" text line
 *   above `#storytextp`.
 * Every lookup is a selector or a short walk, never a scan of the page's text.
 */

const CATEGORY = '(?:anime|book|cartoon|comic|game|misc|movie|play|tv|fiction|poetry)';
/** A fandom (or FictionPress category) link: "/book/Harry-Potter/", "/X_and_Y_Crossovers/224/1043/". */
const FANDOM_HREF = new RegExp(`^(?:https?://[^/]+)?/(?:${CATEGORY}/[^/?#]+/?|[^/?#]+_Crossovers/[\\d/]+)$`, 'i');
const AUTHOR_HREF = /^(?:(?:https?:)?\/\/[^/]+)?\/u\/\d+/i;

export function storyTextElement(doc: Document): Element | null {
  // m.fanfiction.net calls it #storycontent.
  return doc.getElementById('storytext') ?? doc.getElementById('storycontent');
}

/** The header block: modern box, 2012 table, or (old layout) the column that holds the text. */
export function headerElement(doc: Document): Element | null {
  const box = doc.getElementById('profile_top') ?? doc.getElementById('gui_table1i');
  if (box) return box;
  const text = storyTextElement(doc);
  const wrapper = text?.parentElement?.id === 'storytextp' ? text.parentElement : text;
  return wrapper?.parentElement ?? null;
}

/** Direct children of `root` that come before the story text (old layout: the header part of the column). */
function headerChildren(root: Element, doc: Document): Element[] {
  const text = storyTextElement(doc);
  const out: Element[] = [];
  for (const child of Array.from(root.children)) {
    if (text && (child === text || child.contains(text))) break;
    out.push(child);
  }
  return out;
}

export function titleFromHeader(doc: Document, header: Element | null): string {
  if (!header) return '';
  if (header.id === 'profile_top' || header.id === 'gui_table1i') return squash(header.querySelector('b')?.textContent);
  // Old layout: the breadcrumb ends with the title in bold.
  for (const child of headerChildren(header, doc)) {
    const bold = child.querySelector('b');
    if (bold && child.querySelector('a[href]')) return squash(bold.textContent);
  }
  return '';
}

/** "Child of Four Chapter 1, a Harry Potter fanfic - FanFiction.Net" → "Child of Four". */
export function titleFromDocumentTitle(doc: Document, chapterTitle?: string): string {
  let title = squash(doc.title);
  const fanfic = /^(.*),\s+an?\s+.+?\s+(?:fanfic|fiction)\b.*$/i.exec(title);
  if (fanfic) title = fanfic[1]!;
  else title = title.replace(/\s*[|-]\s*(?:FanFiction(?:\.Net)?|FictionPress(?:\.com)?)\s*$/i, '');
  if (chapterTitle && title.endsWith(` ${chapterTitle}`)) title = title.slice(0, -chapterTitle.length - 1);
  return squash(title.replace(/\s+Chapter\s+\d+(?::.*)?$/i, ''));
}

export function authorLinks(header: Element | null, doc: Document): HTMLAnchorElement[] {
  if (!header) return [];
  const scope = header.id ? [header] : headerChildren(header, doc);
  for (const el of scope) {
    const link = Array.from(el.querySelectorAll('a[href]')).find((a) => AUTHOR_HREF.test(a.getAttribute('href') ?? ''));
    if (link) return [link as HTMLAnchorElement];
  }
  return [];
}

export function summaryElement(header: Element | null): Element | null {
  if (!header || !header.id) return null;
  return header.querySelector('div[style*="margin-top"]');
}

/** The breadcrumb's last fandom link text ("Harry Potter", "Harry Potter + Chronicles of Narnia Crossover"). */
export function fandomLinkText(doc: Document, header: Element | null): string {
  const crumbs = doc.getElementById('pre_story_links');
  const scope = crumbs ? [crumbs] : header && !header.id ? headerChildren(header, doc) : [];
  let last = '';
  for (const el of scope) {
    for (const a of Array.from(el.querySelectorAll('a[href]'))) {
      if (FANDOM_HREF.test(a.getAttribute('href') ?? '')) last = squash(a.textContent);
    }
  }
  return last;
}

/** "A + B Crossover" / "A & B Crossover" → ["A", "B"]; a single fandom stays whole. */
export function splitFandoms(text: string): string[] {
  const name = squash(text);
  if (!name) return [];
  const crossover = /^(.*)\s+Crossover$/i.exec(name);
  if (!crossover) return [name];
  const both = crossover[1]!;
  const separator = both.includes(' + ') ? ' + ' : ' & ';
  return both
    .split(separator)
    .map((f) => squash(f))
    .filter(Boolean);
}

/**
 * The info line's text and element. Modern and 2012 headers give it its own
 * element; the old layout leaves "Rated: …" as loose text in the column, so the
 * line is the run of inline nodes from that text up to the next block.
 */
export function infoLine(doc: Document, header: Element | null): { text: string; nodes: Node[] } | null {
  if (!header) return null;
  if (header.id) {
    const boxes = Array.from(header.querySelectorAll('span.xgray, div[style*="color:gray"], div[style*="color: gray"]'));
    const boxed = boxes.find((b) => /Rated\s*:/i.test(b.textContent ?? ''));
    return boxed ? { text: squash(boxed.textContent), nodes: [boxed] } : null;
  }
  const start = Array.from(header.childNodes).find((n) => n.nodeType === 3 && /^\s*Rated\s*:/i.test(n.nodeValue ?? ''));
  if (!start) return null;
  const nodes: Node[] = [];
  for (let node: Node | null = start; node; node = node.nextSibling) {
    if (node.nodeType === 1 && /^(HR|DIV|TABLE|SCRIPT|BR|P|CENTER|FORM)$/.test((node as Element).tagName)) break;
    nodes.push(node);
  }
  return { text: squash(nodes.map((n) => n.textContent ?? '').join('')), nodes };
}

/** The data-xutime timestamps that follow "Updated:" and "Published:" in the info line. */
export function infoTimestamps(nodes: Node[]): { updated?: string; published?: string } {
  const found: { updated?: string; published?: string } = {};
  for (const node of nodes) {
    const spans = node.nodeType === 1 ? Array.from((node as Element).querySelectorAll('[data-xutime]')) : [];
    if (node.nodeType === 1 && (node as Element).hasAttribute('data-xutime')) spans.unshift(node as Element);
    for (const span of spans) {
      const label = /(Updated|Published)\s*:\s*$/i.exec(span.previousSibling?.textContent ?? '')?.[1]?.toLowerCase();
      if (label === 'updated' || label === 'published') found[label] ??= span.getAttribute('data-xutime') ?? undefined;
    }
  }
  return found;
}

export function chapterMenu(doc: Document): HTMLSelectElement | null {
  return (doc.getElementById('chap_select') ?? doc.querySelector('select[name="chapter"]')) as HTMLSelectElement | null;
}

export interface MenuEntry {
  index: number;
  title: string;
  selected: boolean;
}

/** "3. The Fall" → { index: 3, title: "The Fall" }. */
export function menuEntries(menu: HTMLSelectElement | null): MenuEntry[] {
  if (!menu) return [];
  return Array.from(menu.querySelectorAll('option')).map((option, at) => {
    const label = squash(option.textContent);
    const number = /^(\d+)\.\s*/.exec(label);
    const value = Number(option.getAttribute('value'));
    return {
      index: Number.isInteger(value) && value > 0 ? value : number ? Number(number[1]) : at + 1,
      title: number ? label.slice(number[0].length) : label,
      selected: option.hasAttribute('selected'),
    };
  });
}

/** Script variables old pages set for their bookmarking code (`var words = 228784;`). */
export function scriptVars(doc: Document): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const code = script.textContent ?? '';
    if (!code.includes('storyid')) continue;
    for (const m of code.matchAll(/var\s+(\w+)\s*=\s*(?:\w+\s*=\s*)?('(?:[^'\\]|\\.)*'|\d+)\s*;/g)) {
      const raw = m[2]!;
      vars[m[1]!] ??= raw.startsWith("'") ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    }
  }
  return vars;
}

/** A story id from the page's own links: chapter menu, canonical link, review or share links. */
export function storyIdFromPage(doc: Document, vars: Record<string, string>): string | undefined {
  const menu = chapterMenu(doc)?.getAttribute('onchange') ?? '';
  const fromMenu = /\/s\/(\d+)\//.exec(menu)?.[1];
  if (fromMenu) return fromMenu;
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
  const fromCanonical = /\/s\/(\d+)/.exec(canonical)?.[1];
  if (fromCanonical) return fromCanonical;
  if (vars.storyid && /^\d+$/.test(vars.storyid)) return vars.storyid;
  const review = doc.querySelector('a[href^="/r/"]')?.getAttribute('href') ?? '';
  const fromReview = /^\/r\/(\d+)/.exec(review)?.[1];
  if (fromReview) return fromReview;
  const share = doc.querySelector('a.share_link, a[href*="%2Fs%2F"]')?.getAttribute('href') ?? '';
  return /%2Fs%2F(\d+)/i.exec(share)?.[1];
}
