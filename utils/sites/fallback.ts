import type { PageResult } from '../story';
import type { SiteAdapter } from './types';
import { readClaimed, readWith } from './classify';
import { genericDetection } from './generic-detect';

export interface FallbackOptions {
  /** The families this content script carries (every one, or only those its hosts can serve). */
  adapters: readonly SiteAdapter[];
  /** The reader enabled FicShelf on this site (not a known story host), so the generic fallback may read it. */
  genericAllowed: boolean;
  /** Brings in the generic adapter (Readability), e.g. by running the content script's 'generic' part. */
  loadGeneric(): Promise<SiteAdapter>;
}

/**
 * classifyWith for the content script, which does not carry Readability: the
 * known families it carries read the page first; only when none claims it, the fallback
 * is allowed and the page passes the cheap "could this be an article" check
 * does it load the generic adapter and read the page with it alone (the known
 * families already declined, and the check is the generic adapter's own
 * detect). A page that is clearly not an article never loads it, nor does a
 * page that made a known family throw: that is a known site whose markup
 * changed, where Readability's reading would be wrong. Never rejects: a
 * failed load reads as `none`, like a page no adapter claims.
 */
export async function classifyWithFallback(doc: Document, url: string, options: FallbackOptions): Promise<PageResult> {
  const { result: known, failed } = readWith(options.adapters, doc, url);
  if (failed || known.kind !== 'none' || known.site !== null || !options.genericAllowed) return known;
  const pageUrl = articleUrl(doc, url);
  if (!pageUrl) return known;
  try {
    return readClaimed(await options.loadGeneric(), doc, pageUrl);
  } catch (error) {
    if (typeof console !== 'undefined') console.warn('[FicShelf] could not read this page with the generic reader:', error);
    return known;
  }
}

/** The page's URL when the page may be an article the generic adapter can read (its own detect), else null. */
function articleUrl(doc: Document, url: string): URL | null {
  try {
    const pageUrl = new URL(url);
    return genericDetection.matches(pageUrl) && genericDetection.detect(doc, pageUrl) ? pageUrl : null;
  } catch {
    return null;
  }
}
