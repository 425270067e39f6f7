import type { SiteAdapter } from './types';

// Placeholder until the adapter lands; detects nothing.
export const efiction: SiteAdapter = {
  id: 'efiction',
  name: 'eFiction archive',
  matches: () => false,
  detect: () => false,
  extract: () => null,
};
