import { squash } from '../metadata/text';
import { emptyStory, type Blurb } from '../story';
import { parseInfoLine } from './ffnet-info';
import { absoluteUrl, applyInfo, familyOf, storyUrl, type FfnFamily } from './ffnet-common';
import { fandomLinkText, infoTimestamps, splitFandoms } from './ffnet-page';

/**
 * FFN story lists (fandom browse pages, search, "Just In", communities, profiles)
 * share one entry markup:
 *   div.z-list > a.stitle (title) · "by" a[href^=/u/] (author) · a.reviews
 *     > div.z-indent: summary text, then div.z-padtop2.xgray (the info line).
 * Lists that mix fandoms start the info line with the fandom
 * ("Harry Potter - Rated: …", "Crossover - Harry Potter & Naruto - Rated: …");
 * a fandom's own page names the fandom once, in its breadcrumb.
 */
export function readStoryList(doc: Document, url: URL): Blurb[] | null {
  const family = familyOf(url) ?? 'ffnet';
  const entries = Array.from(doc.querySelectorAll('div.z-list'));
  if (entries.length === 0) return null;
  const pageFandoms = family === 'ffnet' ? splitFandoms(fandomLinkText(doc, null)) : [];
  const items = entries.map((entry) => readEntry(entry, family, pageFandoms)).filter((b): b is Blurb => b !== null);
  return items.length ? items : null;
}

function readEntry(entry: Element, family: FfnFamily, pageFandoms: string[]): Blurb | null {
  const titleLink = entry.querySelector('a.stitle') ?? entry.querySelector('a[href^="/s/"]');
  const id = /\/s\/(\d+)/.exec(titleLink?.getAttribute('href') ?? '')?.[1] ?? entry.getAttribute('data-storyid') ?? undefined;
  if (!titleLink || !id) return null;
  const { chapters: _none, ...blurb } = emptyStory('ffnet', storyUrl(family, id));
  blurb.id = `${family}:${id}`;
  blurb.title = squash(titleLink.textContent);
  const author = Array.from(entry.querySelectorAll('a[href]')).find((a) => /^(?:https?:\/\/[^/]+)?\/u\/\d+/.test(a.getAttribute('href') ?? ''));
  if (author) blurb.authors = [{ name: squash(author.textContent), url: absoluteUrl(author.getAttribute('href'), family) }];
  const body = entry.querySelector('.z-indent');
  const infoEl = body?.querySelector('.xgray') ?? entry.querySelector('.xgray');
  blurb.summary = summaryOf(body, infoEl);
  if (infoEl) {
    const info = parseInfoLine(infoEl.textContent ?? '');
    applyInfo(blurb, info, infoTimestamps([infoEl]));
    blurb.fandoms = family === 'ffnet' ? fandomsOf(info.prefix, entry, pageFandoms) : [];
  } else if (family === 'ffnet') {
    blurb.fandoms = fandomsOf([], entry, pageFandoms);
  }
  return blurb;
}

/** The summary is the entry body's own text, before the info line. */
function summaryOf(body: Element | null | undefined, infoEl: Element | null | undefined): string {
  if (!body) return '';
  const parts: string[] = [];
  for (const node of Array.from(body.childNodes)) {
    if (node === infoEl || (node.nodeType === 1 && infoEl && (node as Element).contains(infoEl))) break;
    parts.push(node.textContent ?? '');
  }
  return squash(parts.join(' '));
}

function fandomsOf(prefix: string[], entry: Element, pageFandoms: string[]): string[] {
  if (prefix[0]?.toLowerCase() === 'crossover' && prefix[1]) return splitFandoms(`${prefix[1]} Crossover`);
  if (prefix[0]) return [squash(prefix[0])];
  // Profile pages tag each entry with its category.
  const category = squash(entry.getAttribute('data-category'));
  if (category) return splitFandoms(category);
  return pageFandoms;
}
