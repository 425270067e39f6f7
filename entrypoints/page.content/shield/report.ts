import type { PageReport } from '@/utils/messages';
import type { PageResult } from '@/utils/story';
import { storyWithoutHtml } from '@/utils/story-html';

export interface FilterState {
  /** Listing entries collapsed right now. */
  hiddenCount?: number;
  /** Reasons the story is covered right now; empty when it shows. */
  covered?: string[];
}

/**
 * Sends the page report again with what the filters did, so the popup can say
 * it. A covered story goes without its summary and notes: the popup must not
 * show what the shield hides.
 */
export function reportFilterState(page: PageResult, state: FilterState): void {
  const covered = (state.covered?.length ?? 0) > 0;
  const plain = page.story && storyWithoutHtml(page.story);
  const story = plain && covered ? { ...plain, summary: '', notes: [] } : plain;
  const report: PageReport = {
    kind: page.kind,
    site: page.site,
    url: location.href,
    story,
    listingCount: page.listing?.items.length,
    ...state,
  };
  try {
    browser.runtime.sendMessage({ type: 'ficshelf:page', page: report }).catch(() => undefined);
  } catch {
    // No extension context (reloaded extension): the page itself is filtered all the same.
  }
}
