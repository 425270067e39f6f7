import type { Feature } from './feature';
import { readerMode } from './reader-mode';
import { saveStory } from './save-story';
import { spoilerShield } from './spoiler-shield';
import { listingFilter } from './listing-filter';

/** Every in-page feature, in the order they start. The filters start first: a covered story must be covered before reader mode may open by itself. */
export const FEATURES: Feature[] = [spoilerShield, listingFilter, readerMode, saveStory];
