import { classifyWith } from '@/utils/sites/classify';
import type { SiteAdapter } from '@/utils/sites/types';
import { isKnownStoryHost } from '@/utils/site-access';
import type { Story } from '@/utils/story';
import { loadedPart } from '../parts/registry';

/** Reads a fetched page of the story being saved. */
export type StoryExtractor = (doc: Document, url: string | URL) => Story | null;

/**
 * Reads fetched chapter pages with the adapters this content script read
 * this page with. Kept apart from saving's code: the content script already
 * holds its adapters and hands this to the save part, which then need not
 * carry a second copy of them. The generic fallback is there only if this
 * page needed it (its part then ran in this frame).
 */
export function storyExtractor(adapters: readonly SiteAdapter[]): StoryExtractor {
  return (doc, url) => {
    const generic = isKnownStoryHost(location.hostname) ? undefined : loadedPart('generic')?.generic;
    return classifyWith(adapters, doc, url, { generic }).story ?? null;
  };
}
