import type { Feature } from './feature';

/** Every in-page feature, in the order they start. */
export const FEATURES: Feature[] = [];
