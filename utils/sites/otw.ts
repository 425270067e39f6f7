import type { SiteAdapter } from './types';

// Placeholder until the adapter lands; detects nothing.
export const otw: SiteAdapter = {
  id: 'otw',
  name: 'Archive of Our Own and other OTW archives',
  matches: () => false,
  detect: () => false,
  extract: () => null,
};
