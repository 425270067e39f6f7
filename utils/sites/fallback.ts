import type { PageResult } from '../story';
import type { SiteAdapter } from './types';
import { classifyWith } from './classify';
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
 * does it load the generic adapter and read the page with it. A page that is
 * clearly not an article never loads it. Never rejects: a failed load reads
 * as `none`, like a page no adapter claims.
 */
export async function classifyWithFallback(doc: Document, url: string, options: FallbackOptions): Promise<PageResult> {
  const known = classifyWith(options.adapters, doc, url);
  if (known.kind !== 'none' || known.site !== null || !options.genericAllowed || !mayBeArticle(doc, url)) return known;
  try {
    return classifyWith(options.adapters, doc, url, { generic: await options.loadGeneric() });
  } catch (error) {
    if (typeof console !== 'undefined') console.warn('[FicShelf] could not load the generic reader:', error);
    return known;
  }
}

function mayBeArticle(doc: Document, url: string): boolean {
  try {
    const pageUrl = new URL(url);
    return genericDetection.matches(pageUrl) && genericDetection.detect(doc, pageUrl);
  } catch {
    return false;
  }
}
