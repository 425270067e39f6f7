import type { PageResult } from '@/utils/story';
import { canRead } from '../reader/navigation';

/**
 * Which pages each feature runs on, apart from the features themselves: the
 * content script decides with these before it loads a feature's code.
 */
export const readsStory = (page: PageResult): boolean => page.kind === 'story' && canRead(page.story);
export const savesStory = (page: PageResult): boolean => page.kind === 'story' && !!page.story?.id;
export const shieldsStory = (page: PageResult): boolean => page.kind === 'story' && page.story !== undefined;
export const filtersListing = (page: PageResult): boolean => page.kind === 'listing' && (page.listing?.items.length ?? 0) > 0;
