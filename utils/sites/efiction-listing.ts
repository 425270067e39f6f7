import type { Author, Blurb } from '../story';
import { emptyStory } from '../story';
import { squash } from '../metadata/text';
import { applyStoryInfo, readStoryInfo } from './efiction-fields';

/**
 * Browse, search, category and author pages list stories as `.listbox`
 * blocks (eFiction's storyblock template): "Title by Author Rated: X" on the
 * first line, then the same "Key: value" rows as the story index.
 */

function sidOf(href: string | null): string | undefined {
  if (!href || /chapter=|action=/i.test(href)) return undefined;
  return /viewstory\.php\?(?:[^#]*?&(?:amp;)?)?sid=(\d+)/i.exec(href)?.[1];
}

function absolute(href: string | null, base: string): string | undefined {
  try {
    return href ? new URL(href, base).href : undefined;
  } catch {
    return undefined;
  }
}

function authorsOf(line: Element, base: string): Author[] {
  return Array.from(line.querySelectorAll('a[href*="viewuser.php"]'))
    .map((a) => {
      const name = squash(a.textContent);
      const url = absolute(a.getAttribute('href'), base);
      return url ? { name, url } : { name };
    })
    .filter((a) => a.name);
}

function readBlurb(box: Element, url: URL, base: string): Blurb | null {
  const link = Array.from(box.querySelectorAll('a[href*="viewstory.php"]')).find((a) => sidOf(a.getAttribute('href')) && squash(a.textContent));
  if (!link) return null;
  const sid = sidOf(link.getAttribute('href'))!;
  const line = link.closest('.title, h2, h3, h4') ?? link.parentElement ?? box;
  const storyUrl = `${base}viewstory.php?sid=${sid}`;
  const { chapters: _none, ...blurb } = emptyStory('efiction', storyUrl);
  blurb.id = `efiction:${url.hostname}:${sid}`;
  blurb.title = squash(link.textContent);
  blurb.authors = authorsOf(line, base);
  const info = readStoryInfo(box, base);
  applyStoryInfo(blurb, info);
  const posted = info.chapters ?? 0;
  blurb.chapterCount = info.status === 'complete' ? { posted, planned: posted } : { posted };
  return blurb;
}

/** Every story block on a listing page; null when the page lists none. */
export function readListing(doc: Document, url: URL): Blurb[] | null {
  const base = `${url.protocol}//${url.host}${url.pathname.replace(/[^/]*$/, '')}`;
  const blurbs = Array.from(doc.querySelectorAll('.listbox'))
    .filter((box) => !box.parentElement?.closest('.listbox'))
    .map((box) => readBlurb(box, url, base))
    .filter((b): b is Blurb => b !== null);
  return blurbs.length ? blurbs : null;
}
