import type { Feature } from './feature';
import { readerMode } from './reader-mode';
import { saveStory } from './save-story';

/** Every in-page feature, in the order they start. */
export const FEATURES: Feature[] = [readerMode, saveStory];
