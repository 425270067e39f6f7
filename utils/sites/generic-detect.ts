import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import type { SiteAdapter } from './types';

/**
 * Which pages the generic fallback (generic.ts) may read, kept apart from it:
 * the content script decides with these alone, and loads Readability itself
 * (the 'generic' part) only for a page that passes.
 */
export const genericDetection: Pick<SiteAdapter, 'id' | 'matches' | 'detect'> = {
  id: 'generic',
  matches: (url) => url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'file:',
  detect: (doc) => isProbablyReaderable(doc),
};
