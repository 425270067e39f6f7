import { classifyPage } from '@/utils/sites';
import { isKnownStoryHost } from '@/utils/site-access';
import type { Story } from '@/utils/story';
import { loadedPart } from '../parts/registry';

/**
 * Reads a fetched chapter page with the adapters, as the content script read
 * this one. Kept apart from saving's code: the content script already holds
 * the adapters and hands this to the save part, which then need not carry a
 * second copy of them. The generic fallback is there only if this page needed
 * it (its part then ran in this frame).
 */
export function extractStory(doc: Document, url: string | URL): Story | null {
  const generic = isKnownStoryHost(location.hostname) ? undefined : loadedPart('generic')?.generic;
  return classifyPage(doc, url, { generic }).story ?? null;
}
