import { Readability, isProbablyReaderable } from '@mozilla/readability';
import type { SiteAdapter } from './types';
import { emptyStory } from '../story';
import { sanitizeHtml } from '../sanitize';
import { blockText, countWords, hashString, squash } from '../metadata/text';

/**
 * The fallback for any page the reader enabled FicShelf on: Mozilla's
 * Readability finds the main text. It knows nothing of fanfiction headers, so
 * the story has a title, a byline and one chapter, and nothing else.
 */
export const generic: SiteAdapter = {
  id: 'generic',
  name: 'Any page (Readability)',
  matches: (url) => url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'file:',
  detect: (doc) => isProbablyReaderable(doc),
  extract(doc, url) {
    // Readability rewrites the tree it reads; the page must stay untouched.
    const article = new Readability(doc.cloneNode(true) as Document).parse();
    if (!article?.content) return null;
    const html = sanitizeHtml(article.content, doc.defaultView);
    const inert = doc.implementation.createHTMLDocument('');
    inert.body.innerHTML = html;
    const text = blockText(inert.body);
    if (!text) return null;
    const canonical = canonicalUrl(doc, url);
    const story = emptyStory('generic', canonical);
    story.id = `generic:${hashString(canonical)}`;
    story.title = squash(article.title) || squash(doc.title) || canonical;
    const byline = squash(article.byline);
    if (byline) story.authors = [{ name: byline.replace(/^by\s+/i, '') }];
    story.summary = squash(article.excerpt);
    if (article.lang) story.language = article.lang;
    const published = article.publishedTime?.slice(0, 10);
    if (published && /^\d{4}-\d\d-\d\d$/.test(published)) story.published = published;
    const words = countWords(text);
    story.words = words;
    story.chapterCount = { posted: 1 };
    story.chapters = [{ index: 1, url: canonical, html, text, words }];
    return story;
  },
};

function canonicalUrl(doc: Document, url: URL): string {
  const href = doc.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.getAttribute('href');
  try {
    if (href) return new URL(href, url).href;
  } catch {
    /* a broken canonical link: fall back to the address */
  }
  const u = new URL(url.href);
  u.hash = '';
  return u.href;
}
