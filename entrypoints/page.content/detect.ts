import { classifyWithFallback } from '@/utils/sites/fallback';
import { isKnownStoryHost } from '@/utils/site-access';
import type { PageReport } from '@/utils/messages';
import { storyWithoutHtml } from '@/utils/story-html';
import { runFeatures } from './run-features';
import { withEpisodeGuides } from './guides';
import { loadPart } from './parts/registry';
import type { SiteAdapter } from '@/utils/sites/types';
import { storyExtractor } from './save/extract';

const LOADED = Symbol.for('ficshelf.content-loaded');

/**
 * Reads the page once, marks <html data-ficshelf>, and tells the background.
 * Runs at most once per page (the popup may inject it again on an enabled
 * site), and nothing it does may throw into the site's own scripts.
 * `adapters` are the families this content script carries; saving reads
 * fetched chapters with the same ones.
 */
export async function detectAndReport(adapters: readonly SiteAdapter[]): Promise<void> {
  const marker = globalThis as unknown as Record<symbol, boolean>;
  if (marker[LOADED]) return;
  marker[LOADED] = true;
  try {
    // On a site the reader enabled by hand, no family may claim the page: allow Readability (loaded as a part).
    const read = await classifyWithFallback(document, location.href, {
      adapters,
      genericAllowed: !isKnownStoryHost(location.hostname),
      loadGeneric: async () => (await loadPart('generic')).generic,
    });
    document.documentElement.dataset.ficshelf = read.kind;
    // A fandom with an episode guide: its spoiler marks are read again once the guides are here.
    const result = await withEpisodeGuides(read);
    const page: PageReport = {
      kind: result.kind,
      site: result.site,
      url: location.href,
      // No markup: this script has no sanitiser, and the background and popup need the text only.
      story: result.story && storyWithoutHtml(result.story),
      listingCount: result.listing?.items.length,
    };
    browser.runtime.sendMessage({ type: 'ficshelf:page', page }).catch(() => undefined);
    void runFeatures(result, storyExtractor(adapters)).catch((error) => console.warn('[FicShelf] features failed', error));
  } catch (error) {
    document.documentElement.dataset.ficshelf = 'none';
    console.warn('[FicShelf] detection failed', error);
  }
}
